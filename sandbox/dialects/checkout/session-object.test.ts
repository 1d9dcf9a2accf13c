import { describe, expect, it } from 'vitest'
import type { Order } from '../../domain/order'
import { demoMerchant, monthlyItem, paymentBody, subscriptionBody, type Body } from '../../testing/checkout-dialect'
import { orderBilling } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import { canonicalBody } from './order-draft'
import { parseCreateRequest } from './parse-request'
import { checkoutSource, checkoutUrl, storedRequest, toCheckoutSession, type CheckoutSource } from './session-object'

const ORIGIN = 'http://127.0.0.1:4000'
const CREATED = new Date('2026-11-25T10:00:00.000Z')

/** A checkout order as the store keeps it, its source holding the body the merchant sent (accepted, canonical). */
function sessionOrder(body: Body, mode: 'payment' | 'subscription', overrides: Partial<Order> = {}): { order: Order; source: CheckoutSource } {
  const parsed = parseCreateRequest(body, demoMerchant())
  if (!parsed.ok) throw new Error(parsed.error.message)
  const source: CheckoutSource = { dialect: 'checkout', sessionId: 'cs_1', clientSecret: 'cs_1_secret_x', mode, cancelUrl: 'https://shop.merchant.com/cart', raw: canonicalBody(parsed.request) }
  return { order: storedOrder({ source, attempts: [], ...overrides }), source }
}

describe('toCheckoutSession: the session object', () => {
  it('a payment session: every field', () => {
    const { order, source } = sessionOrder(paymentBody({ merchant_order_id: 'o-1', metadata: { plan: 'gold' } }), 'payment', {
      amountMinor: 9_999,
      description: 'Yoga mat',
      metadata: { plan: 'gold' },
      returnUrl: 'https://shop.merchant.com/done',
      mandate: null,
    })
    expect(toCheckoutSession({ order, source, publicOrigin: ORIGIN, now: CREATED })).toStrictEqual({
      id: 'cs_1',
      object: 'checkout.session',
      livemode: false,
      client_secret: 'cs_1_secret_x',
      url: 'http://127.0.0.1:4000/checkout#client_secret=cs_1_secret_x',
      status: 'open',
      payment_status: 'unpaid',
      mode: 'payment',
      amount: 99.99,
      currency: 'INR',
      merchant_order_id: 'o-1',
      description: 'Yoga mat',
      line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: 'Yoga mat' } } }],
      subscription_data: null,
      customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust_123' },
      metadata: { plan: 'gold' },
      payment_method_types: null,
      success_url: 'https://shop.merchant.com/done',
      cancel_url: 'https://shop.merchant.com/cart',
      subscription: null,
      created: 1795600800,
      expires_at: 1795687200,
    })
  })

  it('a paid subscription session: its discount periods in rupees, its payment methods and the subscription it started', () => {
    const body = subscriptionBody({
      line_items: [monthlyItem(499)],
      subscription_data: { discount_period_config: { discount_period_count: 2, discount_period_amount: 99 } },
      payment_method_types: ['upi'],
    })
    const { order, source } = sessionOrder(body, 'subscription', { status: 'CHARGED', billing: { ...orderBilling(), subscriptionId: 'sub_1' } })
    expect(toCheckoutSession({ order, source, publicOrigin: ORIGIN, now: CREATED })).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      mode: 'subscription',
      line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'Monthly plan' }, recurring: { interval: 'month', interval_count: 1 } } }],
      subscription_data: { discount_period_config: { discount_period_count: 2, discount_period_amount: 99 } },
      payment_method_types: ['upi'],
      subscription: 'sub_1',
    })
  })

  it('a session read after it expires: expired', () => {
    const { order, source } = sessionOrder(paymentBody(), 'payment')
    expect(toCheckoutSession({ order, source, publicOrigin: ORIGIN, now: new Date('2026-11-27T00:00:00.000Z') }).status).toBe('expired')
  })
})

describe('the stored request', () => {
  it('reads back as it was accepted', () => {
    const { source } = sessionOrder(paymentBody({ merchant_order_id: 'o-9' }), 'payment')
    expect(storedRequest(source)).toMatchObject({ mode: 'payment', merchant_order_id: 'o-9', amount: 9_999 })
  })

  it('a stored body that no longer parses is an error naming the session', () => {
    const { source } = sessionOrder(paymentBody(), 'payment')
    expect(() => storedRequest({ ...source, raw: { mode: 'rental' } })).toThrow('stored checkout session cs_1 no longer parses')
  })

  it('only a checkout order has a checkout source', () => {
    const { order, source } = sessionOrder(paymentBody(), 'payment')
    expect(checkoutSource(order)).toBe(source)
    expect(checkoutSource({ ...order, source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null } })).toBeNull()
  })

  it('the hosted page URL carries the client secret in its fragment', () => {
    expect(checkoutUrl('https://sandbox.example.in', 'cs_2_secret_y')).toBe('https://sandbox.example.in/checkout#client_secret=cs_2_secret_y')
  })
})
