import type { FailureReason } from '../../../contract/attempt'
import type { MandateStatus } from '../../../contract/status'
import { latestAttempt, sessionState, type Order, type OrderSource } from '../../domain/order'

/** The subscription as this dialect reads and reports it (docs/domain/plural.md#the-subscription). Amounts in paise. */
export type PluralSource = Extract<OrderSource, { dialect: 'plural' }>

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
const istToday = (now: Date): string => new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)

/**
 * Plural's subscription id is given at creation, before any mandate exists, so it cannot be our
 * subscription's (made on activation). [I] It is the order's page id under Plural's v2 prefix:
 * unguessable, and read back without an index of its own.
 */
const PAGE_PREFIX = 'ordeh_'
const SUBSCRIPTION_PREFIX = 'v1-sub-'
export const PLURAL_SUBSCRIPTION_ID_PATTERN = /^v1-sub-[0-9a-f]{32}$/
export const subscriptionIdOf = (order: Order): string => `${SUBSCRIPTION_PREFIX}${order.id.slice(PAGE_PREFIX.length)}`
export const pageIdOf = (subscriptionId: string): string => `${PAGE_PREFIX}${subscriptionId.slice(SUBSCRIPTION_PREFIX.length)}`

/**
 * Plural's v2 statuses that the sandbox reaches (docs/domain/plural.md#statuses): CREATED until the
 * mandate is approved, then TRIAL while free days remain and ACTIVE after; EXPIRED when the customer
 * did not approve in time, INACTIVE when every try failed.
 */
export type PluralStatus = 'CREATED' | 'TRIAL' | 'ACTIVE' | 'EXPIRED' | 'INACTIVE'

export function pluralStatus(order: Order, now: Date): PluralStatus {
  if (order.status === 'CHARGED' && order.billing?.subscriptionId) {
    const intro = order.billing.schedule.intro
    return intro.type === 'DAYS' && istToday(now) < intro.endsOn ? 'TRIAL' : 'ACTIVE'
  }
  switch (sessionState(order, now)) {
    case 'open':
      return 'CREATED'
    case 'expired':
      return 'EXPIRED'
    case 'completed':
    case 'cancelled':
      return 'INACTIVE'
  }
}

interface Amount {
  value: number
  currency: string
}

export interface PluralSubscription {
  subscription_id: string
  plan_id: string
  order_id: number
  merchant_order_id: string
  client_unique_reference: string
  status: PluralStatus
  enable_notification: boolean
  quantity: number
  start_date: string
  end_date: string
  payment_mode: 'UPI'
  txn_mode: 'C' | 'I'
  amount: Amount
  max_limit_amount: Amount
  trial_period_in_days: number
  mandate: {
    status: MandateStatus | null
    mandate_id: string | null
    amount_limit: 'M' | 'E'
    debit_day: number | null
    debit_rule: string | null
    block_fund: 'Y' | 'N'
  }
  /** The latest try at approving the mandate; null before the first. */
  last_attempt: { status: string; failure_reason: FailureReason | null; vpa: string | null } | null
  /** Sandbox extension: the price schedule the page shows and the subscription bills by. */
  schedule: {
    today: { amount: Amount; refunded: boolean }
    trial_ends_on: string | null
    upcoming_debits: { date: string; amount: Amount; introductory: boolean }[]
  }
  /** Sandbox extension: the hosted page where the customer can approve (app list or QR). */
  payment_page_url: string
  created_at: string
  updated_at: string
}

const inr = (minor: number): Amount => ({ value: minor, currency: 'INR' })

/** The latest change: the order's creation or an attempt starting or ending. */
function updatedAt(order: Order): string {
  const times = [order.createdAt, ...order.attempts.flatMap((a) => [a.createdAt, a.endedAt])]
  return times.filter((t): t is string => t !== null).reduce((a, b) => (b > a ? b : a))
}

export const paymentPageUrl = (publicOrigin: string, order: Order): string => `${publicOrigin}/orders/${order.id}/payment-page`

export function pluralSource(order: Order): PluralSource | null {
  return order.source.dialect === 'plural' ? order.source : null
}

export function toPluralSubscription(order: Order, source: PluralSource, publicOrigin: string, now: Date): PluralSubscription {
  const schedule = order.billing?.schedule
  const mandate = order.mandate
  if (!schedule || !mandate) throw new Error(`plural subscription ${order.id} has no schedule or mandate`)
  const attempt = latestAttempt(order)
  return {
    subscription_id: subscriptionIdOf(order),
    plan_id: source.planId,
    order_id: source.pluralOrderId,
    merchant_order_id: String(source.pluralOrderId),
    client_unique_reference: order.orderId,
    status: pluralStatus(order, now),
    enable_notification: source.enableNotification,
    quantity: source.quantity,
    start_date: source.startDate,
    end_date: source.endDate,
    payment_mode: 'UPI',
    txn_mode: source.txnMode,
    amount: inr(schedule.recurring.amount.minor),
    max_limit_amount: inr(schedule.cap.minor),
    trial_period_in_days: source.trialPeriodInDays,
    mandate: {
      status: order.mandateStatus,
      mandate_id: order.mandateId,
      amount_limit: mandate.amountRule === 'FIXED' ? 'E' : 'M',
      debit_day: mandate.ruleValue,
      debit_rule: mandate.ruleType,
      block_fund: mandate.blockFunds ? 'Y' : 'N',
    },
    last_attempt: attempt
      ? { status: attempt.status, failure_reason: attempt.failureReason, vpa: attempt.rail === 'upi' ? attempt.payerVpa : null }
      : null,
    schedule: {
      today: { amount: inr(schedule.today.amount.minor), refunded: schedule.today.refunded },
      trial_ends_on: schedule.intro.type === 'DAYS' ? schedule.intro.endsOn : null,
      upcoming_debits: schedule.charges.map((charge) => ({ date: charge.date, amount: inr(charge.amount.minor), introductory: charge.intro })),
    },
    payment_page_url: paymentPageUrl(publicOrigin, order),
    created_at: order.createdAt,
    updated_at: updatedAt(order),
  }
}
