import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { MovableClock } from '../domain/clock'
import { monthlyPlan, subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import { startRedis, type RedisServer } from '../testing/redis-server'
import { order, plainOrder, storeContract } from '../testing/store-contract'
import { RedisBroadcast } from './redis-broadcast'
import { RedisStore, type RedisStoreOptions } from './redis-store'

const DAY = 24 * 3600 * 1000
let server: RedisServer
beforeAll(async () => {
  server = await startRedis()
}, 30_000)
afterAll(() => server.stop())

/** Each store under test gets a prefix of its own, as each team sharing a server would. */
const optionsOf = new WeakMap<object, RedisStoreOptions>()
async function connect(options: RedisStoreOptions = {}): Promise<RedisStore> {
  const full = { prefix: `t${randomUUID().slice(0, 8)}:`, ...options }
  const store = await RedisStore.connect(server.url, full)
  optionsOf.set(store, full)
  return store
}

storeContract('RedisStore', {
  open: (options) => connect(options),
  peers: (store, count) => Promise.all(Array.from({ length: count }, () => RedisStore.connect(server.url, optionsOf.get(store)))),
})

/** A plain connection for looking at the keys themselves. */
function inspector(): Redis {
  const redis = new Redis(server.url)
  onTestFinished(async () => {
    await redis.quit()
  })
  return redis
}

async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    keys.push(...batch)
    cursor = next
  } while (cursor !== '0')
  return keys.sort()
}

describe('RedisStore keys', () => {
  it('keeps each prefix apart, so teams and tests can share one server', async () => {
    const a = await connect({ prefix: 'team-a:' })
    const b = await connect({ prefix: 'team-b:' })
    onTestFinished(async () => {
      await a.resetMerchant('demo_merchant')
      await Promise.all([a.close(), b.close()])
    })
    await a.insertOrder(order())
    expect(await b.orderById('ordeh_1')).toBeUndefined()
    expect(await b.insertOrder(order())).toEqual({ inserted: true })
    await b.resetMerchant('demo_merchant')
    expect(await a.orderById('ordeh_1')).toEqual(order())
  })

  it("leaves no key of a merchant behind after its reset, and every other merchant's", async () => {
    const store = await connect()
    onTestFinished(() => store.close())
    const prefix = optionsOf.get(store)?.prefix ?? ''
    const redis = inspector()
    const before = await keysUnder(redis, prefix)
    await store.insertOrder({ ...order(), id: 'ordeh_m2', merchantId: 'm2', source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null } })
    const m2Keys = await keysUnder(redis, prefix)
    await store.insertOrder(order())
    await store.indexToken('tok-1', 'ordeh_1')
    await store.saveWebhook('demo_merchant', 'o-1', { id: 'evt_1', event_name: 'ORDER_SUCCEEDED', url: null, status: 'pending', attempts: [], created_at: TEST_NOW.toISOString(), delivered_at: null, body: {} })
    await store.insertPlan('demo_merchant', monthlyPlan({ plan_id: 'p1' }))
    await store.insertSubscription(subscriptionFixture({ merchantId: 'demo_merchant', pageId: 'ordeh_1', mandatePageId: 'ordeh_1' }))
    await store.schedule({ id: 'job-1', merchantId: 'demo_merchant', dueAt: TEST_NOW.getTime(), kind: 'attempt_due', payload: '{}' })
    expect((await keysUnder(redis, prefix)).length).toBeGreaterThan(m2Keys.length)
    await store.resetMerchant('demo_merchant')
    expect(await keysUnder(redis, prefix)).toEqual(m2Keys)
    await store.resetMerchant('m2')
    expect((await keysUnder(redis, prefix)).filter((key) => !before.includes(key))).toEqual([`${prefix}seq`])
  })

  it("lets a finished order's keys expire a day after the sweep would forget it, and never a live mandate's or a subscription's order", async () => {
    const clock = new MovableClock({ now: () => TEST_NOW })
    const store = await connect({ now: () => clock.now(), retention: { retentionMs: 7 * DAY, maxOrders: 100 } })
    onTestFinished(() => store.close())
    const prefix = optionsOf.get(store)?.prefix ?? ''
    const redis = inspector()
    await store.insertOrder(order())
    await store.indexToken('tok-1', 'ordeh_1')
    // Open for a day, then kept seven, then a day's grace: nine days from now.
    for (const key of ['order:ordeh_1', 'cs:cs_1', 'secret:cs_1_secret_x', 'tok:tok-1', 'order:ordeh_1:tokens']) {
      const ttl = await redis.pttl(`${prefix}${key}`)
      expect(ttl, key).toBeGreaterThan(9 * DAY - 60_000)
      expect(ttl, key).toBeLessThanOrEqual(9 * DAY)
    }
    await store.updateOrder({ ...order(), status: 'CHARGED', mandateStatus: 'ACTIVE' })
    expect(await redis.pttl(`${prefix}order:ordeh_1`)).toBe(-1)
    expect(await redis.pttl(`${prefix}tok:tok-1`)).toBe(-1)
    await store.insertOrder({ ...order(), id: 'ordeh_2', orderId: 'o-2', source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null } })
    expect(await redis.pttl(`${prefix}order:ordeh_2`)).toBeGreaterThan(0)
    await store.insertSubscription(subscriptionFixture({ pageId: 'ordeh_2', mandatePageId: 'ordeh_1' }))
    expect(await redis.pttl(`${prefix}order:ordeh_2`)).toBe(-1)
  })
})

describe('RedisStore over its cap', () => {
  /** Commands the server ran while `work` ran, a script's own calls included: the store's work, counted rather than timed. */
  async function commandsDuring(redis: Redis, work: () => Promise<unknown>): Promise<number> {
    await redis.config('RESETSTAT')
    await work()
    const stats = await redis.info('commandstats')
    return [...stats.matchAll(/calls=(\d+)/g)].reduce((n, [, calls]) => n + Number(calls), 0)
  }

  /** A store of 40 orders, the first `live` of them live mandates, over a cap of 30. */
  async function overTheCap(live: number): Promise<RedisStore> {
    const store = await connect({ retention: { retentionMs: 7 * DAY, maxOrders: 30 } })
    onTestFinished(() => store.close())
    for (let n = 0; n < 40; n++) {
      const inserted = plainOrder(n)
      await store.insertOrder(inserted)
      if (n < live) await store.updateOrder({ ...inserted, status: 'CHARGED', mandateStatus: 'ACTIVE' })
    }
    return store
  }

  it('runs as few commands for an insert however many orders must stay', async () => {
    const redis = inspector()
    const costs = []
    for (const live of [25, 0]) {
      const store = await overTheCap(live)
      costs.push(await commandsDuring(redis, () => store.insertOrder(plainOrder('next'))))
      expect(await store.size()).toBe(30)
    }
    expect(costs[0]).toBe(costs[1])
  })

  it('sweeps without looking at the orders that must stay', async () => {
    const redis = inspector()
    const costs = []
    // The first round also teaches the server the scripts a sweep runs; the two after it compare.
    for (const live of [0, 25, 0]) {
      const clock = new MovableClock({ now: () => TEST_NOW })
      const store = await connect({ now: () => clock.now(), retention: { retentionMs: 7 * DAY, maxOrders: 100 } })
      onTestFinished(() => store.close())
      for (let n = 0; n < 10 + live; n++) {
        const inserted = plainOrder(n, clock.now())
        await store.insertOrder(inserted)
        if (n >= 10) await store.updateOrder({ ...inserted, status: 'CHARGED', mandateStatus: 'ACTIVE' })
      }
      clock.advance(8 * DAY)
      costs.push(await commandsDuring(redis, async () => expect(await store.sweep()).toBe(10)))
      expect(await store.size()).toBe(live)
    }
    expect(costs[1]).toBe(costs[2])
  })

  it('keeps an order written before orders recorded whether their mandate is live, whatever it holds', async () => {
    const redis = inspector()
    const prefix = `t${randomUUID().slice(0, 8)}:`
    const store = await connect({ prefix, retention: { retentionMs: 7 * DAY, maxOrders: 2 } })
    onTestFinished(() => store.close())
    const earlier = plainOrder('earlier')
    await store.insertOrder(earlier)
    await redis.hdel(`${prefix}order:${earlier.id}`, 'live')
    for (const n of [1, 2, 3]) await store.insertOrder(plainOrder(n))
    expect(await store.orderById(earlier.id)).toEqual(earlier)
    expect(await store.orderById(plainOrder(1).id)).toBeUndefined()
    // Written again, it says what it holds, and goes as any order would.
    await store.updateOrder(earlier)
    await store.insertOrder(plainOrder(4))
    expect(await store.orderById(earlier.id)).toBeUndefined()
    expect(await store.size()).toBe(2)
  })
})

describe('RedisBroadcast', () => {
  it('carries a message to every other instance on the same prefix, never back to its sender nor to another prefix', async () => {
    const [a, b, elsewhere] = await Promise.all([
      RedisBroadcast.connect(server.url, 'bc:'),
      RedisBroadcast.connect(server.url, 'bc:'),
      RedisBroadcast.connect(server.url, 'other:'),
    ])
    onTestFinished(async () => {
      await Promise.all([a.close(), b.close(), elsewhere.close()])
    })
    const heard = { a: [] as string[], b: [] as string[], elsewhere: [] as string[] }
    a.subscribe((message) => heard.a.push(message))
    const stopB = b.subscribe((message) => heard.b.push(message))
    elsewhere.subscribe((message) => heard.elsewhere.push(message))
    await a.publish('ordeh_1 CHARGED')
    await expect.poll(() => heard.b).toEqual(['ordeh_1 CHARGED'])
    stopB()
    await b.publish('ordeh_2 FAILED')
    await expect.poll(() => heard.a).toEqual(['ordeh_2 FAILED'])
    await sleep(50)
    expect(heard).toEqual({ a: ['ordeh_2 FAILED'], b: ['ordeh_1 CHARGED'], elsewhere: [] })
  })

  it('ignores anything else published on its channel', async () => {
    const [a, b] = await Promise.all([RedisBroadcast.connect(server.url, 'bc2:'), RedisBroadcast.connect(server.url, 'bc2:')])
    onTestFinished(async () => {
      await Promise.all([a.close(), b.close()])
    })
    const heard: string[] = []
    a.subscribe((message) => heard.push(message))
    const redis = inspector()
    for (const raw of ['not json', 'null', '{"from":1,"message":"x"}', '{"from":"someone"}']) await redis.publish('bc2:broadcast', raw)
    await b.publish('after')
    await expect.poll(() => heard).toEqual(['after'])
  })
})
