import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createApp, sandboxCore } from '../app'
import type { SandboxDeps } from '../deps'
import { silentLogger } from '../log'
import { MemoryStore } from '../store/memory-store'
import { RedisStore } from '../store/redis-store'
import type { Store } from '../store/store'
import { paidPlanCheckout } from '../testing/billing-sandbox'
import { fixedClock, merchants, PUBLIC_ORIGIN, type TestSandbox } from '../testing/checkout-dialect'
import { startRedis, type RedisServer } from '../testing/redis-server'
import { MovableClock } from '../domain/clock'
import { debitOrderId } from '../domain/renewals'

/**
 * Two instances over one store race to run a subscription's debit (docs/architecture.md#shared-sandbox):
 * the store's claim gives each step to one of them, and a cycle's order has one merchant order id,
 * so the debit is made once, on both stores.
 */

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
}, 30_000)
afterAll(() => redis.stop())

/** 5 April 2026, 07:00 IST: an hour after fit_monthly_trial's first debit for a checkout paid on 10 March. */
const AFTER_FIRST_DEBIT = Date.parse('2026-04-05T07:00:00+05:30')

async function race(store: Store) {
  const clock = new MovableClock(fixedClock)
  const deps: SandboxDeps = { store, clock, merchants, log: silentLogger, publicOrigin: PUBLIC_ORIGIN, qaEnabled: true }
  const [one, two] = [sandboxCore(deps), sandboxCore(deps)]
  onTestFinished(async () => {
    await Promise.all([one.stop(), two.stop()])
  })
  const app = createApp(deps, { templates: null, staticDir: null, core: one })
  // paidPlanCheckout drives the app alone.
  const { id } = await paidPlanCheckout({ app } as TestSandbox, 'fit_monthly_trial')
  await Promise.all([one.advanceClock('demo_merchant', AFTER_FIRST_DEBIT), two.advanceClock('demo_merchant', AFTER_FIRST_DEBIT)])
  const first = await store.orderByMerchantOrderId('demo_merchant', debitOrderId(id, 1))
  const webhooks = (await store.webhooksFor('demo_merchant', debitOrderId(id, 1))).map((w) => w.event_name)
  const timeline = (await store.subscription('demo_merchant', id))?.renewal?.timeline ?? []
  const next = (await store.webhooksFor('demo_merchant', debitOrderId(id, 2))).map((w) => w.event_name)
  return { first, webhooks, timeline, next }
}

describe.each<[string, () => Promise<Store>]>([
  ['MemoryStore', () => Promise.resolve(new MemoryStore())],
  ['RedisStore', () => RedisStore.connect(redis.url, { prefix: `race${randomUUID().slice(0, 8)}:` })],
])('a debit two instances race for, on %s', (_, open) => {
  it('is made exactly once, and the next cycle scheduled once', async () => {
    const store = await open()
    onTestFinished(() => store.close())
    const { first, webhooks, timeline, next } = await race(store)
    expect(first?.status).toBe('CHARGED')
    expect(first?.attempts).toHaveLength(1)
    expect(webhooks.filter((name) => name === 'ORDER_SUCCEEDED')).toHaveLength(1)
    expect(webhooks.filter((name) => name === 'BILLING_TXN_SCHEDULED')).toHaveLength(1)
    expect(timeline.filter((line) => line.event === 'debit_attempted' && line.cycle === 1)).toHaveLength(1)
    expect(next).toEqual(['BILLING_TXN_SCHEDULED'])
  })
})
