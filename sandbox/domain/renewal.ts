import type { IstDate } from '../../contract/billing'
import type { BankDecline } from '../../contract/scenarios'

/**
 * What a subscription's scheduled debits record (docs/domain/renewals.md): on the subscription,
 * the cycle under way, QA's choice for the next debit and the timeline; on each debit's order,
 * its cycle and its pre-debit notice. sandbox/domain/renewals.ts writes them.
 */

/** [I] Only a lack of funds may pass by the next try; a revoked mandate or a closed account stays so. */
export const RETRIABLE_DECLINES: readonly BankDecline[] = ['insufficient_funds']

/** What QA chose for a mandate's next debit; without a choice it succeeds. */
export type DebitChoice = { outcome: 'success' } | { outcome: 'failure'; reason: BankDecline }

/** A pre-debit notice, as Juspay's notification object carries it (docs/domain/renewals.md#the-pre-debit-notice). */
export interface DebitNotification {
  id: string
  objectReferenceId: string
  status: 'SUCCESS' | 'FAILURE'
  amountMinor: number
  /** The debit it announces (ISO-8601). */
  txnDate: string
  createdAt: string
  /** Why it could not go out; null when it did. */
  failure: string | null
}

/** What a scheduled debit's order carries besides the order itself. */
export interface OrderDebit {
  subscriptionId: string
  cycle: number
  /** When the debit falls due on the merchant's clock (ISO-8601). */
  dueAt: string
  notification: DebitNotification | null
  /** Set by the write that told the merchant the debit is coming (BILLING_TXN_TO_BE_EXECUTED), so a step run again does not tell it twice; absent before. */
  announced?: true
}

/** The subscription's statuses (docs/domain/renewals.md#the-subscriptions-status). */
export type SubscriptionStatus = 'ACTIVE' | 'PAST_DUE' | 'PAUSED' | 'HALTED' | 'CANCELLED' | 'COMPLETED'

/** One line of a subscription's timeline: what happened, when on the merchant's clock, to which cycle and order. */
export interface TimelineEntry {
  at: string
  event:
    | 'debit_scheduled'
    | 'debit_announced'
    | 'notice_sent'
    | 'notice_failed'
    | 'debit_attempted'
    | 'retry_scheduled'
    | 'retries_exhausted'
    | 'debit_skipped'
    | 'status_changed'
    | 'mandate_expired'
    /** A debit the merchant presented with POST /txns (a mandate without a subscription). */
    | 'debit_presented'
  cycle: number | null
  order_id: string | null
  detail: string
}

/** The subscription's scheduled debits so far. */
export interface Renewal {
  /** The cycle under way or last ended, from 1. */
  cycle: number
  /** That cycle's debit: its day, amount and order (merchant order id). */
  due: { date: IstDate; amountMinor: number; orderId: string } | null
  /** QA's choice for the next debit, kept for its retries too, until its cycle ends. */
  nextDebit: DebitChoice | null
  /** The latest cycle a debit paid: its day and amount (a plan change prorates over it); absent until one has. */
  paid?: { cycle: number; date: IstDate; amountMinor: number }
  /**
   * The latest debit attempt the execute step decided, written with its timeline line and status:
   * the step run again (a lease that ran out) makes the same attempt, though QA's choice may since
   * have been spent. Absent until the first.
   */
  attempted?: { cycle: number; attempt: number; decline: BankDecline | null }
  timeline: TimelineEntry[]
}

/** [I] The most timeline lines a subscription keeps: the latest, past years of daily cycles. */
export const MAX_TIMELINE = 2000

export const emptyRenewal = (): Renewal => ({ cycle: 0, due: null, nextDebit: null, timeline: [] })
