import { FREQUENCIES_WITH_RULE, type MandateTerms } from '../../../contract/mandate'
import { messages } from './messages'

type ScheduleTerms = Pick<MandateTerms, 'frequency' | 'ruleType' | 'ruleValue'>

const text = messages.schedule

/** The debit day in words for a frequency that has one (rule_value meaning per frequency, docs/domain/upi.md#debit-day-rule-value). */
function debitDay(frequency: MandateTerms['frequency'], value: number): string {
  if (frequency === 'WEEKLY') return text.weekdays[value - 1] ?? text.day(value)
  if (frequency === 'FORTNIGHTLY') return value === 16 ? text.fortnightMonthEnd : text.fortnightDays(value, value + 15)
  return value >= 29 ? text.lateDay(value) : text.day(value)
}

/**
 * The frequency and debit day in plain words, e.g. "Monthly, on or after day 5", "Weekly, on
 * Monday", "As presented", "One time". A recurring mandate without a rule day says only how often.
 */
export function describeSchedule(mandate: ScheduleTerms): string {
  const frequency = text.frequency[mandate.frequency]
  if (!FREQUENCIES_WITH_RULE.includes(mandate.frequency) || mandate.ruleValue === null) return frequency
  const rule = text.rule[mandate.ruleType ?? 'ON']
  return text.join(frequency, rule, debitDay(mandate.frequency, mandate.ruleValue))
}
