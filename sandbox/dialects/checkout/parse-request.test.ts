import { describe, expect, it } from 'vitest'
import { parseCreateRequest } from './parse-request'
import { demoMerchant, merchants, monthlyItem, paymentBody, subscriptionBody, type Body } from '../../testing/checkout-dialect'

interface Expected {
  code: string
  param?: string
  message: string | RegExp
}

const item = (unitAmount: unknown, quantity: unknown = 1, extra: Body = {}): Body => ({
  quantity,
  price_data: { unit_amount: unitAmount, product_data: { name: 'Thing' }, ...extra },
})

const jsonValue = (text: string): unknown => JSON.parse(text)

const without = (body: Body, key: string): Body => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))

const rows: [name: string, body: unknown, expected: Expected][] = [
  ['mode missing', without(paymentBody(), 'mode'), { code: 'parameter_missing', param: 'mode', message: 'mode required' }],
  ['mode missing wins over other faults', { amount: -1 }, { code: 'parameter_missing', param: 'mode', message: 'mode required' }],
  ['mode unknown', paymentBody({ mode: 'setup' }), { code: 'parameter_invalid', param: 'mode', message: /Invalid mode/ }],
  ['amount missing', without(paymentBody(), 'amount'), { code: 'parameter_missing', param: 'amount', message: 'amount required' }],
  ['amount zero', paymentBody({ amount: 0 }), { code: 'parameter_invalid', param: 'amount', message: /greater than 0/ }],
  ['amount negative', paymentBody({ amount: '-99.99' }), { code: 'parameter_invalid', param: 'amount', message: /greater than 0/ }],
  ['amount with 3 decimals', paymentBody({ amount: '99.999' }), { code: 'parameter_invalid', param: 'amount', message: /at most 2 decimals/ }],
  ['amount boolean', paymentBody({ amount: true }), { code: 'parameter_invalid', param: 'amount', message: /number or a decimal string/ }],
  [
    'amount not equal to the line items',
    paymentBody({ amount: 100 }),
    { code: 'amount_mismatch', param: 'amount', message: /amount not equals to item lines/ },
  ],
  [
    'quantity times unit amount is what counts',
    paymentBody({ amount: 300, line_items: [item(99.99, 3)] }),
    { code: 'amount_mismatch', param: 'amount', message: /amount not equals to item lines/ },
  ],
  [
    'a huge quantity cannot wrap around',
    paymentBody({ amount: 99.99, line_items: [item(99.99, Number.MAX_SAFE_INTEGER)] }),
    { code: 'amount_mismatch', param: 'amount', message: /amount not equals to item lines/ },
  ],
  ['currency missing', without(paymentBody(), 'currency'), { code: 'parameter_missing', param: 'currency', message: 'currency required' }],
  ['currency USD', paymentBody({ currency: 'USD' }), { code: 'currency_not_supported', param: 'currency', message: /Only INR/ }],
  ['currency malformed', paymentBody({ currency: 'RUPEES' }), { code: 'parameter_invalid', param: 'currency', message: /ISO 4217/ }],
  [
    'line item currency differs',
    paymentBody({ line_items: [item(99.99, 1, { currency: 'usd' })] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][currency]', message: /must match the session currency INR/ },
  ],
  ['line_items missing', without(paymentBody(), 'line_items'), { code: 'parameter_missing', param: 'line_items', message: 'line_items required' }],
  ['line_items empty', paymentBody({ line_items: [] }), { code: 'parameter_invalid', param: 'line_items', message: /Invalid line_items/ }],
  [
    'more than 100 line items',
    paymentBody({ amount: 101, line_items: Array.from({ length: 101 }, () => item(1)) }),
    { code: 'parameter_invalid', param: 'line_items', message: /Invalid line_items/ },
  ],
  [
    'quantity zero',
    paymentBody({ line_items: [item(99.99, 0)] }),
    { code: 'parameter_invalid', param: 'line_items[0][quantity]', message: /Invalid line_items\[0\]\[quantity\]/ },
  ],
  [
    'quantity fractional',
    paymentBody({ line_items: [item(99.99, 1.5)] }),
    { code: 'parameter_invalid', param: 'line_items[0][quantity]', message: /Invalid/ },
  ],
  [
    'product name missing',
    paymentBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: {} } }] }),
    { code: 'parameter_missing', param: 'line_items[0][price_data][product_data][name]', message: 'line_items[0][price_data][product_data][name] required' },
  ],
  [
    'product name empty',
    paymentBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: '' } } }] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][product_data][name]', message: 'Invalid line_items[0][price_data][product_data][name]: must be 1–255 characters' },
  ],
  [
    'product name with a NUL character',
    paymentBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: 'Yoga\u0000mat' } } }] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][product_data][name]', message: 'Invalid line_items[0][price_data][product_data][name]: must not contain control characters' },
  ],
  [
    'customer name with a line break (one line expected)',
    paymentBody({ customer: { email: 'asha@example.com', name: 'Asha\nVerma', merchant_customer_id: 'cust_123' } }),
    { code: 'parameter_invalid', param: 'customer[name]', message: 'Invalid customer[name]: must not contain control characters' },
  ],
  [
    'description with a lone surrogate',
    paymentBody({ description: 'Yoga \ud800 mat' }),
    { code: 'parameter_invalid', param: 'description', message: 'Invalid description: must be valid Unicode text' },
  ],
  [
    'metadata key with a tab',
    paymentBody({ metadata: { 'plan\ttier': 'gold' } }),
    { code: 'parameter_invalid', param: 'metadata[plan\ttier]', message: /must not contain control characters/ },
  ],
  [
    'product name of 256 characters',
    paymentBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: 'x'.repeat(256) } } }] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][product_data][name]', message: /1–255 characters/ },
  ],
  [
    'unknown interval',
    subscriptionBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'P' }, recurring: { interval: 'fortnight' } } }] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][recurring][interval]', message: /Invalid/ },
  ],
  [
    'interval_count 13',
    subscriptionBody({ line_items: [monthlyItem(499, 'P', 13)] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][recurring][interval_count]', message: /Invalid/ },
  ],
  [
    'subscription_data missing',
    without(subscriptionBody(), 'subscription_data'),
    { code: 'parameter_missing', param: 'subscription_data', message: 'subscription_data required' },
  ],
  [
    'subscription_data in payment mode',
    paymentBody({ subscription_data: {} }),
    { code: 'parameter_invalid', param: 'subscription_data', message: /only accepted with mode subscription/ },
  ],
  [
    'subscription without a recurring price',
    subscriptionBody({ line_items: [item(499)] }),
    { code: 'parameter_invalid', param: 'line_items', message: /needs at least one line item with a recurring price/ },
  ],
  [
    'recurring price in payment mode',
    paymentBody({ amount: 499, line_items: [monthlyItem(499)] }),
    { code: 'parameter_invalid', param: 'line_items[0][price_data][recurring]', message: /needs mode subscription/ },
  ],
  [
    'recurring prices with two cadences',
    subscriptionBody({ amount: 998, line_items: [monthlyItem(499), monthlyItem(499, 'Q', 3)] }),
    { code: 'parameter_invalid', param: 'line_items[1][price_data][recurring]', message: /same interval/ },
  ],
  [
    'discount equal to the amount',
    subscriptionBody({ subscription_data: { discount_period_config: { discount_period_count: 1, discount_period_amount: 499 } } }),
    {
      code: 'parameter_invalid',
      param: 'subscription_data[discount_period_config][discount_period_amount]',
      message: /must be less than amount/,
    },
  ],
  [
    'discount period count zero',
    subscriptionBody({ subscription_data: { discount_period_config: { discount_period_count: 0, discount_period_amount: 1 } } }),
    { code: 'parameter_invalid', param: 'subscription_data[discount_period_config][discount_period_count]', message: /Invalid/ },
  ],
  [
    'negative discount',
    subscriptionBody({ subscription_data: { discount_period_config: { discount_period_count: 1, discount_period_amount: -1 } } }),
    { code: 'parameter_invalid', param: 'subscription_data[discount_period_config][discount_period_amount]', message: /negative/ },
  ],
  [
    'merchant_order_id missing',
    without(paymentBody(), 'merchant_order_id'),
    { code: 'parameter_missing', param: 'merchant_order_id', message: 'merchant_order_id required' },
  ],
  [
    'merchant_order_id with a space',
    paymentBody({ merchant_order_id: 'order 1' }),
    { code: 'parameter_invalid', param: 'merchant_order_id', message: /letters, digits/ },
  ],
  [
    'merchant_order_id of 65 characters',
    paymentBody({ merchant_order_id: 'a'.repeat(65) }),
    { code: 'parameter_invalid', param: 'merchant_order_id', message: /1–64/ },
  ],
  [
    'customer without email',
    paymentBody({ customer: { name: 'A', merchant_customer_id: 'c' } }),
    { code: 'parameter_missing', param: 'customer[email]', message: 'customer[email] required' },
  ],
  [
    'customer email malformed',
    paymentBody({ customer: { email: '<b>@x', name: 'A', merchant_customer_id: 'c' } }),
    { code: 'parameter_invalid', param: 'customer[email]', message: /Invalid customer\[email\]/ },
  ],
  [
    'metadata value not a string',
    paymentBody({ metadata: { plan: 5 } }),
    { code: 'parameter_invalid', param: 'metadata[plan]', message: /expected string/ },
  ],
  [
    'metadata nested',
    paymentBody({ metadata: { plan: { tier: 'gold' } } }),
    { code: 'parameter_invalid', param: 'metadata[plan]', message: /expected string/ },
  ],
  [
    'metadata key of 41 characters',
    paymentBody({ metadata: { ['k'.repeat(41)]: 'v' } }),
    { code: 'parameter_invalid', param: `metadata[${'k'.repeat(41)}]`, message: /keys must be 1–40 characters/ },
  ],
  [
    'metadata value of 501 characters',
    paymentBody({ metadata: { note: 'v'.repeat(501) } }),
    { code: 'parameter_invalid', param: 'metadata[note]', message: /Invalid metadata\[note\]/ },
  ],
  [
    'metadata with 51 keys',
    paymentBody({ metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${String(i)}`, 'v'])) }),
    { code: 'parameter_invalid', param: 'metadata', message: /at most 50 keys/ },
  ],
  [
    'metadata __proto__ key',
    paymentBody({ metadata: jsonValue('{"__proto__": "x"}') }),
    { code: 'parameter_invalid', param: 'metadata[__proto__]', message: /reserved/ },
  ],
  [
    'expires_at not an integer',
    paymentBody({ expires_at: 1.5 }),
    { code: 'parameter_invalid', param: 'expires_at', message: /Invalid expires_at/ },
  ],
  [
    'success_url relative',
    paymentBody({ success_url: '/done' }),
    { code: 'parameter_invalid', param: 'success_url', message: /absolute http\(s\) URL/ },
  ],
  [
    'success_url with a fragment',
    paymentBody({ success_url: 'https://shop.merchant.com/done#x' }),
    { code: 'parameter_invalid', param: 'success_url', message: /without a fragment/ },
  ],
  [
    'success_url with credentials',
    paymentBody({ success_url: 'https://user:pw@shop.merchant.com/done' }),
    { code: 'parameter_invalid', param: 'success_url', message: /credentials/ },
  ],
  [
    'success_url javascript:',
    paymentBody({ success_url: 'javascript:alert(1)' }),
    { code: 'parameter_invalid', param: 'success_url', message: /absolute http\(s\) URL/ },
  ],
  [
    'success_url on a host not allowed',
    paymentBody({ success_url: 'https://evil.example/done' }),
    { code: 'url_not_allowed', param: 'success_url', message: /evil.example is not an allowed return host/ },
  ],
  [
    'return_url on a host not allowed',
    paymentBody({ success_url: undefined, return_url: 'https://shop.merchant.com.evil.example/' }),
    { code: 'url_not_allowed', param: 'return_url', message: /not an allowed return host/ },
  ],
  [
    'cancel_url on a host not allowed',
    paymentBody({ cancel_url: 'https://evil.example/cart' }),
    { code: 'url_not_allowed', param: 'cancel_url', message: /not an allowed return host/ },
  ],
  [
    'success_url and return_url disagree',
    paymentBody({ return_url: 'https://shop.merchant.com/other' }),
    { code: 'parameter_invalid', param: 'return_url', message: /not two different URLs/ },
  ],
  [
    'payment method card',
    paymentBody({ payment_method_types: ['card'] }),
    { code: 'parameter_invalid', param: 'payment_method_types[0]', message: /Invalid payment_method_types\[0\]/ },
  ],
  [
    'unknown top-level parameter',
    paymentBody({ succes_url: 'https://shop.merchant.com/done' }),
    { code: 'parameter_unknown', param: 'succes_url', message: 'Received unknown parameter: succes_url' },
  ],
  [
    'unknown nested parameter',
    paymentBody({ customer: { email: 'a@b.co', name: 'A', merchant_customer_id: 'c', address: {} } }),
    { code: 'parameter_unknown', param: 'customer[address]', message: 'Received unknown parameter: customer[address]' },
  ],
  ['body is an array', [paymentBody()], { code: 'parameter_invalid', message: 'The request body must be a JSON object.' }],
  ['body is null', null, { code: 'parameter_invalid', message: 'The request body must be a JSON object.' }],
  ['collection_method unknown', paymentBody({ collection_method: 'manual' }), { code: 'parameter_invalid', param: 'collection_method', message: /Invalid/ }],
]

describe('parseCreateRequest rejects', () => {
  it.each(rows)('%s', (_name, body, expected) => {
    const result = parseCreateRequest(body, demoMerchant())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ status: 400, type: 'invalid_request_error', code: expected.code })
    expect(result.error.param).toBe(expected.param)
    if (typeof expected.message === 'string') expect(result.error.message).toBe(expected.message)
    else expect(result.error.message).toMatch(expected.message)
  })

  it('enach when the merchant offers only UPI', () => {
    const other = merchants.byId('other_merchant')
    if (!other) throw new Error('other_merchant missing')
    const result = parseCreateRequest(paymentBody({ payment_method_types: ['upi', 'enach'], success_url: 'http://localhost:3000/done', cancel_url: undefined }), other)
    expect(result.ok ? null : result.error).toMatchObject({ code: 'payment_method_unavailable', param: 'payment_method_types', message: /enach/ })
  })
})

describe('parseCreateRequest accepts', () => {
  const accepted: [name: string, body: Body][] = [
    ['the UseePay minimal payment example shape', paymentBody()],
    ['the UseePay minimal subscription example shape', subscriptionBody()],
    ['amounts as decimal strings', paymentBody({ amount: '99.99', line_items: [item('99.99')] })],
    ['several items summing to the amount', paymentBody({ amount: '250.50', line_items: [item(100.25, 2), item('50'), item(0)] })],
    ['a lowercase currency', paymentBody({ currency: 'inr' })],
    ['return_url instead of success_url', paymentBody({ success_url: undefined, return_url: 'https://shop.merchant.com/done' })],
    ['success_url and return_url that agree', paymentBody({ return_url: 'https://shop.merchant.com/done' })],
    ['a loopback return URL with a query', paymentBody({ success_url: 'http://127.0.0.1:3000/done?session={id}' })],
    ['no customer and no URLs', paymentBody({ customer: undefined, success_url: undefined, cancel_url: undefined })],
    ['both payment method types', paymentBody({ payment_method_types: ['upi', 'enach'] })],
    ['a free first period', subscriptionBody({ subscription_data: { discount_period_config: { discount_period_count: 1, discount_period_amount: 0 } } })],
    ['one-time items beside a recurring price', subscriptionBody({ amount: 599, line_items: [monthlyItem(499), item(100)] })],
    ['a 255-emoji product name', paymentBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: '🧘'.repeat(255) } } }] })],
    ['an empty collection_method (merchant-managed)', subscriptionBody({ collection_method: '' })],
    ['a description and metadata values over several lines, with tabs', paymentBody({ description: 'Yoga mat\n\tblue', metadata: { note: 'line one\r\nline two\tend' } })],
    ['metadata with 50 keys', paymentBody({ metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${String(i)}`, 'v'])) })],
  ]
  it.each(accepted)('%s', (_name, body) => {
    const result = parseCreateRequest(body, demoMerchant())
    expect(result.ok ? 'ok' : result.error).toBe('ok')
  })
})

describe('parseCreateRequest refuses __proto__ anywhere', () => {
  it.each([
    ['top level', '{"__proto__": {"mode": "payment"}}', '__proto__'],
    ['nested', '{"customer": {"__proto__": {}}}', 'customer[__proto__]'],
    ['in line items', '{"line_items": [{"__proto__": 1}]}', 'line_items[0][__proto__]'],
    [
      'in product data',
      '{"line_items": [{"price_data": {"product_data": {"__proto__": {}}}}]}',
      'line_items[0][price_data][product_data][__proto__]',
    ],
  ])('%s', (_name, json, param) => {
    const result = parseCreateRequest(jsonValue(json), demoMerchant())
    expect(result.ok ? null : result.error).toMatchObject({ code: 'parameter_invalid', param, message: /reserved/ })
  })
})
