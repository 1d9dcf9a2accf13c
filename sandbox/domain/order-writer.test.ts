import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../store/memory-store'
import type { ScheduledJob } from '../store/store'
import { MovableClock } from './clock'
import type { Order } from './order'
import { OrderEventBus, type OrderChange } from './order-events'
import { OrderWriter } from './order-writer'
import { seedOrder, TEST_NOW } from '../testing/fixtures'

async function setup() {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => TEST_NOW })
  const bus = new OrderEventBus()
  const published: OrderChange[] = []
  bus.subscribe((change) => published.push(change))
  const woken: number[] = []
  const writer = new OrderWriter(store, clock, bus, (dueAt) => woken.push(dueAt))
  const order = await seedOrder({ store, clock })
  return { store, writer, order, published, woken }
}

/** A change that appends `tag` to the order's udf, remembering each order it was decided on. */
const appending = (tag: string, seen: Order[] = []) => (current: Order) => {
  seen.push(current)
  return { write: { order: { ...current, udf: [...current.udf, tag] }, events: [] }, answer: (stored: Order) => stored }
}

describe('OrderWriter.change', () => {
  it('retries a lost write from a fresh read, deciding again on the order as it then stands', async () => {
    const { store, writer, order, published } = await setup()
    await writer.change(order, appending('first'))
    const seen: Order[] = []
    const answered = await writer.change(order, appending('second', seen))
    expect(seen.map((o) => o.revision)).toEqual([order.revision, order.revision + 1])
    expect(seen[1]?.udf).toEqual(['first'])
    expect(answered.udf).toEqual(['first', 'second'])
    expect(answered.revision).toBe(order.revision + 2)
    expect((await store.orderById(order.id))?.udf).toEqual(['first', 'second'])
    expect(published).toHaveLength(2)
  })

  it('loses no write when many change one order at once, each from the same stale read', async () => {
    const { store, writer, order, published } = await setup()
    const tags = Array.from({ length: 12 }, (_, i) => `t${i}`)
    await Promise.all(tags.map((tag) => writer.change(order, appending(tag))))
    const stored = await store.orderById(order.id)
    expect([...(stored?.udf ?? [])].sort()).toEqual([...tags].sort())
    expect(stored?.revision).toBe(order.revision + tags.length)
    expect(published.map((c) => c.order.revision)).toEqual(tags.map((_, i) => order.revision + i + 1))
  })

  it('fails, publishing nothing, when the order is forgotten under a change (a merchant reset), before its write or after losing one', async () => {
    const gone = await setup()
    await gone.store.resetMerchant(gone.order.merchantId)
    await expect(gone.writer.change(gone.order, appending('late'))).rejects.toThrow(`unknown order ${gone.order.id}`)
    expect(gone.published).toEqual([])

    const { store, writer, order, published } = await setup()
    await writer.change(order, appending('first'))
    const updateOrder = store.updateOrder.bind(store)
    // The write from the stale read loses, and the reset comes before the writer reads again.
    store.updateOrder = async (o, jobs) => {
      const written = await updateOrder(o, jobs)
      if (!written) await store.resetMerchant(o.merchantId)
      return written
    }
    await expect(writer.change(order, appending('second'))).rejects.toThrow(`unknown order ${order.id}`)
    expect(await store.orderById(order.id)).toBeUndefined()
    expect(published).toHaveLength(1)
  })

  it('gives up after 20 tries when every write loses, saying so, publishing nothing', async () => {
    const { store, writer, order, published } = await setup()
    let writes = 0
    store.updateOrder = () => {
      writes++
      return Promise.resolve(false)
    }
    await expect(writer.change(order, appending('never'))).rejects.toThrow(`order ${order.id}: 20 writes in a row lost to others`)
    expect(writes).toBe(20)
    expect(published).toEqual([])
  })

  it('stands on the twentieth try', async () => {
    const { store, writer, order } = await setup()
    const updateOrder = store.updateOrder.bind(store)
    let writes = 0
    store.updateOrder = (o, jobs) => (++writes < 20 ? Promise.resolve(false) : updateOrder(o, jobs))
    await writer.change(order, appending('last'))
    expect(writes).toBe(20)
    expect((await store.orderById(order.id))?.udf).toContain('last')
  })

  it('writes nothing and publishes nothing when the change decides no write', async () => {
    const { store, writer, order, published } = await setup()
    const answer = await writer.change(order, (current) => ({ write: null, answer: () => current.revision }))
    expect(answer).toBe(order.revision)
    expect((await store.orderById(order.id))?.revision).toBe(order.revision)
    expect(published).toEqual([])
  })

  it('stores the jobs its follow-ups plan with the write, wakes the runner for them, and runs their after-step once it stood', async () => {
    const { store, writer, order, woken } = await setup()
    const written: number[] = []
    const job: ScheduledJob = { id: 'j1', merchantId: order.merchantId, dueAt: TEST_NOW.getTime() + 5, kind: 'attempt_due', payload: '{}' }
    writer.follow({
      plan: ({ order: planned }) =>
        Promise.resolve({ jobs: [job], written: () => Promise.resolve(void written.push(planned.revision)) }),
    })
    await writer.change(order, appending('a'))
    expect(written).toEqual([order.revision])
    expect(woken).toEqual([job.dueAt])
    expect(await store.claimDue(job.dueAt, 1000, 10)).toEqual([job])
  })

})
