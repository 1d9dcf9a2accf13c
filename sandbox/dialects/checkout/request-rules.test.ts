import { describe, expect, it } from 'vitest'
import { demoMerchant, merchants, monthlyItem, paymentBody, subscriptionBody, type Body } from '../../testing/checkout-dialect'
import { parseCreateRequest } from './parse-request'
import { returnUrlOf } from './request-rules'

/** The refusal a body gets from the demo merchant (or another), or null when it is accepted. */
function refusal(body: Body, merchant = demoMerchant()) {
  const result = parseCreateRequest(body, merchant)
  return result.ok ? null : result.error
}

const accepted = (body: Body) => {
  const result = parseCreateRequest(body, demoMerchant())
  if (!result.ok) throw new Error(result.error.message)
  return result.request
}

describe('the rules a parsed create-session request must keep', () => {
  it.each(['INR', 'inr'])('takes a line item priced in %s, the session currency in any case', (currency) => {
    expect(refusal(paymentBody({ line_items: [{ quantity: 1, price_data: { currency, unit_amount: 99.99, product_data: { name: 'Mat' } } }] }))).toBeNull()
  })

  it('names the line item priced in another currency', () => {
    const body = paymentBody({
      amount: 199.99,
      line_items: [
        { quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: 'Mat' } } },
        { quantity: 1, price_data: { currency: 'USD', unit_amount: 100, product_data: { name: 'Strap' } } },
      ],
    })
    expect(refusal(body)).toStrictEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'line_items[1][price_data][currency]',
      message: 'Invalid line_items[1][price_data][currency]: must match the session currency INR',
    })
  })

  it('refuses recurring prices of two intervals in one subscription, naming the second', () => {
    expect(refusal(subscriptionBody({ amount: 599, line_items: [monthlyItem(499), monthlyItem(100, 'Quarterly add-on', 3)] }))).toMatchObject({
      param: 'line_items[1][price_data][recurring]',
      message: 'All recurring prices of one subscription must share the same interval and interval_count, as a mandate has one frequency.',
    })
  })

  it('refuses a weekly price beside a monthly one: the same count, another interval', () => {
    const weekly = { quantity: 1, price_data: { unit_amount: 100, product_data: { name: 'Weekly class' }, recurring: { interval: 'week', interval_count: 1 } } }
    expect(refusal(subscriptionBody({ amount: 599, line_items: [monthlyItem(499), weekly] }))).toMatchObject({ param: 'line_items[1][price_data][recurring]' })
  })

  it('takes recurring prices that share their interval', () => {
    expect(refusal(subscriptionBody({ amount: 599, line_items: [monthlyItem(499), monthlyItem(100, 'Add-on')] }))).toBeNull()
  })

  it('names the payment method the merchant has not enabled', () => {
    const other = merchants.byId('other_merchant')
    if (!other) throw new Error('merchants.json has no other_merchant')
    const body = paymentBody({ payment_method_types: ['upi', 'enach'], success_url: 'http://localhost:3000/done', cancel_url: undefined })
    expect(refusal(body, other)).toMatchObject({ code: 'payment_method_unavailable', param: 'payment_method_types', message: 'enach is not enabled for this merchant.' })
  })
})

describe('metadata.webhook_url', () => {
  it.each([
    ['a loopback host the demo merchant allows', 'http://localhost:9000/hooks'],
    ['a value that is no URL (left to the webhooks, which record it as not sent)', 'not a url'],
    ['a URL of another scheme', 'ftp://hooks.example.net/x'],
    ['an empty value', ''],
  ])('accepts %s', (_, url) => {
    expect(refusal(paymentBody({ metadata: { webhook_url: url } }))).toBeNull()
  })

  it.each(['https://hooks.example.net/juspay', 'http://hooks.example.net/juspay', '  https://hooks.example.net/juspay  '])('refuses %j, off the webhook allow-list', (url) => {
    expect(refusal(paymentBody({ metadata: { webhook_url: url } }))).toStrictEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'url_not_allowed',
      param: 'metadata[webhook_url]',
      message: 'Invalid metadata[webhook_url]: hooks.example.net is not an allowed webhook host for this merchant.',
    })
  })
})

describe('returnUrlOf: success_url and return_url are one URL', () => {
  it.each<[string, Body, string | null]>([
    ['success_url', paymentBody(), 'https://shop.merchant.com/done'],
    ['return_url', paymentBody({ success_url: undefined, return_url: 'https://shop.merchant.com/back' }), 'https://shop.merchant.com/back'],
    ['both, agreeing', paymentBody({ return_url: 'https://shop.merchant.com/done' }), 'https://shop.merchant.com/done'],
    ['neither', paymentBody({ success_url: undefined }), null],
  ])('%s', (_, body, url) => {
    expect(returnUrlOf(accepted(body))).toBe(url)
  })
})
