import { describe, expect, it } from 'vitest'
import type { Plan } from '../../../contract/plan'
import { demoMerchant, FIXED_NOW } from '../../testing/checkout-dialect'
import { monthlyPlan } from '../../testing/fixtures'
import { checkoutTerms, istToday, type CheckoutTerms } from './checkout-terms'
import type { ZenskarErrorSpec } from './errors'
import type { CheckoutRequest } from './request'

/**
 * A checkout read against its plan and the clock, without the app (docs/domain/zenskar.md#create-a-checkout).
 * FIXED_NOW is Tuesday 10 March 2026, 10:00 IST; fit_monthly is ₹499 a month on the 5th, capped at ₹499.
 */

const PLANS: Record<string, Plan> = {
  fit_monthly: monthlyPlan(),
  fit_capped: monthlyPlan({ plan_id: 'fit_capped', max_amount: 150000 }),
  fit_trial: monthlyPlan({ plan_id: 'fit_trial', intro: { type: 'DAYS', days: 7 } }),
  fit_paused: monthlyPlan({ plan_id: 'fit_paused', status: 'INACTIVE' }),
  fit_payg: monthlyPlan({ plan_id: 'fit_payg', amount: { type: 'VARIABLE' } }),
  fit_presented: monthlyPlan({ plan_id: 'fit_presented', interval: 'ASPRESENTED', rule_type: undefined, rule_value: undefined }),
}
const planOf = (planId: string): Plan | undefined => PLANS[planId]

const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({ plan_id: 'fit_monthly', customer_id: 'cust_42', ...overrides })

function termsOf(body: Partial<CheckoutRequest> = {}, now: Date = FIXED_NOW): CheckoutTerms {
  const result = checkoutTerms(request(body), demoMerchant(), planOf, now)
  if (!result.ok) throw new Error(`refused: ${result.error.message}`)
  return result.terms
}

function errorOf(body: Partial<CheckoutRequest>, now: Date = FIXED_NOW): ZenskarErrorSpec {
  const result = checkoutTerms(request(body), demoMerchant(), planOf, now)
  if (result.ok) throw new Error('accepted')
  return result.error
}

const field = (name: string, message: string, code: ZenskarErrorSpec['code'] = 'field_invalid'): ZenskarErrorSpec => ({ status: 400, code, message, field: name })

describe('istToday', () => {
  it.each([
    ['2026-03-10T18:29:59.999Z', '2026-03-10'],
    ['2026-03-10T18:30:00.000Z', '2026-03-11'],
    ['2026-03-09T18:30:00.000Z', '2026-03-10'],
  ])('%s is %s in India', (instant, date) => {
    expect(istToday(new Date(instant))).toBe(date)
  })
})

describe('checkoutTerms refuses', () => {
  it.each<[string, Partial<CheckoutRequest>, ZenskarErrorSpec]>([
    ['a plan the merchant does not have', { plan_id: 'fit_none' }, { status: 400, code: 'plan_not_found', message: "No plan fit_none in this merchant's catalogue.", field: 'plan_id' }],
    ['an inactive plan', { plan_id: 'fit_paused' }, { status: 400, code: 'plan_inactive', message: 'Plan fit_paused is INACTIVE; only an ACTIVE plan can be sold.', field: 'plan_id' }],
    [
      'a variable plan',
      { plan_id: 'fit_payg' },
      {
        status: 400,
        code: 'plan_not_supported',
        message: "Plan fit_payg has a variable amount, set per registration; a checkout has no field for it. Sell a fixed plan, or use Juspay's billing flows with plan_amount.",
        field: 'plan_id',
      },
    ],
    ['a start before today', { start_date: '2026-03-09' }, field('start_date', 'must not be before today (2026-03-10, India).')],
    [
      'a start tomorrow',
      { start_date: '2026-03-11' },
      field('start_date', 'must be today or at least 2 days ahead (2026-03-12 or later), so the first debit can be notified in time.'),
    ],
    ['a start 366 days ahead', { start_date: '2027-03-11' }, field('start_date', 'must be at most 365 days ahead.')],
    [
      'a later start for a plan with its own trial',
      { plan_id: 'fit_trial', start_date: '2026-03-20' },
      {
        status: 400,
        code: 'intro_conflict',
        message: 'Plan fit_trial has its own introductory period (DAYS); a later start_date would be a second one. Send no start_date, or sell a plan without an introductory period.',
        field: 'start_date',
      },
    ],
    ['an end on the start', { end_date: '2026-03-10' }, field('end_date', 'must be after start_date (2026-03-10).')],
    ['an end before a later start', { start_date: '2026-04-01', end_date: '2026-03-31' }, field('end_date', 'must be after start_date (2026-04-01).')],
    ['an end past 30 years', { end_date: '2056-03-11' }, field('end_date', 'must be within 30 years.')],
    ['an end before the first regular debit', { end_date: '2026-04-04' }, field('end_date', 'must not be before the first regular charge on 2026-04-05: the mandate would end before it bills.')],
    ['an expiry now', { expires_at: FIXED_NOW.toISOString() }, field('expires_at', 'must be in the future.')],
    ['an expiry a millisecond past 30 days', { expires_at: '2026-04-09T04:30:00.001Z' }, field('expires_at', 'must be at most 30 days from now.')],
    ['a success_url off the allow-list', { success_url: 'https://evil.example/welcome' }, field('success_url', 'evil.example is not an allowed return host for this merchant.', 'url_not_allowed')],
    ['a cancel_url off the allow-list', { cancel_url: 'https://evil.example/plans' }, field('cancel_url', 'evil.example is not an allowed return host for this merchant.', 'url_not_allowed')],
    [
      'an override for another product',
      { product_overrides: [{ product_id: 'fit_yearly', quantity: 1 }] },
      field('product_overrides[0].product_id', "The checkout's one product is its plan: product_id must be fit_monthly."),
    ],
    [
      'an override that disables the plan',
      { product_overrides: [{ product_id: 'fit_monthly', is_enabled: false }] },
      field('product_overrides[0].is_enabled', "The plan is the checkout's only product; disabling it would leave nothing to buy."),
    ],
    [
      'a quantity above the cap',
      { plan_id: 'fit_capped', product_overrides: [{ product_id: 'fit_capped', quantity: 4 }] },
      field('product_overrides[0].quantity', "4 × ₹499.00 is above the plan's max_amount ₹1500.00, the most its mandate may debit.", 'amount_above_max'),
    ],
    [
      'a second unit of a plan capped at one',
      { product_overrides: [{ product_id: 'fit_monthly', quantity: 2 }] },
      field('product_overrides[0].quantity', "2 × ₹499.00 is above the plan's max_amount ₹499.00, the most its mandate may debit.", 'amount_above_max'),
    ],
  ])('%s', (_name, body, error) => {
    expect(errorOf(body)).toEqual(error)
  })

  it('answers the first broken rule in the order the fields are listed', () => {
    const all: Partial<CheckoutRequest> = {
      start_date: '2026-03-11',
      end_date: '2026-03-10',
      expires_at: '2026-03-01T00:00:00Z',
      success_url: 'https://evil.example/',
      cancel_url: 'https://evil.example/',
      product_overrides: [{ product_id: 'other', quantity: 1 }],
    }
    expect(errorOf({ ...all, plan_id: 'fit_none' }).code).toBe('plan_not_found')
    expect(errorOf(all).field).toBe('start_date')
    expect(errorOf({ ...all, start_date: undefined }).field).toBe('end_date')
    expect(errorOf({ ...all, start_date: undefined, end_date: undefined }).field).toBe('expires_at')
    expect(errorOf({ ...all, start_date: undefined, end_date: undefined, expires_at: undefined }).field).toBe('success_url')
    expect(errorOf({ ...all, start_date: undefined, end_date: undefined, expires_at: undefined, success_url: undefined }).field).toBe('cancel_url')
    expect(errorOf({ ...all, start_date: undefined, end_date: undefined, expires_at: undefined, success_url: undefined, cancel_url: undefined }).field).toBe(
      'product_overrides[0].product_id',
    )
  })
})

describe('checkoutTerms accepts', () => {
  it('a bare request: today, one unit, 24 hours to pay, the first period paid now', () => {
    const terms = termsOf({}, new Date('2026-03-10T04:30:00.789Z'))
    expect(terms).toMatchObject({
      plan: PLANS['fit_monthly'],
      quantity: 1,
      startDate: '2026-03-10',
      endDate: null,
      successUrl: null,
      cancelUrl: null,
      productOverrides: [],
    })
    expect(terms.expiresAt.toISOString()).toBe('2026-03-11T04:30:00.000Z')
    expect(terms.mandate).toEqual({
      maxAmount: { minor: 49900, currency: 'INR' },
      amountRule: 'VARIABLE',
      frequency: 'MONTHLY',
      ruleType: 'ON',
      ruleValue: 5,
      startDate: '2026-03-10T04:30:00.789Z',
      endDate: '2056-03-09T18:30:00.000Z',
      blockFunds: false,
      revokableByCustomer: true,
    })
    expect(terms.schedule.today).toMatchObject({ amount: { minor: 49900, currency: 'INR' }, refunded: false })
    expect(terms.schedule.recurring.amount.minor).toBe(49900)
    expect(terms.schedule.charges[0]).toMatchObject({ date: '2026-04-05', amount: { minor: 49900 }, intro: false })
    expect(terms.schedule.plan).toMatchObject({ id: 'fit_monthly', name: 'Monthly' })
  })

  it('today sent as the start date: no later start, the first period paid now', () => {
    const terms = termsOf({ start_date: '2026-03-10' })
    expect(terms.startDate).toBe('2026-03-10')
    expect(terms.schedule.today).toMatchObject({ amount: { minor: 49900 }, refunded: false })
  })

  it.each(['2026-03-12', '2027-03-10'])('a later start on %s: ₹1 today, refunded, and the first debit on or after it', (start) => {
    const terms = termsOf({ start_date: start })
    expect(terms.startDate).toBe(start)
    expect(terms.schedule.today).toMatchObject({ amount: { minor: 100 }, refunded: true })
    expect((terms.schedule.charges[0]?.date ?? '') >= start).toBe(true)
  })

  it('an end date: the mandate ends at the last second of that day in India', () => {
    const terms = termsOf({ end_date: '2026-12-31' })
    expect(terms.endDate).toBe('2026-12-31')
    expect(terms.mandate.endDate).toBe('2026-12-31T18:29:59.000Z')
  })

  it.each(['2026-04-05', '2056-03-10'])('an end on %s (the first regular debit; 30 years ahead)', (end) => {
    expect(termsOf({ end_date: end }).endDate).toBe(end)
  })

  it.each(['2026-03-10T04:30:00.001Z', '2026-04-09T04:30:00.000Z', '2026-04-09T10:00:00+05:30'])('an expiry at %s', (at) => {
    expect(termsOf({ expires_at: at }).expiresAt.getTime()).toBe(new Date(at).getTime())
  })

  it('return URLs on the allow-list or loopback, kept as sent', () => {
    const terms = termsOf({ success_url: 'https://shop.merchant.com/welcome', cancel_url: 'http://127.0.0.1:3000/plans' })
    expect(terms.successUrl).toBe('https://shop.merchant.com/welcome')
    expect(terms.cancelUrl).toBe('http://127.0.0.1:3000/plans')
  })

  it('a quantity that fits the cap multiplies the mandate-free amounts, and the override is kept', () => {
    const overrides = [{ product_id: 'fit_capped', quantity: 3 }]
    const terms = termsOf({ plan_id: 'fit_capped', product_overrides: overrides })
    expect(terms.quantity).toBe(3)
    expect(terms.productOverrides).toEqual(overrides)
    expect(terms.schedule.today.amount.minor).toBe(149700)
    expect(terms.schedule.recurring.amount.minor).toBe(149700)
    expect(terms.mandate.maxAmount.minor).toBe(150000)
  })

  it('an override that only confirms the plan is one unit', () => {
    expect(termsOf({ product_overrides: [{ product_id: 'fit_monthly', is_enabled: true }] }).quantity).toBe(1)
    expect(termsOf({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1 }] }).quantity).toBe(1)
  })

  it('a plan with free days: ₹1 today, refunded', () => {
    expect(termsOf({ plan_id: 'fit_trial' }).schedule.today).toMatchObject({ amount: { minor: 100 }, refunded: true })
  })

  it('a plan debited as presented has no debit day, and an end date needs no regular charge before it', () => {
    const terms = termsOf({ plan_id: 'fit_presented', end_date: '2026-03-11' })
    expect(terms.mandate).toMatchObject({ frequency: 'ASPRESENTED', ruleType: null, ruleValue: null })
    expect(terms.endDate).toBe('2026-03-11')
  })
})
