import type { PriceSchedule, ScheduledCharge } from '../../../contract/billing'
import type { Money } from '../../../contract/money'
import type { Locale } from '../../../contract/session'
import type { Phrase as AnyPhrase } from '../../i18n/phrase'
import type { DisclosureKey } from '../../i18n/disclosure-catalogs'
import type { ScheduleKey } from '../../i18n/schedule-catalogs'
import { formatCalendarDate, formatCalendarMonth, formatMoney } from '../../lib/format'
import { debitDay, type Recurring } from './disclosure'

/** A schedule sentence or part of one: its own words, and the disclosure's for the debit day. */
export type SchedulePhrase = AnyPhrase<ScheduleKey | DisclosureKey>

/** What each line of the schedule says, so the page can give the first debit a handle of its own. */
export type ScheduleLineKind = 'today' | 'intro' | 'introDebit' | 'firstDebit' | 'recurring' | 'note' | 'cap'

export interface ScheduleLine {
  kind: ScheduleLineKind
  phrase: SchedulePhrase
}

export interface ScheduleText {
  /** "Plan: Gold" with the plan's name isolated; null when no plan is sold (a checkout session's discount). */
  plan: SchedulePhrase | null
  /** The plan's description as the merchant wrote it, or null when it is empty. */
  description: string | null
  /** In the order they happen: today, the introductory period, the debits up to the first regular one, then every debit after, and the cap. */
  lines: ScheduleLine[]
}

/**
 * Introductory debits listed one by one up to this many in a row; a longer run (up to 60 cycles)
 * is one line with its count and its first and last dates.
 */
const LISTED_INTRO_DEBITS = 3

/** The interval's cycles counted from the start, "the first 3 months"; the longer intervals are counted in months. */
function firstCycles(interval: Recurring, n: number): SchedulePhrase {
  const months = interval === 'BIMONTHLY' ? 2 * n : interval === 'HALFYEARLY' ? 6 * n : n
  return { key: `schedule.cycles.${interval}.${n === 1 ? 'one' : 'other'}`, params: { n, months } }
}

function today(schedule: PriceSchedule, interval: Recurring, money: (m: Money) => string): SchedulePhrase {
  const { amount, refunded, paysFirstPeriod } = schedule.today
  if (amount.minor === 0) return { key: 'schedule.today.nothing' }
  if (refunded) return { key: 'schedule.today.refunded', params: { amount: money(amount) } }
  if (paysFirstPeriod && interval !== 'ASPRESENTED') return { key: `schedule.today.first.${interval}`, params: { amount: money(amount) } }
  return { key: 'schedule.today.kept', params: { amount: money(amount) } }
}

function intro(schedule: PriceSchedule, interval: Recurring, locale: Locale, money: (m: Money) => string): SchedulePhrase | null {
  const period = schedule.intro
  switch (period.type) {
    case 'NONE':
      return null
    case 'DAYS':
      return {
        key: period.days === 1 ? 'schedule.intro.DAYS.one' : 'schedule.intro.DAYS.other',
        params: { days: period.days, date: formatCalendarDate(period.endsOn, locale) },
      }
    case 'START_DATE':
      return { key: 'schedule.intro.START_DATE', params: { date: formatCalendarDate(period.startsOn, locale) } }
    case 'CYCLES': {
      const cycles = firstCycles(interval, period.cycles)
      if (period.amount.minor === 0) return { key: 'schedule.intro.free', params: { cycles } }
      return { key: 'schedule.intro.discounted', params: { amount: money(period.amount), per: { key: `schedule.per.${interval}` }, cycles } }
    }
  }
}

/** Consecutive introductory debits of one amount, in order. */
function runs(charges: readonly ScheduledCharge[]): ScheduledCharge[][] {
  const out: ScheduledCharge[][] = []
  for (const charge of charges) {
    const run = out[out.length - 1]
    if (run?.[0]?.amount.minor === charge.amount.minor) run.push(charge)
    else out.push([charge])
  }
  return out
}

function introDebits(charges: readonly ScheduledCharge[], locale: Locale, money: (m: Money) => string): ScheduleLine[] {
  const date = (charge: ScheduledCharge) => formatCalendarDate(charge.date, locale)
  return runs(charges.filter((charge) => charge.intro)).flatMap((run): ScheduleLine[] => {
    const [first] = run
    const last = run[run.length - 1]
    if (run.length > LISTED_INTRO_DEBITS && first && last) {
      const params = { amount: money(first.amount), count: run.length, first: date(first), last: date(last) }
      return [{ kind: 'introDebit', phrase: { key: 'schedule.introDebits', params } }]
    }
    return run.map((charge) => ({ kind: 'introDebit', phrase: { key: 'schedule.introDebit', params: { amount: money(charge.amount), date: date(charge) } } }))
  })
}

function recurring(schedule: PriceSchedule, interval: Recurring, merchantName: string, locale: Locale, money: (m: Money) => string): ScheduleLine[] {
  const amount = money(schedule.recurring.amount)
  if (interval === 'ASPRESENTED') {
    return [{ kind: 'recurring', phrase: { key: 'schedule.thenAsPresented', params: { amount, merchant: { isolate: merchantName } } } }]
  }
  const regular = schedule.charges.find((charge) => !charge.intro)
  const period: SchedulePhrase =
    interval === 'YEARLY' && regular
      ? { key: 'schedule.everyYearIn', params: { month: formatCalendarMonth(regular.date, locale) } }
      : { key: `schedule.every.${interval}` }
  const day = debitDay(interval, schedule.recurring.ruleType, schedule.recurring.ruleValue, locale)
  if (!day) return [{ kind: 'recurring', phrase: { key: 'schedule.thenAnyDay', params: { amount, period } } }]
  const lines: ScheduleLine[] = [{ kind: 'recurring', phrase: { key: 'schedule.then', params: { amount, period, when: day.when } } }]
  if (day.note) lines.push({ kind: 'note', phrase: day.note })
  return lines
}

/**
 * The price schedule in plain words, line by line, as message keys and parameters: what is paid
 * today, the introductory period, each debit up to the first at the regular price (long
 * introductory runs summarised), then the regular amount with its interval and debit day, and the
 * mandate's cap. Pure: dates are the schedule's IST calendar dates, written as they are.
 */
export function describeSchedule(schedule: PriceSchedule, merchantName: string, locale: Locale): ScheduleText {
  const interval = schedule.recurring.interval
  const money = (m: Money) => formatMoney(m, locale)
  const lines: ScheduleLine[] = []

  lines.push({ kind: 'today', phrase: today(schedule, interval, money) })
  const introPhrase = intro(schedule, interval, locale, money)
  if (introPhrase) lines.push({ kind: 'intro', phrase: introPhrase })
  lines.push(...introDebits(schedule.charges, locale, money))
  const regular = schedule.charges.find((charge) => !charge.intro)
  if (regular) {
    const key = schedule.intro.type === 'DAYS' || schedule.intro.type === 'CYCLES' ? 'schedule.firstRegularDebit' : 'schedule.firstDebit'
    lines.push({ kind: 'firstDebit', phrase: { key, params: { amount: money(regular.amount), date: formatCalendarDate(regular.date, locale) } } })
  }
  lines.push(...recurring(schedule, interval, merchantName, locale, money))
  lines.push({ kind: 'cap', phrase: { key: 'schedule.cap', params: { amount: money(schedule.cap) } } })

  const plan = schedule.plan
  return {
    plan: plan && { key: 'schedule.plan', params: { name: { isolate: plan.name } } },
    description: plan && plan.description !== '' ? plan.description : null,
    lines,
  }
}
