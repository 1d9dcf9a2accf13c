import { describe, expect, it } from 'vitest'
import { MovableClock } from './clock'
import { MemoryStore } from '../store/memory-store'
import { seedOrder, TEST_NOW } from '../testing/fixtures'
import type { Order } from './order'
import { DEFAULT_RETENTION, lastChangedAt, mayForget, retentionFromEnv } from './retention'

/**
 * docs/architecture.md#state-is-bounded. A seeded order is created at TEST_NOW and open for a
 * day; retention is seven days from when it last changed.
 */
const HOUR = 3600 * 1000
const DAY = 24 * HOUR
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms)

async function order(overrides: Partial<Order> = {}): Promise<Order> {
  const store = new MemoryStore()
  return { ...(await seedOrder({ store, clock: new MovableClock({ now: () => TEST_NOW }) })), ...overrides }
}

describe('mayForget', () => {
  const policy = DEFAULT_RETENTION
  const rows: [name: string, order: () => Promise<Order>, now: number, needed: boolean, expected: boolean][] = [
    ['an open session', () => order(), 2 * HOUR, false, false],
    ['an expired session within the retention period', () => order(), 1 * DAY + 7 * DAY - 1, false, false],
    ['an expired session at the end of it (a day open, then seven)', () => order(), 8 * DAY, false, true],
    ['a one-off payment charged, past retention', () => order({ status: 'CHARGED', mandateStatus: null }), 8 * DAY, false, true],
    ['a charged registration whose mandate is ACTIVE', () => order({ status: 'CHARGED', mandateStatus: 'ACTIVE' }), 400 * DAY, false, false],
    ['a registration whose mandate is PAUSED', () => order({ status: 'CHARGED', mandateStatus: 'PAUSED' }), 400 * DAY, false, false],
    ['a registration whose mandate was REVOKED, past retention', () => order({ status: 'CHARGED', mandateStatus: 'REVOKED' }), 8 * DAY, false, true],
    ['an order a subscription needs', () => order({ status: 'CHARGED', mandateStatus: 'REVOKED' }), 400 * DAY, true, false],
    ['a session cancelled on the page, past retention from the cancel', () => order({ cancelledAt: at(2 * DAY).toISOString() }), 9 * DAY - 1, false, false],
    ['the same, a moment later', () => order({ cancelledAt: at(2 * DAY).toISOString() }), 9 * DAY, false, true],
  ]

  it.each(rows)('%s', async (_name, make, now, needed, expected) => {
    expect(mayForget(await make(), at(now), policy, needed)).toBe(expected)
  })
})

describe('lastChangedAt', () => {
  it('is the latest of creation, expiry, cancellation and the attempts\' starts and ends', async () => {
    const base = await order()
    expect(lastChangedAt(base)).toBe(Date.parse(base.expiresAt))
    const cancelled = { ...base, cancelledAt: at(3 * DAY).toISOString() }
    expect(lastChangedAt(cancelled)).toBe(at(3 * DAY).getTime())
  })
})

describe('retentionFromEnv', () => {
  it.each([
    [{}, DEFAULT_RETENTION],
    [{ SANDBOX_RETENTION_DAYS: '1', SANDBOX_MAX_ORDERS: '500' }, { retentionMs: DAY, maxOrders: 500 }],
    [{ SANDBOX_RETENTION_DAYS: '0.5' }, { retentionMs: DAY / 2, maxOrders: DEFAULT_RETENTION.maxOrders }],
    [{ SANDBOX_RETENTION_DAYS: '-3', SANDBOX_MAX_ORDERS: '1.5' }, DEFAULT_RETENTION],
    [{ SANDBOX_RETENTION_DAYS: 'seven', SANDBOX_MAX_ORDERS: '' }, DEFAULT_RETENTION],
  ])('%j', (env, expected) => {
    expect(retentionFromEnv(env)).toEqual(expected)
  })
})

describe('MemoryStore bounded by the retention policy', () => {
  /** A store on a clock the test moves, keeping `maxOrders` orders at most. */
  function bounded(maxOrders = 100) {
    const clock = new MovableClock({ now: () => TEST_NOW })
    const store = new MemoryStore({ now: () => clock.now(), retention: { retentionMs: 7 * DAY, maxOrders } })
    return { store, clock, seed: (overrides = {}) => seedOrder({ store, clock }, overrides) }
  }

  it('forgets a finished order, its tokens and webhook records once the period has passed, and keeps the rest', async () => {
    const { store, clock, seed } = bounded()
    const finished = await seed()
    await store.indexToken('tok-finished', finished.id)
    await store.saveWebhook(finished.merchantId, finished.orderId, { id: 'evt_1', event_name: 'ORDER_FAILED', url: null, status: 'not_sent', attempts: [], created_at: TEST_NOW.toISOString(), delivered_at: null, body: {} })
    const active = await seed()
    await store.updateOrder({ ...active, status: 'CHARGED', mandateStatus: 'ACTIVE' })
    clock.advance(8 * DAY - 1)
    const open = await seed()
    expect(await store.sweep()).toBe(0)
    clock.advance(1)
    expect(await store.sweep()).toBe(1)
    expect(await store.orderById(finished.id)).toBeUndefined()
    expect(await store.orderByMerchantOrderId(finished.merchantId, finished.orderId)).toBeUndefined()
    expect(await store.orderByToken('tok-finished')).toBeUndefined()
    expect(await store.webhooksFor(finished.merchantId, finished.orderId)).toEqual([])
    expect((await store.orderById(active.id))?.mandateStatus).toBe('ACTIVE')
    expect(await store.orderById(open.id)).toBeDefined()
    // The merchant order id is free again once forgotten.
    expect((await seed({ orderId: finished.orderId })).orderId).toBe(finished.orderId)
  })

  it('sweeps as orders are inserted, once a sandbox minute', async () => {
    const { store, clock, seed } = bounded()
    const finished = await seed()
    clock.advance(8 * DAY)
    await seed()
    expect(await store.orderById(finished.id)).toBeUndefined()
  })

  it('holds no more than the cap: the oldest orders go first, never a live mandate', async () => {
    const { store, seed } = bounded(3)
    const mandate = await seed()
    await store.updateOrder({ ...mandate, status: 'CHARGED', mandateStatus: 'ACTIVE' })
    const oldest = await seed()
    const older = await seed()
    const newest = await seed()
    expect(await store.size()).toBe(3)
    expect(await store.orderById(oldest.id)).toBeUndefined()
    expect(await store.orderByMerchantOrderId(oldest.merchantId, oldest.orderId)).toBeUndefined()
    await seed()
    expect(await store.size()).toBe(3)
    expect(await store.orderById(older.id)).toBeUndefined()
    expect(await store.orderById(newest.id)).toBeDefined()
    expect(await store.orderById(mandate.id)).toBeDefined()
  })
})
