import { describe, expect, it } from 'vitest'
import type { StartAttempt } from '../../contract/attempt'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MAGIC_VPAS, SUCCESS_DELAY_MS, EXPIRED_WINDOW_MS } from '../../contract/scenarios'
import { MemoryStore } from '../store/memory-store'
import { FailingStore } from '../testing/failing-store'
import { AttemptService, dueJobPageId } from './attempt-service'
import { MovableClock } from './clock'
import { enachDetails, monthlyPlan, orderBilling, orderDraft, subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import { OrderEventBus, type OrderChange, type OrderEventName } from './order-events'
import { OrderWriter } from './order-writer'
import { createOrder, type OrderDraft } from './orders'
import type { Order } from './order'
import { RAIL_RULES } from './rails'
import { changedSchedule, planChangePreview } from './plan-change'
import { istMidnight } from './proration'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const merchant = merchants.byId('demo_merchant')
if (!merchant) throw new Error('demo merchant missing')

async function setup(draft: Partial<OrderDraft> = {}, store: MemoryStore = new MemoryStore()) {
  const clock = new MovableClock({ now: () => new Date('2026-11-25T10:00:00.000Z') })
  const bus = new OrderEventBus()
  const events: OrderEventName[] = []
  const changes: OrderChange[] = []
  bus.subscribe((change) => {
    changes.push(change)
    events.push(...change.events)
  })
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const service = new AttemptService({ store, clock, merchants, publicOrigin: 'http://127.0.0.1:4000' }, writer)
  writer.follow(service.dueJobs)
  writer.follow(service.replacedMandates)
  const created = await createOrder(
    { store, clock },
    orderDraft(clock.now(), { orderId: 'o-1', fingerprint: 'f', description: 'Plan', returnUrl: 'https://shop.merchant.com', ...draft }),
  )
  if (created.kind !== 'created') throw new Error('order not created')
  return { store, clock, service, events, changes, order: created.order }
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

describe('AttemptService: what time makes due', () => {
  it('writes nothing and tells no one when a refresh finds nothing due', async () => {
    const { service, store, order, changes } = await setup()
    await service.start(order, merchant, collect(MAGIC_VPAS.pending), 'k')
    const before = await fresh(store, order)
    changes.length = 0
    const refreshed = await service.refresh(before)
    expect(refreshed.status).toBe('PENDING_VBV')
    expect((await fresh(store, order)).revision).toBe(before.revision)
    expect(changes).toEqual([])
  })

  it('stores one job per order, due when the attempt resolves by itself, which brings the outcome when it runs', async () => {
    const { service, store, clock, order } = await setup()
    await service.start(order, merchant, collect(MAGIC_VPAS.success), 'k')
    const dueAt = TEST_NOW.getTime() + SUCCESS_DELAY_MS
    expect(await store.claimDue(dueAt - 1, 60_000, 10)).toEqual([])
    const [job, ...others] = await store.claimDue(dueAt, 60_000, 10)
    expect(others).toEqual([])
    expect(job).toMatchObject({ id: `attempt_due:${order.id}`, merchantId: 'demo_merchant', dueAt, kind: 'attempt_due' })
    const pageId = job ? dueJobPageId(job.payload) : null
    expect(pageId).toBe(order.id)
    clock.advance(SUCCESS_DELAY_MS)
    await service.refreshById(pageId ?? '')
    expect((await fresh(store, order)).status).toBe('CHARGED')
  })

  it('schedules the end of the approval window for an attempt that waits for the customer', async () => {
    const { service, store, order } = await setup()
    await service.start(order, merchant, intent, 'k')
    const [job] = await store.claimDue(TEST_NOW.getTime() + RAIL_RULES.upi.approvalWindowMs, 60_000, 10)
    expect(job?.dueAt).toBe(TEST_NOW.getTime() + RAIL_RULES.upi.approvalWindowMs)
  })

  it('does nothing for a job whose order the store no longer has', async () => {
    const { service, store } = await setup()
    await service.refreshById('ordeh_gone')
    expect(await store.size()).toBe(1)
  })

  it.each<[string, string, string | null]>([
    ['a page id', '{"pageId":"ordeh_1"}', 'ordeh_1'],
    ['a page id that is not text', '{"pageId":7}', null],
    ['no page id', '{"orderId":"ordeh_1"}', null],
    ['null', 'null', null],
    ['a bare string', '"ordeh_1"', null],
  ])('reads the page id from a job payload holding %s', (_name, payload, pageId) => {
    expect(dueJobPageId(payload)).toBe(pageId)
  })
})

describe('AttemptService: which attempt a decision is for', () => {
  it('refuses a decision for an earlier attempt, leaving the pending one as it was', async () => {
    const { service, store, order } = await setup()
    const first = await service.start(order, merchant, intent, 'k1')
    await service.decide(await fresh(store, order), { type: 'decline' })
    await service.start(await fresh(store, order), merchant, intent, 'k2')
    const late = await service.decide(await fresh(store, order), { type: 'approve' }, first.ok ? first.attempt.id : '')
    expect(late.ok ? 'decided' : late.error).toBe('no_pending_attempt')
    expect((await fresh(store, order)).attempts.map((a) => a.status)).toEqual(['failed', 'pending'])
  })

  it('answers the decided attempt as stored: a registered mandate\'s ids on it, an id the page can name it by', async () => {
    const { service, store, order } = await setup()
    await service.start(order, merchant, intent, 'k1')
    await service.decide(await fresh(store, order), { type: 'decline' })
    const started = await service.start(await fresh(store, order), merchant, intent, 'k2')
    if (!started.ok) throw new Error(started.error)
    expect(started.attempt.id).toMatch(/^att_[0-9a-f]{24}$/)
    const decided = await service.decide(started.order, { type: 'approve' }, started.attempt.id)
    if (!decided.ok) throw new Error(decided.error)
    expect(decided.attempt).toMatchObject({ id: started.attempt.id, status: 'succeeded', mandateId: decided.order.mandateId })
    expect(decided.attempt.mandateId).toMatch(/^[A-Za-z0-9]{22}$/)
  })
})

const baseTerms = orderDraft(TEST_NOW).mandate
/** The fixture's mandate terms with another maximum. */
const terms = (maxMinor: number) => (baseTerms ? { ...baseTerms, maxAmount: { minor: maxMinor, currency: 'INR' } } : null)

describe('AttemptService: eligibility and the mandate choice', () => {
  const netbanking = (setUpMandate: boolean): StartAttempt =>
    setUpMandate ? { rail: 'netbanking', setUpMandate, enach: enachDetails() } : { rail: 'netbanking', setUpMandate, bankCode: 'HDFC' }

  it.each<[string, string, Partial<OrderDraft>, StartAttempt]>([
    ['a rail the order may not be paid on', 'instrument_unavailable', { rails: ['upi'] }, netbanking(true)],
    ['UPI for a mandate above its ₹1,00,000 ceiling', 'instrument_unavailable', { mandate: terms(1_00_000_01) }, intent],
    ['eNACH on the same session', 'started', { mandate: terms(1_00_000_01) }, netbanking(true)],
    ['a mandate where the session offers one', 'started', { createMandate: 'OPTIONAL' }, intent],
    ['a plain payment where the session offers a mandate', 'started', { createMandate: 'OPTIONAL' }, { ...intent, setUpMandate: false }],
    ['a mandate where the rail cannot register the optional one', 'mandate_choice_invalid', { createMandate: 'OPTIONAL', mandate: terms(1_00_000_01) }, intent],
    ['a plain payment then', 'started', { createMandate: 'OPTIONAL', mandate: terms(1_00_000_01) }, { ...intent, setUpMandate: false }],
    ['a mandate on a session without one', 'mandate_choice_invalid', { createMandate: null, mandate: null }, intent],
    ['a plain payment on a session without a mandate', 'started', { createMandate: null, mandate: null }, { ...intent, setUpMandate: false }],
    ['a plain net banking payment there', 'started', { createMandate: null, mandate: null }, netbanking(false)],
  ])('%s: %s', async (_name, expected, draft, request) => {
    const { service, order } = await setup(draft)
    const result = await service.start(order, merchant, request, 'k')
    expect(result.ok ? 'started' : result.error).toBe(expected)
  })
})

describe('AttemptService: a plan change paid for with a new mandate', () => {
  /** The demo merchant's subscription on the mandate of `old`, and an order paying to move it to a ₹1,500 plan over its ₹1,000 cap. */
  async function planChange(oldGone = false, store?: MemoryStore) {
    const s = await setup({}, store)
    const old = { ...s.order, status: 'CHARGED' as const, mandateStatus: 'ACTIVE' as const, mandateId: 'M1' }
    if (!(await s.store.updateOrder(old))) throw new Error('old order not written')
    const held = subscriptionFixture({ merchantId: 'demo_merchant', mandateId: 'M1', mandatePageId: oldGone ? 'ordeh_gone' : old.id })
    await s.store.insertSubscription(held)
    const to = monthlyPlan({ plan_id: 'fit_1500', amount: { type: 'FIXED', paise: 150000 }, max_amount: 150000 })
    const plan = held.plan ?? to
    const preview = planChangePreview({
      subscription: { ...held, plan },
      cycle: { start: istMidnight('2026-11-25'), end: istMidnight('2026-12-05') },
      requestId: 'r1',
      fingerprint: 'fp',
      now: TEST_NOW,
      lifetimeMinutes: 15,
      next: { planId: to.plan_id, amountMinor: 150000, ruleValue: 5 },
    })
    const created = await createOrder(s, orderDraft(TEST_NOW, {
      orderId: 'o-change',
      mandate: terms(150000),
      billing: {
        plan: to,
        schedule: changedSchedule(held.schedule, preview, to, 150000),
        subscriptionId: held.id,
        planChange: { preview, from: { planId: plan.plan_id, name: plan.name }, to: { planId: to.plan_id, name: to.name }, newMandate: true, appliedAt: null },
      },
    }))
    if (created.kind !== 'created') throw new Error(created.kind)
    return { ...s, old, held, change: created.order }
  }

  it('revokes the old mandate once the new one is active, after telling merchants of the change', async () => {
    const { service, store, old, held, change, events } = await planChange()
    await service.start(change, merchant, intent, 'k')
    events.length = 0
    const decided = await service.decide(await fresh(store, change), { type: 'approve' })
    expect(decided.ok && decided.order.mandateStatus).toBe('ACTIVE')
    expect((await fresh(store, old)).mandateStatus).toBe('REVOKED')
    expect(await store.subscription('demo_merchant', held.id)).toMatchObject({ mandatePageId: change.id, mandateId: decided.order.mandateId })
    expect(events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED', 'MANDATE_REVOKED'])
  })

  it('stores the old mandate\'s revocation as a job with the change: an instance that died before revoking leaves it to another', async () => {
    const store = new FailingStore()
    const { service, old, change, events } = await planChange(false, store)
    await service.start(change, merchant, intent, 'k')
    events.length = 0
    store.failNext({ method: 'updateOrder', orderId: old.orderId, when: (order) => order.mandateStatus === 'REVOKED' })
    await expect(service.decide(await fresh(store, change), { type: 'approve' })).rejects.toThrow('store unreachable')
    expect((await fresh(store, old)).mandateStatus).toBe('ACTIVE')
    const replaced = (await store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).filter((j) => j.kind === 'mandate_replaced')
    expect(replaced).toMatchObject([{ id: `mandate_replaced:${change.id}`, payload: JSON.stringify({ pageId: old.id }) }])
    const [job] = replaced
    if (!job) throw new Error('no job')
    await service.revokeReplaced(job)
    await service.revokeReplaced(job)
    expect((await fresh(store, old)).mandateStatus).toBe('REVOKED')
    expect(events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED', 'MANDATE_REVOKED'])
    expect((await store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).filter((j) => j.kind === 'mandate_replaced')).toEqual([])
  })

  it('still completes the change when the old mandate\'s order is no longer stored', async () => {
    const { service, store, held, change, events } = await planChange(true)
    await service.start(change, merchant, intent, 'k')
    events.length = 0
    const decided = await service.decide(await fresh(store, change), { type: 'approve' })
    expect(decided.ok && decided.order.status).toBe('CHARGED')
    expect(await store.subscription('demo_merchant', held.id)).toMatchObject({ mandatePageId: change.id })
    expect(events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED'])
  })
})

describe('AttemptService: steps at the simulated bank', () => {
  const enach: StartAttempt = { rail: 'netbanking', setUpMandate: true, enach: enachDetails() }

  it('moves the customer on to the OTP without deciding anything or telling merchants', async () => {
    const { service, order, events } = await setup()
    const started = await service.start(order, merchant, enach, 'k')
    if (!started.ok) throw new Error(started.error)
    events.length = 0
    const moved = await service.advanceBankStep(started.order, started.attempt.id, 'otp')
    if (!moved.ok) throw new Error(moved.error)
    expect(moved.attempt).toMatchObject({ status: 'pending', bank: { step: 'otp', stage: 'awaiting_customer', otpFailures: 0 } })
    expect(moved.order.status).toBe('PENDING_VBV')
    expect(events).toEqual([])
  })

  it('answers no_pending_attempt for a bank step on a UPI attempt', async () => {
    const { service, order } = await setup()
    const started = await service.start(order, merchant, intent, 'k')
    if (!started.ok) throw new Error(started.error)
    const results = [
      await service.advanceBankStep(started.order, started.attempt.id, 'otp'),
      await service.authenticate(started.order, started.attempt.id),
      await service.recordOtpFailure(started.order, started.attempt.id),
    ]
    expect(results.map((r) => (r.ok ? 'moved' : r.error))).toEqual(['no_pending_attempt', 'no_pending_attempt', 'no_pending_attempt'])
  })
})
