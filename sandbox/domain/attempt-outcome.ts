import type { OrderStatus } from '../../contract/status'
import { hex, alnum } from './ids'
import type { Attempt } from './attempt'
import type { OrderEventName } from './order-events'
import type { Order } from './order'

function orderStatusFor(attempt: Attempt): OrderStatus {
  switch (attempt.status) {
    case 'pending':
      return 'PENDING_VBV'
    case 'succeeded':
      return 'CHARGED'
    case 'failed':
      return 'AUTHORIZATION_FAILED'
    case 'expired':
    case 'cancelled':
      return 'AUTHENTICATION_FAILED'
  }
}

/**
 * Folds one attempt's new state into its order: order status, mandate status and ids, the
 * auto-refund, and the events a merchant is told about. Pure; the caller stores and publishes.
 */
export function applyAttempt(
  order: Order,
  changed: Attempt,
  isNew: boolean,
): { order: Order; attempt: Attempt; events: OrderEventName[] } {
  const attempt =
    changed.status === 'succeeded' && changed.setsUpMandate && changed.mandateId === null
      ? { ...changed, mandateId: alnum(22), mandateToken: hex(16) }
      : changed
  const attempts = isNew ? [...order.attempts, attempt] : order.attempts.map((a) => (a.id === attempt.id ? attempt : a))
  const next: Order = { ...order, attempts, status: orderStatusFor(attempt) }
  const events: OrderEventName[] = []
  if (attempt.status === 'pending') {
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
