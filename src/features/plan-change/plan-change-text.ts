import type { BillingInterval, PlanChangeView } from '../../../contract/billing'
import type { Locale } from '../../../contract/session'
import type { Phrase } from '../../i18n/phrase'
import type { PlanChangeKey } from '../../i18n/plan-change-catalogs'
import type { ScheduleKey } from '../../i18n/schedule-catalogs'
import { countdownCue } from '../../lib/countdown'
import { formatCalendarDate, formatMoney } from '../../lib/format'

/** A plan-change sentence or part of one: its own words, and the schedule's for the interval. */
export type PlanChangePhrase = Phrase<PlanChangeKey | ScheduleKey>

export interface PlanChangeText {
  from: PlanChangePhrase
  to: PlanChangePhrase
  /** The breakdown a person can check, in order: credit, charge, credit held from before, the days they cover. */
  credit: { label: PlanChangePhrase; amount: PlanChangePhrase }
  charge: { label: PlanChangePhrase; amount: string }
  /** Credit carried from an earlier change and taken off now, when there is some; else null. */
  heldCredit: PlanChangePhrase | null
  covers: PlanChangePhrase
  payNow: string
  /** From when the new price applies, and what it is. */
  next: PlanChangePhrase
  /** That a new mandate replaces the current one, when this session registers one; else null. */
  newMandate: PlanChangePhrase | null
}

/** "every month", or for a merchant-presented plan "per debit" (no period to name). */
const every = (interval: BillingInterval): PlanChangePhrase =>
  interval === 'ASPRESENTED' ? { key: 'schedule.per.ASPRESENTED' } : { key: `schedule.every.${interval}` }

/**
 * A plan change in plain words, as message keys and parameters: from which plan to which, what is
 * paid now and how (credit, charge, the days they cover), from when the new price applies, and
 * whether a new mandate replaces the current one. Pure: dates are IST calendar dates, written as they are.
 */
export function describePlanChange(change: PlanChangeView, locale: Locale): PlanChangeText {
  const money = (amount: PlanChangeView['payNow']) => formatMoney(amount, locale)
  const date = (day: string) => formatCalendarDate(day, locale)
  const per: PlanChangePhrase = { key: `schedule.per.${change.interval}` }
  const from = { isolate: change.from.name }
  const to = { isolate: change.to.name }
  const { covers } = change
  return {
    from: { key: 'planChange.from', params: { name: from, amount: money(change.from.amount), per } },
    to: { key: 'planChange.to', params: { name: to, amount: money(change.to.amount), per } },
    credit: {
      label: { key: 'planChange.credit', params: { name: from } },
      amount: { key: 'planChange.creditAmount', params: { amount: money(change.credit) } },
    },
    charge: { label: { key: 'planChange.charge', params: { name: to } }, amount: money(change.charge) },
    heldCredit: change.heldCredit.minor > 0 ? { key: 'planChange.creditAmount', params: { amount: money(change.heldCredit) } } : null,
    covers: {
      key: covers.days === 1 ? 'planChange.coversDays.one' : 'planChange.coversDays.other',
      params: { from: date(covers.from), until: date(covers.until), days: covers.days },
    },
    payNow: money(change.payNow),
    next: {
      key: 'planChange.next',
      params: { date: date(change.nextCharge.date), amount: money(change.nextCharge.amount), period: every(change.interval) },
    },
    newMandate: change.newMandate ? { key: 'planChange.newMandate', params: { name: to } } : null,
  }
}

/**
 * What to tell a screen reader as the quote runs out: the countdown's marks (each whole minute and
 * 30 seconds, never every second) in the quote's words, and its end. Null when nothing is worth saying.
 */
export function quoteCue(previous: number | null, current: number, merchantName: string): Phrase<PlanChangeKey> | null {
  if (current <= 0) return previous !== null && previous > 0 ? { key: 'planChange.quote.expired', params: { merchant: { isolate: merchantName } } } : null
  const cue = countdownCue(previous, current)
  if (!cue) return null
  if (cue.unit === 'seconds') return { key: 'planChange.quote.seconds', params: { n: cue.value } }
  return cue.value === 1 ? { key: 'planChange.quote.minute' } : { key: 'planChange.quote.minutes', params: { n: cue.value } }
}
