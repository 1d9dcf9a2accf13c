import { afterEach, describe, expect, it } from 'vitest'
import type { StartAttempt } from '../../contract/attempt'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MAGIC_VPAS, SUCCESS_DELAY_MS, EXPIRED_WINDOW_MS } from '../../contract/scenarios'
import { MemoryStore } from '../store/memory-store'
import { AttemptService } from './attempt-service'
import { MovableClock } from './clock'
import { orderBilling, orderDraft } from '../testing/fixtures'
import { OrderEventBus, type OrderEventName } from './order-events'
import { createOrder, type OrderDraft } from './orders'
import type { Order } from './order'
import { RAIL_RULES } from './rails'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const merchant = merchants.byId('demo_merchant')
if (!merchant) throw new Error('demo merchant missing')

function setup(draft: Partial<OrderDraft> = {}) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => new Date('2026-11-25T10:00:00.000Z') })
  const bus = new OrderEventBus()
  const events: OrderEventName[] = []
  bus.subscribe((change) => events.push(...change.events))
  const service = new AttemptService({ store, clock, merchants, publicOrigin: 'http://127.0.0.1:4000' }, bus)
  const created = createOrder(
    { store, clock },
    orderDraft(clock.now(), { orderId: 'o-1', fingerprint: 'f', description: 'Plan', returnUrl: 'https://shop.merchant.com', ...draft }),
  )
  if (created.kind !== 'created') throw new Error('order not created')
  services.push(service)
  return { store, clock, service, events, order: created.order }
}

const services: AttemptService[] = []
afterEach(() => {
  for (const s of services.splice(0)) s.dispose()
})

const collect = (vpa: string): StartAttempt => ({ rail: 'upi', channel: 'collect', vpa, setUpMandate: true })
const intent: StartAttempt = { rail: 'upi', channel: 'intent', setUpMandate: true }
const fresh = (store: MemoryStore, order: Order) => store.orderById(order.id) ?? order

describe('AttemptService subscriptions', () => {
  const withPlan: Partial<OrderDraft> = {
    billing: orderBilling(),
    customer: { id: 'cust-42', email: null, phone: null, firstName: null, lastName: null },
  }

  it('starts one subscription when a plan registration succeeds, named on the order, its events after the mandate\'s', () => {
    const { service, clock, store, order, events } = setup(withPlan)
    service.start(order, merchant, collect(MAGIC_VPAS.success), 'key-1')
    clock.advance(SUCCESS_DELAY_MS)
    const done = service.refresh(fresh(store, order))
    const [subscription] = store.subscriptionsOf('demo_merchant', 'cust-42')
    expect(subscription).toMatchObject({ status: 'ACTIVE', mandateId: done.mandateId, orderId: 'o-1', pageId: order.id, schedule: order.billing?.schedule })
    expect(done.billing?.subscriptionId).toBe(subscription?.id)
    expect(events).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'])
    service.refresh(fresh(store, order))
    expect(service.decide(fresh(store, order), { type: 'approve' }).ok).toBe(false)
    expect(store.subscriptionsOf('demo_merchant', 'cust-42')).toHaveLength(1)
  })

  it.each([MAGIC_VPAS.failure, MAGIC_VPAS.expired])('starts none when %s fails the registration', (vpa) => {
    const { service, clock, store, order, events } = setup(withPlan)
    service.start(order, merchant, collect(vpa), 'key-1')
    clock.advance(EXPIRED_WINDOW_MS + SUCCESS_DELAY_MS)
    const done = service.refresh(fresh(store, order))
    expect(done.billing?.subscriptionId).toBeNull()
    expect(store.subscriptionsOf('demo_merchant', 'cust-42')).toEqual([])
    expect(events.filter((e) => e.startsWith('BILLING_'))).toEqual([])
  })
})

describe('AttemptService.start', () => {
  it('registers the mandate for success@upi after its delay, refunds the registration charge, and tells merchants in order', () => {
    const { service, clock, store, order, events } = setup()
    const started = service.start(order, merchant, collect(MAGIC_VPAS.success), 'key-1')
    expect(started.ok && started.order.status).toBe('PENDING_VBV')
    clock.advance(SUCCESS_DELAY_MS)
    const done = service.refresh(fresh(store, order))
    expect(done.status).toBe('CHARGED')
    expect(done.mandateStatus).toBe('ACTIVE')
    expect(done.mandateId).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(done.refundedMinor).toBe(100)
    expect(events).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
  })

  it.each<[string, string, string, string]>([
    ['failure@upi is declined', MAGIC_VPAS.failure, 'AUTHORIZATION_FAILED', 'declined_by_customer'],
    ['expired@upi runs out its window', MAGIC_VPAS.expired, 'AUTHENTICATION_FAILED', 'approval_window_expired'],
  ])('%s', (_name, vpa, status, reason) => {
    const { service, clock, store, order, events } = setup()
    service.start(order, merchant, collect(vpa), 'k')
    clock.advance(Math.max(SUCCESS_DELAY_MS, EXPIRED_WINDOW_MS))
    const done = service.refresh(fresh(store, order))
    expect(done.status).toBe(status)
    expect(done.attempts[0]?.failureReason).toBe(reason)
    expect(done.mandateStatus).toBe('FAILURE')
    expect(events).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_FAILED', 'ORDER_FAILED'])
  })

  it('leaves pending@upi waiting until its window ends', () => {
    const { service, clock, store, order } = setup()
    service.start(order, merchant, collect(MAGIC_VPAS.pending), 'k')
    clock.advance(RAIL_RULES.upi.approvalWindowMs - 1)
    expect(service.refresh(fresh(store, order)).status).toBe('PENDING_VBV')
    clock.advance(1)
    expect(service.refresh(fresh(store, order)).status).toBe('AUTHENTICATION_FAILED')
  })

  it('replays the same attempt for the same idempotency key and request', () => {
    const { service, store, order } = setup()
    const first = service.start(order, merchant, intent, 'same')
    const second = service.start(fresh(store, order), merchant, intent, 'same')
    expect(second.ok && second.replayed).toBe(true)
    expect(first.ok && second.ok && second.attempt.id === first.attempt.id).toBe(true)
    expect(fresh(store, order).attempts).toHaveLength(1)
  })

  it.each<[string, (s: ReturnType<typeof setup>) => ReturnType<AttemptService['start']>, string]>([
    [
      'an idempotency key reused for another request',
      ({ service, store, order }) => {
        service.start(order, merchant, intent, 'k')
        return service.start(fresh(store, order), merchant, { ...intent, channel: 'qr' }, 'k')
      },
      'idempotency_conflict',
    ],
    [
      'a second attempt while one is pending',
      ({ service, store, order }) => {
        service.start(order, merchant, intent, 'k1')
        return service.start(fresh(store, order), merchant, intent, 'k2')
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
      ({ service, clock, order }) => {
        clock.advance(2 * 24 * 3600 * 1000)
        return service.start(order, merchant, intent, 'k')
      },
      'session_not_open',
    ],
  ])('refuses %s', (_name, act, error) => {
    const s = setup()
    const result = act(s)
    expect(result.ok ? 'started' : result.error).toBe(error)
  })

  it('allows 25 attempts and no more', () => {
    const { service, store, order } = setup()
    for (let i = 0; i < 25; i++) {
      const r = service.start(fresh(store, order), merchant, intent, `k${i}`)
      expect(r.ok).toBe(true)
      service.decide(fresh(store, order), { type: 'cancel' })
    }
    const last = service.start(fresh(store, order), merchant, intent, 'k25')
    expect(last.ok ? 'started' : last.error).toBe('too_many_attempts')
  })
})

describe('AttemptService.decide', () => {
  it('cannot decide an attempt twice', () => {
    const { service, store, order } = setup()
    service.start(order, merchant, intent, 'k')
    expect(service.decide(fresh(store, order), { type: 'approve' }).ok).toBe(true)
    const again = service.decide(fresh(store, order), { type: 'decline' })
    expect(again.ok ? 'decided' : again.error).toBe('no_pending_attempt')
    expect(fresh(store, order).status).toBe('CHARGED')
  })

  it('lets a declined order be retried with a new attempt', () => {
    const { service, store, order } = setup()
    service.start(order, merchant, intent, 'k1')
    service.decide(fresh(store, order), { type: 'decline' })
    const retry = service.start(fresh(store, order), merchant, intent, 'k2')
    expect(retry.ok && retry.attempt.number).toBe(2)
    expect(retry.ok && retry.attempt.txnId).toBe('demo_merchant-o-1-2')
  })
})
