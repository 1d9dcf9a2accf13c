import { describe, expect, it } from 'vitest'
import { sampleBody, type Body } from '../../testing/plural-dialect'
import type { PluralErrorSpec } from './errors'
import { parseSubscriptionBody, type SubscriptionRequest } from './request'

/** A Plural subscription body's structure, read without the app (docs/domain/plural.md#the-request). */

function requestOf(value: unknown): SubscriptionRequest {
  const result = parseSubscriptionBody(value)
  if (!result.ok) throw new Error(`refused: ${result.error.message}`)
  return result.request
}

function messageOf(value: unknown): string {
  const result = parseSubscriptionBody(value)
  if (result.ok) throw new Error('accepted')
  expect(result.error).toMatchObject<Partial<PluralErrorSpec>>({ status: 400, code: 12400 })
  return result.error.message
}

const plan = (fields: Body): Body => sampleBody({ plan: { ...(sampleBody()['plan'] as Body), ...fields } })
const customer = (fields: Body): Body => sampleBody({ customerData: { ...(sampleBody()['customerData'] as Body), ...fields } })

describe('parseSubscriptionBody refuses', () => {
  it.each([['an array', []], ['null', null], ['text', 'subscribe']])('%s as the body', (_name, value) => {
    expect(messageOf(value)).toBe('The request body must be a JSON object.')
  })

  it.each([
    ['the body', '{"__proto__":{"x":1},"merchantId":"demo_merchant"}', '__proto__'],
    ['the plan', '{"merchantId":"demo_merchant","plan":{"planId":"","__proto__":{}}}', 'plan.__proto__'],
    ['the customer', '{"merchantId":"demo_merchant","plan":{},"customerData":{"__proto__":{}}}', 'customerData.__proto__'],
  ])('a __proto__ key in %s, which a schema would drop without a word', (_name, json, field) => {
    expect(messageOf(JSON.parse(json))).toBe(`${field} is a reserved key.`)
  })

  it.each<[string, Body, string]>([
    ['an unknown field', sampleBody({ coupon: 'X' }), 'coupon is not a field of this request.'],
    ['an unknown plan field', plan({ price: 5 }), 'plan.price is not a field of this request.'],
    ['no merchantId', sampleBody({ merchantId: undefined }), 'merchantId is required.'],
    ['an empty merchantId', sampleBody({ merchantId: '' }), 'merchantId must not be empty.'],
    ['no customer mobile', customer({ customerMobile: undefined }), 'customerData.customerMobile is required.'],
    ['a reference with a space', sampleBody({ clientUniqueReference: 'Plan 1' }), 'clientUniqueReference must be 1 to 64 letters, digits, "_", "-", "." or ":".'],
    ['a start date in ISO form', sampleBody({ startDate: '2026-03-09T18:30:00Z' }), 'startDate must be a UTC date-time "YYYY-MM-DD HH:mm:ss".'],
    ['30 February', sampleBody({ endDate: '2027-02-30 00:00:00' }), 'endDate is not a date and time that exists.'],
    ['hour 24', sampleBody({ endDate: '2027-02-03 24:00:00' }), 'endDate is not a date and time that exists.'],
    ['second 60', plan({ startDate: '2027-02-03 10:00:60' }), 'plan.startDate is not a date and time that exists.'],
    ['a line break in the plan name', plan({ planName: 'Gold\nPlan' }), 'plan.planName must not contain control or bidirectional-override characters.'],
    ['a right-to-left override in the notes', plan({ notes: 'pay \u202Egnp.exe' }), 'plan.notes must not contain control or bidirectional-override characters.'],
    ['a first name of 101 characters', customer({ firstName: 'a'.repeat(101) }), 'customerData.firstName must be at most 100 characters.'],
    ['an amount of 0', plan({ amount: { value: 0, currency: 'INR' } }), 'plan.amount.value must be at least 1.'],
    ['an amount above 100000000 paise', plan({ amount: { value: 100_000_001, currency: 'INR' } }), 'plan.amount.value must be at most 100000000.'],
    ['an amount with paise as a fraction', plan({ amount: { value: 220.5, currency: 'INR' } }), 'plan.amount.value must be a whole number.'],
    ['an amount as a decimal string', plan({ amount: { value: '220.50', currency: 'INR' } }), 'plan.amount.value must be a whole number.'],
    ['an amount in dollars', plan({ amount: { value: 220, currency: 'USD' } }), 'plan.amount.currency must be INR.'],
    ['a frequency of 13', plan({ frequency: 13 }), 'plan.frequency must be at most 12.'],
    ['a quantity of 1001', sampleBody({ quantity: '1001' }), 'quantity must be at most 1000.'],
    ['a trial of 366 days', plan({ trialPeriodInDays: 366 }), 'plan.trialPeriodInDays must be at most 365.'],
    ['a debit day of 32', sampleBody({ payments: { debitDay: 32 } }), 'payments.debitDay must be at most 31.'],
    ['a mobile number of 5 digits', customer({ customerMobile: '94446' }), 'customerData.customerMobile must be 6 to 15 digits.'],
    ['an e-mail without a domain', customer({ customerEmail: 'dhakshin@' }), 'customerData.customerEmail must be an e-mail address.'],
    ['a txnMode other than C or I', sampleBody({ upi_data: { txnMode: 'Q' } }), 'upi_data.txnMode must be C (collect) or I (intent).'],
    ['autoDebit as text', sampleBody({ autoDebit: 'true' }), 'autoDebit must be true or false.'],
    ['a callback URL on ftp', sampleBody({ callbackUrl: 'ftp://shop.merchant.com/cb' }), 'callbackUrl must be an absolute http(s) URL without credentials.'],
    ['a relative callback URL', sampleBody({ callbackUrl: '/cb' }), 'callbackUrl must be an absolute http(s) URL without credentials.'],
    ['a callback URL with a user name', sampleBody({ callbackUrl: 'https://ops@shop.merchant.com/cb' }), 'callbackUrl must be an absolute http(s) URL without credentials.'],
    ['a callback URL with a password', sampleBody({ callbackUrl: 'https://:pw@shop.merchant.com/cb' }), 'callbackUrl must be an absolute http(s) URL without credentials.'],
  ])('%s', (_name, body, message) => {
    expect(messageOf(JSON.parse(JSON.stringify(body)))).toBe(message)
  })
})

describe('parseSubscriptionBody accepts', () => {
  it('the reference’s sample as sent', () => {
    const request = requestOf(sampleBody())
    expect(request.plan.amount).toEqual({ value: 220, currency: 'INR' })
    expect(request.startDate).toBe('2026-03-09 18:30:00')
    expect(request.upi_data).toEqual({ vpa: 'dhakshin@okaxis' })
  })

  it('whole numbers sent as their digits, read as numbers', () => {
    const request = requestOf(plan({ amount: { value: '100000000', currency: 'INR' }, frequency: '12', trialPeriodInDays: '0' }))
    expect(request.plan).toMatchObject({ amount: { value: 100_000_000 }, frequency: 12, trialPeriodInDays: 0 })
    expect(requestOf(sampleBody({ quantity: '1000', payments: { debitDay: '31' } }))).toMatchObject({ quantity: 1000, payments: { debitDay: 31 } })
  })

  it('a 29 February that exists, and the last second of a day', () => {
    expect(requestOf(sampleBody({ endDate: '2028-02-29 23:59:59' })).endDate).toBe('2028-02-29 23:59:59')
  })

  it('text at its longest, with letters of any script', () => {
    expect(requestOf(customer({ firstName: 'अ'.repeat(100) })).customerData.firstName).toBe('अ'.repeat(100))
  })

  it.each(['https://shop.merchant.com/plural/cb', 'http://127.0.0.1:3000/cb'])('the callback URL %s', (url) => {
    expect(requestOf(sampleBody({ callbackUrl: url })).callbackUrl).toBe(url)
  })
})
