import type { Locale } from '../../../contract/session'
import { FREQUENCIES_WITH_RULE, type MandateTerms } from '../../../contract/mandate'
import { scheduleText, type ScheduleText } from './messages'

type ScheduleTerms = Pick<MandateTerms, 'frequency' | 'ruleType' | 'ruleValue'>

const WEEKDAYS = ['weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6', 'weekday.7'] as const

/** The debit day in words for a frequency that has one (rule_value meaning per frequency, docs/domain/upi.md#debit-day-rule-value). */
function debitDay(t: ScheduleText, frequency: MandateTerms['frequency'], value: number): string {
  const weekday = WEEKDAYS[value - 1]
  if (frequency === 'WEEKLY' && weekday) return t.text(weekday)
  if (frequency === 'FORTNIGHTLY') return value === 16 ? t.text('fortnightMonthEnd') : t.text('fortnightDays', { first: value, second: value + 15 })
  return t.text(value >= 29 ? 'lateDay' : 'day', { n: value })
}

/**
 * The frequency and debit day in plain words, e.g. "Monthly, on or after day 5", "Weekly, on
 * Monday", "As presented", "One time". A recurring mandate without a rule day says only how often.
 */
export function describeSchedule(mandate: ScheduleTerms, locale: Locale): string {
  const t = scheduleText(locale)
  const frequency = t.text(`frequency.${mandate.frequency}`)
  if (!FREQUENCIES_WITH_RULE.includes(mandate.frequency) || mandate.ruleValue === null) return frequency
  return t.text(`rule.${mandate.ruleType ?? 'ON'}`, { frequency, day: debitDay(t, mandate.frequency, mandate.ruleValue) })
}
