import type { Order } from '../domain/order'
import type { Subscription } from '../domain/subscriptions'
import { MemoryStore } from '../store/memory-store'
import type { ScheduledJob } from '../store/store'

/** The write to fail: an order's insert or update by its merchant order id (an update only when `when` holds, if given), or a subscription's update. */
type Failing = { method: 'insertOrder' | 'updateOrder'; orderId: string; when?: (order: Order) => boolean } | { method: 'updateSubscription'; subscriptionId: string }

/**
 * A MemoryStore that, once told, fails the next write of one order (by merchant order id) or one
 * subscription, and only that one, as a store that lost its connection does, or an instance that
 * died just there: for tests of a step run again after stopping part way.
 */
export class FailingStore extends MemoryStore {
  private failing: Failing | null = null

  failNext(failing: Failing): void {
    this.failing = failing
  }

  private fails(check: (failing: Failing) => boolean): boolean {
    if (!this.failing || !check(this.failing)) return false
    this.failing = null
    return true
  }

  override insertOrder(order: Order) {
    return this.fails((f) => f.method === 'insertOrder' && f.orderId === order.orderId) ? unreachable() : super.insertOrder(order)
  }

  override updateOrder(order: Order, jobs?: readonly ScheduledJob[]) {
    return this.fails((f) => f.method === 'updateOrder' && f.orderId === order.orderId && (f.when?.(order) ?? true)) ? unreachable() : super.updateOrder(order, jobs)
  }

  override updateSubscription(subscription: Subscription) {
    return this.fails((f) => f.method === 'updateSubscription' && f.subscriptionId === subscription.id) ? unreachable() : super.updateSubscription(subscription)
  }
}

const unreachable = (): Promise<never> => Promise.reject(new Error('store unreachable'))
