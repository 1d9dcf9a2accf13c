import { describe, expect, it } from 'vitest'
import type { BankDecline } from '../../contract/scenarios'
import { MemoryStore } from '../store/memory-store'
import type { ScheduledJob } from '../store/store'
import { FailingStore } from '../testing/failing-store'
import { subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import { registeredOrder } from '../testing/registered-order'
import { MovableClock } from './clock'
import { MandateExecutions } from './mandate-executions'
import type { ExecutionRequest, NoticeRequest } from './mandate-debits'
import { MandateService } from './mandate-service'
import type { Order } from './order'
import type { Subscription } from './subscriptions'
import { OrderEventBus, type OrderEventName } from './order-events'
import { OrderWriter } from './order-writer'
import { Renewals } from './renewals'

const HOUR = 3600 * 1000
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * HOUR)

/**
 * The demo merchant's registered mandate (monthly, up to ₹1,000, customer c1) on `rail`, held by an
 * order in a MemoryStore, with the services wired as the app wires them; `events` records what
 * merchants are told, per order id.
 */
async function setup(rail: 'upi' | 'netbanking' = 'upi', overrides: Partial<Order> = {}, store: MemoryStore = new MemoryStore()) {
  const clock = new MovableClock({ now: () => TEST_NOW })
  const bus = new OrderEventBus()
  const events: [string, OrderEventName][] = []
  bus.subscribe((change) => events.push(...change.events.map((e): [string, OrderEventName] => [change.order.orderId, e])))
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const mandates = new MandateService({ store, clock }, writer)
  const renewals = new Renewals({ store, clock }, writer, mandates)
  const executions = new MandateExecutions({ store, clock }, writer, mandates, renewals)
  writer.follow(mandates.index)
  writer.follow(executions.follow)
  const holder = registeredOrder(rail, 'ACTIVE', { customer: { id: 'c1', email: null, phone: null, firstName: null, lastName: null }, ...overrides })
  const inserted = await store.insertOrder(holder)
  if (!inserted.inserted) throw new Error('not inserted')
  await store.indexMandate(holder.id, 'mid_1', null)
  const stored = async (): Promise<Order> => (await store.orderById(holder.id)) ?? holder
  const byOrderId = async (orderId: string): Promise<Order | undefined> => store.orderByMerchantOrderId('demo_merchant', orderId)
  return { store, clock, writer, mandates, renewals, executions, events, stored, byOrderId }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** A store whose next write of debit d-1 (its insert, or its first update) fails. */
function failing(method: 'insertOrder' | 'updateOrder'): FailingStore {
  const store = new FailingStore()
  store.failNext({ method, orderId: 'd-1' })
  return store
}

const notice = (overrides: Partial<NoticeRequest> = {}): NoticeRequest => ({
  objectReferenceId: 'ref-1',
  description: 'December',
  amountMinor: 50000,
  txnDate: at(30),
  ...overrides,
})

const debit = (noticeId: string | null, overrides: Partial<ExecutionRequest> = {}): ExecutionRequest => ({
  orderId: 'd-1',
  amountMinor: 50000,
  noticeId,
  executionDate: at(30),
  ...overrides,
})

/** Makes the mandate carry `subscription` (stored), as a plan registration's mandate does. */
async function carrying(s: Setup, overrides: Partial<Subscription> = {}): Promise<Subscription> {
  const held = subscriptionFixture({ merchantId: 'demo_merchant', mandateId: 'mid_1', mandatePageId: 'ordeh_1', ...overrides })
  await s.store.updateOrder({ ...(await s.stored()), billing: { plan: held.plan, schedule: held.schedule, subscriptionId: held.id, planChange: null } })
  await s.store.insertSubscription(held)
  return held
}

/** A second registered UPI mandate of the same merchant and customer, held by another order. */
async function secondMandate(s: Setup, overrides: Partial<Order> = {}): Promise<Order> {
  const other = registeredOrder('upi', 'ACTIVE', { id: 'ordeh_2', orderId: 'o-2', mandateId: 'mid_2', customer: { id: 'c1', email: null, phone: null, firstName: null, lastName: null }, ...overrides })
  await s.store.insertOrder(other)
  return other
}

/** A notice sent now for a debit 30 hours on, the clock moved past its 24 hours, and that debit presented. */
async function presented(s: Setup, overrides: Partial<ExecutionRequest> = {}) {
  const sent = await s.executions.notify(await s.stored(), notice())
  if (!sent.ok) throw new Error(sent.refusal.reason)
  s.clock.advance(25 * HOUR)
  const result = await s.executions.execute(await s.stored(), debit(sent.notice.id, overrides), 'c1')
  if (!result.ok) throw new Error(result.refusal.reason)
  return { notice: sent.notice, order: result.order }
}

/** The execution job the presented debit's write stored, due by `dueBy`. */
async function jobOf(s: Setup, dueBy: Date): Promise<ScheduledJob> {
  const [job] = await s.store.claimDue(dueBy.getTime(), 60_000, 10)
  if (!job) throw new Error('no job due')
  return job
}

describe('MandateExecutions.notify: the merchant\'s pre-debit notice', () => {
  it('records a notice for a debit a day or two ahead and tells the merchant it went out', async () => {
    const s = await setup()
    const sent = await s.executions.notify(await s.stored(), notice())
    expect(sent).toEqual({
      ok: true,
      notice: {
        id: expect.stringMatching(/^ntf_[A-Za-z0-9]{20}$/) as unknown,
        objectReferenceId: 'ref-1',
        status: 'SUCCESS',
        amountMinor: 50000,
        txnDate: at(30).toISOString(),
        createdAt: TEST_NOW.toISOString(),
        failure: null,
        description: 'December',
        usedBy: null,
      },
    })
    expect((await s.stored()).merchantDebits?.notices).toEqual([sent.ok && sent.notice])
    expect(s.events).toEqual([['o-1', 'NOTIFICATION_SUCCEEDED']])
  })

  it('answers a repeat with the first notice, writing and telling nothing more', async () => {
    const s = await setup()
    const first = await s.executions.notify(await s.stored(), notice())
    const before = await s.stored()
    expect(await s.executions.notify(before, notice())).toEqual(first)
    expect(await s.stored()).toEqual(before)
    expect(s.events).toHaveLength(1)
  })

  it('refuses a notice the rules refuse, writing nothing', async () => {
    const s = await setup()
    const before = await s.stored()
    expect(await s.executions.notify(before, notice({ txnDate: at(12) }))).toEqual({ ok: false, refusal: { reason: 'notice_lead', lead: 'too_short' } })
    expect(await s.stored()).toEqual(before)
    expect(s.events).toEqual([])
  })

  it('records a failed notice for a debit inside a pause, and tells the merchant so', async () => {
    const s = await setup('upi', {
      mandateStatus: 'PAUSED',
      mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: { startDate: TEST_NOW.toISOString(), endDate: at(72).toISOString() } },
    })
    const sent = await s.executions.notify(await s.stored(), notice())
    expect(sent.ok && sent.notice.status).toBe('FAILURE')
    expect(s.events).toEqual([['o-1', 'NOTIFICATION_FAILED']])
  })
})

describe('MandateExecutions.execute: the merchant presents a debit', () => {
  it('stores the debit as a pending order of its own, takes the notice and the month, and runs it at its date', async () => {
    const s = await setup()
    const { notice: used, order } = await presented(s)
    const holder = await s.stored()
    expect(order).toMatchObject({
      orderId: 'd-1',
      amountMinor: 50000,
      status: 'PENDING_VBV',
      mandateId: 'mid_1',
      execution: { mandatePageId: holder.id, noticeId: used.id, txnId: 'demo_merchant-d-1-1', txnUuid: expect.stringMatching(/^[A-Za-z0-9]{20}$/) as unknown, runsAt: at(30).toISOString() },
    })
    expect(await s.byOrderId('d-1')).toEqual(order)
    expect(holder.merchantDebits?.notices).toMatchObject([{ id: used.id, usedBy: 'd-1' }])
    expect(holder.merchantDebits?.executions).toEqual([
      { orderId: 'd-1', fingerprint: order.fingerprint, period: '2026-11', amountMinor: 50000, executionAt: at(30).toISOString(), presentedAt: at(25).toISOString(), status: 'pending' },
    ])
    expect(s.events).toEqual([['o-1', 'NOTIFICATION_SUCCEEDED'], ['d-1', 'TXN_CREATED']])
    expect(await s.store.claimDue(at(30).getTime() - 1, 60_000, 10)).toEqual([])
    expect(await jobOf(s, at(30))).toMatchObject({ id: `execution:${order.id}`, merchantId: 'demo_merchant', dueAt: at(30).getTime(), kind: 'execution' })
  })

  it('runs a debit presented for a moment already past at once', async () => {
    const s = await setup()
    const sent = await s.executions.notify(await s.stored(), notice())
    if (!sent.ok) throw new Error(sent.refusal.reason)
    s.clock.advance(32 * HOUR)
    const result = await s.executions.execute(await s.stored(), debit(sent.notice.id), 'c1')
    expect(result.ok && result.order.execution?.runsAt).toBe(at(32).toISOString())
  })

  it('answers a repeat of the same request with the same order, and the same order id for other terms as taken', async () => {
    const s = await setup()
    const { notice: used, order } = await presented(s)
    expect(await s.executions.execute(await s.stored(), debit(used.id), 'c1')).toEqual({ ok: true, order })
    expect(await s.executions.execute(await s.stored(), debit(used.id, { amountMinor: 40000 }), 'c1')).toEqual({ ok: false, refusal: { reason: 'order_id_taken' } })
    expect(await s.executions.execute(await s.stored(), debit(used.id, { orderId: 'o-1' }), 'c1')).toEqual({ ok: false, refusal: { reason: 'order_id_taken' } })
    expect((await s.stored()).merchantDebits?.executions).toHaveLength(1)
  })

  it('refuses a debit for another customer than the mandate\'s, and takes any customer on a mandate registered without one', async () => {
    const s = await setup()
    const sent = await s.executions.notify(await s.stored(), notice())
    s.clock.advance(25 * HOUR)
    const id = sent.ok ? sent.notice.id : null
    expect(await s.executions.execute(await s.stored(), debit(id), 'c2')).toEqual({ ok: false, refusal: { reason: 'customer_mismatch' } })
    const anonymous = await setup('netbanking', { customer: { id: null, email: null, phone: null, firstName: null, lastName: null } })
    expect((await anonymous.executions.execute(await anonymous.stored(), debit(null, { executionDate: at(1) }), 'anyone')).ok).toBe(true)
  })

  it('refuses what the mandate\'s rules refuse, storing nothing', async () => {
    const s = await setup()
    const before = await s.stored()
    expect(await s.executions.execute(before, debit(null), 'c1')).toEqual({ ok: false, refusal: { reason: 'notice_required' } })
    expect(await s.stored()).toEqual(before)
    expect(await s.byOrderId('d-1')).toBeUndefined()
    expect(s.events).toEqual([])
  })

  it('refuses a second debit in a month the subscription the mandate carries already debits', async () => {
    const s = await setup('netbanking')
    await carrying(s, { renewal: { cycle: 1, due: { date: '2026-11-27', amountMinor: 49900, orderId: 'bei_a_1' }, nextDebit: null, timeline: [] } })
    const result = await s.executions.execute(await s.stored(), debit(null, { executionDate: at(40) }), 'c1')
    expect(result).toEqual({ ok: false, refusal: { reason: 'period_taken', period: '2026-11', by: 'bei_a_1' } })
  })

  it('counts the subscription\'s paid cycle too', async () => {
    const s = await setup('netbanking')
    await carrying(s, { renewal: { cycle: 1, due: null, nextDebit: null, paid: { cycle: 1, date: '2026-11-25', amountMinor: 49900 }, timeline: [] } })
    const result = await s.executions.execute(await s.stored(), debit(null, { executionDate: at(40) }), 'c1')
    expect(result).toEqual({ ok: false, refusal: { reason: 'period_taken', period: '2026-11', by: 'bei_a_1' } })
  })

  it.each<[string, Partial<Subscription>]>([
    ['a subscription paid only in an earlier month, nothing due', { renewal: { cycle: 1, due: null, nextDebit: null, paid: { cycle: 1, date: '2026-10-25', amountMinor: 49900 }, timeline: [] } }],
    ['a subscription not yet scheduled', {}],
  ])('takes a debit on a mandate carrying %s, and debits it', async (_name, subscription) => {
    const s = await setup('netbanking')
    await carrying(s, subscription)
    const result = await s.executions.execute(await s.stored(), debit(null, { executionDate: at(40) }), 'c1')
    expect(result.ok).toBe(true)
    await s.executions.run(await jobOf(s, at(40)))
    expect((await s.byOrderId('d-1'))?.status).toBe('CHARGED')
  })

  it('takes the same order id again only for the same terms: another notice or another mandate is another request', async () => {
    const s = await setup()
    const { notice: used, order } = await presented(s)
    const other = await s.executions.notify(await s.stored(), notice({ objectReferenceId: 'ref-2', txnDate: at(50) }))
    expect(await s.executions.execute(await s.stored(), debit(other.ok ? other.notice.id : null), 'c1')).toEqual({ ok: false, refusal: { reason: 'order_id_taken' } })
    const second = await secondMandate(s)
    expect(await s.executions.execute(second, debit(used.id), 'c1')).toEqual({ ok: false, refusal: { reason: 'order_id_taken' } })
    expect(await s.byOrderId('d-1')).toEqual(order)
  })

  it('answers in_flight while the same order id is taken on the mandate but its order is not stored yet', async () => {
    const s = await setup('netbanking')
    const claimed = { orderId: 'd-1', fingerprint: 'another request', period: '2026-11', amountMinor: 50000, executionAt: at(1).toISOString(), presentedAt: TEST_NOW.toISOString(), status: 'pending' as const }
    await s.store.updateOrder({ ...(await s.stored()), merchantDebits: { notices: [], executions: [claimed], nextDebit: null } })
    const before = await s.stored()
    expect(await s.executions.execute(before, debit(null, { executionDate: at(1) }), 'c1')).toEqual({ ok: false, refusal: { reason: 'in_flight' } })
    expect(await s.stored()).toEqual(before)
  })

  it('answers a retry racing its first try with the one order, presented once', async () => {
    const s = await setup('netbanking')
    const request = debit(null, { executionDate: at(1) })
    const results = await Promise.all([s.executions.execute(await s.stored(), request, 'c1'), s.executions.execute(await s.stored(), request, 'c1')])
    const stored = await s.byOrderId('d-1')
    expect(stored?.revision).toBe(1)
    expect(results).toEqual([
      { ok: true, order: stored },
      { ok: true, order: stored },
    ])
    expect((await s.stored()).merchantDebits?.executions).toHaveLength(1)
    expect(s.events.filter(([, e]) => e === 'TXN_CREATED')).toHaveLength(1)
  })

  it('finishes, on a retry, a debit whose first try stopped after taking the notice and the month', async () => {
    const s = await setup('upi', {}, failing('insertOrder'))
    const sent = await s.executions.notify(await s.stored(), notice())
    if (!sent.ok) throw new Error(sent.refusal.reason)
    s.clock.advance(25 * HOUR)
    const request = debit(sent.notice.id)
    await expect(s.executions.execute(await s.stored(), request, 'c1')).rejects.toThrow('store unreachable')
    expect(await s.byOrderId('d-1')).toBeUndefined()
    expect((await s.stored()).merchantDebits).toMatchObject({ notices: [{ usedBy: 'd-1' }], executions: [{ orderId: 'd-1', status: 'pending' }] })
    // Another request under that order id does not take the claim over: it may still be stored.
    expect(await s.executions.execute(await s.stored(), { ...request, amountMinor: 40000 }, 'c1')).toEqual({ ok: false, refusal: { reason: 'in_flight' } })

    const retried = await s.executions.execute(await s.stored(), request, 'c1')
    const stored = await s.byOrderId('d-1')
    expect(stored).toMatchObject({ status: 'PENDING_VBV', revision: 1, execution: { noticeId: sent.notice.id } })
    expect(retried).toEqual({ ok: true, order: stored })
    expect((await s.stored()).merchantDebits?.executions).toHaveLength(1)
    expect(s.events).toEqual([['o-1', 'NOTIFICATION_SUCCEEDED'], ['d-1', 'TXN_CREATED']])
    expect(await s.store.claimDue(at(30).getTime(), 60_000, 10)).toMatchObject([{ id: `execution:${stored?.id ?? ''}` }])
  })

  it('presents, on a retry, a debit whose first try stopped after storing its order', async () => {
    const s = await setup('netbanking', {}, failing('updateOrder'))
    const request = debit(null, { executionDate: at(1) })
    await expect(s.executions.execute(await s.stored(), request, 'c1')).rejects.toThrow('store unreachable')
    expect(await s.byOrderId('d-1')).toMatchObject({ revision: 0 })
    expect(s.events).toEqual([])
    expect(await s.store.claimDue(at(1).getTime(), 60_000, 10)).toEqual([])

    const retried = await s.executions.execute(await s.stored(), request, 'c1')
    const stored = await s.byOrderId('d-1')
    expect(stored?.revision).toBe(1)
    expect(retried).toEqual({ ok: true, order: stored })
    expect(await s.executions.execute(await s.stored(), request, 'c1')).toEqual({ ok: true, order: stored })
    expect(s.events).toEqual([['d-1', 'TXN_CREATED']])
    expect(await s.store.claimDue(at(1).getTime(), 60_000, 10)).toMatchObject([{ id: `execution:${stored?.id ?? ''}` }])
  })

  it('makes one order and one TXN_CREATED when two retries finish a stopped first try at once', async () => {
    const s = await setup('netbanking', {}, failing('insertOrder'))
    const request = debit(null, { executionDate: at(1) })
    await expect(s.executions.execute(await s.stored(), request, 'c1')).rejects.toThrow('store unreachable')
    const holder = await s.stored()
    const results = await Promise.all([s.executions.execute(holder, request, 'c1'), s.executions.execute(holder, request, 'c1')])
    const stored = await s.byOrderId('d-1')
    expect(results).toEqual([
      { ok: true, order: stored },
      { ok: true, order: stored },
    ])
    expect(s.events).toEqual([['d-1', 'TXN_CREATED']])
    expect(await s.store.claimDue(at(1).getTime(), 60_000, 10)).toHaveLength(1)
  })

  it('refuses a different request racing for the same order id on the same mandate as taken', async () => {
    const s = await setup('netbanking')
    const first = debit(null, { executionDate: at(1) })
    const [won, lost] = await Promise.all([
      s.executions.execute(await s.stored(), first, 'c1'),
      s.executions.execute(await s.stored(), { ...first, amountMinor: 40000 }, 'c1'),
    ])
    expect(won.ok && won.order.amountMinor).toBe(50000)
    expect(lost).toEqual({ ok: false, refusal: { reason: 'order_id_taken' } })
  })

  it('gives back the notice and the month when the same order id was stored for another mandate meanwhile', async () => {
    const s = await setup()
    const earlierNotice = { id: 'ntf_earlier', objectReferenceId: 'ref-0', status: 'SUCCESS' as const, amountMinor: 50000, txnDate: at(-24 * 30).toISOString(), createdAt: at(-24 * 31).toISOString(), failure: null, description: 'October', usedBy: 'd-0' }
    const earlierDebit = { orderId: 'd-0', fingerprint: 'f', period: '2026-10', amountMinor: 50000, executionAt: at(-24 * 30).toISOString(), presentedAt: at(-24 * 30).toISOString(), status: 'succeeded' as const }
    const second = await secondMandate(s, { merchantDebits: { notices: [earlierNotice], executions: [earlierDebit], nextDebit: null } })
    const sentHere = await s.executions.notify(await s.stored(), notice())
    const sentThere = await s.executions.notify(second, notice())
    if (!sentHere.ok || !sentThere.ok) throw new Error('notices refused')
    s.clock.advance(25 * HOUR)
    const [here, there] = await Promise.all([
      s.executions.execute(await s.stored(), debit(sentHere.notice.id), 'c1'),
      s.executions.execute((await s.store.orderById('ordeh_2')) ?? second, debit(sentThere.notice.id), 'c1'),
    ])
    expect(here.ok).toBe(true)
    expect(there).toEqual({ ok: false, refusal: { reason: 'order_id_taken' } })
    expect((await s.store.orderById('ordeh_2'))?.merchantDebits).toMatchObject({
      notices: [{ id: 'ntf_earlier', usedBy: 'd-0' }, { id: sentThere.notice.id, usedBy: null }],
      executions: [{ orderId: 'd-0', status: 'succeeded' }],
    })
    expect(s.events.filter(([orderId]) => orderId === 'o-2')).toEqual([['o-2', 'NOTIFICATION_SUCCEEDED']])
    expect((await s.stored()).merchantDebits).toMatchObject({ notices: [{ id: sentHere.notice.id, usedBy: 'd-1' }], executions: [{ orderId: 'd-1' }] })
  })
})

describe('MandateExecutions.run: the presented debit at its date', () => {
  it('debits on the mandate\'s rail and account, and records the debit succeeded on the mandate', async () => {
    const s = await setup()
    const { order } = await presented(s)
    s.clock.advance(5 * HOUR)
    await s.executions.run(await jobOf(s, at(30)))
    const debited = await s.byOrderId('d-1')
    expect(debited).toMatchObject({ status: 'CHARGED', attempts: [{ rail: 'upi', status: 'succeeded', txnId: order.execution?.txnId, txnUuid: order.execution?.txnUuid }] })
    expect((await s.stored()).merchantDebits?.executions).toMatchObject([{ orderId: 'd-1', status: 'succeeded' }])
    expect(s.events.slice(2)).toEqual([['d-1', 'ORDER_SUCCEEDED']])
    expect(await s.store.claimNextDue('demo_merchant', at(100).getTime(), 60_000)).toBeNull()
  })

  it.each<[BankDecline, boolean]>([
    ['insufficient_funds', false],
    ['mandate_revoked_at_bank', true],
  ])('declines as QA chose (%s), gives the month back and spends the choice; revoked at the bank: %s', async (reason, revoked) => {
    const s = await setup()
    await presented(s)
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason })).toEqual({ ok: true, subscription: null })
    await s.executions.run(await jobOf(s, at(30)))
    expect(await s.byOrderId('d-1')).toMatchObject({ status: 'AUTHORIZATION_FAILED', attempts: [{ status: 'failed' }] })
    const holder = await s.stored()
    expect(holder.merchantDebits).toMatchObject({ executions: [{ orderId: 'd-1', status: 'failed' }], nextDebit: null })
    expect(holder.mandateStatus).toBe(revoked ? 'REVOKED' : 'ACTIVE')
    if (revoked) expect(holder.mandateChange?.by).toBe('payer_bank')
    expect(s.events.slice(2)).toEqual(revoked ? [['d-1', 'ORDER_FAILED'], ['o-1', 'MANDATE_REVOKED']] : [['d-1', 'ORDER_FAILED']])
  })

  it.each<[BankDecline, boolean]>([
    ['insufficient_funds', false],
    ['mandate_revoked_at_bank', true],
  ])('run again after its instance stopped between the debit (%s) and recording it: recorded once; revoked at the bank: %s', async (reason, revoked) => {
    const store = new FailingStore()
    const s = await setup('upi', {}, store)
    await presented(s)
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason })
    const job = await jobOf(s, at(30))
    // The mandate's order's write that records the debit's end fails.
    store.failNext({ method: 'updateOrder', orderId: 'o-1', when: (order) => order.merchantDebits?.executions.some((e) => e.status !== 'pending') ?? false })
    await expect(s.executions.run(job)).rejects.toThrow('store unreachable')
    expect(await s.byOrderId('d-1')).toMatchObject({ status: 'AUTHORIZATION_FAILED' })
    expect((await s.stored()).merchantDebits?.executions).toMatchObject([{ orderId: 'd-1', status: 'pending' }])
    await s.executions.run(job)
    await s.executions.run(job)
    const holder = await s.stored()
    expect(holder.merchantDebits).toMatchObject({ executions: [{ orderId: 'd-1', status: 'failed' }], nextDebit: null })
    expect(holder.mandateStatus).toBe(revoked ? 'REVOKED' : 'ACTIVE')
    expect(s.events.slice(2)).toEqual(revoked ? [['d-1', 'ORDER_FAILED'], ['o-1', 'MANDATE_REVOKED']] : [['d-1', 'ORDER_FAILED']])
  })

  it('run again after its instance stopped between recording a decline for a revocation at the bank and revoking: revoked then', async () => {
    const store = new FailingStore()
    const s = await setup('upi', {}, store)
    await presented(s)
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'mandate_revoked_at_bank' })
    const job = await jobOf(s, at(30))
    store.failNext({ method: 'updateOrder', orderId: 'o-1', when: (order) => order.mandateStatus === 'REVOKED' })
    await expect(s.executions.run(job)).rejects.toThrow('store unreachable')
    expect((await s.stored()).mandateStatus).toBe('ACTIVE')
    await s.executions.run(job)
    expect((await s.stored()).mandateStatus).toBe('REVOKED')
    expect(s.events.slice(2)).toEqual([['d-1', 'ORDER_FAILED'], ['o-1', 'MANDATE_REVOKED']])
  })

  it('declines a debit whose mandate is no longer active when it runs', async () => {
    const s = await setup()
    await presented(s)
    await s.mandates.change(await s.stored(), { kind: 'revoke' }, 'merchant')
    await s.executions.run(await jobOf(s, at(30)))
    expect(await s.byOrderId('d-1')).toMatchObject({ status: 'JUSPAY_DECLINED', attempts: [] })
    expect((await s.stored()).merchantDebits?.executions).toMatchObject([{ orderId: 'd-1', status: 'failed' }])
    expect(s.events.slice(2)).toEqual([['o-1', 'MANDATE_REVOKED'], ['d-1', 'ORDER_FAILED']])
  })

  it('declines a debit whose mandate\'s order the store no longer has', async () => {
    const s = await setup()
    await presented(s)
    const job = await jobOf(s, at(30))
    const holder = await s.stored()
    const pending = await s.byOrderId('d-1')
    if (!pending?.execution) throw new Error('no presented debit')
    await s.store.updateOrder({ ...pending, execution: { ...pending.execution, mandatePageId: 'ordeh_gone' } })
    await s.executions.run(job)
    expect((await s.byOrderId('d-1'))?.status).toBe('JUSPAY_DECLINED')
    expect((await s.stored()).merchantDebits).toEqual(holder.merchantDebits)
  })

  it('leaves QA\'s choice for the next debit alone when a finished debit\'s job runs again', async () => {
    const s = await setup()
    await presented(s)
    const job = await jobOf(s, at(30))
    await s.executions.run(job)
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'insufficient_funds' })
    await s.executions.run(job)
    expect((await s.stored()).merchantDebits?.nextDebit).toEqual({ outcome: 'failure', reason: 'insufficient_funds' })
  })

  it('runs quietly for a debit the merchant\'s reset forgot', async () => {
    const s = await setup()
    await presented(s)
    const job = await jobOf(s, at(30))
    await s.store.resetMerchant('demo_merchant')
    await s.executions.run(job)
    expect(await s.store.size()).toBe(0)
  })

  it('records the outcome on the debit it belongs to when the mandate has several', async () => {
    const s = await setup('netbanking')
    await s.executions.execute(await s.stored(), debit(null, { orderId: 'd-nov', executionDate: at(1) }), 'c1')
    await s.executions.execute(await s.stored(), debit(null, { orderId: 'd-dec', executionDate: at(24 * 7) }), 'c1')
    const [novJob, decJob] = await s.store.claimDue(at(24 * 7).getTime(), 60_000, 10)
    if (!novJob || !decJob) throw new Error('jobs missing')
    await s.executions.run(decJob)
    expect((await s.stored()).merchantDebits?.executions.map((e) => [e.orderId, e.status])).toEqual([['d-nov', 'pending'], ['d-dec', 'succeeded']])
  })

  it.each<[string, boolean]>([
    ['debits', false],
    ['declines', true],
  ])('%s once when the job runs twice at the same time (a lease that ran out)', async (_name, revoked) => {
    const s = await setup()
    await presented(s)
    if (revoked) await s.mandates.change(await s.stored(), { kind: 'revoke' }, 'merchant')
    const job = await jobOf(s, at(30))
    await Promise.all([s.executions.run(job), s.executions.run(job)])
    const debited = await s.byOrderId('d-1')
    expect(debited?.attempts).toHaveLength(revoked ? 0 : 1)
    expect(s.events.filter(([orderId]) => orderId === 'd-1')).toEqual([['d-1', 'TXN_CREATED'], ['d-1', revoked ? 'ORDER_FAILED' : 'ORDER_SUCCEEDED']])
  })

  it('debits once: a job run again finds the debit made', async () => {
    const s = await setup()
    await presented(s)
    const job = await jobOf(s, at(30))
    await s.executions.run(job)
    const once = await s.byOrderId('d-1')
    await s.executions.run(job)
    expect(await s.byOrderId('d-1')).toEqual(once)
    expect(s.events.filter(([, e]) => e === 'ORDER_SUCCEEDED')).toHaveLength(1)
  })
})

describe('MandateExecutions.mandateTimeline', () => {
  it('lists the notices and presented debits with the webhooks of the mandate\'s and the debits\' orders, oldest first', async () => {
    const s = await setup()
    const { notice: used } = await presented(s)
    await s.store.saveWebhook('demo_merchant', 'd-1', { id: 'wh_1', event_name: 'TXN_CREATED', url: null, status: 'not_sent', attempts: [], created_at: at(25).toISOString(), delivered_at: null, body: {} })
    await s.store.saveWebhook('demo_merchant', 'o-1', { id: 'wh_0', event_name: 'NOTIFICATION_SUCCEEDED', url: null, status: 'not_sent', attempts: [], created_at: at(1).toISOString(), delivered_at: null, body: {} })
    expect(await s.executions.mandateTimeline('demo_merchant', 'mid_1')).toEqual([
      { at: TEST_NOW.toISOString(), event: 'notice_sent', cycle: null, order_id: 'd-1', detail: `${used.id} (ref-1): 50000 paise on ${at(30).toISOString()}` },
      { at: at(1).toISOString(), event: 'webhook', webhook: 'NOTIFICATION_SUCCEEDED', order_id: 'o-1', webhook_id: 'wh_0', status: 'not_sent' },
      { at: at(25).toISOString(), event: 'debit_presented', cycle: null, order_id: 'd-1', detail: `50000 paise at ${at(30).toISOString()}: pending` },
      { at: at(25).toISOString(), event: 'webhook', webhook: 'TXN_CREATED', order_id: 'd-1', webhook_id: 'wh_1', status: 'not_sent' },
    ])
  })

  it('shows a failed notice with why', async () => {
    const s = await setup('upi', {
      mandateStatus: 'PAUSED',
      mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: { startDate: TEST_NOW.toISOString(), endDate: at(72).toISOString() } },
    })
    const sent = await s.executions.notify(await s.stored(), notice())
    expect(await s.executions.mandateTimeline('demo_merchant', 'mid_1')).toEqual([
      { at: TEST_NOW.toISOString(), event: 'notice_failed', cycle: null, order_id: null, detail: `${sent.ok ? sent.notice.id : ''} (ref-1): The mandate is paused on the debit date` },
    ])
  })

  it('finds no timeline for an unknown mandate or another merchant\'s', async () => {
    const s = await setup()
    expect(await s.executions.mandateTimeline('demo_merchant', 'mid_unknown')).toBeUndefined()
    expect(await s.executions.mandateTimeline('other_merchant', 'mid_1')).toBeUndefined()
  })
})
