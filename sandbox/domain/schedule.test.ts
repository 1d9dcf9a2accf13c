import { describe, expect, it } from 'vitest'
import type { Frequency, MandateTerms } from '../../contract/mandate'
import { firstDebitDate } from './schedule'

/** Start: Wednesday 25 Nov 2026, 15:30 IST. */
const START = '2026-11-25T10:00:00.000Z'

function terms(frequency: Frequency, ruleValue: number | null, startDate = START): MandateTerms {
  return {
    maxAmount: { minor: 100_00, currency: 'INR' },
    amountRule: 'VARIABLE',
    frequency,
    ruleType: ruleValue === null ? null : 'ON',
    ruleValue,
    startDate,
    endDate: '2056-11-25T10:00:00.000Z',
    blockFunds: false,
    revokableByCustomer: true,
  }
}

/** Midnight IST of a date, written as the calendar date. */
const ist = (date: string) => new Date(`${date}T00:00:00+05:30`).toISOString()

describe('firstDebitDate', () => {
  it.each<[string, Frequency, number | null, string | null, string?]>([
    ['one time has no later debit', 'ONETIME', null, null],
    ['as presented is up to the merchant', 'ASPRESENTED', null, null],
    ['daily starts tomorrow', 'DAILY', null, '2026-11-26'],
    ['weekly on Monday (1)', 'WEEKLY', 1, '2026-11-30'],
    ['weekly on the start weekday waits a week', 'WEEKLY', 3, '2026-12-02'],
    ['fortnightly 5 → 5th and 20th: next is 5 Dec', 'FORTNIGHTLY', 5, '2026-12-05'],
    ['fortnightly 12 → 12th and 27th: next is 27 Nov', 'FORTNIGHTLY', 12, '2026-11-27'],
    ['fortnightly 16 → 15th and month end: 30 Nov', 'FORTNIGHTLY', 16, '2026-11-30'],
    ['monthly on the 28th is this month', 'MONTHLY', 28, '2026-11-28'],
    ['monthly on the 5th is next month', 'MONTHLY', 5, '2026-12-05'],
    ['monthly on the 31st falls on 30 Nov', 'MONTHLY', 31, '2026-11-30'],
    ['bimonthly on the 5th is two months on', 'BIMONTHLY', 5, '2027-01-05'],
    ['quarterly on the 5th', 'QUARTERLY', 5, '2027-02-05'],
    ['half-yearly on the 5th', 'HALFYEARLY', 5, '2027-05-05'],
    ['yearly on the 5th', 'YEARLY', 5, '2027-11-05'],
    ['monthly on the 31st from January lands on 28 Feb', 'MONTHLY', 31, '2027-02-28', '2027-01-31T10:00:00.000Z'],
    // 00:30 IST on 1 Dec is still 30 Nov in UTC: the start day is India's.
    ['daily from just after midnight IST starts the next Indian day', 'DAILY', null, '2026-12-02', '2026-11-30T19:00:00.000Z'],
    ['monthly on the start day (IST) is next month', 'MONTHLY', 1, '2027-01-01', '2026-11-30T19:00:00.000Z'],
    // Sunday 29 Nov 2026, 15:30 IST: weekday 7, so weekly with no rule day is next Sunday.
    ['weekly from a Sunday with no rule day waits a week', 'WEEKLY', null, '2026-12-06', '2026-11-29T10:00:00.000Z'],
    ['weekly on Monday (1) from a Sunday is the next day', 'WEEKLY', 1, '2026-11-30', '2026-11-29T10:00:00.000Z'],
    ['fortnightly 16 from the 15th → month end', 'FORTNIGHTLY', 16, '2026-11-30', '2026-11-15T10:00:00.000Z'],
    ['fortnightly 16 from the 2nd → the 15th', 'FORTNIGHTLY', 16, '2026-11-15', '2026-11-02T10:00:00.000Z'],
    ['fortnightly 5 from the 5th → the 20th, never the start day', 'FORTNIGHTLY', 5, '2026-11-20', '2026-11-05T10:00:00.000Z'],
  ])('%s', (_name, frequency, ruleValue, expected, start) => {
    const result = firstDebitDate(terms(frequency, ruleValue, start))
    expect(result?.toISOString() ?? null).toBe(expected === null ? null : ist(expected))
  })
})
