import type { DomainDeps } from './domain-deps'
import { cancelUrlOf, liveAttempt, sessionState, type Order } from './order'

export type CancelError = 'cancel_unavailable' | 'attempt_in_progress' | 'session_not_open'

export type CancelResult = { ok: true; order: Order; changed: boolean } | { ok: false; error: CancelError; order: Order }

/**
 * The customer's Cancel on the page (docs/domain/checkout-session.md#cancel): ends an open session
 * that has somewhere to go on cancel (a cancel_url) and no attempt waiting for approval, which
 * must be decided or cancelled first. Cancelling a cancelled session again changes nothing.
 */
export function cancelSession(deps: Pick<DomainDeps, 'store' | 'clock'>, order: Order): CancelResult {
  if (order.cancelledAt !== null) return { ok: true, order, changed: false }
  if (cancelUrlOf(order) === null) return { ok: false, error: 'cancel_unavailable', order }
  if (liveAttempt(order)) return { ok: false, error: 'attempt_in_progress', order }
  const now = deps.clock.now()
  if (sessionState(order, now) !== 'open') return { ok: false, error: 'session_not_open', order }
  const cancelled: Order = { ...order, cancelledAt: now.toISOString() }
  deps.store.updateOrder(cancelled)
  return { ok: true, order: cancelled, changed: true }
}
