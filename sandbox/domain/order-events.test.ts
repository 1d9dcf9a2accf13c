import { describe, expect, it } from 'vitest'
import type { Broadcast } from '../store/broadcast'
import { MemoryStore } from '../store/memory-store'
import { orderDraft, TEST_NOW } from '../testing/fixtures'
import { MovableClock } from './clock'
import type { Order } from './order'
import { OrderEventBus, type OrderChange } from './order-events'
import { createOrder } from './orders'

/**
 * Instances sharing a store, joined as a broadcast joins them: each message reaches every other
 * instance's listeners, never the sender's own. `failing` makes every publish fail.
 */
class Hub {
  private readonly members: ((message: string) => void)[][] = []
  readonly sent: string[] = []
  failing = false

  join(): Broadcast {
    const listeners: ((message: string) => void)[] = []
    this.members.push(listeners)
    return {
      publish: (message) => {
        if (this.failing) return Promise.reject(new Error('broadcast down'))
        this.sent.push(message)
        for (const other of this.members) if (other !== listeners) for (const listener of other) listener(message)
        return Promise.resolve()
      },
      subscribe: (listener) => {
        listeners.push(listener)
        return () => listeners.splice(listeners.indexOf(listener), 1)
      },
      close: () => Promise.resolve(),
    }
  }
}

const created = await createOrder(
  { store: new MemoryStore(), clock: new MovableClock({ now: () => TEST_NOW }) },
  orderDraft(TEST_NOW, { orderId: 'o-1' }),
)
if (created.kind !== 'created') throw new Error(created.kind)
const order: Order = created.order
const change: OrderChange = { order, events: ['TXN_CREATED', 'MANDATE_CREATED'] }

describe('OrderEventBus on one instance', () => {
  it('hands each change to every listener, in order, until it unsubscribes', () => {
    const bus = new OrderEventBus()
    const first: OrderChange[] = []
    const second: OrderChange[] = []
    const stopFirst = bus.subscribe((c) => first.push(c))
    bus.subscribe((c) => second.push(c))
    bus.publish(change)
    stopFirst()
    const later: OrderChange = { order, events: ['ORDER_SUCCEEDED'] }
    bus.publish(later)
    expect(first).toEqual([change])
    expect(second).toEqual([change, later])
  })

  it('tells clock listeners which merchant\'s clock moved, until they unsubscribe, and order listeners nothing', () => {
    const bus = new OrderEventBus()
    const moved: string[] = []
    const changes: OrderChange[] = []
    bus.subscribe((c) => changes.push(c))
    const stop = bus.subscribeClock((merchantId) => moved.push(merchantId))
    bus.clockMoved('demo_merchant')
    stop()
    bus.clockMoved('other_merchant')
    expect(moved).toEqual(['demo_merchant'])
    expect(changes).toEqual([])
  })
})

describe('OrderEventBus across instances sharing a store', () => {
  it('delivers a change published on one instance to the listeners of the others, as it was', () => {
    const hub = new Hub()
    const here = new OrderEventBus(hub.join())
    const there = new OrderEventBus(hub.join())
    const heardHere: OrderChange[] = []
    const heardThere: OrderChange[] = []
    here.subscribe((c) => heardHere.push(c))
    there.subscribe((c) => heardThere.push(c))
    here.publish(change)
    expect(heardHere).toEqual([change])
    expect(heardThere).toEqual([change])
  })

  it('delivers a merchant\'s clock moving to the other instances\' clock listeners, not as an order change', () => {
    const hub = new Hub()
    const here = new OrderEventBus(hub.join())
    const there = new OrderEventBus(hub.join())
    const moved: string[] = []
    const changes: OrderChange[] = []
    there.subscribeClock((merchantId) => moved.push(merchantId))
    there.subscribe((c) => changes.push(c))
    here.clockMoved('demo_merchant')
    expect(moved).toEqual(['demo_merchant'])
    expect(changes).toEqual([])
  })

  it('still tells this instance\'s listeners when the broadcast fails, and reports the failure', async () => {
    const hub = new Hub()
    hub.failing = true
    const failures: unknown[] = []
    const bus = new OrderEventBus(hub.join(), (error) => failures.push(error))
    const heard: OrderChange[] = []
    const moved: string[] = []
    bus.subscribe((c) => heard.push(c))
    bus.subscribeClock((merchantId) => moved.push(merchantId))
    bus.publish(change)
    bus.clockMoved('demo_merchant')
    await new Promise((resolve) => setImmediate(resolve))
    expect(heard).toEqual([change])
    expect(moved).toEqual(['demo_merchant'])
    expect(failures).toHaveLength(2)
    expect(failures[0]).toBeInstanceOf(Error)
  })

  it('swallows a failed broadcast when no one asked to hear of it', async () => {
    const hub = new Hub()
    hub.failing = true
    const bus = new OrderEventBus(hub.join())
    const heard: OrderChange[] = []
    bus.subscribe((c) => heard.push(c))
    bus.publish(change)
    await new Promise((resolve) => setImmediate(resolve))
    expect(heard).toEqual([change])
  })
})
