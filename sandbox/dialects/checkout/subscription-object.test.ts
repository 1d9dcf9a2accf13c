import { describe, expect, it } from 'vitest'
import { priceSchedule } from '../../domain/price-schedule'
import { demoMerchant, monthlyItem, subscriptionBody, type Body } from '../../testing/checkout-dialect'
import { orderBilling, subscriptionFixture, TEST_NOW } from '../../testing/fixtures'
import { canonicalBody } from './order-draft'
import { parseCreateRequest } from './parse-request'
import type { CheckoutSource } from './session-object'
import { CheckoutSubscription, toCheckoutSubscription } from './subscription-object'

/** The Subscription a subscription-mode session starts, as GET /v1/subscriptions/{id} answers it (docs/domain/checkout-session.md#the-subscription). */

function sourceOf(body: Body): CheckoutSource {
  const parsed = parseCreateRequest(body, demoMerchant())
  if (!parsed.ok) throw new Error(parsed.error.message)
  return { dialect: 'checkout', sessionId: 'cs_1', clientSecret: 'cs_1_secret_x', mode: 'subscription', cancelUrl: null, raw: canonicalBody(parsed.request) }
}

/** ₹99 for two months, the first paid today, then ₹499 a month on the 5th. */
const introSchedule = priceSchedule({
  at: TEST_NOW,
  plan: { id: 'fit_monthly', name: 'Monthly', description: 'Billed on the 5th.' },
  interval: 'MONTHLY',
  ruleType: 'ON',
  ruleValue: 5,
  recurringMinor: 49900,
  capMinor: 49950,
  today: { minor: 9900, refunded: false, paysFirstPeriod: true },
  intro: { type: 'CYCLES', cycles: 2, minor: 9900 },
})

describe('toCheckoutSubscription', () => {
  it('answers every field: the subscription, the session’s request it echoes, and the schedule in rupees', () => {
    const source = sourceOf(subscriptionBody({ merchant_order_id: 'o-7', customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust_123', phone: '+91 98765 43210' } }))
    const subscription = subscriptionFixture({ id: 'bei_7', orderId: 'o-7', planAmountMinor: 49950, createdAt: '2026-11-25T10:00:00.999Z' })
    const answer = toCheckoutSubscription(subscription, source, { plan: 'gold' })
    expect(answer).toStrictEqual({
      id: 'bei_7',
      object: 'subscription',
      livemode: false,
      status: 'active',
      checkout_session: 'cs_1',
      merchant_order_id: 'o-7',
      currency: 'INR',
      customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust_123', phone: '+91 98765 43210' },
      collection_method: 'auto_charge',
      recurring: { amount: 499.5, interval: 'month', interval_count: 1 },
      discount_period_config: null,
      metadata: { plan: 'gold' },
      created: 1795600800,
      schedule: {
        today: { amount: 1, refunded: true, pays_first_period: false },
        upcoming_charges: [{ date: '2026-12-05', amount: 499, discount_period: false }],
        first_regular_charge: { date: '2026-12-05', amount: 499 },
        recurring: { amount: 499, frequency: 'MONTHLY', rule_type: 'ON', rule_value: 5 },
        max_amount: 1000,
      },
    })
    expect(CheckoutSubscription.parse(answer)).toStrictEqual(answer)
  })

  it('a session without customer or collection method, with discount periods and a quarterly price beside a one-off item', () => {
    const source = sourceOf(
      subscriptionBody({
        customer: undefined,
        collection_method: undefined,
        amount: 549,
        line_items: [{ quantity: 1, price_data: { unit_amount: 50, product_data: { name: 'Setup' } } }, monthlyItem(499, 'Quarterly plan', 3)],
        subscription_data: { discount_period_config: { discount_period_count: 2, discount_period_amount: 99 } },
      }),
    )
    const answer = toCheckoutSubscription(subscriptionFixture({ schedule: introSchedule }), source, {})
    expect(answer).toMatchObject({
      customer: null,
      collection_method: null,
      recurring: { amount: 499, interval: 'month', interval_count: 3 },
      discount_period_config: { discount_period_count: 2, discount_period_amount: 99 },
    })
    expect(answer.schedule).toStrictEqual({
      today: { amount: 99, refunded: false, pays_first_period: true },
      upcoming_charges: [
        { date: '2027-01-05', amount: 99, discount_period: true },
        { date: '2027-02-05', amount: 499, discount_period: false },
      ],
      first_regular_charge: { date: '2027-02-05', amount: 499 },
      recurring: { amount: 499, frequency: 'MONTHLY', rule_type: 'ON', rule_value: 5 },
      max_amount: 499.5,
    })
  })

  it('no regular charge to name when the merchant presents each debit', () => {
    const schedule = orderBilling().schedule
    const presented = { ...schedule, charges: [], recurring: { ...schedule.recurring, interval: 'ASPRESENTED' as const, ruleType: null, ruleValue: null } }
    const answer = toCheckoutSubscription(subscriptionFixture({ schedule: presented }), sourceOf(subscriptionBody()), {})
    expect(answer.schedule).toMatchObject({ upcoming_charges: [], first_regular_charge: null, recurring: { frequency: 'ASPRESENTED', rule_type: null, rule_value: null } })
  })

  it('refuses a session whose request has no recurring price', () => {
    const source = sourceOf(subscriptionBody())
    const raw = { ...(source.raw as Body), line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'One-off' } } }] }
    expect(() => toCheckoutSubscription(subscriptionFixture(), { ...source, raw }, {})).toThrow('checkout session cs_1 started a subscription without a recurring price')
  })
})
