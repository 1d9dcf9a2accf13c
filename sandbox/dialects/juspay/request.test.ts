import { describe, expect, it } from 'vitest'
import type { Merchant } from '../../merchants'
import { DEMO } from '../../testing/juspay-dialect'
import { FieldErrors, RequestFields } from './fields'
import { readRequest } from './request'

/**
 * readRequest: every field of a session/order request parsed, no defaults applied. Each test reads
 * through a merchant object of its own, as the return and webhook URL parsers are kept per merchant.
 */
function read(body: Record<string, unknown>, merchant: Merchant = { ...DEMO }) {
  const errors = new FieldErrors()
  const request = readRequest(new RequestFields(body, errors), merchant, errors)
  return { request, errors: errors.list() }
}

describe('readRequest', () => {
  it('answers each known field under its own name', () => {
    const { request, errors } = read({
      order_id: 'ord_1',
      amount: '10.50',
      currency: 'INR',
      customer_id: 'cust_1',
      customer_email: 'asha@example.com',
      customer_phone: '9876543210',
      first_name: 'Asha',
      last_name: 'Verma',
      description: 'Gym\nmonthly',
      return_url: 'https://shop.merchant.com/return',
      payment_page_client_id: 'demo_merchant',
      action: 'enach',
      language: 'hi',
      udf1: 'gold',
      udf10: '<any>',
      'options.create_mandate': 'OPTIONAL',
      'options.get_upi_deep_links': 'false',
      'mandate.frequency': 'MONTHLY',
    })
    expect(errors).toEqual([])
    expect(request).toMatchObject({
      orderId: 'ord_1',
      amountMinor: 1050,
      currency: 'INR',
      customerId: 'cust_1',
      customerEmail: 'asha@example.com',
      customerPhone: '9876543210',
      firstName: 'Asha',
      lastName: 'Verma',
      description: 'Gym\nmonthly',
      returnUrl: 'https://shop.merchant.com/return',
      paymentPageClientId: 'demo_merchant',
      action: 'enach',
      language: 'hi',
      createMandate: 'OPTIONAL',
      getUpiDeepLinks: false,
      mandateFieldsGiven: true,
      metadata: {},
      paymentRules: undefined,
    })
    expect(request.udf).toEqual(['gold', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, '<any>'])
    expect(request.mandate.frequency).toBe('MONTHLY')
  })

  it('says no mandate field was given when none was', () => {
    expect(read({ order_id: 'o', 'options.create_mandate': 'REQUIRED' }).request.mandateFieldsGiven).toBe(false)
  })
})

describe('refusals, word for word', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['another currency', { currency: 'USD' }, 'currency', 'must be INR: UPI AutoPay and eNACH mandates are in Indian rupees only'],
    ['a return_url off the allow-list', { return_url: 'https://evil.example.com/x' }, 'return_url', "host evil.example.com is not on this merchant's return URL allow-list"],
    [
      'a webhook_url off the allow-list',
      { 'metadata.webhook_url': 'https://hooks.example.net/juspay' },
      'metadata.webhook_url',
      "host hooks.example.net is not on this merchant's webhook URL allow-list",
    ],
    ['an empty metadata key', { 'metadata.': 'x' }, 'metadata.', 'metadata keys must be 1 to 128 printable characters'],
    ['a metadata key of 129 characters', { [`metadata.${'k'.repeat(129)}`]: 'x' }, `metadata.${'k'.repeat(129)}`, 'metadata keys must be 1 to 128 printable characters'],
    ['a metadata key with a control character', { 'metadata.a\u0001b': 'x' }, 'metadata.a\u0001b', 'metadata keys must be 1 to 128 printable characters'],
    ['special characters in udf5', { udf5: 'a&b' }, 'udf5', 'must hold only letters, digits, spaces and "._@-" (special characters are allowed in udf6–udf10)'],
  ])('%s', (_, body, field, reason) => {
    expect(read(body).errors).toEqual([{ field_name: field, reason }])
  })

  it('keeps no metadata value that was refused', () => {
    const { request, errors } = read({ metadata: { expiryInMins: 0, note: 'kept' } })
    expect(errors.map((e) => e.field_name)).toEqual(['metadata.expiryInMins'])
    expect(Object.keys(request.metadata)).toEqual(['note'])
  })
})

describe('URL allow-lists are the merchant’s own', () => {
  const strict: Merchant = {
    ...DEMO,
    returnUrls: { loopback: false, hosts: ['pay.example.in'] },
    webhookUrls: { loopback: false, hosts: ['hooks.example.in'] },
  }

  it.each([
    ['return_url', 'https://pay.example.in/done', 'https://shop.merchant.com/return'],
    ['metadata.webhook_url', 'https://hooks.example.in/j', 'http://localhost:9000/hook'],
  ])('%s: the host listed is taken, another refused', (field, allowed, refused) => {
    expect(read({ [field]: allowed }, { ...strict }).errors).toEqual([])
    expect(read({ [field]: refused }, { ...strict }).errors.map((e) => e.field_name)).toEqual([field])
  })
})

describe('metadata', () => {
  it('stores every value as text, structured ones as JSON', () => {
    const { request, errors } = read({
      metadata: { text: 'plain', count: 3, flag: true, list: [1, 'a'], object: { a: 1 }, expiryInMins: '15', auto_refund_post_success: true },
    })
    expect(errors).toEqual([])
    expect(request.metadata).toStrictEqual({
      text: 'plain',
      count: '3',
      flag: 'true',
      list: '[1,"a"]',
      object: '{"a":1}',
      expiryInMins: '15',
      auto_refund_post_success: 'true',
    })
  })

  it('takes a key of 128 characters', () => {
    const key = 'k'.repeat(128)
    expect(read({ [`metadata.${key}`]: 'x' }).request.metadata).toStrictEqual({ [key]: 'x' })
  })
})

describe('udf1–udf10', () => {
  it('allows special characters from udf6 on', () => {
    const { request, errors } = read({ udf6: 'a&b <c>', udf7: '{"x":1}' })
    expect(errors).toEqual([])
    expect(request.udf.slice(5, 7)).toEqual(['a&b <c>', '{"x":1}'])
  })
})
