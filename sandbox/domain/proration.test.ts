import { describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../contract/billing'
import { monthlyPlan, TEST_NOW } from '../testing/fixtures'
import { priceSchedule, type IntroTerms, type ScheduleTerms } from './price-schedule'
import { addDays, addYears, currentCycle, istDate, istMidnight, prorate, share, type Proration } from './proration'
import type { Subscription } from './subscriptions'

/** An instant written in India time. */
const ist = (local: string): Date => new Date(`${local}+05:30`)

type Row = [name: string, start: string, end: string, at: string, currentMinor: number, newMinor: number, expected: Omit<Proration, 'heldCreditMinor' | 'creditAppliedMinor'>]

/**
 * Each expectation worked by hand: seconds between IST midnights, then amount × remaining ÷ cycle
 * per line, rounded half-up to a paisa, net = charge − credit.
 */
const ROWS: Row[] = [
  // 1 Jan → 1 Feb: 31 days = 2,678,400 s. At the first second nothing is used: the whole of both amounts.
  ['31-day month, first second', '2027-01-01T00:00:00', '2027-02-01T00:00:00', '2027-01-01T00:00:00', 29900, 59900,
    { cycleSeconds: 2678400, remainingSeconds: 2678400, unusedCreditMinor: 29900, newPlanChargeMinor: 59900, proratedMinor: 30000, carryForwardMinor: 0 }],
  // Billing research's worked example: ₹299 → ₹599 at 16 Jan 12:00, exactly half left: −₹149.50 + ₹299.50 = ₹150.00.
  ['31-day month, middle', '2027-01-01T00:00:00', '2027-02-01T00:00:00', '2027-01-16T12:00:00', 29900, 59900,
    { cycleSeconds: 2678400, remainingSeconds: 1339200, unusedCreditMinor: 14950, newPlanChargeMinor: 29950, proratedMinor: 15000, carryForwardMinor: 0 }],
  // One second left: 29900 ÷ 2,678,400 = 0.011 p and 59900 ÷ 2,678,400 = 0.022 p both round to nothing.
  ['31-day month, last second', '2027-01-01T00:00:00', '2027-02-01T00:00:00', '2027-01-31T23:59:59', 29900, 59900,
    { cycleSeconds: 2678400, remainingSeconds: 1, unusedCreditMinor: 0, newPlanChargeMinor: 0, proratedMinor: 0, carryForwardMinor: 0 }],
  // 28 days = 2,419,200 s; 1,521,873 s left: 49900 × … = 31391.15 → 31391; 79900 × … = 50263.58 → 50264; net 18873
  // (rounding the exact net, 18872.43, would give 18872: each line is rounded, never the net).
  ['28-day month (Feb 2027)', '2027-02-01T00:00:00', '2027-03-01T00:00:00', '2027-02-11T09:15:27', 49900, 79900,
    { cycleSeconds: 2419200, remainingSeconds: 1521873, unusedCreditMinor: 31391, newPlanChargeMinor: 50264, proratedMinor: 18873, carryForwardMinor: 0 }],
  // 29 days = 2,505,600 s; 1,608,273 s left: 32029.38 → 32029; 51285.53 → 51286.
  ['29-day month (Feb 2028)', '2028-02-01T00:00:00', '2028-03-01T00:00:00', '2028-02-11T09:15:27', 49900, 79900,
    { cycleSeconds: 2505600, remainingSeconds: 1608273, unusedCreditMinor: 32029, newPlanChargeMinor: 51286, proratedMinor: 19257, carryForwardMinor: 0 }],
  // 30 days = 2,592,000 s; 1,694,673 s left: 32625.07 → 32625; 52239.34 → 52239.
  ['30-day month (April)', '2026-04-01T00:00:00', '2026-05-01T00:00:00', '2026-04-11T09:15:27', 49900, 79900,
    { cycleSeconds: 2592000, remainingSeconds: 1694673, unusedCreditMinor: 32625, newPlanChargeMinor: 52239, proratedMinor: 19614, carryForwardMinor: 0 }],
  // 5 Mar → 5 Apr, 31 days; 1,781,073 s left: 33182.33 → 33182; 53131.62 → 53132.
  ['31-day cycle between debit days', '2026-03-05T00:00:00', '2026-04-05T00:00:00', '2026-03-15T09:15:27', 49900, 79900,
    { cycleSeconds: 2678400, remainingSeconds: 1781073, unusedCreditMinor: 33182, newPlanChargeMinor: 53132, proratedMinor: 19950, carryForwardMinor: 0 }],
  // A week = 604,800 s; 376,200 s left; a downgrade ₹149 → ₹99: 9268.15 → 9268 credit, 6158.04 → 6158 charge; 31.10 carried.
  ['weekly, downgrade', '2026-11-23T00:00:00', '2026-11-30T00:00:00', '2026-11-25T15:30:00', 14900, 9900,
    { cycleSeconds: 604800, remainingSeconds: 376200, unusedCreditMinor: 9268, newPlanChargeMinor: 6158, proratedMinor: 0, carryForwardMinor: 3110 }],
  // 365 days = 31,536,000 s, exactly half left: ₹4,999 → ₹7,999 is ₹1,500.00.
  ['yearly', '2027-01-01T00:00:00', '2028-01-01T00:00:00', '2027-07-02T12:00:00', 499900, 799900,
    { cycleSeconds: 31536000, remainingSeconds: 15768000, unusedCreditMinor: 249950, newPlanChargeMinor: 399950, proratedMinor: 150000, carryForwardMinor: 0 }],
  // 366 days = 31,622,400 s, the same instant of the year leaves less than half: 249267.08 → 249267; 398857.24 → 398857.
  ['yearly, leap year', '2028-01-01T00:00:00', '2029-01-01T00:00:00', '2028-07-02T12:00:00', 499900, 799900,
    { cycleSeconds: 31622400, remainingSeconds: 15768000, unusedCreditMinor: 249267, newPlanChargeMinor: 398857, proratedMinor: 149590, carryForwardMinor: 0 }],
  // Half a cycle of 997 p is 498.5 → 499 (half-up; banker's rounding would give 498), of 1003 p 501.5 → 502.
  ['rounding half-up', '2027-01-01T00:00:00', '2027-02-01T00:00:00', '2027-01-16T12:00:00', 997, 1003,
    { cycleSeconds: 2678400, remainingSeconds: 1339200, unusedCreditMinor: 499, newPlanChargeMinor: 502, proratedMinor: 3, carryForwardMinor: 0 }],
  // A downgrade ₹799 → ₹499 over a 26-day first cycle (10 Mar → 5 Apr = 2,246,400 s): 46768.03 → 46768; 29208.07 → 29208.
  ['monthly downgrade', '2026-03-10T00:00:00', '2026-04-05T00:00:00', '2026-03-20T18:45:10', 79900, 49900,
    { cycleSeconds: 2246400, remainingSeconds: 1314890, unusedCreditMinor: 46768, newPlanChargeMinor: 29208, proratedMinor: 0, carryForwardMinor: 17560 }],
  // Another plan at the same price: credit and charge are equal, nothing is due and nothing carried.
  ['net zero', '2026-03-10T00:00:00', '2026-04-05T00:00:00', '2026-03-20T18:45:10', 49900, 49900,
    { cycleSeconds: 2246400, remainingSeconds: 1314890, unusedCreditMinor: 29208, newPlanChargeMinor: 29208, proratedMinor: 0, carryForwardMinor: 0 }],
]

describe('prorate', () => {
  it.each(ROWS)('%s', (_name, start, end, at, currentMinor, newMinor, expected) => {
    const held = prorate({ cycle: { start: ist(start), end: ist(end) }, at: ist(at), currentMinor, newMinor, heldCreditMinor: 0 })
    expect(held).toEqual({ ...expected, heldCreditMinor: 0, creditAppliedMinor: 0 })
  })

  type HeldRow = [name: string, net: { currentMinor: number; newMinor: number }, heldCreditMinor: number, expected: Pick<Proration, 'creditAppliedMinor' | 'proratedMinor' | 'carryForwardMinor'>]
  /**
   * Credit carried from an earlier change, over the 31-day month with exactly half left, where ₹299 → ₹599 nets ₹150.00 and
   * ₹599 → ₹299 carries ₹150.00: a positive net is paid from it first, a negative one adds to it.
   */
  const HELD: HeldRow[] = [
    ['upgrade, credit below the net', { currentMinor: 29900, newMinor: 59900 }, 4000, { creditAppliedMinor: 4000, proratedMinor: 11000, carryForwardMinor: 0 }],
    ['upgrade, credit equal to the net', { currentMinor: 29900, newMinor: 59900 }, 15000, { creditAppliedMinor: 15000, proratedMinor: 0, carryForwardMinor: 0 }],
    ['upgrade, credit above the net', { currentMinor: 29900, newMinor: 59900 }, 20001, { creditAppliedMinor: 15000, proratedMinor: 0, carryForwardMinor: 5001 }],
    ['downgrade adds to the credit', { currentMinor: 59900, newMinor: 29900 }, 2500, { creditAppliedMinor: 0, proratedMinor: 0, carryForwardMinor: 17500 }],
    ['same price keeps the credit', { currentMinor: 29900, newMinor: 29900 }, 2500, { creditAppliedMinor: 0, proratedMinor: 0, carryForwardMinor: 2500 }],
  ]

  it.each(HELD)('held credit: %s', (_name, { currentMinor, newMinor }, heldCreditMinor, expected) => {
    const cycle = { start: ist('2027-01-01T00:00:00'), end: ist('2027-02-01T00:00:00') }
    const result = prorate({ cycle, at: ist('2027-01-16T12:00:00'), currentMinor, newMinor, heldCreditMinor })
    expect(result).toMatchObject({ ...expected, heldCreditMinor })
  })

  it('keeps the product exact beyond 2^53: the largest amount taken, over a year less a second', () => {
    // 99,999,999,999 p × 31,535,999 = 3,153,599,899,968,464,001, which a double cannot hold;
    // ÷ 31,536,000 = 99,999,999,999 − 3,170.98… = 99,999,996,828.02 → 99,999,996,828.
    expect(share(99_999_999_999, 31_535_999, 31_536_000)).toBe(99_999_996_828)
  })

  it.each([
    ['at the end of the cycle', '2027-02-01T00:00:00'],
    ['before the cycle', '2026-12-31T23:59:59'],
    ['between whole seconds', '2027-01-16T12:00:00.500'],
  ])('refuses a change %s', (_name, at) => {
    expect(() => prorate({ cycle: { start: ist('2027-01-01T00:00:00'), end: ist('2027-02-01T00:00:00') }, at: ist(at), currentMinor: 100, newMinor: 200, heldCreditMinor: 0 })).toThrow(
      `the change at ${ist(at).toISOString()} is not a whole second inside the cycle 2026-12-31T18:30:00.000Z – 2027-01-31T18:30:00.000Z`,
    )
  })

  it('refuses a cycle that is not a whole number of seconds', () => {
    const cycle = { start: ist('2027-01-01T00:00:00.250'), end: ist('2027-02-01T00:00:00') }
    expect(() => prorate({ cycle, at: ist('2027-01-16T00:00:00'), currentMinor: 100, newMinor: 200, heldCreditMinor: 0 })).toThrow('is not a whole second inside the cycle')
  })
})

describe('IST calendar days', () => {
  it.each([
    ['2026-11-30T18:29:59.999Z', '2026-11-30'],
    ['2026-11-30T18:30:00.000Z', '2026-12-01'],
  ])('%s falls on %s in India', (instant, day) => {
    expect(istDate(new Date(instant))).toBe(day)
  })

  it.each<[string, number, string]>([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 365, '2027-12-31'],
  ])('%s and %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected)
  })

  it.each<[string, number, string]>([
    ['2026-04-05', 1, '2027-04-05'],
    ['2028-02-29', 1, '2029-02-29'],
    ['0999-12-31', 1, '1000-12-31'],
    ['0005-06-07', 3, '0008-06-07'],
  ])('%s and %i years is %s', (day, years, expected) => {
    expect(addYears(day, years)).toBe(expected)
  })
})

describe('currentCycle', () => {
  /** A subscription of ₹499 a month on the 5th whose session was created at TEST_NOW (25 Nov 2026, 15:30 IST). */
  const subscription = (today: ScheduleTerms['today'], intro: IntroTerms = { type: 'NONE' }, interval: ScheduleTerms['interval'] = 'MONTHLY'): Subscription => {
    const plan = monthlyPlan()
    const asPresented = interval === 'ASPRESENTED'
    const schedule: PriceSchedule = priceSchedule({
      at: TEST_NOW,
      plan: { id: plan.plan_id, name: plan.name, description: plan.description },
      interval,
      ruleType: asPresented ? null : 'ON',
      ruleValue: asPresented ? null : 5,
      recurringMinor: 49900,
      capMinor: 49900,
      today,
      intro,
    })
    return {
      id: 'bei_x',
      status: 'ACTIVE',
      merchantId: 'demo_merchant',
      customerId: 'cust-42',
      plan,
      planSnapshotAt: TEST_NOW.toISOString(),
      planAmountMinor: 49900,
      mandateId: 'M1',
      mandatePageId: 'ordeh_x',
      orderId: 'o-1',
      pageId: 'ordeh_1',
      intro: schedule.intro,
      billingStartsOn: schedule.charges.find((c) => !c.intro)?.date ?? null,
      schedule,
      creditMinor: 0,
      createdAt: TEST_NOW.toISOString(),
      activatedAt: TEST_NOW.toISOString(),
    }
  }
  const paid = { minor: 49900, refunded: false, paysFirstPeriod: true }
  const authorisation = { minor: 100, refunded: true, paysFirstPeriod: false }

  it('is the period today paid: from the session day’s IST midnight to the first debit day’s', () => {
    // Paid 25 Nov with debits on the 5th: the nearest debit day a month on is 5 Jan (docs/domain/billing.md#the-price-schedule).
    expect(currentCycle(subscription(paid), TEST_NOW)).toEqual({ ok: true, cycle: { start: istMidnight('2026-11-25'), end: istMidnight('2027-01-05') } })
    expect(istMidnight('2026-11-25').toISOString()).toBe('2026-11-24T18:30:00.000Z')
    expect(currentCycle(subscription(paid), ist('2027-01-04T23:59:59'))).toMatchObject({ ok: true })
  })

  it('has ended at the first debit day until a debit pays the next cycle', () => {
    expect(currentCycle(subscription(paid), ist('2027-01-05T00:00:00'))).toEqual({ ok: false, why: { reason: 'ended', endedOn: '2027-01-05' } })
  })

  /** The subscription once a scheduled debit paid a cycle (docs/domain/renewals.md). */
  const debited = (sub: Subscription, cycle: number, date: string, amountMinor = 49900): Subscription => ({
    ...sub,
    renewal: { cycle, due: null, nextDebit: null, paid: { cycle, date, amountMinor }, timeline: [] },
  })

  it.each<[string, Subscription, string, unknown]>([
    ['a debited cycle, from its debit day to the next', debited(subscription(paid), 1, '2027-01-05'), '2027-01-20T12:00:00', { ok: true, cycle: { start: istMidnight('2027-01-05'), end: istMidnight('2027-02-05') } }],
    ['its last second', debited(subscription(paid), 1, '2027-01-05'), '2027-02-04T23:59:59', { ok: true, cycle: { start: istMidnight('2027-01-05'), end: istMidnight('2027-02-05') } }],
    ['past it, the next debit unpaid', debited(subscription(paid), 1, '2027-01-05'), '2027-02-05T00:00:00', { ok: false, why: { reason: 'ended', endedOn: '2027-02-05' } }],
    ['after free days, the first debit paid', debited(subscription(authorisation, { type: 'DAYS', days: 14 }), 1, '2027-01-05'), '2027-01-06T00:00:00', { ok: true, cycle: { start: istMidnight('2027-01-05'), end: istMidnight('2027-02-05') } }],
    ['a discounted cycle debited is still introductory', debited(subscription({ ...paid, minor: 9900 }, { type: 'CYCLES', cycles: 3, minor: 9900 }), 2, '2027-01-05', 9900), '2027-01-06T00:00:00', { ok: false, why: { reason: 'intro_cycles', cycles: 3, amountMinor: 9900, firstDebitOn: '2027-01-05', regularFrom: '2027-03-05' } }],
  ])('the paid period is %s', (_name, sub, at, expected) => {
    expect(currentCycle(sub, ist(at))).toEqual(expected)
  })

  it.each<[string, Subscription, unknown]>([
    ['a refunded ₹1 authorisation', subscription(authorisation), { reason: 'not_paid', todayMinor: 100, refunded: true, firstDebitOn: '2026-12-05' }],
    ['free days', subscription(authorisation, { type: 'DAYS', days: 14 }), { reason: 'intro_days', days: 14, endsOn: '2026-12-09', firstDebitOn: '2027-01-05' }],
    ['a start date', subscription(authorisation, { type: 'START_DATE', at: ist('2026-12-20T00:00:00') }), { reason: 'start_date', startsOn: '2026-12-20', firstDebitOn: '2027-01-05' }],
    ['free cycles', subscription(authorisation, { type: 'CYCLES', cycles: 2, minor: 0 }), { reason: 'intro_cycles', cycles: 2, amountMinor: 0, firstDebitOn: '2027-02-05', regularFrom: '2027-02-05' }],
    ['a discounted first cycle paid today', subscription({ ...paid, minor: 9900 }, { type: 'CYCLES', cycles: 3, minor: 9900 }), { reason: 'intro_cycles', cycles: 3, amountMinor: 9900, firstDebitOn: '2027-01-05', regularFrom: '2027-03-05' }],
    ['a plan billed as presented', subscription(paid, { type: 'NONE' }, 'ASPRESENTED'), { reason: 'as_presented' }],
  ])('there is none with %s', (_name, sub, why) => {
    expect(currentCycle(sub, TEST_NOW)).toEqual({ ok: false, why })
  })

  it('counts from the session’s day even when the registration succeeded the next day', () => {
    const sub = { ...subscription(paid), activatedAt: ist('2026-11-26T00:01:00').toISOString() }
    expect(currentCycle(sub, ist('2026-11-26T00:01:00'))).toMatchObject({ ok: true, cycle: { start: istMidnight('2026-11-25') } })
  })
})
