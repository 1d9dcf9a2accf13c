import { describe, expect, it } from 'vitest'
import type { Order } from '../../domain/order'
import { DEMO } from '../../testing/juspay-dialect'
import { order as storedOrder } from '../../testing/store-contract'
import { orderCreateResponse, sessionResponse } from './session-response'

const ORIGIN = 'http://127.0.0.1:4000'

/** The demo merchant's Juspay order ordeh_1 (o-1): ₹1 today, a monthly mandate of up to ₹1,000, open a day from 25 Nov 2026 10:00Z. */
const juspayOrder = (overrides: Partial<Order> = {}): Order =>
  storedOrder({
    source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null },
    clientAuthTokenExpiresAt: '2026-11-25T10:15:00.000Z',
    ...overrides,
  })

describe('POST /orders: the order-create answer', () => {
  it('names the order, its payment link and its expiry, and nothing else', () => {
    expect(orderCreateResponse(juspayOrder(), ORIGIN)).toStrictEqual({
      status: 'NEW',
      id: 'ordeh_1',
      order_id: 'o-1',
      payment_links: { web: 'http://127.0.0.1:4000/orders/ordeh_1/payment-page', expiry: '2026-11-26T10:00:00Z' },
      order_expiry: '2026-11-26T10:00:00Z',
    })
  })
})

describe('POST /session: the SDK payload', () => {
  it('carries every field of a mandate session as a string, in order', () => {
    const order = juspayOrder({
      customer: { id: 'cust_1', email: 'asha@example.com', phone: '9876543210', firstName: 'Asha', lastName: 'Verma' },
      source: { dialect: 'juspay', action: 'enach', paymentPageClientId: 'acme_web', getUpiDeepLinks: true },
    })
    const answer = sessionResponse(order, DEMO, ORIGIN)
    expect(answer.sdk_payload.requestId).toMatch(/^[0-9a-f]{32}$/)
    expect(answer).toStrictEqual({
      ...orderCreateResponse(order, ORIGIN),
      sdk_payload: {
        requestId: answer.sdk_payload.requestId,
        service: 'in.juspay.hyperpay',
        expiry: '2026-11-25T10:15:00Z',
        payload: {
          clientId: 'acme_web',
          amount: '1.00',
          merchantId: 'demo_merchant',
          clientAuthToken: 'tkn_1',
          clientAuthTokenExpiry: '2026-11-25T10:15:00Z',
          environment: 'sandbox',
          action: 'enach',
          customerId: 'cust_1',
          orderId: 'o-1',
          returnUrl: 'https://shop.merchant.com/return',
          currency: 'INR',
          firstName: 'Asha',
          lastName: 'Verma',
          customerPhone: '9876543210',
          customerEmail: 'asha@example.com',
          description: 'Monthly plan',
          displayBusinessAs: DEMO.name,
          'options.getUpiDeepLinks': 'true',
          'options.createMandate': 'REQUIRED',
          'mandate.maxAmount': '1000.00',
          'mandate.startDate': '1795600800',
          'mandate.endDate': '2742372000',
          'mandate.frequency': 'MONTHLY',
          'mandate.amountRule': 'VARIABLE',
          'mandate.ruleType': 'AFTER',
          'mandate.ruleValue': '5',
          'mandate.blockFunds': 'false',
          'mandate.revokableByCustomer': 'true',
        },
      },
    })
    expect(Object.keys(answer.sdk_payload.payload).slice(0, 3)).toEqual(['clientId', 'amount', 'merchantId'])
  })

  it('leaves absent fields out, and echoes the merchant id as clientId when no payment_page_client_id was sent', () => {
    const order = juspayOrder({ returnUrl: null, description: null, createMandate: null, mandate: null })
    expect(sessionResponse(order, DEMO, ORIGIN).sdk_payload.payload).toStrictEqual({
      clientId: 'demo_merchant',
      amount: '1.00',
      merchantId: 'demo_merchant',
      clientAuthToken: 'tkn_1',
      clientAuthTokenExpiry: '2026-11-25T10:15:00Z',
      environment: 'sandbox',
      action: 'paymentPage',
      orderId: 'o-1',
      currency: 'INR',
      displayBusinessAs: DEMO.name,
    })
  })

  it.each<[string, Partial<Order>, Record<string, string | undefined>]>([
    ['get_upi_deep_links false', { source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: false } }, { 'options.getUpiDeepLinks': 'false' }],
    ['an OPTIONAL mandate', { createMandate: 'OPTIONAL' }, { 'options.createMandate': 'OPTIONAL' }],
    ['mandate terms without create_mandate', { createMandate: null }, { 'options.createMandate': undefined, 'mandate.maxAmount': undefined }],
  ])('%s', (_, overrides, expected) => {
    const payload = sessionResponse(juspayOrder(overrides), DEMO, ORIGIN).sdk_payload.payload
    for (const [key, value] of Object.entries(expected)) expect(payload[key]).toBe(value)
  })

  it('a mandate without a debit day leaves the rule out', () => {
    const base = juspayOrder()
    if (!base.mandate) throw new Error('the fixture has a mandate')
    const payload = sessionResponse({ ...base, mandate: { ...base.mandate, frequency: 'ASPRESENTED', ruleType: null, ruleValue: null } }, DEMO, ORIGIN).sdk_payload.payload
    expect(payload['mandate.frequency']).toBe('ASPRESENTED')
    expect('mandate.ruleType' in payload).toBe(false)
    expect('mandate.ruleValue' in payload).toBe(false)
  })

  it('an order of another dialect reads as a paymentPage order with the merchant as client', () => {
    const payload = sessionResponse(storedOrder(), DEMO, ORIGIN).sdk_payload.payload
    expect(payload).toMatchObject({ clientId: 'demo_merchant', action: 'paymentPage' })
    expect('options.getUpiDeepLinks' in payload).toBe(false)
  })

  it('a fresh request id each time', () => {
    const order = juspayOrder()
    expect(sessionResponse(order, DEMO, ORIGIN).sdk_payload.requestId).not.toBe(sessionResponse(order, DEMO, ORIGIN).sdk_payload.requestId)
  })
})
