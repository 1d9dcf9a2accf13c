import { describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../../contract/billing'
import { inr } from '../../../contract/money'
import { mandateTerms } from '../../testing/fixtures'
import { sessionBilling } from './billing'
import { canonicalBody, toOrderDraft } from './order-draft'
import { parseCreateRequest } from './parse-request'
import { demoMerchant, FIXED_NOW, monthlyItem, paymentBody, subscriptionBody, type Body } from '../../testing/checkout-dialect'

/** FIXED_NOW is Tuesday 10 March 2026, 10:00 IST: monthly debits fall ON the 10th. */
function scheduleOf(body: Body, now = FIXED_NOW): PriceSchedule | null {
  const result = parseCreateRequest(body, demoMerchant())
  if (!result.ok) throw new Error(result.error.message)
  const draft = toOrderDraft({
    request: result.request,
    raw: canonicalBody(result.request),
    fingerprint: 'fp',
    merchant: demoMerchant(),
    expiresAt: new Date(now.getTime() + 24 * 3600 * 1000),
    now,
    sessionId: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA',
    clientSecret: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA_secret_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
  })
  if (draft.billing) expect(draft.billing.plan).toBeNull()
  if (draft.billing) expect(draft.billing.subscriptionId).toBeNull()
  return draft.billing?.schedule ?? null
}

const discounted = (count: number, amount: number | string, extra: Body = {}) =>
  subscriptionBody({ subscription_data: { discount_period_config: { discount_period_count: count, discount_period_amount: amount } }, ...extra })

describe('a checkout session’s schedule', () => {
  it('a payment session has none', () => {
    expect(scheduleOf(paymentBody())).toBeNull()
  })

  it.each<[string, Body, Pick<PriceSchedule, 'today' | 'intro' | 'charges'>]>([
    [
      'no discount: today pays the first month, the next debit is the second',
      subscriptionBody(),
      { today: { amount: inr(49900), refunded: false, paysFirstPeriod: true }, intro: { type: 'NONE' }, charges: [{ date: '2026-04-10', amount: inr(49900), intro: false }] },
    ],
    [
      'one discounted period: today is that period, the next debit is full price',
      discounted(1, 0.01),
      {
        today: { amount: inr(1), refunded: false, paysFirstPeriod: true },
        intro: { type: 'CYCLES', cycles: 1, amount: inr(1) },
        charges: [{ date: '2026-04-10', amount: inr(49900), intro: false }],
      },
    ],
    [
      'three discounted periods: today and two more at the discount, then full price',
      discounted(3, 99),
      {
        today: { amount: inr(9900), refunded: false, paysFirstPeriod: true },
        intro: { type: 'CYCLES', cycles: 3, amount: inr(9900) },
        charges: [
          { date: '2026-04-10', amount: inr(9900), intro: true },
          { date: '2026-05-10', amount: inr(9900), intro: true },
          { date: '2026-06-10', amount: inr(49900), intro: false },
        ],
      },
    ],
    [
      'two free periods: today is ₹0 and the free month after it lists no debit',
      discounted(2, 0),
      {
        today: { amount: inr(0), refunded: false, paysFirstPeriod: true },
        intro: { type: 'CYCLES', cycles: 2, amount: inr(0) },
        charges: [{ date: '2026-05-10', amount: inr(49900), intro: false }],
      },
    ],
  ])('%s', (_name, body, expected) => {
    expect(scheduleOf(body)).toMatchObject(expected)
  })

  it('recurs at the recurring items only, capped at the session amount, at the mandate’s frequency and day', () => {
    const body = discounted(1, 10, {
      amount: 599,
      line_items: [monthlyItem(499), { quantity: 2, price_data: { unit_amount: 50, product_data: { name: 'Joining kit' } } }],
    })
    expect(scheduleOf(body)).toMatchObject({
      today: { amount: inr(1000) },
      recurring: { amount: inr(49900), interval: 'MONTHLY', ruleType: 'ON', ruleValue: 10 },
      cap: inr(59900),
      charges: [{ date: '2026-04-10', amount: inr(49900), intro: false }],
    })
  })

  it('a cadence with no exact frequency is as presented: no date can be promised', () => {
    const body = subscriptionBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'x' }, recurring: { interval: 'day', interval_count: 3 } } }] })
    expect(scheduleOf(body)).toMatchObject({ recurring: { interval: 'ASPRESENTED', ruleType: null, ruleValue: null }, charges: [] })
  })

  it('quarterly from the 31st debits on the 28th, the day every month has', () => {
    const body = subscriptionBody({ line_items: [monthlyItem(499, 'Quarterly', 3)] })
    expect(scheduleOf(body, new Date('2026-03-31T04:30:00.000Z'))?.charges).toEqual([{ date: '2026-06-28', amount: inr(49900), intro: false }])
  })
})

describe('sessionBilling, called with what a caller might pass', () => {
  const request = (body: Body) => {
    const result = parseCreateRequest(body, demoMerchant())
    if (!result.ok) throw new Error(result.error.message)
    return result.request
  }

  it('gives a payment no schedule, even with mandate terms at hand', () => {
    expect(sessionBilling(request(paymentBody()), mandateTerms(49_900), 9_999, FIXED_NOW)).toBeNull()
  })

  it('gives a subscription without mandate terms no schedule', () => {
    expect(sessionBilling(request(subscriptionBody()), null, 49_900, FIXED_NOW)).toBeNull()
  })

  it('refuses to schedule a ONETIME mandate', () => {
    expect(() => sessionBilling(request(subscriptionBody()), mandateTerms(49_900, 'ONETIME'), 49_900, FIXED_NOW)).toThrow(
      'a subscription session maps to a recurring mandate, never ONETIME',
    )
  })

  it('a subscription whose subscription data was left out is billed at the full amount', () => {
    const schedule = sessionBilling({ ...request(subscriptionBody()), subscription_data: undefined }, mandateTerms(49_900), 49_900, FIXED_NOW)?.schedule
    expect(schedule?.intro).toEqual({ type: 'NONE' })
  })
})
