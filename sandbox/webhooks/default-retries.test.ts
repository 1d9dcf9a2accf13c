import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { sandboxCore } from '../app'
import type { SandboxDeps } from '../deps'
import { MovableClock } from '../domain/clock'
import { createOrder } from '../domain/orders'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, merchantDirectory } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { orderDraft, TEST_NOW } from '../testing/fixtures'
import { testReceiver } from '../testing/webhook-receiver'

/** What the README promises a merchant whose endpoint keeps failing: retries 1, 2, 4, 8 and 16 s after the attempt before. */
const PROMISED_RETRIES_MS = [1000, 2000, 4000, 8000, 16000]

describe('the webhook retry schedule the server runs with', () => {
  it('retries a failing delivery 1, 2, 4, 8 and 16 s (sandbox time) after each attempt, then records it failed', async () => {
    const hook = await testReceiver()
    hook.failNext(100, 503)
    const store = new MemoryStore()
    const clock = new MovableClock({ now: () => TEST_NOW })
    const merchants = merchantDirectory(
      loadMerchants(DEFAULT_MERCHANTS_FILE)
        .all()
        .map((m) => (m.id === 'demo_merchant' ? { ...m, webhook: { ...m.webhook, url: hook.url } } : m)),
    )
    const merchant = merchants.byId('demo_merchant')
    if (!merchant) throw new Error('demo merchant missing')
    const deps: SandboxDeps = { store, clock, merchants, log: silentLogger, publicOrigin: 'http://127.0.0.1:4000', qaEnabled: true }
    const finishJob = vi.spyOn(store, 'finishJob')
    // As sandbox/server.ts wires it: no dispatcher options, so the dispatcher's own defaults.
    const core = sandboxCore(deps)
    onTestFinished(() => core.stop())

    const created = await createOrder(deps, orderDraft(clock.now(), { orderId: 'o-retries', metadata: {} }))
    if (created.kind !== 'created') throw new Error('order not created')
    const started = await core.attempts.start(created.order, merchant, { rail: 'upi', channel: 'intent', setUpMandate: true }, 'k-1')
    if (!started.ok) throw new Error(started.error)

    const firstDelivery = async () => {
      const [delivery] = await core.webhooks.deliveriesFor('demo_merchant', 'o-retries')
      if (delivery?.event_name !== 'TXN_CREATED') throw new Error('no TXN_CREATED delivery yet')
      return delivery
    }
    const attemptsMade = async (count: number) => {
      await vi.waitFor(async () => expect((await firstDelivery()).attempts).toHaveLength(count))
      return firstDelivery()
    }
    /** The due times the dispatcher gave the delivery's job each time it put it back for a retry. */
    const retriesDue = (deliveryId: string) =>
      finishJob.mock.calls.filter(([id, next]) => id === `webhook:${deliveryId}` && next !== undefined).map(([, next]) => next?.dueAt)

    let delivery = await attemptsMade(1)
    for (const [index, delay] of PROMISED_RETRIES_MS.entries()) {
      expect(delivery.status, `after attempt ${index + 1}`).toBe('pending')
      const lastAt = Date.parse(delivery.attempts.at(-1)?.at ?? '')
      await vi.waitFor(() => expect(retriesDue(delivery.id)).toHaveLength(index + 1))
      expect(retriesDue(delivery.id).at(-1), `retry ${index + 1}`).toBe(lastAt + delay)
      // Sandbox time reaches the retry: nothing waits for the wall clock.
      clock.advance(delay)
      core.jobs.wakeAt(clock.now().getTime())
      delivery = await attemptsMade(index + 2)
    }
    await vi.waitFor(async () => expect((await firstDelivery()).status).toBe('failed'))
    const ended = await firstDelivery()
    expect(ended.attempts.map((a) => a.http_status)).toEqual([503, 503, 503, 503, 503, 503])
    expect(retriesDue(ended.id)).toHaveLength(PROMISED_RETRIES_MS.length)
    expect(hook.requests.filter((r) => r.headers['x-webhook-id'] === ended.id)).toHaveLength(6)
  })
})
