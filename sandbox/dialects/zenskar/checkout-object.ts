import type { PriceSchedule } from '../../../contract/billing'
import type { Money } from '../../../contract/money'
import { liveAttempt, sessionState, type Order, type OrderSource } from '../../domain/order'
import { istToday } from './checkout-terms'

/** The checkout as this dialect answers it (docs/domain/zenskar.md#the-checkout). Amounts are rupees, as Zenskar's are. */

export type ZenskarSource = Extract<OrderSource, { dialect: 'zenskar' }>

/**
 * `checkout_status` (docs/domain/zenskar.md#statuses): Zenskar's own values where it has them
 * (open, pending, payment_succeeded, contract_created), ours for the rest (expired, cancelled, closed).
 */
type CheckoutStatus = 'open' | 'pending' | 'payment_succeeded' | 'contract_created' | 'expired' | 'cancelled' | 'closed'

export function checkoutStatus(order: Order, now: Date): CheckoutStatus {
  switch (sessionState(order, now)) {
    case 'completed':
      if (order.status !== 'CHARGED') return 'closed'
      return order.billing?.subscriptionId ? 'contract_created' : 'payment_succeeded'
    case 'expired':
      return 'expired'
    case 'cancelled':
      return 'cancelled'
    case 'open':
      return liveAttempt(order) ? 'pending' : 'open'
  }
}

interface Invoice {
  total: number
  currency: string
  /** The day it is debited, in India (YYYY-MM-DD). */
  date: string
}

export interface Estimates {
  /** Paid today for the current period; a refunded authorisation is no payment, so it shows as `authorisation`, total 0. */
  current_invoice: Invoice & { authorisation: { total: number; currency: string; refunded: true } | null }
  /** The first debit after today, or null when the merchant presents each debit (no date can be promised). */
  next_invoice: Invoice | null
}

const rupees = (money: Money): number => money.minor / 100

/** The estimates, read off the order's one price schedule: the same computation the page shows. */
export function estimatesOf(schedule: PriceSchedule, today: string): Estimates {
  const paid = schedule.today
  const next = schedule.charges[0]
  return {
    current_invoice: {
      total: paid.refunded ? 0 : rupees(paid.amount),
      currency: paid.amount.currency,
      date: today,
      authorisation: paid.refunded ? { total: rupees(paid.amount), currency: paid.amount.currency, refunded: true } : null,
    },
    next_invoice: next ? { total: rupees(next.amount), currency: next.amount.currency, date: next.date } : null,
  }
}

export interface ZenskarCheckout {
  id: string
  checkout_status: CheckoutStatus
  plan_id: string
  customer_id: string
  start_date: string
  end_date: string | null
  expires_at: string
  success_url: string | null
  cancel_url: string | null
  product_overrides: ZenskarSource['productOverrides']
  contract_id: string | null
  url: string
  estimates: Estimates
  created_at: string
  updated_at: string
}

/** The latest change the customer made: the order's creation, an attempt starting or ending, a cancel. */
function updatedAt(order: Order): string {
  const times = [order.createdAt, order.cancelledAt, ...order.attempts.flatMap((a) => [a.createdAt, a.endedAt])]
  return times.filter((t): t is string => t !== null).reduce((a, b) => (b > a ? b : a))
}

const paymentPageUrl = (publicOrigin: string, order: Order): string => `${publicOrigin}/orders/${order.id}/payment-page`

export function zenskarSource(order: Order): ZenskarSource | null {
  return order.source.dialect === 'zenskar' ? order.source : null
}

export function toZenskarCheckout(order: Order, source: ZenskarSource, publicOrigin: string, now: Date): ZenskarCheckout {
  const schedule = order.billing?.schedule
  if (!schedule) throw new Error(`zenskar checkout ${source.checkoutId} has no schedule`)
  return {
    id: source.checkoutId,
    checkout_status: checkoutStatus(order, now),
    plan_id: source.planId,
    customer_id: source.customerId,
    start_date: source.startDate,
    end_date: source.endDate,
    expires_at: order.expiresAt,
    success_url: source.successUrl,
    cancel_url: source.cancelUrl,
    product_overrides: source.productOverrides,
    contract_id: order.billing?.subscriptionId ?? null,
    url: paymentPageUrl(publicOrigin, order),
    estimates: estimatesOf(schedule, istToday(new Date(order.createdAt))),
    created_at: order.createdAt,
    updated_at: updatedAt(order),
  }
}
