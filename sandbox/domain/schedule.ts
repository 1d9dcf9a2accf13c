import type { MandateTerms } from '../../contract/mandate'

const DAY_MS = 24 * 3600 * 1000
/** India has one time zone and no daylight saving: IST is always UTC+05:30. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

/** Calendar parts of an instant as seen in India. */
function istParts(instant: Date): { y: number; m: number; d: number; weekday: number } {
  const shifted = new Date(instant.getTime() + IST_OFFSET_MS)
  const weekday = shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay()
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth(), d: shifted.getUTCDate(), weekday }
}

/** Midnight IST of a calendar date, as an instant. */
const istMidnight = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d) - IST_OFFSET_MS)
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
/** A day that does not exist in a month (31 in April) falls on the month's last day. */
const clampDay = (y: number, m: number, d: number): Date => istMidnight(y, m, Math.min(d, daysInMonth(y, m)))

const MONTH_STEP = { MONTHLY: 1, BIMONTHLY: 2, QUARTERLY: 3, HALFYEARLY: 6, YEARLY: 12 } as const

/**
 * The first date after registration on which a recurring debit may fall (midnight IST), or null
 * when the merchant decides (as presented) or there is no later debit (one time). With AFTER the
 * rule day is the earliest day; with ON it is the day; with BEFORE it is the last day, and the
 * earliest is the start of that period, which this reports as the rule day all the same.
 */
export function firstDebitDate(terms: MandateTerms): Date | null {
  const start = new Date(terms.startDate)
  const { y, m, d, weekday } = istParts(start)
  const startDay = istMidnight(y, m, d)
  switch (terms.frequency) {
    case 'ONETIME':
    case 'ASPRESENTED':
      return null
    case 'DAILY':
      return new Date(startDay.getTime() + DAY_MS)
    case 'WEEKLY': {
      const target = terms.ruleValue ?? weekday
      const ahead = ((target - weekday + 7) % 7) || 7
      return new Date(startDay.getTime() + ahead * DAY_MS)
    }
    case 'FORTNIGHTLY': {
      const v = terms.ruleValue ?? 1
      const candidates = [0, 1].flatMap((k) => {
        const month = m + k
        return v === 16
          ? [clampDay(y, month, 15), clampDay(y, month, 31)]
          : [clampDay(y, month, v), clampDay(y, month, v + 15)]
      })
      return candidates.find((c) => c.getTime() > startDay.getTime()) ?? null
    }
    default: {
      const step = MONTH_STEP[terms.frequency]
      const day = terms.ruleValue ?? d
      const thisMonth = clampDay(y, m, day)
      return thisMonth.getTime() > startDay.getTime() ? thisMonth : clampDay(y, m + step, day)
    }
  }
}
