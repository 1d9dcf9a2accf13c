import type { Broadcast } from '../store/broadcast'
import type { Order } from './order'

/** Juspay webhook event names the sandbox emits (docs/domain/juspay.md#webhooks). */
export type OrderEventName =
  | 'TXN_CREATED'
  | 'MANDATE_CREATED'
  | 'MANDATE_ACTIVATED'
  | 'MANDATE_FAILED'
  | 'MANDATE_REVOKED'
  | 'MANDATE_PAUSED'
  | 'MANDATE_EXPIRED'
  /** A scheduled debit's pre-debit notice (docs/domain/renewals.md#the-pre-debit-notice). */
  | 'NOTIFICATION_SUCCEEDED'
  | 'NOTIFICATION_FAILED'
  | 'ORDER_SUCCEEDED'
  | 'ORDER_FAILED'
  | 'BILLING_EXECUTION_CREATED'
  | 'BILLING_EXECUTION_ACTIVATED'
  /** The sandbox's own: a plan change was applied (Juspay lists no such event; docs/domain/billing.md#plan-changes-paying-for-one). */
  | 'BILLING_EXECUTION_UPDATED'
  | 'BILLING_EXECUTION_DEACTIVATED'
  /** A subscription's scheduled debits (docs/domain/renewals.md#webhooks). */
  | 'BILLING_TXN_SCHEDULED'
  | 'BILLING_TXN_TO_BE_EXECUTED'
  | 'BILLING_RETRY_TXN_SCHEDULED'
  | 'BILLING_TXN_RETRY_EXCEEDED'

export interface OrderChange {
  order: Order
  /** What happened, in order; empty when only the view changed (e.g. an expiry passed). */
  events: OrderEventName[]
}

export type OrderChangeListener = (change: OrderChange) => void

/** Hears that a merchant's clock moved (its id). */
export type ClockListener = (merchantId: string) => void

/** What goes between instances: an order's change, or a merchant's clock moving. */
type Message = OrderChange | { clockMoved: string }

/**
 * Fan-out of order changes, and of merchants' clocks moving, to the page's live streams. With a
 * broadcast (instances sharing a store), a change written here reaches the streams open on every
 * other instance too, and theirs reach this one's.
 */
export class OrderEventBus {
  private readonly listeners = new Set<OrderChangeListener>()
  private readonly clockListeners = new Set<ClockListener>()

  constructor(
    private readonly broadcast: Broadcast | null = null,
    private readonly onBroadcastFailed: (error: unknown) => void = () => undefined,
  ) {
    broadcast?.subscribe((text) => {
      const message = JSON.parse(text) as Message
      if ('clockMoved' in message) this.deliverClock(message.clockMoved)
      else this.deliver(message)
    })
  }

  subscribe(listener: OrderChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(change: OrderChange): void {
    this.deliver(change)
    this.send(change)
  }

  subscribeClock(listener: ClockListener): () => void {
    this.clockListeners.add(listener)
    return () => this.clockListeners.delete(listener)
  }

  /** The merchant's clock moved: its orders' pages hear it, to count down on the new time. */
  clockMoved(merchantId: string): void {
    this.deliverClock(merchantId)
    this.send({ clockMoved: merchantId })
  }

  private send(message: Message): void {
    // Lost to the streams on other instances: their pages show the order at its next change, or on reconnecting.
    this.broadcast?.publish(JSON.stringify(message)).catch(this.onBroadcastFailed)
  }

  private deliverClock(merchantId: string): void {
    for (const listener of this.clockListeners) listener(merchantId)
  }

  private deliver(change: OrderChange): void {
    for (const listener of this.listeners) listener(change)
  }
}
