import { createHmac } from 'node:crypto'
import { expect, test } from '../fixtures'
import { UpiAppPage } from '../../packages/testing/src/pages/upi-app'
import { pageDate, pageMoney, readShownSchedule } from '../support/billing'
import { emulate } from '../support/emulate'
import { DEMO_MERCHANT } from '../support/merchant-api'
import { cataloguePlanRequest, pathOf, PluralApi, pluralSample } from '../support/plural-api'
import { WebhookReceiver } from '../../packages/testing/src/webhook-receiver'

/** Paise as the page shows rupees. */
const shown = (paise: number): string => pageMoney(paise / 100)

test.describe('Plural’s subscription API', () => {
  test('the reference’s sample, dates moved to today, collects from the VPA; approved in the UPI app it is ACTIVE, and the signed callbacks say so', async ({
    page,
    request,
  }) => {
    const api = new PluralApi(request)
    const receiver = await WebhookReceiver.start()
    try {
      const created = await api.create({ ...pluralSample(), callbackUrl: receiver.url })
      expect(created).toMatchObject({ response_code: '1', response_message: 'Transaction initiated', plan_id: 'merch007', merchant_order_id: String(created.order_id) })
      expect(created.upi_intent_link).toBeUndefined()
      expect((await api.read(created.subscription_id)).status).toBe('CREATED')

      // The collect request waits in the customer's UPI app, which the sandbox simulates.
      await page.goto(pathOf(created.upi_app_url))
      const app = new UpiAppPage(page)
      await app.expectMandateRequest()
      await app.approve()

      const active = await api.read(created.subscription_id)
      expect(active).toMatchObject({ status: 'ACTIVE', mandate: { status: 'ACTIVE' }, schedule: { today: { amount: { value: 220 }, refunded: false } } })
      expect(active.mandate.mandate_id).not.toBeNull()

      await expect.poll(() => receiver.received.length).toBe(6)
      const events = receiver.received.map((hook) => hook.body as { event_id: string; event_type: string; subscription: { subscription_id: string; status: string } })
      expect(events.map((e) => e.event_type)).toEqual([
        'SUBSCRIPTION_PAYMENT_INITIATED',
        'SUBSCRIPTION_MANDATE_CREATED',
        'SUBSCRIPTION_MANDATE_ACTIVATED',
        'SUBSCRIPTION_STARTED',
        'SUBSCRIPTION_ACTIVATED',
        'SUBSCRIPTION_PAYMENT_SUCCEEDED',
      ])
      expect(events.at(-1)?.subscription).toMatchObject({ subscription_id: created.subscription_id, status: 'ACTIVE' })
      for (const hook of receiver.received) {
        const expected = createHmac('sha256', DEMO_MERCHANT.responseKey).update(hook.rawBody).digest('hex')
        expect(hook.headers['x-webhook-signature']).toBe(`sha256=${expected}`)
        expect(hook.headers['x-webhook-id']).toBe((hook.body as { event_id: string }).event_id)
      }
    } finally {
      await receiver.stop()
    }
  })

  test.describe('on an Android phone', () => {
    test.use(emulate('Pixel 7'))

    test('intent with a 14-day trial: the hosted page resumes the request with the same UPI link; back on its review it shows the schedule, and approved from the app list it is TRIAL', async ({
      checkout,
      page,
      request,
    }) => {
      const api = new PluralApi(request)
      const created = await api.create(cataloguePlanRequest('fit_monthly_trial', { txnMode: 'I' }))
      expect(created.upi_intent_link).toMatch(/^upi:\/\/mandate\?pa=acmefitness%40sandbox&/)
      const before = await api.read(created.subscription_id)
      expect(before.status).toBe('CREATED')

      // The page picks up the request the merchant's server started: its app list, with the link the API answered.
      await checkout.open(pathOf(created.payment_page_url))
      await expect(checkout.heading('Choose your UPI app')).toBeVisible()
      await expect(page.getByRole('textbox', { name: 'UPI link' })).toHaveValue(created.upi_intent_link ?? '')

      // Back withdraws that request; the review shows the schedule the subscription will bill by.
      await page.getByRole('button', { name: 'Back' }).click()
      await checkout.expectReady()
      const schedule = await readShownSchedule(checkout.testId('priceSchedule'))
      expect(schedule.items[0]).toContain(shown(before.schedule.today.amount.value))
      const first = before.schedule.upcoming_debits.find((debit) => !debit.introductory)
      expect(schedule.firstRegular).toContain(pageDate(first?.date ?? ''))
      expect(schedule.firstRegular).toContain(shown(first?.amount.value ?? 0))
      expect(schedule.items.at(-1)).toContain(shown(before.max_limit_amount.value))

      await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
      await expect(checkout.heading('Choose your UPI app')).toBeVisible()
      const popup = page.waitForEvent('popup')
      await page.getByRole('link', { name: /^PhonePe/ }).click()
      await new UpiAppPage(await popup).approve()
      await expect(checkout.heading('AutoPay is set up')).toBeVisible()

      const trial = await api.read(created.subscription_id)
      expect(trial).toMatchObject({ status: 'TRIAL', plan_id: 'fit_monthly_trial', mandate: { status: 'ACTIVE' }, schedule: before.schedule })
      expect(trial.schedule.trial_ends_on).not.toBeNull()
    })
  })

  test('intent on a desktop: the customer pays another way, by the QR code on the hosted page, and it is ACTIVE', async ({ checkout, page, request }) => {
    const api = new PluralApi(request)
    const created = await api.create(cataloguePlanRequest('fit_monthly', { txnMode: 'I' }))
    await checkout.open(pathOf(created.payment_page_url))
    await page.getByRole('button', { name: 'Scan a QR code' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    const popup = page.waitForEvent('popup')
    await page.getByRole('link', { name: /Open the simulated UPI app/ }).click()
    const app = new UpiAppPage(await popup)
    await app.expectMandateRequest()
    await app.approve()
    await expect(checkout.heading('AutoPay is set up')).toBeVisible()
    expect(await api.read(created.subscription_id)).toMatchObject({ status: 'ACTIVE', mandate: { status: 'ACTIVE' } })
  })
})
