import type { Order } from './order'

/** Juspay webhook event names the sandbox emits (docs/domain/juspay.md#webhooks). */
export type OrderEventName =
  | 'TXN_CREATED'
  | 'MANDATE_CREATED'
  | 'MANDATE_ACTIVATED'
  | 'MANDATE_FAILED'
  | 'MANDATE_REVOKED'
  | 'ORDER_SUCCEEDED'
  | 'ORDER_FAILED'
  | 'BILLING_EXECUTION_CREATED'
  | 'BILLING_EXECUTION_ACTIVATED'
  /** The sandbox's own: a plan change was applied (Juspay lists no such event; docs/domain/billing.md#plan-changes-paying-for-one). */
  | 'BILLING_EXECUTION_UPDATED'

export interface OrderChange {
  order: Order
  /** What happened, in order; empty when only the view changed (e.g. an expiry passed). */
  events: OrderEventName[]
}

export type OrderChangeListener = (change: OrderChange) => void

/** In-process fan-out of order changes to the page's live stream and to webhook delivery. */
export class OrderEventBus {
  private readonly listeners = new Set<OrderChangeListener>()

  subscribe(listener: OrderChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(change: OrderChange): void {
    for (const listener of this.listeners) listener(change)
  }
}
