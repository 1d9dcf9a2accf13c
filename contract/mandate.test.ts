import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FREQUENCIES, FREQUENCIES_WITH_RULE, MandateTerms, ruleValueRange, type Frequency } from './mandate'

/** Fixed, so a failure replays; few runs, so the suite stays quick. */
const PROPERTY = { seed: 20261201, numRuns: 200 }

/** docs/domain/upi.md#debit-day-rule-value, row by row; null: the frequency has no debit day. */
const DOCUMENTED: Record<Frequency, { min: number; max: number } | null> = {
  ONETIME: null,
  DAILY: null,
  WEEKLY: { min: 1, max: 7 },
  FORTNIGHTLY: { min: 1, max: 16 },
  MONTHLY: { min: 1, max: 31 },
  BIMONTHLY: { min: 1, max: 31 },
  QUARTERLY: { min: 1, max: 31 },
  HALFYEARLY: { min: 1, max: 31 },
  YEARLY: { min: 1, max: 31 },
  ASPRESENTED: null,
}

const allows = (frequency: Frequency, value: number): boolean => {
  const range = ruleValueRange(frequency)
  return range !== null && value >= range.min && value <= range.max
}

describe('ruleValueRange', () => {
  it.each(FREQUENCIES)('%s has the documented range', (frequency) => {
    expect(ruleValueRange(frequency)).toEqual(DOCUMENTED[frequency])
  })

  it.each(FREQUENCIES.filter((f) => DOCUMENTED[f] !== null))('%s takes its edges and nothing past them', (frequency) => {
    const { min, max } = DOCUMENTED[frequency] ?? { min: NaN, max: NaN }
    expect([min - 1, min, max, max + 1].map((value) => allows(frequency, value))).toEqual([false, true, true, false])
  })

  it('gives a range to exactly the frequencies with a debit day', () => {
    expect(FREQUENCIES.filter((f) => ruleValueRange(f) !== null)).toEqual([...FREQUENCIES_WITH_RULE])
  })

  it('allows a value exactly when the documented table does, for any frequency and any whole number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FREQUENCIES), fc.integer({ min: -50, max: 100 }), (frequency, value) => {
        const row = DOCUMENTED[frequency]
        expect(allows(frequency, value)).toBe(row !== null && value >= row.min && value <= row.max)
      }),
      PROPERTY,
    )
  })

  it('allows every value of a shorter cycle in a longer one: weekly ⊂ fortnightly ⊂ monthly and longer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 40 }), fc.constantFrom<Frequency>('MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'HALFYEARLY', 'YEARLY'), (value, monthly) => {
        if (allows('WEEKLY', value)) expect(allows('FORTNIGHTLY', value)).toBe(true)
        if (allows('FORTNIGHTLY', value)) expect(allows(monthly, value)).toBe(true)
      }),
      PROPERTY,
    )
  })
})

describe('MandateTerms', () => {
  const terms = {
    maxAmount: { minor: 100000, currency: 'INR' },
    amountRule: 'VARIABLE',
    frequency: 'MONTHLY',
    ruleType: 'AFTER',
    ruleValue: 5,
    startDate: '2026-11-25T10:00:00.000Z',
    endDate: '2056-11-25T10:00:00.000Z',
    blockFunds: false,
    revokableByCustomer: true,
  }

  it('takes a debit day from 1 to 31, or none', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.constant(null)), (ruleValue) => {
        const valid = ruleValue === null || (ruleValue >= 1 && ruleValue <= 31)
        expect(MandateTerms.safeParse({ ...terms, ruleValue }).success).toBe(valid)
      }),
      PROPERTY,
    )
  })

  it('refuses a negative, fractional or foreign-currency cap', () => {
    expect(MandateTerms.safeParse(terms).success).toBe(true)
    for (const maxAmount of [{ minor: -1, currency: 'INR' }, { minor: 1.5, currency: 'INR' }, { minor: 100, currency: 'inr' }]) {
      expect(MandateTerms.safeParse({ ...terms, maxAmount }).success, JSON.stringify(maxAmount)).toBe(false)
    }
  })
})
