import { describe, expect, it } from 'vitest'
import type { OrderDraft } from '../../domain/orders'
import { canonicalBody, splitName, toOrderDraft } from './order-draft'
import { parseCreateRequest } from './parse-request'
import type { CreateSessionRequest } from './request-schema'
import { demoMerchant, FIXED_NOW, monthlyItem, paymentBody, subscriptionBody, type Body } from '../../testing/checkout-dialect'

function parsed(body: Body): CreateSessionRequest {
  const result = parseCreateRequest(body, demoMerchant())
  if (!result.ok) throw new Error(result.error.message)
  return result.request
}

function draftOf(body: Body): OrderDraft {
  const request = parsed(body)
  return toOrderDraft({
    request,
    raw: canonicalBody(request),
    fingerprint: 'fp',
    merchant: demoMerchant(),
    expiresAt: new Date('2026-03-11T04:30:00.000Z'),
    now: FIXED_NOW,
    sessionId: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA',
    clientSecret: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA_secret_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
  })
}

describe('toOrderDraft for mode payment', () => {
  // Built inside each test, so the mapping runs where the test (and a mutant) can see it.
  const draft = () => draftOf(
    paymentBody({
      merchant_order_id: 'order_42',
      amount: '250.50',
      line_items: [
        { quantity: 2, price_data: { unit_amount: 100.25, product_data: { name: 'Mat' } } },
        { quantity: 1, price_data: { unit_amount: '50', product_data: { name: 'Strap' } } },
      ],
      customer: { email: 'asha@example.com', name: 'Asha Rani Verma', merchant_customer_id: 'cust_9', phone: '+91 98765 43210' },
      metadata: { language: 'hi', plan: 'gold' },
    }),
  )

  it('keeps amounts in paise, charged today in full', () => {
    expect(draft()).toMatchObject({ orderId: 'order_42', amountMinor: 25_050, chargedTodayMinor: 25_050, currency: 'INR' })
  })
  it('prices each line as quantity × unit amount', () => {
    expect(draft().lineItems).toEqual([
      { name: 'Mat', quantity: 2, amount: { minor: 20_050, currency: 'INR' } },
      { name: 'Strap', quantity: 1, amount: { minor: 5_000, currency: 'INR' } },
    ])
  })
  it('describes the order by its first item and asks for no mandate', () => {
    expect(draft()).toMatchObject({ description: 'Mat', createMandate: null, mandate: null, preferredRail: null })
  })
  it('maps customer, language, return URL and source', () => {
    expect(draft().customer).toEqual({ id: 'cust_9', email: 'asha@example.com', phone: '+91 98765 43210', firstName: 'Asha', lastName: 'Rani Verma' })
    expect(draft().language).toBe('hi')
    expect(draft().returnUrl).toBe('https://shop.merchant.com/done')
    expect(draft().source).toMatchObject({ dialect: 'checkout', mode: 'payment', cancelUrl: 'https://shop.merchant.com/cart' })
  })
  it('prefers an explicit description', () => {
    expect(draftOf(paymentBody({ description: 'Annual gear' })).description).toBe('Annual gear')
  })
  it('ignores a language the page does not speak', () => {
    expect(draftOf(paymentBody({ metadata: { language: 'fr' } })).language).toBeNull()
  })
  it('fills in the rest as every dialect’s order has it: no udfs, no payment rules, every rail', () => {
    expect(draft()).toMatchObject({ udf: [], paymentRules: null, billing: null, preferredRail: null, rails: null, fingerprint: 'fp', merchantId: 'demo_merchant' })
    expect(draft().source).toMatchObject({
      dialect: 'checkout',
      sessionId: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA',
      clientSecret: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA_secret_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
      mode: 'payment',
      cancelUrl: 'https://shop.merchant.com/cart',
      raw: { mode: 'payment', merchant_order_id: 'order_42', amount: 250.5 },
    })
  })
  it('a session without a customer, cancel URL or metadata', () => {
    const bare = draftOf(paymentBody({ customer: undefined, cancel_url: undefined, metadata: undefined }))
    expect(bare.customer).toStrictEqual({ id: null, email: null, phone: null, firstName: null, lastName: null })
    expect(bare.metadata).toStrictEqual({})
    expect(bare.language).toBeNull()
    expect(bare.source).toMatchObject({ cancelUrl: null })
  })
  it('a customer without a phone has a null phone', () => {
    expect(draftOf(paymentBody()).customer).toStrictEqual({ id: 'cust_123', email: 'asha@example.com', phone: null, firstName: 'Asha', lastName: 'Verma' })
  })
  it('takes a language the page speaks', () => {
    expect(draftOf(paymentBody({ metadata: { language: 'hi' } })).language).toBe('hi')
  })
})

describe('toOrderDraft for mode subscription', () => {
  it('requires a FIXED monthly mandate at the amount', () => {
    const draft = draftOf(subscriptionBody({ amount: 499 }))
    expect(draft).toMatchObject({ createMandate: 'REQUIRED', amountMinor: 49_900, chargedTodayMinor: 49_900 })
    expect(draft.mandate).toMatchObject({ maxAmount: { minor: 49_900, currency: 'INR' }, amountRule: 'FIXED', frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 10 })
  })

  it('charges the discounted amount today and makes the mandate VARIABLE', () => {
    const draft = draftOf(
      subscriptionBody({
        amount: 99.99,
        line_items: [monthlyItem(99.99)],
        subscription_data: { discount_period_config: { discount_period_count: 1, discount_period_amount: 0.01 } },
      }),
    )
    expect(draft).toMatchObject({ amountMinor: 9_999, chargedTodayMinor: 1 })
    expect(draft.mandate).toMatchObject({ maxAmount: { minor: 9_999 }, amountRule: 'VARIABLE' })
  })

  it('takes the frequency from the first recurring price, after one-time items', () => {
    const draft = draftOf(
      subscriptionBody({
        amount: 1_299,
        line_items: [
          { quantity: 1, price_data: { unit_amount: 300, product_data: { name: 'Joining fee' } } },
          monthlyItem(999, 'Quarterly plan', 3),
        ],
      }),
    )
    expect(draft.mandate?.frequency).toBe('QUARTERLY')
    expect(draft.description).toBe('Joining fee')
  })
})

describe('canonicalBody', () => {
  it('parses back to the same request', () => {
    const request = parsed(subscriptionBody({ amount: '99.99', currency: 'inr', line_items: [monthlyItem('99.99')] }))
    expect(parsed(canonicalBody(request))).toEqual(request)
  })
  it('spells amounts as major-unit numbers and the currency in capitals', () => {
    const body = canonicalBody(parsed(paymentBody({ amount: '99.99', currency: 'inr', line_items: [{ quantity: 1, price_data: { unit_amount: '99.99', product_data: { name: 'x' } } }] })))
    expect(body).toMatchObject({ amount: 99.99, currency: 'INR', line_items: [{ price_data: { unit_amount: 99.99 } }] })
  })
})

describe('canonicalBody of subscription data', () => {
  it('spells the discount amount in rupees and keeps the other subscription fields', () => {
    const request = parsed(subscriptionBody({ subscription_data: { discount_period_config: { discount_period_count: 2, discount_period_amount: '99.50' } } }))
    expect(canonicalBody(request).subscription_data).toStrictEqual({ discount_period_config: { discount_period_count: 2, discount_period_amount: 99.5 } })
  })
  it('leaves subscription data without a discount as it was', () => {
    expect(canonicalBody(parsed(subscriptionBody())).subscription_data).toStrictEqual({ discount_period_config: undefined })
  })
  it('gives a payment no subscription data', () => {
    expect(canonicalBody(parsed(paymentBody())).subscription_data).toBeUndefined()
  })
})

describe('splitName', () => {
  it.each([
    ['Asha Verma', 'Asha', 'Verma'],
    ['Asha Rani Verma', 'Asha', 'Rani Verma'],
    ['Madonna', 'Madonna', null],
    ['  Asha  Verma ', 'Asha', 'Verma'],
    ['   ', null, null],
  ])('%j → %s / %s', (name, firstName, lastName) => {
    expect(splitName(name)).toEqual({ firstName, lastName })
  })
})
