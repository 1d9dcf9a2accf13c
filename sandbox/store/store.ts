import type { Order } from '../domain/order'

export type InsertResult = { inserted: true } | { inserted: false; existing: Order }

/**
 * Storage behind one interface. Methods are synchronous so a check-then-write is atomic in the
 * in-memory store; a persistent store would implement the same contract inside a transaction.
 */
export interface Store {
  /** Inserts unless the merchant already has an order with this order id (case-insensitive). */
  insertOrder(order: Order): InsertResult
  updateOrder(order: Order): void
  orderById(id: string): Order | undefined
  orderByMerchantOrderId(merchantId: string, orderId: string): Order | undefined
  orderByCheckoutSessionId(sessionId: string): Order | undefined
  orderByClientSecret(secret: string): Order | undefined
  /** Remembers which order a simulator's one-time token belongs to. */
  indexToken(token: string, orderId: string): void
  orderByToken(token: string): Order | undefined
  /** Number of orders held, for tests that check a failed request left nothing behind. */
  size(): number
  reset(): void
}
