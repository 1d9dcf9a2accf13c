import type { OrderStatus } from '../../contract/status'
import { hex, alnum } from './ids'
import type { Attempt } from './attempt'
import type { OrderEventName } from './order-events'
import type { Order } from './order'
import { railOf } from './rails'

/** The order status an attempt stands for (docs/domain/juspay.md#order-statuses). */
export function attemptOrderStatus(attempt: Attempt): OrderStatus {
  switch (attempt.status) {
    case 'pending':
      // Authenticated at the bank, which has yet to confirm: "pending from bank".
      return railOf(attempt).awaitingBank(attempt) ? 'AUTHORIZING' : 'PENDING_VBV'
    case 'succeeded':
      return 'CHARGED'
    case 'failed':
      return attempt.failureReason === 'authentication_failed' ? 'AUTHENTICATION_FAILED' : 'AUTHORIZATION_FAILED'
    case 'expired':
    case 'cancelled':
      return 'AUTHENTICATION_FAILED'
  }
}

/** Ids a succeeded mandate attempt gets once: Juspay's mandate id and token, and what its rail records (eNACH: the UMRN). */
function withMandateIds(attempt: Attempt): Attempt {
  if (attempt.status !== 'succeeded' || !attempt.setsUpMandate || attempt.mandateId !== null) return attempt
  const registered = railOf(attempt).registered(attempt, new Date(attempt.endedAt ?? attempt.createdAt))
  return { ...registered, mandateId: alnum(22), mandateToken: hex(16) }
}

/**
 * Folds one attempt's new state into its order: order status, mandate status and ids, the
 * auto-refund, and the events a merchant is told about. Pure; the caller stores and publishes.
 * A pending attempt that only moved on (a bank step) tells merchants nothing new.
 */
export function applyAttempt(
  order: Order,
  changed: Attempt,
  isNew: boolean,
): { order: Order; attempt: Attempt; events: OrderEventName[] } {
  const attempt = withMandateIds(changed)
  const attempts = isNew ? [...order.attempts, attempt] : order.attempts.map((a) => (a.id === attempt.id ? attempt : a))
  const next: Order = { ...order, attempts, status: attemptOrderStatus(attempt) }
  const events: OrderEventName[] = []
  if (attempt.status === 'pending') {
    if (!isNew) return { order: next, attempt, events }
    events.push('TXN_CREATED')
    if (attempt.setsUpMandate) {
      next.mandateStatus = 'CREATED'
      events.push('MANDATE_CREATED')
    }
    return { order: next, attempt, events }
  }
  if (attempt.status === 'succeeded') {
    if (attempt.setsUpMandate) {
      next.mandateStatus = 'ACTIVE'
      next.mandateId = attempt.mandateId
      next.mandateToken = attempt.mandateToken
      events.push('MANDATE_ACTIVATED')
    }
    if (order.metadata['auto_refund_post_success'] === 'true') next.refundedMinor = order.chargedTodayMinor
    events.push('ORDER_SUCCEEDED')
    return { order: next, attempt, events }
  }
  if (attempt.setsUpMandate) {
    next.mandateStatus = 'FAILURE'
    events.push('MANDATE_FAILED')
  }
  events.push('ORDER_FAILED')
  return { order: next, attempt, events }
}
