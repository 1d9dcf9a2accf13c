import { describe, expect, it } from 'vitest'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { orderDraft, TEST_NOW } from '../testing/fixtures'
import { AttemptService } from './attempt-service'
import { MovableClock } from './clock'
import { sessionState, type Order, type OrderSource } from './order'
import { OrderEventBus, type OrderChange } from './order-events'
import { OrderWriter } from './order-writer'
import { createOrder } from './orders'
import { cancelSession } from './session-cancel'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const merchant = merchants.byId('demo_merchant')
if (!merchant) throw new Error('demo merchant missing')

const checkout = (cancelUrl: string | null): OrderSource => ({
  dialect: 'checkout',
  sessionId: 'cs_1',
  clientSecret: 'cs_1_secret_1',
  mode: 'subscription',
  cancelUrl,
  raw: {},
})

/** An open session of the demo merchant from `source`, over a MemoryStore, with what the page hears recorded. */
async function setup(source: OrderSource = checkout('https://shop.merchant.com/cancel')) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => TEST_NOW })
  const bus = new OrderEventBus()
  const changes: OrderChange[] = []
  bus.subscribe((change) => changes.push(change))
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const created = await createOrder({ store, clock }, orderDraft(TEST_NOW, { orderId: 'o-1', source }))
  if (created.kind !== 'created') throw new Error(created.kind)
  const stored = async (): Promise<Order> => (await store.orderById(created.order.id)) ?? created.order
  return { store, clock, writer, changes, order: created.order, stored, deps: { store, clock } }
}

describe('cancelSession (the page\'s Cancel)', () => {
  it('ends an open session at the moment on the merchant\'s clock, and the page hears it with nothing for merchants', async () => {
    const { store, clock, writer, changes, order, stored, deps } = await setup()
    await store.advanceClock('demo_merchant', 3600_000)
    clock.advance(60_000)
    const result = await cancelSession(deps, writer, order)
    const now = new Date(TEST_NOW.getTime() + 3600_000 + 60_000)
    expect(result).toEqual({ ok: true, changed: true, order: await stored() })
    expect((await stored()).cancelledAt).toBe(now.toISOString())
    expect(sessionState(await stored(), now)).toBe('cancelled')
    expect(changes.map((c) => c.events)).toEqual([[]])
  })

  it('changes nothing when the session was cancelled already', async () => {
    const { clock, writer, changes, stored, deps } = await setup()
    await cancelSession(deps, writer, await stored())
    const first = await stored()
    clock.advance(60_000)
    const again = await cancelSession(deps, writer, first)
    expect(again).toEqual({ ok: true, changed: false, order: first })
    expect(await stored()).toEqual(first)
    expect(changes).toHaveLength(1)
  })

  it.each<[string, OrderSource]>([
    ['a Juspay session', { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null }],
    ['a checkout session without a cancel_url', checkout(null)],
  ])('refuses %s: there is nowhere to send the customer', async (_name, source) => {
    const { writer, changes, order, stored, deps } = await setup(source)
    const result = await cancelSession(deps, writer, order)
    expect(result).toEqual({ ok: false, error: 'cancel_unavailable', order })
    expect((await stored()).cancelledAt).toBeNull()
    expect(changes).toEqual([])
  })

  it('refuses while an attempt waits for approval', async () => {
    const { store, clock, writer, order, stored, deps } = await setup()
    const service = new AttemptService({ store, clock, merchants, publicOrigin: 'http://127.0.0.1:4000' }, writer)
    await service.start(order, merchant, { rail: 'upi', channel: 'intent', setUpMandate: true }, 'k')
    const pending = await stored()
    const result = await cancelSession(deps, writer, pending)
    expect(result).toEqual({ ok: false, error: 'attempt_in_progress', order: pending })
    expect((await stored()).cancelledAt).toBeNull()
  })

  it.each<[string, (s: Awaited<ReturnType<typeof setup>>) => Promise<Order>]>([
    ['an expired session', async ({ clock, stored }) => {
      clock.advance(24 * 3600_000)
      return stored()
    }],
    ['a paid session', async ({ store, stored }) => {
      const paid = { ...(await stored()), status: 'CHARGED' as const }
      await store.updateOrder(paid)
      return stored()
    }],
  ])('refuses %s: it is no longer open', async (_name, arrange) => {
    const s = await setup()
    const order = await arrange(s)
    const result = await cancelSession(s.deps, s.writer, order)
    expect(result).toEqual({ ok: false, error: 'session_not_open', order })
    expect((await s.stored()).cancelledAt).toBeNull()
  })
})
