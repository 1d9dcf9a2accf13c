import { expect, test } from '../fixtures'
import type { Page } from '@playwright/test'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { emulate } from '../support/emulate'
import { nowEpoch } from '../support/merchant-api'
import { WebhookReceiver } from '../../packages/testing/src/webhook-receiver'
import { executionOfOrder, expectFirstDebitShown, expectScheduleShown, pageDate, pageMoney, readShownSchedule } from '../support/billing'

/** Juspay Billing flows 1 and 2 (docs/domain/billing.md#juspay-billing-flows): a plan registered with the mandate. */
const registration = (planId: string, info: Record<string, unknown> = {}) => ({
  amount: '1.00',
  customer_id: 'cust-e2e',
  description: 'Acme Fitness membership',
  'options.create_mandate': 'REQUIRED',
  'metadata.auto_refund_post_success': 'true',
  payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: planId, ...info } } } },
})

const WORDS = {
  en: { continue: /^Continue with UPI AutoPay/, vpa: 'UPI ID', verify: 'Verify', send: 'Send request', done: 'AutoPay is set up' },
  hi: { continue: /आगे बढ़ें$/, vpa: 'UPI आईडी', verify: 'जाँचें', send: 'अनुरोध भेजें', done: 'ऑटोपे सेट हो गया है' },
} as const

/** The customer approves a collect request to a UPI ID that the simulated bank approves. */
async function payByUpiId(page: Page, locale: keyof typeof WORDS = 'en'): Promise<void> {
  const words = WORDS[locale]
  await page.getByRole('button', { name: words.continue }).click()
  await page.getByRole('textbox', { name: words.vpa }).fill(MAGIC_VPAS.success)
  await page.getByRole('button', { name: words.verify }).click()
  await page.getByRole('button', { name: words.send }).click()
  await expect(page.getByRole('heading', { level: 1, name: words.done })).toBeVisible()
}

test.describe('Juspay Billing on the page', () => {
  test.use(emulate('iPhone 13'))

  test('flow 1: a billing start date 10 days out is shown as the start, and the subscription bills from it', async ({ merchant, checkout, page, request, expectAccessible }) => {
    const startsAt = nowEpoch() + 10 * 24 * 3600
    const { orderId, pageUrl } = await merchant.createSession(registration('fit_monthly', { billing_start_date: startsAt }))
    await checkout.open(pageUrl)
    await checkout.expectReady()
    const shown = await readShownSchedule(checkout.testId('priceSchedule'))
    await expectAccessible()
    await payByUpiId(page)

    const execution = await executionOfOrder(request, orderId)
    expect(execution).toMatchObject({ status: 'ACTIVE', order_id: orderId, customer_id: 'cust-e2e', plan_info: { plan_id: 'fit_monthly' } })
    expect(execution.schedule.intro.type).toBe('START_DATE')
    expect(shown.text).toContain(pageDate(execution.schedule.intro.starts_on ?? ''))
    expectScheduleShown(shown, execution)
    await expectFirstDebitShown(checkout.testId('firstDebit'), execution)
  })

  test('flow 2: 14 free days, then the plan; the merchant hears the subscription start', async ({ merchant, checkout, page, request }) => {
    const receiver = await WebhookReceiver.start()
    try {
      const { orderId, pageUrl } = await merchant.createSession({ ...registration('fit_monthly_trial'), 'metadata.webhook_url': receiver.url })
      await checkout.open(pageUrl)
      const shown = await readShownSchedule(checkout.testId('priceSchedule'))
      await payByUpiId(page)

      const execution = await executionOfOrder(request, orderId)
      expect(execution.schedule.intro).toMatchObject({ type: 'DAYS', days: 14 })
      expect(shown.text).toContain('Free for 14 days')
      expect(shown.text).toContain(pageDate(execution.schedule.intro.ends_on ?? ''))
      expect(execution.schedule.upcoming_charges).toEqual([expect.objectContaining({ amount: 499, intro: false })])
      expectScheduleShown(shown, execution)
      await expectFirstDebitShown(checkout.testId('firstDebit'), execution)

      await expect
        .poll(() => receiver.received.map((r) => (r.body as { event_name: string }).event_name))
        .toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'])
      const activated = receiver.received.find((r) => (r.body as { event_name: string }).event_name === 'BILLING_EXECUTION_ACTIVATED')
      expect((activated?.body as { content: { billing_execution_info: unknown } }).content.billing_execution_info).toEqual(execution)
    } finally {
      await receiver.stop()
    }
  })

  test('flow 2: three discounted months at ₹99 on the 5th, then ₹499', async ({ merchant, checkout, page, request }) => {
    const { orderId, pageUrl } = await merchant.createSession(registration('fit_monthly_intro99'))
    await checkout.open(pageUrl)
    const shown = await readShownSchedule(checkout.testId('priceSchedule'))
    await payByUpiId(page)

    const execution = await executionOfOrder(request, orderId)
    expect(execution.schedule.intro).toMatchObject({ type: 'CYCLES', cycles: 3, amount: 99 })
    expect(execution.schedule.upcoming_charges.map((c) => [c.amount, c.intro])).toEqual([
      [99, true],
      [99, true],
      [99, true],
      [499, false],
    ])
    expect(execution.schedule.upcoming_charges.every((c) => c.date.endsWith('-05'))).toBe(true)
    expectScheduleShown(shown, execution)
    await expectFirstDebitShown(checkout.testId('firstDebit'), execution)
  })

  test('the schedule in Hindi says the same dates and amounts', async ({ merchant, checkout, page, request, expectAccessible }) => {
    const { orderId, pageUrl } = await merchant.createSession({ ...registration('fit_monthly_trial'), language: 'hi' })
    await checkout.open(pageUrl)
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    const region = checkout.testId('priceSchedule')
    await expect(region.getByRole('heading', { name: 'आप कितना भुगतान करेंगे' })).toBeVisible()
    const shown = await readShownSchedule(region)
    await expectAccessible()
    await payByUpiId(page, 'hi')

    const execution = await executionOfOrder(request, orderId)
    expect(shown.text).toContain('14 दिन मुफ़्त')
    expect(shown.text).toContain(pageDate(execution.schedule.intro.ends_on ?? '', 'hi'))
    expect(shown.text).toContain(pageMoney(499, 'hi'))
    expectScheduleShown(shown, execution, 'hi')
    await expectFirstDebitShown(checkout.testId('firstDebit'), execution, 'hi')
  })
})
