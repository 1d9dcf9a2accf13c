import { describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../contract/billing'
import { inr } from '../../contract/money'
import { ANNOUNCE_BEFORE_MS, executionAt, nextCharge, NOTICE_BEFORE_MS } from './debit-dates'

const HOUR = 3600 * 1000

const schedule = (charges: [string, number, boolean][], recurring: Partial<PriceSchedule['recurring']> = {}): Pick<PriceSchedule, 'charges' | 'recurring'> => ({
  charges: charges.map(([date, minor, intro]) => ({ date, amount: inr(minor), intro })),
  recurring: { amount: inr(49900), interval: 'MONTHLY', ruleType: 'ON', ruleValue: 5, ...recurring },
})

describe('when scheduled debits fall (docs/domain/renewals.md#when)', () => {
  it('runs a debit at 06:00 IST on its day, announced 48 h and noticed 36 h before', () => {
    const at = executionAt('2026-04-05')
    expect(at.toISOString()).toBe('2026-04-05T00:30:00.000Z')
    expect(new Date(at.getTime() - ANNOUNCE_BEFORE_MS).toISOString()).toBe('2026-04-03T00:30:00.000Z')
    const notice = at.getTime() - NOTICE_BEFORE_MS
    expect(at.getTime() - notice).toBeGreaterThanOrEqual(24 * HOUR)
    expect(at.getTime() - notice).toBeLessThanOrEqual(48 * HOUR)
  })

  it.each<[string, Pick<PriceSchedule, 'charges' | 'recurring'>, string | null, [string, number] | null]>([
    ['a trial: the first debit is the first listed, after the free days', schedule([['2026-03-24', 49900, false]], { ruleType: null, ruleValue: null }), null, ['2026-03-24', 49900]],
    ['the cycle after a trial keeps its day of month', schedule([['2026-03-24', 49900, false]], { ruleType: null, ruleValue: null }), '2026-03-24', ['2026-04-24', 49900]],
    ['introductory cycles first, at their price', schedule([['2026-04-05', 9900, true], ['2026-05-05', 9900, true], ['2026-06-05', 49900, false]]), '2026-04-05', ['2026-05-05', 9900]],
    ['then the regular price', schedule([['2026-04-05', 9900, true], ['2026-05-05', 49900, false]]), '2026-05-05', ['2026-06-05', 49900]],
    ['ON the 31st falls on the last day of a shorter month', schedule([['2026-01-31', 49900, false]], { ruleValue: 31 }), '2026-01-31', ['2026-02-28', 49900]],
    ['and on the 31st again after it', schedule([['2026-01-31', 49900, false]], { ruleValue: 31 }), '2026-02-28', ['2026-03-31', 49900]],
    ['AFTER the 10th: the schedule debits on the day itself', schedule([['2026-04-10', 49900, false]], { ruleType: 'AFTER', ruleValue: 10 }), '2026-04-10', ['2026-05-10', 49900]],
    ['BEFORE the 20th: on the day too', schedule([['2026-04-20', 49900, false]], { ruleType: 'BEFORE', ruleValue: 20 }), '2026-04-20', ['2026-05-20', 49900]],
    ['weekly on Mondays (rule_value 1)', schedule([['2026-04-06', 9900, false]], { interval: 'WEEKLY', ruleValue: 1 }), '2026-04-06', ['2026-04-13', 49900]],
    ['daily', schedule([['2026-04-06', 500, false]], { interval: 'DAILY', ruleType: null, ruleValue: null, amount: inr(500) }), '2026-04-06', ['2026-04-07', 500]],
    ['yearly keeps the month', schedule([['2026-04-06', 99900, false]], { interval: 'YEARLY', ruleType: null, ruleValue: null, amount: inr(99900) }), '2026-04-06', ['2027-04-06', 99900]],
    ['as presented: nothing is scheduled', schedule([], { interval: 'ASPRESENTED', ruleType: null, ruleValue: null }), null, null],
    ['as presented: nothing after a listed debit either', schedule([['2026-04-06', 49900, false]], { interval: 'ASPRESENTED', ruleType: null, ruleValue: null }), '2026-04-06', null],
  ])('%s', (_, terms, after, expected) => {
    const charge = nextCharge({ schedule: { ...terms } as PriceSchedule }, after)
    expect(charge ? [charge.date, charge.amountMinor] : null).toEqual(expected)
  })
})
