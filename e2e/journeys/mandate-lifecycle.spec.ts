import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '../fixtures'
import { BankPage } from '../../packages/testing/src/pages/bank'
import { EnachForm } from '../../packages/testing/src/pages/enach-form'
import { UpiAppPage } from '../../packages/testing/src/pages/upi-app'
import { Checkout } from '../../packages/testing/src/pages/checkout'
import { UpiMandatesPage } from '../../packages/testing/src/pages/upi-mandates'
import { DEMO_MERCHANT, basicAuth, nowEpoch } from '../support/merchant-api'
import { WebhookReceiver } from '../../packages/testing/src/webhook-receiver'
import { MAGIC_ACCOUNTS } from '../../contract/scenarios'
import { TEST_IDS } from '../../src/lib/test-ids'
import { stayOnResult } from '../support/return'

const monthly = {
  amount: '1.00',
  return_url: 'http://127.0.0.1:9/return',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
  'metadata.auto_refund_post_success': 'true',
}
const auth = { authorization: basicAuth(DEMO_MERCHANT.apiKey) }
const MERCHANT_NAME = 'Acme Fitness'

interface MandateWebhook {
  event_name: string
  content: { mandate?: { status: string; payment_info: Record<string, unknown> } }
}

async function orderMandate(request: APIRequestContext, orderId: string): Promise<{ mandate_status: string; mandate_id: string }> {
  const res = await request.get(`/orders/${orderId}`, { headers: auth })
  return ((await res.json()) as { mandate: { mandate_status: string; mandate_id: string } }).mandate
}

const mandateStatus = async (request: APIRequestContext, orderId: string): Promise<string> => (await orderMandate(request, orderId)).mandate_status

/** The webhooks the merchant received after the registration's ORDER_SUCCEEDED, as event name and mandate status. */
function changes(receiver: WebhookReceiver): [string, string | undefined][] {
  const bodies = receiver.received.map((r) => r.body as MandateWebhook)
  const registered = bodies.findIndex((b) => b.event_name === 'ORDER_SUCCEEDED')
  return registered < 0 ? [] : bodies.slice(registered + 1).map((b) => [b.event_name, b.content.mandate?.status])
}

/** A day a week from now, as the app's date field takes it. */
const inAWeek = (): string => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10)

test('a UPI mandate paused, resumed and revoked in "My AutoPay mandates", reached from the success screen: the merchant hears each', async ({
  merchant,
  page,
  request,
  expectAccessible,
}) => {
  const receiver = await WebhookReceiver.start()
  try {
    const { orderId, pageUrl } = await merchant.createSession({ ...monthly, 'metadata.webhook_url': receiver.url })
    const customer = new Checkout(page)
    await customer.open(pageUrl)
    await customer.chooseRail('upi')
    await customer.payWithQr({ pin: '123456' })
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    await stayOnResult(page)
    const { mandate_id: mandateId } = await orderMandate(request, orderId)

    const opened = page.waitForEvent('popup')
    await page.getByTestId(TEST_IDS.mandatesLink).click()
    const mandates = new UpiMandatesPage(await opened)
    await mandates.expectList()
    const card = mandates.mandate(MERCHANT_NAME, mandateId)
    await expect(card).toContainText('Active')
    await expect(card).toContainText('Up to ₹1,000.00 per debit')
    await expectAccessible(mandates.page)

    await mandates.pauseUntil(card, inAWeek())
    await expect(card).toContainText('Paused until')
    await expectAccessible(mandates.page)
    await expect.poll(() => mandateStatus(request, orderId)).toBe('PAUSED')
    await expect.poll(() => changes(receiver)).toEqual([['MANDATE_PAUSED', 'PAUSED']])

    await mandates.resume(card)
    await expect.poll(() => mandateStatus(request, orderId)).toBe('ACTIVE')
    await mandates.revoke(card)
    await expect(card).toContainText('Revoked')
    await expect(card.getByRole('button')).toHaveCount(0)
    await expectAccessible(mandates.page)
    await expect.poll(() => mandateStatus(request, orderId)).toBe('REVOKED')
    await expect.poll(() => changes(receiver)).toEqual([
      ['MANDATE_PAUSED', 'PAUSED'],
      ['MANDATE_ACTIVATED', 'ACTIVE'],
      ['MANDATE_REVOKED', 'REVOKED'],
    ])
  } finally {
    await receiver.stop()
  }
})

test('an eNACH mandate cancelled at the bank: the merchant hears MANDATE_REVOKED with the bank account in payment_info', async ({
  merchant,
  checkout,
  page,
  request,
  expectAccessible,
}) => {
  const receiver = await WebhookReceiver.start()
  try {
    const { orderId, pageUrl } = await merchant.createSession({ ...monthly, action: 'enach', 'metadata.webhook_url': receiver.url })
    await checkout.open(pageUrl)
    const form = new EnachForm(page)
    await form.chooseBank('hdfc', 'HDFC Bank')
    await form.fillAccount({ holder: 'Asha Verma', number: MAGIC_ACCOUNTS.approved, ifsc: 'HDFC0001234' })
    await form.submit()
    const bank = new BankPage(page)
    await bank.logIn()
    await bank.enterOtp()
    const bankUrl = page.url()
    await bank.authorise()
    await expect(page.getByRole('heading', { level: 1, name: 'eNACH mandate registered' })).toBeVisible()

    await page.goto(bankUrl)
    await page.getByRole('link', { name: 'View or cancel this eMandate' }).click()
    await expect(bank.heading('Your eMandate')).toBeVisible()
    await expectAccessible()
    await page.getByRole('button', { name: 'Cancel this eMandate' }).click()
    await expect(page.getByRole('status')).toContainText('You cancelled the eMandate for Acme Fitness.')
    await expectAccessible()

    await expect.poll(() => mandateStatus(request, orderId)).toBe('REVOKED')
    await expect
      .poll(() => receiver.received.map((r) => r.body as MandateWebhook).find((b) => b.event_name === 'MANDATE_REVOKED')?.content.mandate)
      .toMatchObject({ status: 'REVOKED', payment_info: { payment_method_type: 'NB', bank_account_details: { account_number: 'XXXXXX1111' } } })
  } finally {
    await receiver.stop()
  }
})

test('a merchant revokes a mandate through the API: answered as Juspay does, heard by webhook, and the app shows it revoked, in Hindi too', async ({
  merchant,
  checkout,
  page,
  request,
  expectAccessible,
}) => {
  const receiver = await WebhookReceiver.start()
  try {
    const { orderId, pageUrl } = await merchant.createSession({ ...monthly, 'metadata.webhook_url': receiver.url })
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    const approval = page.waitForEvent('popup')
    await page.getByRole('link', { name: /Open the simulated UPI app/ }).click()
    const app = new UpiAppPage(await approval)
    await app.approve()
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()

    const { mandate_id: mandateId } = await orderMandate(request, orderId)
    const paused = await request.post(`/mandates/${mandateId}`, {
      headers: auth,
      form: { command: 'pause', pause_start_date: String(nowEpoch() + 3600), pause_end_date: String(nowEpoch() + 10 * 86400) },
    })
    expect(await paused.json()).toMatchObject({ mandate_status: 'PAUSED', mandate_id: mandateId })
    const revoked = await request.post(`/mandates/${mandateId}`, { headers: auth, form: { command: 'revoke' } })
    expect(revoked.status()).toBe(200)
    expect(await revoked.json()).toEqual({ mandate_status: 'REVOKED', mandate_id: mandateId })
    const read = await request.get(`/mandates/${mandateId}`, { headers: auth })
    expect(await read.json()).toMatchObject({ mandate_id: mandateId, status: 'REVOKED', order_id: orderId })
    await expect.poll(() => changes(receiver)).toEqual([
      ['MANDATE_PAUSED', 'PAUSED'],
      ['MANDATE_REVOKED', 'REVOKED'],
    ])

    const opened = page.waitForEvent('popup')
    await page.getByTestId(TEST_IDS.mandatesLink).click()
    const mandates = new UpiMandatesPage(await opened)
    await expect(mandates.mandate(MERCHANT_NAME, mandateId)).toContainText('Revoked')

    await mandates.page.getByRole('link', { name: 'हिन्दी' }).click()
    await expect(mandates.page.locator('html')).toHaveAttribute('lang', 'hi')
    await expect(mandates.page.getByRole('heading', { level: 1, name: 'मेरे ऑटोपे मैंडेट' })).toBeVisible()
    await expect(mandates.mandate(MERCHANT_NAME, mandateId)).toContainText('रद्द किया गया')
    await expectAccessible(mandates.page)
  } finally {
    await receiver.stop()
  }
})
