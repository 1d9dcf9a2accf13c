import { request as apiRequest, type APIRequestContext } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { SandboxClient } from '../../packages/testing/src/client'
import { Checkout } from '../../packages/testing/src/pages/checkout'
import { expect, test } from '../fixtures'
import { executionOfOrder } from '../support/billing'
import { UpiMandatesPage } from '../../packages/testing/src/pages/upi-mandates'
import { TEST_IDS } from '../../src/lib/test-ids'
import { DEMO_MERCHANT, MerchantApi, basicAuth } from '../support/merchant-api'
import { startCluster, type SandboxCluster } from '../support/sandbox-cluster'
import { stayOnResult } from '../support/return'

const auth = { authorization: basicAuth(DEMO_MERCHANT.apiKey) }
/**
 * Its own sandbox (on Redis), clear of the journeys' (E2E_PORT, E2E_PORT + 1), the shared-sandbox
 * cluster's (+20) and the clock journey's (+30): moving the demo merchant's clock anywhere else
 * would move it under every other journey.
 */
const RENEWALS_PORT = Number(new URL(baseURL).port) + 40

/** Juspay Billing flow 2 (docs/domain/billing.md): fit_monthly_trial, 14 days free, then ₹499 on the 5th; SKIP on failure. */
const trialRegistration = {
  amount: '1.00',
  customer_id: 'cust-renewals',
  'options.create_mandate': 'REQUIRED',
  'metadata.auto_refund_post_success': 'true',
  payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly_trial' } } } },
}

/** A debit's moment: 06:00 IST on its day (docs/domain/renewals.md#when), in Unix seconds. */
const debitAt = (day: string): number => Math.floor(Date.parse(`${day}T06:00:00+05:30`) / 1000)
const HOUR = 3600

test.describe.serial('renewals on the sandbox clock (docs/domain/renewals.md)', () => {
  let cluster: SandboxCluster
  let api: APIRequestContext
  /** The QA kit's client, so its renewal calls (nextDebit, timeline) are driven here too. */
  let sandbox: SandboxClient

  test.beforeAll(async () => {
    cluster = await startCluster(RENEWALS_PORT, 1)
    const [instance] = cluster.instances
    if (!instance) throw new Error('one instance expected')
    api = await apiRequest.newContext({ baseURL: instance.origin })
    sandbox = new SandboxClient(api, { url: instance.origin, merchantId: DEMO_MERCHANT.id, apiKey: DEMO_MERCHANT.apiKey })
  })

  test.afterAll(async () => {
    await api.dispose()
    await cluster.stop()
  })

  const moveTo = async (seconds: number) => {
    const moved = await api.post('/sandbox/clock', { headers: auth, data: { advance_to: seconds } })
    expect(moved.status()).toBe(200)
  }
  const inbox = async (orderId: string) => {
    const res = await api.get(`/sandbox/orders/${orderId}/webhooks`, { headers: auth })
    expect(res.status()).toBe(200)
    return ((await res.json()) as { webhooks: { event_name: string; created_at: string; body: { content: Record<string, Record<string, unknown>> } }[] }).webhooks
  }
  const eventsOf = async (orderId: string) => (await inbox(orderId)).map((w) => w.event_name)
  const order = async (orderId: string) => (await (await api.get(`/orders/${orderId}`, { headers: auth })).json()) as Record<string, unknown>

  test('a UPI mandate with a 14-day trial: notice, a successful first debit, the next cycle failing, its retries, then the plan skips the cycle', async ({ page }) => {
    const { orderId, body } = await new MerchantApi(api).createSession(trialRegistration)
    const checkout = new Checkout(page)
    await checkout.open((body['payment_links'] as { web: string }).web)
    await checkout.chooseRail('upi')
    await checkout.payWithQr({ pin: '123456' })
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()

    const execution = await executionOfOrder(api, orderId)
    const id = execution.billing_execution_info_id
    const firstDay = execution.schedule.first_charge?.date ?? ''
    expect(execution.schedule.intro).toMatchObject({ type: 'DAYS', days: 14 })
    const first = debitAt(firstDay)
    const cycle1 = `${id}_1`

    // The trial: nothing is debited before its end; the notice comes 36 h before the first debit.
    await moveTo(first - 36 * HOUR)
    expect(await eventsOf(cycle1)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED'])
    const notice = (await inbox(cycle1))[2]?.body.content['notification']
    expect(notice).toMatchObject({ status: 'SUCCESS', source_info: { amount: '499.00', txn_date: String(first) }, mandate: { mandate_id: execution.mandate_id } })
    expect(await order(cycle1)).toMatchObject({ status: 'NEW' })

    await moveTo(first)
    await expect.poll(async () => (await order(cycle1))['status']).toBe('CHARGED')
    expect(await order(cycle1)).toMatchObject({ amount: 499, billing_execution_info_id: id, txn_id: `${DEMO_MERCHANT.id}-${cycle1}-1` })
    expect((await eventsOf(cycle1)).at(-1)).toBe('ORDER_SUCCEEDED')

    // The next cycle fails for want of funds.
    const { scheduled } = await sandbox.nextDebit(execution.mandate_id, { outcome: 'failure', reason: 'insufficient_funds' })
    if (!scheduled) throw new Error('the next cycle is scheduled once the first debit is made')
    expect(scheduled).toMatchObject({ cycle: 2, order_id: `${id}_2` })
    const second = debitAt(scheduled.date)
    await moveTo(second)
    expect(await order(scheduled.order_id)).toMatchObject({ status: 'AUTHORIZATION_FAILED', resp_code: 'INSUFFICIENT_FUNDS' })
    expect((await executionOfOrder(api, orderId)).status).toBe('PAST_DUE')

    // Its three retries, at 07:00, 13:00 (10:00 is a peak hour) and 16:00 IST, then the plan's action.
    await moveTo(second + 12 * HOUR)
    const failed = (await inbox(scheduled.order_id)).filter((w) => w.event_name === 'ORDER_FAILED')
    expect(failed.map((w) => Math.floor(Date.parse(w.created_at) / 1000))).toEqual([second, second + HOUR, second + 7 * HOUR, second + 10 * HOUR])
    expect((await eventsOf(scheduled.order_id)).at(-1)).toBe('BILLING_TXN_RETRY_EXCEEDED')
    expect(await order(scheduled.order_id)).toMatchObject({ status: 'AUTHORIZATION_FAILED', txn_id: `${DEMO_MERCHANT.id}-${scheduled.order_id}-4` })
    expect((await executionOfOrder(api, orderId)).status).toBe('ACTIVE')
    expect(await eventsOf(`${id}_3`)).toEqual(['BILLING_TXN_SCHEDULED'])

    const lines = (await sandbox.timeline(id)).timeline
    expect(await sandbox.mandateTimeline(execution.mandate_id)).toEqual(await sandbox.timeline(id))
    const events = lines.map((l) => l.event)
    for (const expected of ['debit_scheduled', 'notice_sent', 'debit_attempted', 'retry_scheduled', 'retries_exhausted', 'status_changed', 'webhook']) {
      expect(events).toContain(expected)
    }
    expect(lines.map((l) => Date.parse(l.at))).toEqual(lines.map((l) => Date.parse(l.at)).sort((a, b) => a - b))
  })

  test('the customer pauses in the UPI app over a debit, which is skipped; the pause ends by itself and the next debit is made; a revoke in the app stops the debits', async ({ page }) => {
    const { orderId, body } = await new MerchantApi(api).createSession({ ...trialRegistration, customer_id: 'cust-renewals-app' })
    const checkout = new Checkout(page)
    await checkout.open((body['payment_links'] as { web: string }).web)
    await checkout.chooseRail('upi')
    await checkout.payWithQr({ pin: '123456' })
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    await stayOnResult(page)
    const opened = page.waitForEvent('popup')
    await page.getByTestId(TEST_IDS.mandatesLink).click()
    const app = new UpiMandatesPage(await opened)
    await app.expectList()

    const execution = await executionOfOrder(api, orderId)
    const id = execution.billing_execution_info_id
    const firstDay = execution.schedule.first_charge?.date ?? ''
    const card = app.mandate('Acme Fitness', execution.mandate_id)

    // Paused until two days after the first debit (the end of that day, IST): the debit is skipped.
    const pauseEnds = new Date(Date.parse(`${firstDay}T00:00:00Z`) + 2 * 24 * HOUR * 1000).toISOString().slice(0, 10)
    await app.pauseUntil(card, pauseEnds)
    await moveTo(debitAt(firstDay))
    expect(await eventsOf(`${id}_1`)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_FAILED', 'ORDER_FAILED'])
    expect(await order(`${id}_1`)).toMatchObject({ status: 'JUSPAY_DECLINED' })
    expect((await executionOfOrder(api, orderId)).status).toBe('PAUSED')

    // The pause ends by itself: the mandate is ACTIVE again, the app says so, and the next cycle is debited.
    await moveTo(Math.floor(Date.parse(`${pauseEnds}T23:59:59.999+05:30`) / 1000) + 1)
    await app.page.reload()
    await expect(card).toContainText('Active')
    const { scheduled } = await sandbox.nextDebit(execution.mandate_id, { outcome: 'success' })
    if (!scheduled) throw new Error('the next cycle is scheduled once the skipped one ended')
    expect(scheduled.order_id).toBe(`${id}_2`)
    await moveTo(debitAt(scheduled.date))
    expect(await order(`${id}_2`)).toMatchObject({ status: 'CHARGED' })
    expect((await executionOfOrder(api, orderId)).status).toBe('ACTIVE')

    // Revoked in the app: the next cycle's debit is not made, and the subscription ends.
    await app.revoke(card)
    const third = await sandbox.timeline(id)
    const scheduledThird = third.timeline.find((l) => l.event === 'debit_scheduled' && l.order_id === `${id}_3`)
    expect(scheduledThird).toBeDefined()
    await moveTo(debitAt(scheduled.date) + 40 * 24 * HOUR)
    expect(await order(`${id}_3`)).toMatchObject({ status: 'JUSPAY_DECLINED' })
    expect(await eventsOf(`${id}_3`)).not.toContain('ORDER_SUCCEEDED')
    expect((await executionOfOrder(api, orderId)).status).toBe('CANCELLED')
    expect((await api.get(`/sandbox/orders/${id}_4/webhooks`, { headers: auth })).status()).toBe(404)
  })
})
