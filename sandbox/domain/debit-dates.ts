import type { IstDate } from '../../contract/billing'
import { debitDayAfter } from './price-schedule'
import type { Subscription } from './subscriptions'

/**
 * When a subscription's scheduled debits happen (docs/domain/renewals.md#when). Pure: calendar
 * arithmetic in IST, which has one offset all year.
 */

const HOUR_MS = 3600 * 1000
const MINUTE_MS = 60 * 1000
const IST_OFFSET_MS = (5 * 60 + 30) * MINUTE_MS

/** [I] A debit runs at 06:00 IST on its day: before NPCI's first peak window (10:00). */
export const EXECUTION_MINUTE_IST = 6 * 60
/** Juspay sends BILLING_TXN_TO_BE_EXECUTED two days before the debit [D]. */
export const ANNOUNCE_BEFORE_MS = 48 * HOUR_MS
/** [I] The pre-debit notice goes 36 h before: inside UPI's window of 48 h to 24 h before the debit [D]. */
export const NOTICE_BEFORE_MS = 36 * HOUR_MS

/** The instant a debit falls due: its IST day at EXECUTION_MINUTE_IST. */
export function executionAt(day: IstDate): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - IST_OFFSET_MS + EXECUTION_MINUTE_IST * MINUTE_MS)
}

/** A scheduled debit: its day and amount in paise. */
export interface DueCharge {
  date: IstDate
  amountMinor: number
}

/**
 * The debit after `after` (the day of the last one, or null before the first): the next charge the
 * subscription's schedule lists (its introductory debits, the first at the regular price, or a plan
 * change's credited ones), then, past the list, the debit day after it at the regular amount, on the
 * day the mandate's rule gives (ON, BEFORE or AFTER and rule_value: the schedule's day). Null when
 * the merchant presents each debit (ASPRESENTED): nothing is scheduled.
 */
export function nextCharge(subscription: Pick<Subscription, 'schedule'>, after: IstDate | null): DueCharge | null {
  const { charges, recurring } = subscription.schedule
  const listed = charges.find((charge) => after === null || charge.date > after)
  if (listed) return { date: listed.date, amountMinor: listed.amount.minor }
  const last = charges.at(-1)
  if (recurring.interval === 'ASPRESENTED' || !last || after === null) return null
  return { date: debitDayAfter(recurring.interval, recurring.ruleValue, last.date, after), amountMinor: recurring.amount.minor }
}
