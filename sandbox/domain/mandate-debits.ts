import type { Frequency } from '../../contract/mandate'
import type { MerchantDebits, MerchantExecution, MerchantNotice } from './merchant-debits'
import { registeringAttempt } from './mandate-lifecycle'
import type { Order } from './order'
import { istDate } from './proration'

/**
 * The rules of the merchant's own debits on a registered mandate
 * (docs/domain/renewals.md#the-merchants-own-debits): a pre-debit notice (`pre_debit_notify`) and an
 * execution (`POST /txns`) that it covers. Pure: the caller reads the mandate's order as it stands
 * and writes what these rules allow.
 */

const HOUR_MS = 3600 * 1000

/** UPI: a notice must reach the customer at least 24 h before the debit [D, RBI] and at most 48 h before [D]. */
export const NOTICE_MIN_LEAD_MS = 24 * HOUR_MS
export const NOTICE_MAX_LEAD_MS = 48 * HOUR_MS

/** [I] How many of the merchant's notices and debits a mandate keeps: the latest, years of monthly debits. */
export const MAX_KEPT = 200

export const noDebits = (): MerchantDebits => ({ notices: [], executions: [], nextDebit: null })

/** A notice the merchant asks for: the amount and the debit's instant it announces. */
export interface NoticeRequest {
  objectReferenceId: string
  description: string
  amountMinor: number
  txnDate: Date
}

/** A debit the merchant presents on the mandate. */
export interface ExecutionRequest {
  orderId: string
  amountMinor: number
  noticeId: string | null
  executionDate: Date
}

export type DebitRefusal =
  | { reason: 'not_active'; status: string | null }
  | { reason: 'enach_needs_no_notice' }
  | { reason: 'above_max_amount'; maxMinor: number }
  | { reason: 'not_fixed_amount'; fixedMinor: number }
  | { reason: 'outside_validity'; field: 'txn_date' | 'execution_date'; startDate: string; endDate: string }
  | { reason: 'notice_lead'; lead: 'too_short' | 'too_long' }
  | { reason: 'reference_reused' }
  | { reason: 'notice_required' }
  | { reason: 'unknown_notice' }
  | { reason: 'notice_failed' }
  | { reason: 'notice_used'; by: string }
  | { reason: 'notice_mismatch'; what: 'amount' | 'date' }
  | { reason: 'too_early'; notBefore: string }
  | { reason: 'period_taken'; period: string; by: string }

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

/**
 * The period of a mandate's frequency an instant falls in, in IST calendar terms [I]: a mandate
 * debits at most once a period (NPCI's frequencies are limits on how often [D]). Weeks start on
 * Monday; a fortnight is the first or second half of a month. ONETIME has one period for its whole
 * life; ASPRESENTED none (null): the merchant presents debits as they fall due.
 */
export function debitPeriod(frequency: Frequency, at: Date): string | null {
  const day = istDate(at)
  const [year, month, date] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))]
  const index = (size: number): number => Math.floor((month - 1) / size) + 1
  switch (frequency) {
    case 'ASPRESENTED':
      return null
    case 'ONETIME':
      return 'once'
    case 'DAILY':
      return day
    case 'WEEKLY': {
      const weekday = (new Date(at.getTime() + IST_OFFSET_MS).getUTCDay() + 6) % 7
      return `week of ${istDate(new Date(at.getTime() - weekday * 24 * HOUR_MS))}`
    }
    case 'FORTNIGHTLY':
      return `${day.slice(0, 7)} ${date <= 15 ? 'first' : 'second'} half`
    case 'MONTHLY':
      return day.slice(0, 7)
    case 'BIMONTHLY':
      return `${year} months ${index(2) * 2 - 1}-${index(2) * 2}`
    case 'QUARTERLY':
      return `${year} Q${index(3)}`
    case 'HALFYEARLY':
      return `${year} H${index(6)}`
    case 'YEARLY':
      return String(year)
  }
}

function amountRefusal(order: Order, amountMinor: number): DebitRefusal | null {
  const terms = order.mandate
  if (!terms) return null
  if (terms.amountRule === 'FIXED' && amountMinor !== terms.maxAmount.minor) return { reason: 'not_fixed_amount', fixedMinor: terms.maxAmount.minor }
  if (amountMinor > terms.maxAmount.minor) return { reason: 'above_max_amount', maxMinor: terms.maxAmount.minor }
  return null
}

function validityRefusal(order: Order, at: Date, field: 'txn_date' | 'execution_date'): DebitRefusal | null {
  const terms = order.mandate
  if (!terms) return null
  const t = at.getTime()
  return t < Date.parse(terms.startDate) || t > Date.parse(terms.endDate) ? { reason: 'outside_validity', field, startDate: terms.startDate, endDate: terms.endDate } : null
}

const railOf = (order: Order) => registeringAttempt(order)?.rail ?? null

/** Whether a paused mandate's pause window holds this instant. */
const pausedAt = (order: Order, at: Date): boolean => {
  const pause = order.mandateStatus === 'PAUSED' ? order.mandateChange?.pause : null
  if (!pause) return order.mandateStatus === 'PAUSED'
  return at.getTime() >= Date.parse(pause.startDate) && at.getTime() < Date.parse(pause.endDate)
}

export type NoticeDecision =
  | { ok: true; notice: MerchantNotice; repeat: boolean }
  | { ok: false; refusal: DebitRefusal }

/**
 * A merchant's pre-debit notice (UPI only): for an amount the mandate allows, announcing a debit
 * 24 to 48 h ahead inside the mandate's validity. A paused mandate's notice for a debit inside the
 * pause fails (NOTIFICATION_FAILED), as the payer's app would not show it. A repeat of an
 * object_reference_id answers its notice; the same id for another debit is refused.
 */
export function decideNotice(order: Order, debits: MerchantDebits, request: NoticeRequest, now: Date, id: string): NoticeDecision {
  const earlier = debits.notices.find((n) => n.objectReferenceId === request.objectReferenceId)
  if (earlier) {
    const same = earlier.amountMinor === request.amountMinor && Date.parse(earlier.txnDate) === request.txnDate.getTime()
    return same ? { ok: true, notice: earlier, repeat: true } : { ok: false, refusal: { reason: 'reference_reused' } }
  }
  if (order.mandateStatus !== 'ACTIVE' && order.mandateStatus !== 'PAUSED') return { ok: false, refusal: { reason: 'not_active', status: order.mandateStatus } }
  if (railOf(order) !== 'upi') return { ok: false, refusal: { reason: 'enach_needs_no_notice' } }
  const refused = amountRefusal(order, request.amountMinor) ?? validityRefusal(order, request.txnDate, 'txn_date')
  if (refused) return { ok: false, refusal: refused }
  const lead = request.txnDate.getTime() - now.getTime()
  if (lead < NOTICE_MIN_LEAD_MS) return { ok: false, refusal: { reason: 'notice_lead', lead: 'too_short' } }
  if (lead > NOTICE_MAX_LEAD_MS) return { ok: false, refusal: { reason: 'notice_lead', lead: 'too_long' } }
  const held = pausedAt(order, request.txnDate)
  const notice: MerchantNotice = {
    id,
    objectReferenceId: request.objectReferenceId,
    status: held ? 'FAILURE' : 'SUCCESS',
    amountMinor: request.amountMinor,
    txnDate: request.txnDate.toISOString(),
    createdAt: now.toISOString(),
    failure: held ? 'The mandate is paused on the debit date' : null,
    description: request.description,
    usedBy: null,
  }
  return { ok: true, notice, repeat: false }
}

/** A debit of the subscription the mandate carries, paid or due: it takes its period as the merchant's own do. */
export interface ScheduledDebit {
  at: Date
  orderId: string
}

/** The execution a decision takes, for the caller to record with the request's fingerprint. */
export type DecidedExecution = Omit<MerchantExecution, 'fingerprint'>

export type ExecutionDecision = { ok: true; execution: DecidedExecution; notice: MerchantNotice | null } | { ok: false; refusal: DebitRefusal }

/**
 * A debit the merchant presents: the mandate ACTIVE, the amount within its rule, the date inside its
 * validity, a successful notice of that amount for that day that no other debit used (UPI; eNACH
 * needs none), no earlier than 24 h after the notice, and no other debit in the same period of the
 * mandate's frequency unless that one failed: the merchant's own, or its subscription's `scheduled`.
 */
export function decideExecution(order: Order, debits: MerchantDebits, request: ExecutionRequest, now: Date, scheduled: readonly ScheduledDebit[] = []): ExecutionDecision {
  if (order.mandateStatus !== 'ACTIVE') return { ok: false, refusal: { reason: 'not_active', status: order.mandateStatus } }
  const refused = amountRefusal(order, request.amountMinor) ?? validityRefusal(order, request.executionDate, 'execution_date')
  if (refused) return { ok: false, refusal: refused }
  let notice: MerchantNotice | null = null
  if (railOf(order) === 'upi') {
    if (request.noticeId === null) return { ok: false, refusal: { reason: 'notice_required' } }
    notice = debits.notices.find((n) => n.id === request.noticeId) ?? null
    if (!notice) return { ok: false, refusal: { reason: 'unknown_notice' } }
    if (notice.status !== 'SUCCESS') return { ok: false, refusal: { reason: 'notice_failed' } }
    if (notice.usedBy !== null) return { ok: false, refusal: { reason: 'notice_used', by: notice.usedBy } }
    if (notice.amountMinor !== request.amountMinor) return { ok: false, refusal: { reason: 'notice_mismatch', what: 'amount' } }
    if (istDate(new Date(notice.txnDate)) !== istDate(request.executionDate)) return { ok: false, refusal: { reason: 'notice_mismatch', what: 'date' } }
    const notBefore = Date.parse(notice.createdAt) + NOTICE_MIN_LEAD_MS
    if (Math.max(now.getTime(), request.executionDate.getTime()) < notBefore) return { ok: false, refusal: { reason: 'too_early', notBefore: new Date(notBefore).toISOString() } }
  }
  const frequency = order.mandate?.frequency ?? 'ASPRESENTED'
  const period = debitPeriod(frequency, request.executionDate)
  const taken =
    period === null
      ? undefined
      : (debits.executions.find((e) => e.period === period && e.status !== 'failed') ?? scheduled.find((d) => debitPeriod(frequency, d.at) === period))
  if (taken && period !== null) return { ok: false, refusal: { reason: 'period_taken', period, by: taken.orderId } }
  const execution: DecidedExecution = {
    orderId: request.orderId,
    period,
    amountMinor: request.amountMinor,
    executionAt: request.executionDate.toISOString(),
    presentedAt: now.toISOString(),
    status: 'pending',
  }
  return { ok: true, execution, notice: notice ? { ...notice, usedBy: request.orderId } : null }
}

/** The debits with one notice added or replaced and one execution added or updated, the latest MAX_KEPT of each. */
export function withNotice(debits: MerchantDebits, notice: MerchantNotice): MerchantDebits {
  return { ...debits, notices: [...debits.notices.filter((n) => n.id !== notice.id), notice].slice(-MAX_KEPT) }
}

export function withExecution(debits: MerchantDebits, execution: MerchantExecution): MerchantDebits {
  return { ...debits, executions: [...debits.executions.filter((e) => e.orderId !== execution.orderId), execution].slice(-MAX_KEPT) }
}
