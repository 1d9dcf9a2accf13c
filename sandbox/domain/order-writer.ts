import type { ScheduledJob, Store } from '../store/store'
import { clockFor, type Clock } from './clock'
import type { Order } from './order'
import type { OrderEventBus, OrderEventName } from './order-events'

/** An order as it is to be stored, with what happened to it, in order. */
export interface OrderWrite {
  order: Order
  events: OrderEventName[]
}

/**
 * What a change decides after reading the order: a write (or none), and its answer from the order
 * as it then stands, which may do what must follow the write (it runs once the write stood).
 */
export interface OrderChangePlan<T> {
  write: OrderWrite | null
  answer: (stored: Order) => T | Promise<T>
}

/**
 * Work a write brings with it: jobs stored in the same atomic step as the order (its webhooks, its
 * attempt's next due moment), so a crash between the two can lose neither; then whatever must
 * follow once the write stood.
 */
export interface WriteFollowUp {
  plan(write: OrderWrite, now: Date): Promise<{ jobs: ScheduledJob[]; written: () => Promise<void> }>
}

/** A change retried this often from a fresh read without its write standing points to a fault, not a race. */
const MAX_TRIES = 20

/**
 * The one way an order is written: read, decide, write from the revision read (Store.updateOrder),
 * and on losing to another write, whether from this instance or another sharing the store, read
 * again and decide again. A decision is thus made once, on the order as it stood; the live stream
 * hears of a write only after it stood.
 */
export class OrderWriter {
  private readonly followUps: WriteFollowUp[] = []

  constructor(
    private readonly store: Store,
    /** Real time, which each write's merchant clock runs from. */
    private readonly clock: Clock,
    private readonly bus: OrderEventBus,
    /** Tells the job runner when, in real time, a job stored with a write falls due. */
    private readonly wakeAt: (realDueAt: number) => void,
  ) {}

  /** Adds work every write brings (set up once, by the composition root). */
  follow(followUp: WriteFollowUp): void {
    this.followUps.push(followUp)
  }

  /**
   * Applies `change` to `order` (as read by the caller) and writes its result; when another write
   * got there first, applies it again to the order as it now stands. An order forgotten under a
   * change (a merchant's reset) is an error, as Store.updateOrder makes it: answering the change as
   * if it had been written would report what was never stored.
   */
  async change<T>(order: Order, change: (current: Order) => Promise<OrderChangePlan<T>> | OrderChangePlan<T>): Promise<T> {
    let current = order
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const plan = await change(current)
      if (!plan.write) return plan.answer(current)
      const stored = await this.write(plan.write)
      if (stored) return plan.answer(stored)
      const fresh = await this.store.orderById(order.id)
      if (!fresh) throw new Error(`unknown order ${order.id}`)
      current = fresh
    }
    throw new Error(`order ${order.id}: ${MAX_TRIES} writes in a row lost to others`)
  }

  /**
   * Writes once from the order's revision, timed on its merchant's clock; answers the order as
   * stored, or null when another write got there first.
   */
  private async write(write: OrderWrite): Promise<Order | null> {
    const clock = await clockFor({ store: this.store, clock: this.clock }, write.order.merchantId)
    const now = clock.now()
    const plans = await Promise.all(this.followUps.map((f) => f.plan(write, now)))
    if (!(await this.store.updateOrder(write.order, plans.flatMap((p) => p.jobs)))) return null
    const stored: Order = { ...write.order, revision: write.order.revision + 1 }
    await Promise.all(plans.map((p) => p.written()))
    for (const job of plans.flatMap((p) => p.jobs)) this.wakeAt(clock.toReal(job.dueAt))
    this.bus.publish({ order: stored, events: write.events })
    return stored
  }
}
