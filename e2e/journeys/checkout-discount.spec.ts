import { expect, test } from '../fixtures'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { pageDate, pageMoney } from '../support/billing'
import { TEST_IDS } from '../../src/lib/test-ids'
import { emulate } from '../support/emulate'

test.describe('a checkout session with a discount period', () => {
  test.use(emulate('iPhone 13'))

  test('shows ₹99 for 3 months then ₹499, pays by UPI, and the subscription bills every date and amount the page showed', async ({
    merchant,
    checkout,
    page,
    expectAccessible,
  }) => {
    const session = await merchant.createCheckoutSession({
      mode: 'subscription',
      amount: 499,
      currency: 'INR',
      customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust_discount' },
      line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'Acme Fitness Monthly' }, recurring: { interval: 'month', interval_count: 1 } } }],
      subscription_data: { discount_period_config: { discount_period_count: 3, discount_period_amount: 99 } },
      collection_method: 'auto_charge',
    })
    expect((await merchant.readCheckoutSession(session.id)).subscription).toBeNull()

    await checkout.open(session.url)
    await checkout.expectReady()
    const schedule = page.getByRole('region', { name: 'What you will pay' })
    await expect(schedule).toBeVisible()
    await expect(schedule).toHaveAttribute('data-testid', TEST_IDS.priceSchedule)
    await expect(schedule).toContainText('₹99.00 today for your first month')
    await expect(schedule).toContainText('₹99.00 a month for the first 3 months')
    await expect(checkout.testId('firstRegularDebit')).toContainText('First debit at the regular price: ₹499.00 on ')
    await expect(schedule).toContainText('Then ₹499.00 every month')
    await expect(schedule).toContainText('Mandate limit: up to ₹499.00 per debit')
    await expectAccessible()
    const shown = await schedule.innerText()
    const firstRegularShown = await checkout.testId('firstRegularDebit').innerText()

    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.success)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('button', { name: 'Send request' }).click()
    await expect(checkout.heading('AutoPay is set up')).toBeVisible()
    const firstDebitShown = await checkout.testId('firstDebit').innerText()

    const paid = await merchant.readCheckoutSession(session.id)
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' })
    expect(paid.subscription).toMatch(/^bei_[A-Za-z0-9]{22}$/)
    const subscription = await merchant.readCheckoutSubscription(String(paid.subscription))
    expect(subscription).toMatchObject({
      status: 'active',
      checkout_session: session.id,
      discount_period_config: { discount_period_count: 3, discount_period_amount: 99 },
      schedule: { today: { amount: 99, refunded: false, pays_first_period: true }, recurring: { amount: 499, frequency: 'MONTHLY' }, max_amount: 499 },
    })

    // Today's period is the first of the three: two more discounted debits, then the first at ₹499.
    const { upcoming_charges: charges, first_regular_charge: regular } = subscription.schedule
    const [first] = charges
    if (!first || !regular) throw new Error(`the subscription lists no debit: ${JSON.stringify(subscription.schedule)}`)
    expect(charges.map((c) => [c.amount, c.discount_period])).toEqual([
      [99, true],
      [99, true],
      [499, false],
    ])
    expect(regular).toEqual({ date: charges[2]?.date, amount: 499 })
    expect(new Set(charges.map((c) => c.date)).size).toBe(3)
    expect(shown).toContain(`${pageMoney(subscription.schedule.today.amount)} today for your first month`)
    for (const charge of charges.filter((c) => c.discount_period)) expect(shown).toContain(`${pageMoney(charge.amount)} on ${pageDate(charge.date)}`)
    expect(firstRegularShown).toBe(`First debit at the regular price: ${pageMoney(regular.amount)} on ${pageDate(regular.date)}`)
    expect(shown).toContain(`Then ${pageMoney(subscription.schedule.recurring.amount)} every month`)
    expect(shown).toContain(`up to ${pageMoney(subscription.schedule.max_amount)} per debit`)
    expect(firstDebitShown).toBe(`${pageMoney(first.amount)} on ${pageDate(first.date)}`)
  })
})
