import { clockFor, type ClockSource } from './clock'
import { cancelUrlOf, liveAttempt, sessionState, type Order } from './order'
import type { OrderChangePlan, OrderWriter } from './order-writer'

export type CancelError = 'cancel_unavailable' | 'attempt_in_progress' | 'session_not_open'

export type CancelResult = { ok: true; order: Order; changed: boolean } | { ok: false; error: CancelError; order: Order }

/**
 * The customer's Cancel on the page (docs/domain/checkout-session.md#cancel): ends an open session
 * that has somewhere to go on cancel (a cancel_url) and no attempt waiting for approval, which
 * must be decided or cancelled first. Cancelling a cancelled session again changes nothing.
 */
export async function cancelSession(deps: ClockSource, writer: OrderWriter, order: Order): Promise<CancelResult> {
  const clock = await clockFor(deps, order.merchantId)
  return writer.change(order, (current): OrderChangePlan<CancelResult> => {
    const refused = (error: CancelError): OrderChangePlan<CancelResult> => ({ write: null, answer: () => ({ ok: false, error, order: current }) })
    if (current.cancelledAt !== null) return { write: null, answer: () => ({ ok: true, order: current, changed: false }) }
    if (cancelUrlOf(current) === null) return refused('cancel_unavailable')
    if (liveAttempt(current)) return refused('attempt_in_progress')
    const now = clock.now()
    if (sessionState(current, now) !== 'open') return refused('session_not_open')
    return {
      write: { order: { ...current, cancelledAt: now.toISOString() }, events: [] },
      answer: (stored) => ({ ok: true, order: stored, changed: true }),
    }
  })
}
