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

/** An attempt the customer has not finished: it keeps the session open past its expiry. */
const pendingAttempt = { status: 'pending', createdAt: at(HOUR).toISOString(), endedAt: null } as unknown as Order['attempts'][number]

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
    ['a session whose attempt is still pending, past expiry and retention', () => order({ attempts: [pendingAttempt] }), 400 * DAY, false, false],
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
    const attempt = (createdAt: number, endedAt: number | null) => ({ createdAt: at(createdAt).toISOString(), endedAt: endedAt === null ? null : at(endedAt).toISOString() })
    const attempted = (...attempts: ReturnType<typeof attempt>[]) => ({ ...base, attempts: attempts as unknown as Order['attempts'] })
    expect(lastChangedAt(attempted(attempt(2 * DAY, 4 * DAY), attempt(3 * DAY, null)))).toBe(at(4 * DAY).getTime())
    expect(lastChangedAt(attempted(attempt(2 * DAY, null)))).toBe(at(2 * DAY).getTime())
    expect(lastChangedAt(attempted(attempt(HOUR, 2 * HOUR)))).toBe(Date.parse(base.expiresAt))
  })
})

describe('retentionFromEnv', () => {
  it.each([
    [{}, DEFAULT_RETENTION],
    [{ SANDBOX_RETENTION_DAYS: '1', SANDBOX_MAX_ORDERS: '500' }, { retentionMs: DAY, maxOrders: 500 }],
    [{ SANDBOX_RETENTION_DAYS: '0.5' }, { retentionMs: DAY / 2, maxOrders: DEFAULT_RETENTION.maxOrders }],
    [{ SANDBOX_RETENTION_DAYS: '-3', SANDBOX_MAX_ORDERS: '1.5' }, DEFAULT_RETENTION],
    [{ SANDBOX_RETENTION_DAYS: '0', SANDBOX_MAX_ORDERS: '0' }, DEFAULT_RETENTION],
    [{ SANDBOX_RETENTION_DAYS: 'seven', SANDBOX_MAX_ORDERS: '' }, DEFAULT_RETENTION],
  ])('%j', (env, expected) => {
    expect(retentionFromEnv(env)).toEqual(expected)
  })
})
