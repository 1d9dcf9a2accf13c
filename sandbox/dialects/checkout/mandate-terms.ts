import type { Frequency, MandateTerms, RuleType } from '../../../contract/mandate'
import type { Interval, Paise } from './request-schema'

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
const MANDATE_YEARS = 30
/** The highest day that exists in every month, so a monthly debit day never has to move. */
const LAST_DAY_IN_EVERY_MONTH = 28

const MONTHLY_BY_COUNT: Partial<Record<number, Frequency>> = {
  1: 'MONTHLY',
  2: 'BIMONTHLY',
  3: 'QUARTERLY',
  6: 'HALFYEARLY',
  12: 'YEARLY',
}

/**
 * A recurring price's interval as a mandate frequency. A cadence with no exact frequency (every
 * 3 days, every 5 months) becomes ASPRESENTED rather than a frequency that would misstate it.
 */
export function frequencyFor(interval: Interval, count: number): Frequency {
  switch (interval) {
    case 'day':
      return count === 1 ? 'DAILY' : 'ASPRESENTED'
    case 'week':
      if (count === 1) return 'WEEKLY'
      return count === 2 ? 'FORTNIGHTLY' : 'ASPRESENTED'
    case 'month':
      return MONTHLY_BY_COUNT[count] ?? 'ASPRESENTED'
    case 'year':
      return count === 1 ? 'YEARLY' : 'ASPRESENTED'
  }
}

/** Calendar day and ISO weekday (1 = Monday … 7 = Sunday) of an instant, in India Standard Time. */
export function istCalendar(instant: Date): { dayOfMonth: number; isoWeekday: number } {
  const ist = new Date(instant.getTime() + IST_OFFSET_MS)
  return { dayOfMonth: ist.getUTCDate(), isoWeekday: ((ist.getUTCDay() + 6) % 7) + 1 }
}

/**
 * rule_value for a debit ON the start date's slot (docs/domain/upi.md#debit-day-rule-value): WEEKLY the weekday; FORTNIGHTLY
 * days 1–15 as is, 16th → 1 … 30th → 15, 31st → 16 (value 16 means the 15th and the month's end);
 * monthly and longer the day of month capped at 28. DAILY and ASPRESENTED have no debit day.
 */
export function debitDayRule(frequency: Frequency, start: Date): { ruleType: RuleType | null; ruleValue: number | null } {
  const { dayOfMonth, isoWeekday } = istCalendar(start)
  switch (frequency) {
    case 'WEEKLY':
      return { ruleType: 'ON', ruleValue: isoWeekday }
    case 'FORTNIGHTLY':
      return { ruleType: 'ON', ruleValue: dayOfMonth <= 15 ? dayOfMonth : Math.min(dayOfMonth - 15, 16) }
    case 'MONTHLY':
    case 'BIMONTHLY':
    case 'QUARTERLY':
    case 'HALFYEARLY':
    case 'YEARLY':
      return { ruleType: 'ON', ruleValue: Math.min(dayOfMonth, LAST_DAY_IN_EVERY_MONTH) }
    default:
      return { ruleType: null, ruleValue: null }
  }
}

export interface MandateInput {
  amountMinor: Paise
  /** A discounted first period makes the first debit differ from the rest. */
  hasDiscountPeriod: boolean
  interval: Interval
  intervalCount: number
  now: Date
}

export function buildMandateTerms(input: MandateInput): MandateTerms {
  const frequency = frequencyFor(input.interval, input.intervalCount)
  const end = new Date(input.now)
  end.setUTCFullYear(end.getUTCFullYear() + MANDATE_YEARS)
  return {
    maxAmount: { minor: input.amountMinor, currency: 'INR' },
    amountRule: input.hasDiscountPeriod ? 'VARIABLE' : 'FIXED',
    frequency,
    ...debitDayRule(frequency, input.now),
    startDate: input.now.toISOString(),
    endDate: end.toISOString(),
    blockFunds: false,
    revokableByCustomer: true,
  }
}
