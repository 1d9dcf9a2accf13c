import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BILLING_INTERVALS, type BillingInterval } from '../../contract/billing'
import { ruleValueRange } from '../../contract/mandate'
import { creditedCharges, priceSchedule, type IntroTerms, type ScheduleTerms } from './price-schedule'

/** Fixed, so a failure replays; few runs, so the suite stays quick. */
const PROPERTY = { seed: 20261201, numRuns: 300 }
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
const DAY_MS = 24 * 3600 * 1000
const MONTH_STEP: Partial<Record<BillingInterval, number>> = { MONTHLY: 1, BIMONTHLY: 2, QUARTERLY: 3, HALFYEARLY: 6, YEARLY: 12 }

const istDate = (instant: Date): string => new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)
const asDay = (date: string): Date => new Date(`${date}T00:00:00.000Z`)
const daysInMonth = (day: Date): number => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate()
const isoWeekday = (day: Date): number => (day.getUTCDay() === 0 ? 7 : day.getUTCDay())

/** Any instant over a few years, leap days and month ends included. */
const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })

/** A schedule's terms: an interval, a debit day in its range or none, an amount, a cap at least that, and any introductory period. */
const terms = fc
  .record({
    at: instant,
    interval: fc.constantFrom(...BILLING_INTERVALS),
    ruleValue: fc.integer({ min: 1, max: 31 }),
    withRule: fc.boolean(),
    recurringMinor: fc.integer({ min: 100, max: 10_000_000 }),
    capExtra: fc.integer({ min: 0, max: 1_000_000 }),
    paysFirstPeriod: fc.boolean(),
    intro: fc.oneof(
      fc.constant<IntroTerms>({ type: 'NONE' }),
      fc.integer({ min: 1, max: 60 }).map((days): IntroTerms => ({ type: 'DAYS', days })),
      fc.record({ cycles: fc.integer({ min: 1, max: 6 }), share: fc.integer({ min: 0, max: 100 }) }).map(({ cycles, share }) => ({ cycles, share })),
      fc.integer({ min: 1, max: 365 }).map((days) => ({ startInDays: days })),
    ),
  })
  .map(({ at, interval, ruleValue, withRule, recurringMinor, capExtra, paysFirstPeriod, intro }): ScheduleTerms => {
    const range = ruleValueRange(interval)
    const rule = range && withRule ? Math.min(ruleValue, range.max) : null
    const introTerms: IntroTerms =
      'share' in intro
        ? { type: 'CYCLES', cycles: intro.cycles, minor: Math.floor((recurringMinor * intro.share) / 100) }
        : 'startInDays' in intro
          ? { type: 'START_DATE', at: new Date(at.getTime() + intro.startInDays * DAY_MS) }
          : intro
    return {
      at,
      plan: null,
      interval,
      ruleType: rule === null ? null : 'ON',
      ruleValue: rule,
      recurringMinor,
      capMinor: recurringMinor + capExtra,
      today: { minor: 100, refunded: !paysFirstPeriod, paysFirstPeriod: paysFirstPeriod && introTerms.type !== 'DAYS' && introTerms.type !== 'START_DATE' },
      intro: introTerms,
    }
  })

describe('priceSchedule, for any terms', () => {
  it('lists the debits after today in date order, ending with the first at the regular amount, none above the cap', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const { charges, cap, recurring } = priceSchedule(t)
        if (t.interval === 'ASPRESENTED') {
          expect(charges).toEqual([])
          return
        }
        const last = charges.at(-1)
        expect(last).toMatchObject({ amount: recurring.amount, intro: false })
        expect(charges.slice(0, -1).every((c) => c.intro)).toBe(true)
        const dates = charges.map((c) => c.date)
        expect([...dates].sort()).toEqual(dates)
        expect(new Set(dates).size).toBe(dates.length)
        expect(dates.every((date) => date > istDate(t.at))).toBe(true)
        expect(charges.every((c) => c.amount.minor <= cap.minor && c.amount.minor > 0)).toBe(true)
      }),
      PROPERTY,
    )
  })

  it('keeps the debit day the mandate names on every charge', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const v = t.ruleValue
        if (v === null) return
        for (const { date } of priceSchedule(t).charges) {
          const day = asDay(date)
          const last = daysInMonth(day)
          if (t.interval === 'WEEKLY') expect(isoWeekday(day), date).toBe(v)
          else if (t.interval === 'FORTNIGHTLY') expect(v === 16 ? [15, last] : [v, Math.min(v + 15, last)], date).toContain(day.getUTCDate())
          else expect(day.getUTCDate(), date).toBe(Math.min(v, last))
        }
      }),
      PROPERTY,
    )
  })

  it('spaces month-based debits exactly their interval apart', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const step = MONTH_STEP[t.interval]
        if (step === undefined) return
        const months = priceSchedule(t).charges.map(({ date }) => asDay(date).getUTCFullYear() * 12 + asDay(date).getUTCMonth())
        months.slice(1).forEach((month, i) => expect(month - (months[i] ?? 0)).toBe(step))
      }),
      PROPERTY,
    )
  })

  it('bills nothing before free days end or the chosen start date', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const schedule = priceSchedule(t)
        const first = schedule.charges[0]?.date
        if (first === undefined) return
        if (schedule.intro.type === 'DAYS') expect(first >= schedule.intro.endsOn).toBe(true)
        if (schedule.intro.type === 'START_DATE') expect(first >= schedule.intro.startsOn).toBe(true)
      }),
      PROPERTY,
    )
  })

  it('lists one charge per discounted cycle still to come, then the regular one', () => {
    fc.assert(
      fc.property(terms, (t) => {
        if (t.interval === 'ASPRESENTED') return
        const { charges } = priceSchedule(t)
        const intro = t.intro
        const discounted = intro.type === 'CYCLES' && intro.minor > 0 ? intro.cycles - (t.today.paysFirstPeriod ? 1 : 0) : 0
        expect(charges).toHaveLength(discounted + 1)
        if (intro.type === 'CYCLES') for (const c of charges.slice(0, -1)) expect(c.amount.minor).toBe(intro.minor)
      }),
      PROPERTY,
    )
  })
})

describe('creditedCharges, for any credit', () => {
  it('takes exactly the credit off the debits in turn, never below zero, and ends at the full amount', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...BILLING_INTERVALS.filter((i): i is Exclude<BillingInterval, 'ASPRESENTED'> => i !== 'ASPRESENTED')),
        fc.integer({ min: 1, max: 1_000_000 }),
        // Up to six debits' worth of credit: a downgrade early in a long cycle.
        fc.integer({ min: 0, max: 600 }),
        (firstAt, interval, amountMinor, creditPercent) => {
          const creditMinor = Math.floor((amountMinor * creditPercent) / 100)
          const first = firstAt.toISOString().slice(0, 10)
          const charges = creditedCharges({ first, interval, ruleValue: null, amountMinor, creditMinor })
          expect(charges[0]?.date).toBe(first)
          expect(charges.at(-1)?.amount.minor).toBe(amountMinor)
          expect(charges.every((c) => c.amount.minor >= 0 && c.amount.minor <= amountMinor)).toBe(true)
          expect(charges.reduce((taken, c) => taken + amountMinor - c.amount.minor, 0)).toBe(creditMinor)
          const dates = charges.map((c) => c.date)
          expect([...new Set(dates)].sort()).toEqual(dates)
        },
      ),
      PROPERTY,
    )
  })
})
