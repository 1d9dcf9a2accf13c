import { describe, expect, it } from 'vitest'
import type { StartAttempt } from '../../contract/attempt'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MAGIC_VPAS, SUCCESS_DELAY_MS, EXPIRED_WINDOW_MS } from '../../contract/scenarios'
import { MemoryStore } from '../store/memory-store'
import { AttemptService } from './attempt-service'
import { MovableClock } from './clock'
import { orderBilling, orderDraft } from '../testing/fixtures'
import { OrderEventBus, type OrderEventName } from './order-events'
import { OrderWriter } from './order-writer'
import { createOrder, type OrderDraft } from './orders'
import type { Order } from './order'
import { RAIL_RULES } from './rails'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const merchant = merchants.byId('demo_merchant')
if (!merchant) throw new Error('demo merchant missing')

async function setup(draft: Partial<OrderDraft> = {}) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => new Date('2026-11-25T10:00:00.000Z') })
  const bus = new OrderEventBus()
  const events: OrderEventName[] = []
  bus.subscribe((change) => events.push(...change.events))
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const service = new AttemptService({ store, clock, merchants, publicOrigin: 'http://127.0.0.1:4000' }, writer)
  writer.follow(service.dueJobs)
  const created = await createOrder(
    { store, clock },
    orderDraft(clock.now(), { orderId: 'o-1', fingerprint: 'f', description: 'Plan', returnUrl: 'https://shop.merchant.com', ...draft }),
  )
  if (created.kind !== 'created') throw new Error('order not created')
  return { store, clock, service, events, order: created.order }
}

const collect = (vpa: string): StartAttempt => ({ rail: 'upi', channel: 'collect', vpa, setUpMandate: true })
const intent: StartAttempt = { rail: 'upi', channel: 'intent', setUpMandate: true }
const fresh = async (store: MemoryStore, order: Order): Promise<Order> => (await store.orderById(order.id)) ?? order

describe('AttemptService subscriptions', () => {
  const withPlan: Partial<OrderDraft> = {
    billing: orderBilling(),
    customer: { id: 'cust-42', email: null, phone: null, firstName: null, lastName: null },
  }

  it('starts one subscription when a plan registration succeeds, named on the order, its events after the mandate\'s', async () => {
    const { service, clock, store, order, events } = await setup(withPlan)
    await service.start(order, merchant, collect(MAGIC_VPAS.success), 'key-1')
    clock.advance(SUCCESS_DELAY_MS)
    const done = await service.refresh(await fresh(store, order))
    const [subscription] = await store.subscriptionsOf('demo_merchant', 'cust-42')
    expect(subscription).toMatchObject({ status: 'ACTIVE', mandateId: done.mandateId, orderId: 'o-1', pageId: order.id, schedule: order.billing?.schedule })
    expect(done.billing?.subscriptionId).toBe(subscription?.id)
    expect(events).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'])
    await service.refresh(await fresh(store, order))
    expect((await service.decide(await fresh(store, order), { type: 'approve' })).ok).toBe(false)
    expect(await store.subscriptionsOf('demo_merchant', 'cust-42')).toHaveLength(1)
  })

  it.each([MAGIC_VPAS.failure, MAGIC_VPAS.expired])('starts none when %s fails the registration', async (vpa) => {
    const { service, clock, store, order, events } = await setup(withPlan)
    await service.start(order, merchant, collect(vpa), 'key-1')
    clock.advance(EXPIRED_WINDOW_MS + SUCCESS_DELAY_MS)
    const done = await service.refresh(await fresh(store, order))
    expect(done.billing?.subscriptionId).toBeNull()
    expect(await store.subscriptionsOf('demo_merchant', 'cust-42')).toEqual([])
    expect(events.filter((e) => e.startsWith('BILLING_'))).toEqual([])
  })
})

describe('AttemptService.start', () => {
  it('registers the mandate for success@upi after its delay, refunds the registration charge, and tells merchants in order', async () => {
    const { service, clock, store, order, events } = await setup()
    const started = await service.start(order, merchant, collect(MAGIC_VPAS.success), 'key-1')
    expect(started.ok && started.order.status).toBe('PENDING_VBV')
    clock.advance(SUCCESS_DELAY_MS)
    const done = await service.refresh(await fresh(store, order))
    expect(done.status).toBe('CHARGED')
    expect(done.mandateStatus).toBe('ACTIVE')
    expect(done.mandateId).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(done.refundedMinor).toBe(100)
    expect(events).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
  })

  it.each<[string, string, string, string]>([
    ['failure@upi is declined', MAGIC_VPAS.failure, 'AUTHORIZATION_FAILED', 'declined_by_customer'],
    ['expired@upi runs out its window', MAGIC_VPAS.expired, 'AUTHENTICATION_FAILED', 'approval_window_expired'],
  ])('%s', async (_name, vpa, status, reason) => {
    const { service, clock, store, order, events } = await setup()
    await service.start(order, merchant, collect(vpa), 'k')
    clock.advance(Math.max(SUCCESS_DELAY_MS, EXPIRED_WINDOW_MS))
    const done = await service.refresh(await fresh(store, order))
    expect(done.status).toBe(status)
    expect(done.attempts[0]?.failureReason).toBe(reason)
    expect(done.mandateStatus).toBe('FAILURE')
    expect(events).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_FAILED', 'ORDER_FAILED'])
  })

  it('leaves pending@upi waiting until its window ends', async () => {
    const { service, clock, store, order } = await setup()
    await service.start(order, merchant, collect(MAGIC_VPAS.pending), 'k')
    clock.advance(RAIL_RULES.upi.approvalWindowMs - 1)
    expect((await service.refresh(await fresh(store, order))).status).toBe('PENDING_VBV')
    clock.advance(1)
    expect((await service.refresh(await fresh(store, order))).status).toBe('AUTHENTICATION_FAILED')
  })

  it('replays the same attempt for the same idempotency key and request', async () => {
    const { service, store, order } = await setup()
    const first = await service.start(order, merchant, intent, 'same')
    const second = await service.start(await fresh(store, order), merchant, intent, 'same')
    expect(second.ok && second.replayed).toBe(true)
    expect(first.ok && second.ok && second.attempt.id === first.attempt.id).toBe(true)
    expect((await fresh(store, order)).attempts).toHaveLength(1)
  })

  it.each<[string, (s: Awaited<ReturnType<typeof setup>>) => ReturnType<AttemptService['start']>, string]>([
    [
      'an idempotency key reused for another request',
      async ({ service, store, order }) => {
        await service.start(order, merchant, intent, 'k')
        return service.start(await fresh(store, order), merchant, { ...intent, channel: 'qr' }, 'k')
      },
      'idempotency_conflict',
    ],
    [
      'a second attempt while one is pending',
      async ({ service, store, order }) => {
        await service.start(order, merchant, intent, 'k1')
        return service.start(await fresh(store, order), merchant, intent, 'k2')
      },
      'attempt_in_progress',
    ],
    ['a VPA that does not exist', ({ service, order }) => service.start(order, merchant, collect(MAGIC_VPAS.unknown), 'k'), 'vpa_invalid'],
    ['a malformed VPA', ({ service, order }) => service.start(order, merchant, collect('not a vpa'), 'k'), 'vpa_invalid'],
    ['collect without a VPA', ({ service, order }) => service.start(order, merchant, { ...intent, channel: 'collect' }, 'k'), 'vpa_required'],
    [
      'a handle without AutoPay for a mandate',
      ({ service, order }) => service.start(order, merchant, collect('someone@nomandate'), 'k'),
      'handle_not_supported',
    ],
    [
      'no mandate on a REQUIRED session',
      ({ service, order }) => service.start(order, merchant, { ...intent, setUpMandate: false }, 'k'),
      'mandate_choice_invalid',
    ],
    ['no channel', ({ service, order }) => service.start(order, merchant, { rail: 'upi', setUpMandate: true }, 'k'), 'channel_required'],
    [
      'an expired session',
      async ({ service, clock, order }) => {
        clock.advance(2 * 24 * 3600 * 1000)
        return service.start(order, merchant, intent, 'k')
      },
      'session_not_open',
    ],
  ])('refuses %s', async (_name, act, error) => {
    const s = await setup()
    const result = await act(s)
    expect(result.ok ? 'started' : result.error).toBe(error)
  })

  it('allows 25 attempts and no more', async () => {
    const { service, store, order } = await setup()
    for (let i = 0; i < 25; i++) {
      const r = await service.start(await fresh(store, order), merchant, intent, `k${i}`)
      expect(r.ok).toBe(true)
      await service.decide(await fresh(store, order), { type: 'cancel' })
    }
    const last = await service.start(await fresh(store, order), merchant, intent, 'k25')
    expect(last.ok ? 'started' : last.error).toBe('too_many_attempts')
  })
})

describe('AttemptService.decide', () => {
  it('cannot decide an attempt twice', async () => {
    const { service, store, order } = await setup()
    await service.start(order, merchant, intent, 'k')
    expect((await service.decide(await fresh(store, order), { type: 'approve' })).ok).toBe(true)
    const again = await service.decide(await fresh(store, order), { type: 'decline' })
    expect(again.ok ? 'decided' : again.error).toBe('no_pending_attempt')
    expect((await fresh(store, order)).status).toBe('CHARGED')
  })

  it('lets a declined order be retried with a new attempt', async () => {
    const { service, store, order } = await setup()
    await service.start(order, merchant, intent, 'k1')
    await service.decide(await fresh(store, order), { type: 'decline' })
    const retry = await service.start(await fresh(store, order), merchant, intent, 'k2')
    expect(retry.ok && retry.attempt.number).toBe(2)
    expect(retry.ok && retry.attempt.txnId).toBe('demo_merchant-o-1-2')
  })
})

describe('AttemptService under concurrency (many calls at once on one order)', () => {
  it('starts one attempt per idempotency key; every other call replays it', async () => {
    const { service, store, order, events } = await setup()
    const results = await Promise.all(Array.from({ length: 12 }, () => service.start(order, merchant, intent, 'same')))
    const started = results.filter((r) => r.ok && !r.replayed)
    const replayed = results.filter((r) => r.ok && r.replayed)
    expect(started).toHaveLength(1)
    expect(replayed).toHaveLength(11)
    const ids = new Set(results.map((r) => (r.ok ? r.attempt.id : r.error)))
    expect(ids.size).toBe(1)
    expect((await fresh(store, order)).attempts).toHaveLength(1)
    expect(events.filter((e) => e === 'TXN_CREATED')).toHaveLength(1)
  })

  it('decides an attempt once: one approve wins, the rest answer no_pending_attempt', async () => {
    const { service, store, order, events } = await setup()
    await service.start(order, merchant, intent, 'k')
    const pending = await fresh(store, order)
    const results = await Promise.all(Array.from({ length: 12 }, () => service.decide(pending, { type: 'approve' })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.flatMap((r) => (r.ok ? [] : [r.error]))).toEqual(Array.from({ length: 11 }, () => 'no_pending_attempt'))
    expect((await fresh(store, order)).status).toBe('CHARGED')
    expect(events.filter((e) => e === 'ORDER_SUCCEEDED')).toHaveLength(1)
  })

  it('lets only one of an approve and a decline racing each other decide the attempt', async () => {
    const { service, store, order } = await setup()
    await service.start(order, merchant, intent, 'k')
    const pending = await fresh(store, order)
    const [approved, declined] = await Promise.all([service.decide(pending, { type: 'approve' }), service.decide(pending, { type: 'decline' })])
    expect([approved.ok, declined.ok].filter(Boolean)).toHaveLength(1)
    const stored = await fresh(store, order)
    expect(stored.status).toBe(approved.ok ? 'CHARGED' : 'AUTHORIZATION_FAILED')
    expect(stored.attempts).toHaveLength(1)
  })
})
