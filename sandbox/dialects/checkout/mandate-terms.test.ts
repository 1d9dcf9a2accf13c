import { describe, expect, it } from 'vitest'
import type { Frequency } from '../../../contract/mandate'
import { buildMandateTerms, debitDayRule, frequencyFor, istCalendar } from './mandate-terms'
import type { Interval } from './request-schema'

describe('frequencyFor', () => {
  const rows: [interval: Interval, count: number, frequency: Frequency][] = [
    ['day', 1, 'DAILY'],
    ['day', 2, 'ASPRESENTED'],
    ['week', 1, 'WEEKLY'],
    ['week', 2, 'FORTNIGHTLY'],
    ['week', 3, 'ASPRESENTED'],
    ['month', 1, 'MONTHLY'],
    ['month', 2, 'BIMONTHLY'],
    ['month', 3, 'QUARTERLY'],
    ['month', 4, 'ASPRESENTED'],
    ['month', 5, 'ASPRESENTED'],
    ['month', 6, 'HALFYEARLY'],
    ['month', 7, 'ASPRESENTED'],
    ['month', 12, 'YEARLY'],
    ['year', 1, 'YEARLY'],
    ['year', 2, 'ASPRESENTED'],
  ]
  it.each(rows)('%s × %d → %s', (interval, count, frequency) => {
    expect(frequencyFor(interval, count)).toBe(frequency)
  })
})

describe('istCalendar', () => {
  it('uses the Indian date, not the UTC one, near midnight', () => {
    // 20:00 UTC on Tuesday 10 March is 01:30 IST on Wednesday 11 March.
    expect(istCalendar(new Date('2026-03-10T20:00:00Z'))).toEqual({ dayOfMonth: 11, isoWeekday: 3 })
    expect(istCalendar(new Date('2026-03-10T18:29:59Z'))).toEqual({ dayOfMonth: 10, isoWeekday: 2 })
  })
  it('numbers Sunday 7', () => {
    expect(istCalendar(new Date('2026-03-15T06:00:00Z')).isoWeekday).toBe(7)
  })
})

describe('debitDayRule', () => {
  const at = (isoIst: string) => new Date(`${isoIst}T12:00:00+05:30`)
  const rows: [name: string, frequency: Frequency, start: Date, ruleValue: number | null][] = [
    ['WEEKLY on a Tuesday', 'WEEKLY', at('2026-03-10'), 2],
    ['WEEKLY on a Sunday', 'WEEKLY', at('2026-03-15'), 7],
    ['FORTNIGHTLY on the 10th', 'FORTNIGHTLY', at('2026-03-10'), 10],
    ['FORTNIGHTLY on the 15th', 'FORTNIGHTLY', at('2026-03-15'), 15],
    ['FORTNIGHTLY on the 16th', 'FORTNIGHTLY', at('2026-03-16'), 1],
    ['FORTNIGHTLY on the 30th', 'FORTNIGHTLY', at('2026-03-30'), 15],
    ['FORTNIGHTLY on the 31st (month end)', 'FORTNIGHTLY', at('2026-03-31'), 16],
    ['MONTHLY on the 10th', 'MONTHLY', at('2026-03-10'), 10],
    ['MONTHLY on the 28th', 'MONTHLY', at('2026-03-28'), 28],
    ['MONTHLY on the 31st is capped at 28', 'MONTHLY', at('2026-03-31'), 28],
    ['BIMONTHLY on the 12th', 'BIMONTHLY', at('2026-03-12'), 12],
    ['QUARTERLY on the 29th is capped at 28', 'QUARTERLY', at('2026-01-29'), 28],
    ['HALFYEARLY on the 20th', 'HALFYEARLY', at('2026-03-20'), 20],
    ['YEARLY on the 1st', 'YEARLY', at('2026-04-01'), 1],
    ['DAILY has no debit day', 'DAILY', at('2026-03-10'), null],
    ['ASPRESENTED has no debit day', 'ASPRESENTED', at('2026-03-10'), null],
  ]
  it.each(rows)('%s', (_name, frequency, start, ruleValue) => {
    expect(debitDayRule(frequency, start)).toEqual({ ruleType: ruleValue === null ? null : 'ON', ruleValue })
  })
})

describe('buildMandateTerms', () => {
  const now = new Date('2026-03-10T04:30:00.000Z')
  it('is FIXED at the amount without a discount period, for 30 years from now', () => {
    expect(buildMandateTerms({ amountMinor: 49_900, hasDiscountPeriod: false, interval: 'month', intervalCount: 1, now })).toEqual({
      maxAmount: { minor: 49_900, currency: 'INR' },
      amountRule: 'FIXED',
      frequency: 'MONTHLY',
      ruleType: 'ON',
      ruleValue: 10,
      startDate: '2026-03-10T04:30:00.000Z',
      endDate: '2056-03-10T04:30:00.000Z',
      blockFunds: false,
      revokableByCustomer: true,
    })
  })
  it('is VARIABLE when the first debit is discounted', () => {
    const terms = buildMandateTerms({ amountMinor: 49_900, hasDiscountPeriod: true, interval: 'week', intervalCount: 2, now })
    expect(terms).toMatchObject({ amountRule: 'VARIABLE', frequency: 'FORTNIGHTLY', maxAmount: { minor: 49_900 } })
  })
})
