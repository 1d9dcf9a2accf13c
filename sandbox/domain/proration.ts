import type { IstDate } from '../../contract/billing'
import { nextCharge } from './debit-dates'
import type { Proration } from './order'
import type { Subscription } from './subscriptions'

/**
 * Time-based proration of a plan change over the current cycle
 * (docs/domain/billing.md#plan-changes-the-prorated-preview). Pure: no clock, no store.
 */

/** India has one time zone and no daylight saving: IST is always UTC+05:30. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

/** The instant an IST calendar day begins (its midnight, +05:30). */
export const istMidnight = (date: IstDate): Date => new Date(Date.parse(`${date}T00:00:00.000Z`) - IST_OFFSET_MS)
/** The IST calendar day an instant falls on. */
export const istDate = (instant: Date): IstDate => new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)
const DAY_MS = 24 * 3600 * 1000
/** The calendar day `days` after (or before) another. */
export const addDays = (date: IstDate, days: number): IstDate => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
/** The same month and day `years` later (29 February stays as written; the caller's parser decides). */
export const addYears = (date: IstDate, years: number): IstDate => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`

/** The paid period in progress: [start, end), both at IST midnight. */
export interface Cycle {
  start: Date
  end: Date
}

export interface ProrationInput {
  cycle: Cycle
  /** The instant of the change, to the whole second, inside the cycle. */
  at: Date
  /** What the current plan bills each cycle, and what the new one would, in paise. */
  currentMinor: number
  newMinor: number
  /** Credit the subscription holds from an earlier change, in paise: taken off what is due now first. */
  heldCreditMinor: number
}

/** The arithmetic of a prorated change, kept on the quote an order pays for (order.ts). */
export type { Proration } from './order'

/** amount × part / whole, rounded half-up to a whole paisa, in exact integer arithmetic (the ratio is never rounded). */
export function share(amountMinor: number, part: number, whole: number): number {
  const doubled = 2n * BigInt(amountMinor) * BigInt(part) + BigInt(whole)
  return Number(doubled / (2n * BigInt(whole)))
}

/**
 * The credit for the unused time of the current plan and the charge for the remaining time on
 * the new one, each to the second and rounded on its own; the net is the rounded charge less the
 * rounded credit. A positive net is paid from the held credit first; a negative one adds to it.
 */
export function prorate({ cycle, at, currentMinor, newMinor, heldCreditMinor }: ProrationInput): Proration {
  const cycleSeconds = (cycle.end.getTime() - cycle.start.getTime()) / 1000
  const remainingSeconds = (cycle.end.getTime() - at.getTime()) / 1000
  if (!Number.isInteger(cycleSeconds) || !Number.isInteger(remainingSeconds) || remainingSeconds <= 0 || remainingSeconds > cycleSeconds) {
    throw new Error(`the change at ${at.toISOString()} is not a whole second inside the cycle ${cycle.start.toISOString()} – ${cycle.end.toISOString()}`)
  }
  const unusedCreditMinor = share(currentMinor, remainingSeconds, cycleSeconds)
  const newPlanChargeMinor = share(newMinor, remainingSeconds, cycleSeconds)
  const net = newPlanChargeMinor - unusedCreditMinor
  const creditAppliedMinor = Math.min(heldCreditMinor, Math.max(net, 0))
  return {
    cycleSeconds,
    remainingSeconds,
    unusedCreditMinor,
    newPlanChargeMinor,
    heldCreditMinor,
    creditAppliedMinor,
    proratedMinor: Math.max(net, 0) - creditAppliedMinor,
    carryForwardMinor: heldCreditMinor - creditAppliedMinor + Math.max(-net, 0),
  }
}

/** Why a subscription has no paid cycle to prorate over, with the day its first debit falls on when there is one. */
export type NoCycle =
  | { reason: 'intro_days'; days: number; endsOn: IstDate; firstDebitOn: IstDate | null }
  | { reason: 'intro_cycles'; cycles: number; amountMinor: number; firstDebitOn: IstDate | null; regularFrom: IstDate | null }
  | { reason: 'start_date'; startsOn: IstDate; firstDebitOn: IstDate | null }
  | { reason: 'not_paid'; todayMinor: number; refunded: boolean; firstDebitOn: IstDate | null }
  | { reason: 'as_presented' }
  | { reason: 'ended'; endedOn: IstDate }

export type CycleResult = { ok: true; cycle: Cycle } | { ok: false; why: NoCycle }

/**
 * The paid period in progress at `at`: the latest cycle a scheduled debit paid at the plan's amount
 * (docs/domain/renewals.md), from IST midnight of its debit day to IST midnight of the next debit;
 * before any, the first period when the registration's own charge paid it (a plan checkout without
 * an introductory period), from IST midnight of the day the session was created (the schedule's
 * "today", when the plan was snapshot) to IST midnight of the first debit after it.
 */
export function currentCycle(subscription: Subscription, at: Date): CycleResult {
  const { schedule } = subscription
  const paid = subscription.renewal?.paid
  if (paid && paid.amountMinor === subscription.planAmountMinor) {
    const next = nextCharge(subscription, paid.date)
    if (!next) return { ok: false, why: { reason: 'as_presented' } }
    const cycle = { start: istMidnight(paid.date), end: istMidnight(next.date) }
    return at.getTime() < cycle.end.getTime() ? { ok: true, cycle } : { ok: false, why: { reason: 'ended', endedOn: next.date } }
  }
  const firstDebitOn = schedule.charges[0]?.date ?? null
  switch (schedule.intro.type) {
    case 'DAYS':
      return { ok: false, why: { reason: 'intro_days', days: schedule.intro.days, endsOn: schedule.intro.endsOn, firstDebitOn } }
    case 'CYCLES':
      return {
        ok: false,
        why: { reason: 'intro_cycles', cycles: schedule.intro.cycles, amountMinor: schedule.intro.amount.minor, firstDebitOn, regularFrom: subscription.billingStartsOn },
      }
    case 'START_DATE':
      return { ok: false, why: { reason: 'start_date', startsOn: schedule.intro.startsOn, firstDebitOn } }
    case 'NONE':
      break
  }
  if (!schedule.today.paysFirstPeriod) {
    return { ok: false, why: { reason: 'not_paid', todayMinor: schedule.today.amount.minor, refunded: schedule.today.refunded, firstDebitOn } }
  }
  if (firstDebitOn === null) return { ok: false, why: { reason: 'as_presented' } }
  const cycle = { start: istMidnight(istDate(new Date(subscription.planSnapshotAt))), end: istMidnight(firstDebitOn) }
  if (at.getTime() >= cycle.end.getTime()) return { ok: false, why: { reason: 'ended', endedOn: firstDebitOn } }
  return { ok: true, cycle }
}
