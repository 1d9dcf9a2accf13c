import { sessionState, type Order } from '../../domain/order'

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired'
export type PaymentStatus = 'paid' | 'unpaid'

const STATUS_FOR: Record<ReturnType<typeof sessionState>, CheckoutSessionStatus> = {
  open: 'open',
  expired: 'expired',
  completed: 'complete',
  // UseePay has no cancelled status; a session the customer cancelled can no longer be paid, like an expired one.
  cancelled: 'expired',
}

export const checkoutStatus = (order: Order, now: Date): CheckoutSessionStatus => STATUS_FOR[sessionState(order, now)]

export const paymentStatus = (order: Order): PaymentStatus => (order.status === 'CHARGED' ? 'paid' : 'unpaid')
