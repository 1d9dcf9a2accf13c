/**
 * How often a mandate debits, in words, as both the simulated UPI app and the bank show it. Each
 * language's file has the same keys and placeholders; the debit day is worded in the form that is
 * the same for every day of the month (docs/i18n.md#plurals-and-ordinals).
 */
export const en = {
  'frequency.ONETIME': 'One time',
  'frequency.DAILY': 'Daily',
  'frequency.WEEKLY': 'Weekly',
  'frequency.FORTNIGHTLY': 'Fortnightly',
  'frequency.MONTHLY': 'Monthly',
  'frequency.BIMONTHLY': 'Every 2 months',
  'frequency.QUARTERLY': 'Quarterly',
  'frequency.HALFYEARLY': 'Every 6 months',
  'frequency.YEARLY': 'Yearly',
  'frequency.ASPRESENTED': 'As presented',
  'rule.ON': '{frequency}, on {day}',
  'rule.BEFORE': '{frequency}, on or before {day}',
  'rule.AFTER': '{frequency}, on or after {day}',
  'weekday.1': 'Monday',
  'weekday.2': 'Tuesday',
  'weekday.3': 'Wednesday',
  'weekday.4': 'Thursday',
  'weekday.5': 'Friday',
  'weekday.6': 'Saturday',
  'weekday.7': 'Sunday',
  day: 'day {n}',
  /** Days 29–31 do not exist in every month: the debit then falls on the month's last day. */
  lateDay: 'day {n} (or the last day of shorter months)',
  fortnightDays: 'day {first} and day {second}',
  fortnightMonthEnd: 'day 15 and the last day of the month',
}
