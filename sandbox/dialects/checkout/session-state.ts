import { sessionState, type Order } from '../../domain/order'
import type { CheckoutErrorSpec } from './errors'

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired'
export type PaymentStatus = 'paid' | 'unpaid'

const STATUS_FOR: Record<ReturnType<typeof sessionState>, CheckoutSessionStatus> = {
  open: 'open',
  expired: 'expired',
  completed: 'complete',
}

export const checkoutStatus = (order: Order, now: Date): CheckoutSessionStatus => STATUS_FOR[sessionState(order, now)]

export const paymentStatus = (order: Order): PaymentStatus => (order.status === 'CHARGED' ? 'paid' : 'unpaid')

/**
 * For flows that act on a session (confirming a payment, starting an attempt): the error to answer
 * when it can no longer be paid, or null while it is open. Reading a session never fails this way.
 */
export function sessionNotPayableError(order: Order, now: Date): CheckoutErrorSpec | null {
  switch (checkoutStatus(order, now)) {
    case 'open':
      return null
    case 'expired':
      return {
        status: 400,
        type: 'invalid_request_error',
        code: 'session_expired',
        message: 'Session expired: create a new checkout session.',
      }
    case 'complete':
      return {
        status: 400,
        type: 'invalid_request_error',
        code: 'session_completed',
        message: 'Session already complete: it cannot be paid again.',
      }
  }
}
