import { describe, expect, it } from 'vitest'
import type { ZenskarErrorSpec } from './errors'
import { parseCheckoutBody, type CheckoutRequest } from './request'

/** A checkout body's structure, read without the app (docs/domain/zenskar.md#create-a-checkout). */

const body = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({ plan_id: 'fit_monthly', customer_id: 'cust_42', ...overrides })

function requestOf(value: unknown): CheckoutRequest {
  const result = parseCheckoutBody(value)
  if (!result.ok) throw new Error(`refused: ${result.error.message}`)
  return result.request
}

function errorOf(value: unknown): ZenskarErrorSpec {
  const result = parseCheckoutBody(value)
  if (result.ok) throw new Error('accepted')
  return result.error
}

const invalid = (field: string, message: string, code: ZenskarErrorSpec['code'] = 'field_invalid'): ZenskarErrorSpec => ({ status: 400, code, message, field })

describe('parseCheckoutBody refuses', () => {
  it.each([['an array', []], ['null', null], ['a string', 'plan'], ['a number', 7]])('%s as the body', (_name, value) => {
    expect(errorOf(value)).toEqual({ status: 400, code: 'field_invalid', message: 'The request body must be a JSON object.' })
  })

  it.each([
    ['contract_id', 'Plan changes and quantity updates of an existing contract (contract_id) are not supported; create a new checkout with plan_id.'],
    ['product_quantities', 'Quantity updates of an existing contract are not supported; create a new checkout with plan_id.'],
    ['business_entity_id', 'Guest checkouts (business_entity_id) are not supported; send the customer_id of an existing customer.'],
    ['guest_checkout', 'Guest checkouts are not supported; send the customer_id of an existing customer.'],
    ['customer_data', 'Guest checkouts (customer_data) are not supported; send the customer_id of an existing customer.'],
  ])('%s, a checkout this sandbox does not offer, even when null', (name, message) => {
    expect(errorOf(body({ [name]: null }))).toEqual(invalid(name, message, 'not_supported'))
  })

  it('an unsupported field before any other problem', () => {
    expect(errorOf({ contract_id: 'c1', plan_id: '' }).field).toBe('contract_id')
  })

  it.each([
    ['the body', '{"plan_id":"fit_monthly","customer_id":"cust_42","__proto__":{"x":1}}', '__proto__'],
    ['an override', '{"plan_id":"fit_monthly","customer_id":"cust_42","product_overrides":[{"product_id":"fit_monthly","quantity":1,"__proto__":{}}]}', 'product_overrides[0].__proto__'],
    ['the second override', '{"plan_id":"fit_monthly","customer_id":"cust_42","product_overrides":[1,{"__proto__":{}}]}', 'product_overrides[1].__proto__'],
  ])('a __proto__ key in %s, which a schema would drop silently', (_name, json, field) => {
    expect(errorOf(JSON.parse(json))).toEqual(invalid(field, `${field} is a reserved key.`))
  })

  it.each<[string, Record<string, unknown>, ZenskarErrorSpec]>([
    ['an unknown field', body({ coupon: 'X' }), invalid('coupon', 'coupon is not a field of a checkout.', 'field_unknown')],
    [
      'an unknown field in an override',
      body({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1, price: 5 }] }),
      invalid('product_overrides[0].price', 'product_overrides[0].price is not a field of a checkout.', 'field_unknown'),
    ],
    ['no plan_id', { customer_id: 'cust_42' }, invalid('plan_id', 'plan_id is required.', 'field_missing')],
    ['no customer_id', { plan_id: 'fit_monthly' }, invalid('customer_id', 'customer_id is required.', 'field_missing')],
    ['an empty plan_id', body({ plan_id: '' }), invalid('plan_id', 'plan_id must be 1 to 64 letters, digits, "_" or "-".')],
    ['a plan_id of 65 characters', body({ plan_id: 'p'.repeat(65) }), invalid('plan_id', 'plan_id must be 1 to 64 letters, digits, "_" or "-".')],
    ['a customer_id with a space', body({ customer_id: 'cust 42' }), invalid('customer_id', 'customer_id must be 1 to 64 letters, digits, "_" or "-".')],
    ['a customer_id with a line after it', body({ customer_id: 'cust_42\nx' }), invalid('customer_id', 'customer_id must be 1 to 64 letters, digits, "_" or "-".')],
    ['a start date in another format', body({ start_date: '2026-3-12' }), invalid('start_date', 'start_date must be a date YYYY-MM-DD.')],
    ['a start date with a time', body({ start_date: '2026-03-12T00:00:00Z' }), invalid('start_date', 'start_date must be a date YYYY-MM-DD.')],
    ['30 February', body({ start_date: '2026-02-30' }), invalid('start_date', 'start_date is not a calendar date.')],
    ['month 13', body({ end_date: '2026-13-01' }), invalid('end_date', 'end_date is not a calendar date.')],
    ['day 0', body({ end_date: '2026-12-00' }), invalid('end_date', 'end_date is not a calendar date.')],
    [
      'an expiry without a zone',
      body({ expires_at: '2026-03-11T10:00:00' }),
      invalid('expires_at', 'expires_at must be an ISO 8601 date-time with a time zone (2026-12-02T10:30:00Z).'),
    ],
    ['an empty success_url', body({ success_url: '' }), invalid('success_url', 'success_url must not be empty.')],
    [
      'a cancel_url of 2084 characters',
      body({ cancel_url: `https://shop.merchant.com/${'a'.repeat(2058)}` }),
      invalid('cancel_url', 'cancel_url must be at most 2083 characters.'),
    ],
    ['a success_url with a tab', body({ success_url: 'https://shop.merchant.com/\twelcome' }), invalid('success_url', 'success_url must not contain control characters.')],
    ...['shop.merchant.com/welcome', 'ftp://shop.merchant.com/', 'https://shop.merchant.com/#top', 'https://user:pw@shop.merchant.com/'].map(
      (url): [string, Record<string, unknown>, ZenskarErrorSpec] => [
        `the success_url ${url}`,
        body({ success_url: url }),
        invalid('success_url', 'success_url must be an absolute http(s) URL without a fragment or credentials.'),
      ],
    ),
    [
      'two overrides',
      body({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1 }, { product_id: 'fit_monthly', quantity: 2 }] }),
      invalid('product_overrides', 'product_overrides may hold one entry: a checkout sells one plan, one product.'),
    ],
    ['an override setting nothing', body({ product_overrides: [{ product_id: 'fit_monthly' }] }), invalid('product_overrides[0]', 'product_overrides[0] must set quantity or is_enabled.')],
    ['a quantity of 0', body({ product_overrides: [{ product_id: 'fit_monthly', quantity: 0 }] }), invalid('product_overrides[0].quantity', 'product_overrides[0].quantity must be at least 1.')],
    [
      'a quantity of 1001',
      body({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1001 }] }),
      invalid('product_overrides[0].quantity', 'product_overrides[0].quantity must be at most 1000.'),
    ],
    [
      'a quantity of 1.5',
      body({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1.5 }] }),
      invalid('product_overrides[0].quantity', 'product_overrides[0].quantity must be a whole number.'),
    ],
    [
      'is_enabled as text',
      body({ product_overrides: [{ product_id: 'fit_monthly', is_enabled: 'yes' }] }),
      invalid('product_overrides[0].is_enabled', 'product_overrides[0].is_enabled must be true or false.'),
    ],
    [
      'an override without product_id',
      body({ product_overrides: [{ quantity: 2 }] }),
      invalid('product_overrides[0].product_id', 'product_overrides[0].product_id is required.', 'field_missing'),
    ],
  ])('%s', (_name, value, error) => {
    expect(errorOf(value)).toEqual(error)
  })
})

describe('parseCheckoutBody accepts', () => {
  it('the two required fields alone', () => {
    expect(requestOf(body())).toEqual({ plan_id: 'fit_monthly', customer_id: 'cust_42' })
  })

  it('every field, the URLs kept as their normalised href', () => {
    const request = requestOf(
      body({
        plan_id: 'A'.repeat(64),
        customer_id: '9f0c2a8e-5b1d-4c47-a0c3-6f1e2b7d8a90',
        start_date: '2028-02-29',
        end_date: '2030-12-31',
        expires_at: '2026-03-11T10:00:00+05:30',
        success_url: 'HTTPS://Shop.Merchant.com',
        cancel_url: `https://shop.merchant.com/${'a'.repeat(2057)}`,
        product_overrides: [{ product_id: 'fit_monthly', quantity: 1000, is_enabled: true }],
      }),
    )
    expect(request).toEqual({
      plan_id: 'A'.repeat(64),
      customer_id: '9f0c2a8e-5b1d-4c47-a0c3-6f1e2b7d8a90',
      start_date: '2028-02-29',
      end_date: '2030-12-31',
      expires_at: '2026-03-11T10:00:00+05:30',
      success_url: 'https://shop.merchant.com/',
      cancel_url: `https://shop.merchant.com/${'a'.repeat(2057)}`,
      product_overrides: [{ product_id: 'fit_monthly', quantity: 1000, is_enabled: true }],
    })
  })

  it('an override with only is_enabled, and no overrides at all', () => {
    expect(requestOf(body({ product_overrides: [{ product_id: 'fit_monthly', is_enabled: false }] })).product_overrides).toEqual([{ product_id: 'fit_monthly', is_enabled: false }])
    expect(requestOf(body({ product_overrides: [] })).product_overrides).toEqual([])
  })

  it('an inherited __proto__ is no key of the body', () => {
    expect(requestOf(body({ product_overrides: [{ product_id: 'fit_monthly', quantity: 2 }] })).product_overrides?.[0]?.quantity).toBe(2)
  })
})
