import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { MovableClock } from '../domain/clock'
import { subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import { delivery, order, plainOrder, storeContract } from '../testing/store-contract'
import { MemoryStore } from './memory-store'

storeContract('MemoryStore', {
  open: (options) => Promise.resolve(new MemoryStore(options)),
  // One process holds one store: every handle on it is the same object.
  peers: (store, count) => Promise.resolve(Array.from({ length: count }, () => store)),
})

describe('MemoryStore keeps orders as Redis does, as JSON', () => {
  it('reads an order back as its JSON, a Date in a raw request as its ISO text, and no caller reaches what is stored', async () => {
    const store = new MemoryStore()
    const base = order()
    if (base.source.dialect !== 'checkout') throw new Error('the fixture order is a checkout session')
    const inserted = { ...base, source: { ...base.source, raw: { created: new Date('2026-11-25T10:00:00.000Z'), nested: { kept: ['a'] } } } }
    const asJson: unknown = JSON.parse(JSON.stringify(inserted))
    await store.insertOrder(inserted)
    inserted.source.raw.nested.kept.push('changed after the insert')

    const first = await store.orderById('ordeh_1')
    expect(first).toStrictEqual(asJson)
    if (first?.source.dialect !== 'checkout') throw new Error('the stored order is a checkout session')
    ;(first.source.raw as { nested: { kept: string[] } }).nested.kept.push('changed after a read')
    expect(await store.orderById('ordeh_1')).toStrictEqual(asJson)
    expect(await store.orderByMerchantOrderId(base.merchantId, base.orderId)).toStrictEqual(asJson)
  })
})

describe('MemoryStore forgets an order whole', () => {
  /** Entries in every map and set the store keeps, and in the lists those maps hold: what a forgotten order must leave none of. */
  const entries = (store: MemoryStore): number =>
    Object.values(store)
      .filter((value): value is Map<unknown, unknown> | Set<unknown> => value instanceof Map || value instanceof Set)
      .reduce((n, map) => n + map.size + [...map.values()].reduce<number>((m, value) => m + (Array.isArray(value) ? value.length : 0), 0), 0)

  /** The n-th checkout session of a merchant, with a simulator token, a mandate its payer registered and a webhook record. */
  async function withOrder(store: MemoryStore, n: number, merchantId: string): Promise<void> {
    const base = order()
    if (base.source.dialect !== 'checkout') throw new Error('the fixture order is a checkout session')
    await store.insertOrder(order({ id: `ordeh_${n}`, orderId: `o-${n}`, merchantId, source: { ...base.source, sessionId: `cs_${n}`, clientSecret: `cs_${n}_secret` } }))
    await store.indexToken(`tok_${n}`, `ordeh_${n}`)
    await store.indexMandate(`ordeh_${n}`, `mid_${n}`, 'asha@okaxis')
    await store.indexMandate(`ordeh_${n}`, `mid_${n}b`, 'asha@okaxis')
    await store.saveWebhook(merchantId, `o-${n}`, delivery(`evt_${n}`))
  }

  it("leaves no entry of an order it forgot in any index, and the rest of the payer's orders as they were", async () => {
    const survivorOnly = new MemoryStore()
    await withOrder(survivorOnly, 1, 'demo_merchant')
    const store = new MemoryStore()
    await withOrder(store, 1, 'demo_merchant')
    await withOrder(store, 2, 'other_merchant')
    await withOrder(store, 3, 'other_merchant')
    await store.resetMerchant('other_merchant')
    expect(entries(store)).toBe(entries(survivorOnly))
    expect((await store.ordersOfPayer('asha@okaxis')).map((o) => o.id)).toEqual(['ordeh_1'])
    await store.resetMerchant('demo_merchant')
    expect(entries(store)).toBe(0)
  })
})

/**
 * Counts the reads of one of the store's maps (a lookup, or a step of a walk over it) from inside:
 * the store's work, counted rather than timed.
 */
function countReads(store: MemoryStore, field: 'byId' | 'jobs'): () => number {
  const map = (store as unknown as Record<typeof field, Map<string, unknown>>)[field]
  let reads = 0
  const [get, has, values] = [map.get.bind(map), map.has.bind(map), map.values.bind(map)]
  map.get = (key) => (reads++, get(key))
  map.has = (key) => (reads++, has(key))
  ;(map as { values: () => Iterable<unknown> }).values = function* () {
    for (const value of values()) yield (reads++, value)
  }
  return () => reads
}

describe('MemoryStore over its cap', () => {
  /** How many times an insert over the cap reads the store's orders while it forgets one. */
  async function looksForAnInsert(live: number): Promise<number> {
    const store = new MemoryStore({ retention: { retentionMs: 7 * 24 * 3600 * 1000, maxOrders: 30 } })
    for (let n = 0; n < 40; n++) {
      const inserted = plainOrder(n)
      await store.insertOrder(inserted)
      if (n < live) await store.updateOrder({ ...inserted, status: 'CHARGED', mandateStatus: 'ACTIVE' })
    }
    const reads = countReads(store, 'byId')
    await store.insertOrder(plainOrder('next'))
    expect(await store.size()).toBe(30)
    return reads()
  }

  it('looks at as few orders for an insert however many must stay', async () => {
    expect(await looksForAnInsert(25)).toBe(await looksForAnInsert(0))
  })

  /** A store on a clock moved a sandbox minute an insert, so each insert sweeps; and an insert of an order that finished eight days before, past the week of retention, so forgotten at once. */
  function sweptEachInsert(maxOrders: number) {
    const clock = new MovableClock({ now: () => TEST_NOW })
    const store = new MemoryStore({ now: () => clock.now(), retention: { retentionMs: 7 * 24 * 3600 * 1000, maxOrders } })
    const insert = async (inserted: ReturnType<typeof plainOrder>) => {
      await store.insertOrder(inserted)
      clock.advance(60 * 1000)
    }
    const finished = (n: number) => insert(plainOrder(`gone-${n}`, new Date(clock.now().getTime() - 9 * 24 * 3600 * 1000)))
    return { store, clock, insert, finished }
  }

  it('keeps its queue of orders to look at within a few times its size, over the cap or swept under it', async () => {
    const capped = new MemoryStore({ retention: { retentionMs: 7 * 24 * 3600 * 1000, maxOrders: 30 } })
    const swept = sweptEachInsert(100_000)
    const queued = (store: MemoryStore): number => (store as unknown as { trimIds: string[] }).trimIds.length
    for (let n = 0; n < 6000; n++) {
      await capped.insertOrder(plainOrder(n))
      await swept.finished(n)
    }
    expect(await capped.size()).toBe(30)
    expect(await swept.store.size()).toBe(0)
    for (const store of [capped, swept.store]) expect(queued(store)).toBeLessThanOrEqual(2 * 1024)
  })

  it('keeps the orders still to look at when it drops forgotten ones from its queue', async () => {
    const { store, clock, insert, finished } = sweptEachInsert(250)
    const open = Array.from({ length: 260 }, (_, n) => plainOrder(n, clock.now()))
    for (const inserted of open.slice(0, 200)) await insert(inserted)
    for (let n = 0; n < 3000; n++) await finished(n)
    for (const inserted of open.slice(200)) await insert(inserted)
    expect(await store.size()).toBe(250)
    expect(await store.orderById(open[9]?.id ?? '')).toBeUndefined()
    expect(await store.orderById(open[10]?.id ?? '')).toBeDefined()
  })

  it('passes by the forgotten orders in its queue, holding none of them', async () => {
    const { store, clock, insert, finished } = sweptEachInsert(5)
    for (let n = 0; n < 3; n++) await finished(n)
    const open = Array.from({ length: 10 }, (_, n) => plainOrder(n, clock.now()))
    for (const inserted of open) await insert(inserted)
    const kept = await Promise.all(open.map((o) => store.orderById(o.id)))
    expect(kept.map((o) => o !== undefined)).toEqual([false, false, false, false, false, true, true, true, true, true])
    expect((store as unknown as { held: Set<string> }).held.size).toBe(0)
  })

  it('forgets an order a subscription no longer debits through, oldest first', async () => {
    const store = new MemoryStore({ retention: { retentionMs: 7 * 24 * 3600 * 1000, maxOrders: 3 } })
    const [started, debitedThrough, second, third] = [plainOrder(0), plainOrder(1), plainOrder(2), plainOrder(3)]
    for (const inserted of [started, debitedThrough]) await store.insertOrder(inserted)
    const subscription = subscriptionFixture({ pageId: started.id, mandatePageId: debitedThrough.id })
    await store.insertSubscription(subscription)
    for (const inserted of [second, third]) await store.insertOrder(inserted)
    expect(await store.orderById(second.id)).toBeUndefined()
    await store.updateSubscription({ ...subscription, mandatePageId: third.id })
    await store.insertOrder(plainOrder(4))
    expect(await store.orderById(debitedThrough.id)).toBeUndefined()
    expect(await store.orderById(started.id)).toBeDefined()
    expect(await store.orderById(third.id)).toBeDefined()
  })
})

describe('MemoryStore jobs', () => {
  const NOW = Date.now()
  const job = (id: string, dueAt: number) => ({ id, merchantId: 'm1', dueAt, kind: 'mandate_expiry' as const, payload: '{}' })

  /** How many times a claim reads the store's jobs, with `later` more jobs due a year on. */
  async function readsForAClaim(later: number): Promise<number> {
    const store = new MemoryStore()
    for (let n = 0; n < later; n++) await store.schedule(job(`later-${n}`, NOW + 365 * 24 * 3600 * 1000))
    await store.schedule(job('due', NOW - 1000))
    const reads = countReads(store, 'jobs')
    expect((await store.claimDue(NOW, 60_000, 10)).map((claimed) => claimed.id)).toEqual(['due'])
    return reads()
  }

  it('claims the jobs falling due without looking at those due later', async () => {
    expect(await readsForAClaim(5000)).toBe(await readsForAClaim(0))
  })

  it('keeps its queues within a few times the jobs it holds, however often a job is scheduled anew, claimed or run out', async () => {
    const store = new MemoryStore()
    const YEAR = 365 * 24 * 3600 * 1000
    for (let n = 0; n < 6000; n++) {
      // A job due far ahead moved again and again (a mandate's expiry), and one due now claimed under a lease of 1 ms.
      await store.schedule(job('later', NOW + YEAR + n))
      await store.schedule(job('soon', NOW - 1000))
      if (n % 3 === 0) await store.claimDue(NOW, 1, 5)
    }
    const { dueQueue, leaseQueue } = store as unknown as Record<'dueQueue' | 'leaseQueue', { length: number }>
    expect(dueQueue.length + leaseQueue.length).toBeLessThanOrEqual(2 * 2 + 1024)
    await sleep(5)
    expect((await store.claimDue(NOW + 2 * YEAR, 60_000, 10)).map((claimed) => claimed.id)).toEqual(['soon', 'later'])
  })
})
