import { describe, expect, it } from 'vitest'
import type { Plan } from '../../contract/plan'
import type { ScheduledJob } from '../store/store'
import { FailingStore } from '../testing/failing-store'
import { mandateTerms, monthlyPlan, subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import { registeredOrder } from '../testing/registered-order'
import { MovableClock } from './clock'
import { MandateService } from './mandate-service'
import type { Order } from './order'
import { OrderEventBus, type OrderEventName } from './order-events'
import { OrderWriter } from './order-writer'
import { MAX_TIMELINE, type TimelineEntry } from './renewal'
import { CANCEL_CUTOFF_MS, debitOrderId, Renewals } from './renewals'
import type { Subscription } from './subscriptions'

/** 5 December 2026, 06:00 IST: the first debit of the fixture's plan (₹499 on the 5th). */
const FIRST_DEBIT = Date.parse('2026-12-05T00:30:00.000Z')
const HOUR = 3600 * 1000

/**
 * The demo merchant's mandate registered on `rail` (held by order o-1) carrying the fixture's
 * subscription (bei_a), activated by a write as the attempt service makes it; the services wired
 * as the app wires them. `events` records what merchants are told, per merchant order id.
 */
async function setup(rail: 'upi' | 'netbanking' = 'upi', plan: Partial<Plan> = {}, holderOverrides: Partial<Order> = {}, subscriptionOverrides: Partial<Subscription> = {}, store = new FailingStore()) {
  const clock = new MovableClock({ now: () => TEST_NOW })
  const bus = new OrderEventBus()
  const events: [string, OrderEventName][] = []
  bus.subscribe((change) => events.push(...change.events.map((e): [string, OrderEventName] => [change.order.orderId, e])))
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const mandates = new MandateService({ store, clock }, writer)
  const renewals = new Renewals({ store, clock }, writer, mandates)
  writer.follow(mandates.index)
  writer.follow(renewals.follow)
  const held: Subscription = subscriptionFixture({ merchantId: 'demo_merchant', mandateId: 'mid_1', mandatePageId: 'ordeh_1', pageId: 'ordeh_1', orderId: 'o-1', plan: monthlyPlan(plan), ...subscriptionOverrides })
  const registered = registeredOrder(rail, 'ACTIVE', { billing: { plan: held.plan, schedule: held.schedule, subscriptionId: held.id, planChange: null }, ...holderOverrides })
  const inserted = await store.insertOrder({ ...registered, status: 'PENDING_VBV', mandateStatus: 'CREATED', mandateId: null })
  if (!inserted.inserted) throw new Error('not inserted')
  await store.insertSubscription(held)
  await writer.change(registered, (current) => ({
    write: { order: { ...registered, revision: current.revision }, events: ['MANDATE_ACTIVATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'] },
    answer: () => undefined,
  }))
  events.length = 0
  const holder = async (): Promise<Order> => (await store.orderById('ordeh_1')) ?? registered
  const subscription = async (): Promise<Subscription> => (await store.subscription('demo_merchant', held.id)) ?? held
  const cycleOrder = (cycle: number) => store.orderByMerchantOrderId('demo_merchant', debitOrderId(held.id, cycle))

  /** Moves the clock to `ms` (never back). */
  const moveTo = (ms: number) => {
    const now = clock.now().getTime()
    if (ms > now) clock.advance(ms - now)
  }

  /** Runs the debit job's next step at its due moment; answers the job as run, or null when there is none. */
  const step = async (): Promise<ScheduledJob | null> => {
    // The merchant's soonest job: the debit job while there is one (the mandate's expiry is years away).
    const job = await store.claimNextDue('demo_merchant', Number.MAX_SAFE_INTEGER, 60_000)
    if (job === null || job === 'held' || job.kind !== 'debit') return null
    moveTo(job.dueAt)
    await renewals.run(job)
    return job
  }

  /** Runs steps until one of `step` for `cycle` has run (or the job ends); answers the jobs run. */
  const runThrough = async (until: { step: string; cycle: number }): Promise<ScheduledJob[]> => {
    const ran: ScheduledJob[] = []
    for (let i = 0; i < 40; i++) {
      const job = await step()
      if (!job) return ran
      ran.push(job)
      const payload = JSON.parse(job.payload) as { step: string; cycle: number }
      if (payload.step === until.step && payload.cycle === until.cycle) return ran
    }
    throw new Error('too many steps')
  }

  return { store, clock, writer, mandates, renewals, events, held, holder, subscription, cycleOrder, step, runThrough, moveTo }
}

const stepsOf = (jobs: ScheduledJob[]) => jobs.map((j) => { const p = JSON.parse(j.payload) as { step: string; cycle: number; attempt: number }; return `${p.step} ${p.cycle}.${p.attempt}` })
const of = (events: [string, OrderEventName][], orderId: string) => events.filter(([o]) => o === orderId).map(([, e]) => e)

describe('Renewals.follow: what the activating write schedules', () => {
  it('starts the debits at once and schedules the mandate\'s expiry at its end date', async () => {
    const { store } = await setup()
    const jobs = await store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)
    expect(jobs.map((j) => [j.id, j.kind, j.dueAt])).toEqual([
      ['debit:bei_a', 'debit', TEST_NOW.getTime()],
      ['mandate_expiry:ordeh_1', 'mandate_expiry', Date.parse('2056-11-25T00:00:00.000Z')],
    ])
    expect(JSON.parse(jobs[0]?.payload ?? '')).toEqual({ subscriptionId: 'bei_a', step: 'schedule', cycle: 1, attempt: 0 })
    expect(JSON.parse(jobs[1]?.payload ?? '')).toEqual({ pageId: 'ordeh_1' })
  })
})

describe('Renewals: a cycle on a UPI mandate', () => {
  it('schedules, announces two days ahead, sends the notice 36 hours ahead, then debits; and schedules the next cycle', async () => {
    const s = await setup()
    const ran = await s.runThrough({ step: 'execute', cycle: 1 })
    expect(stepsOf(ran)).toEqual(['schedule 1.0', 'announce 1.0', 'notify 1.0', 'execute 1.1'])
    expect(ran.map((j) => j.dueAt)).toEqual([TEST_NOW.getTime(), FIRST_DEBIT - 48 * HOUR, FIRST_DEBIT - 36 * HOUR, FIRST_DEBIT])
    expect(of(s.events, 'bei_a_1')).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED', 'ORDER_SUCCEEDED'])
    const order = await s.cycleOrder(1)
    expect(order).toMatchObject({ status: 'CHARGED', amountMinor: 49900, mandateId: 'mid_1', debit: { subscriptionId: 'bei_a', cycle: 1, dueAt: new Date(FIRST_DEBIT).toISOString(), notification: { status: 'SUCCESS', amountMinor: 49900, failure: null } } })
    expect(order?.attempts).toMatchObject([{ rail: 'upi', status: 'succeeded', number: 1 }])
    expect(order?.debit?.notification?.id).toMatch(/^ntf_[A-Za-z0-9]{20}$/)
    expect(order?.debit?.notification?.objectReferenceId).toMatch(/^pdn[A-Za-z0-9]{20}$/)
    expect(order?.billing).toEqual({ plan: s.held.plan, schedule: s.held.schedule, subscriptionId: 'bei_a', planChange: null })
    const subscription = await s.subscription()
    expect(subscription.status).toBe('ACTIVE')
    expect(subscription.renewal).toMatchObject({ cycle: 1, due: { date: '2026-12-05', amountMinor: 49900, orderId: 'bei_a_1' }, nextDebit: null, paid: { cycle: 1, date: '2026-12-05', amountMinor: 49900 } })
    expect(subscription.renewal?.timeline.map((t) => [t.event, t.cycle, t.order_id])).toEqual([
      ['debit_scheduled', 1, 'bei_a_1'],
      ['debit_announced', 1, 'bei_a_1'],
      ['notice_sent', 1, 'bei_a_1'],
      ['debit_attempted', 1, 'bei_a_1'],
    ])
    expect(subscription.renewal?.timeline.map((t) => t.detail)).toEqual([
      '49900 paise on 2026-12-05',
      `due at ${new Date(FIRST_DEBIT).toISOString()}`,
      `49900 paise on ${new Date(FIRST_DEBIT).toISOString()}`,
      'attempt 1 of 4: succeeded',
    ])
    const next = await s.step()
    expect(next && stepsOf([next])).toEqual(['schedule 2.0'])
    expect((await s.subscription()).renewal?.due).toEqual({ date: '2027-01-05', amountMinor: 49900, orderId: 'bei_a_2' })
  })

  it('does the work of a step once when it runs twice (a lease that ran out)', async () => {
    const s = await setup()
    const first = await s.step()
    if (!first) throw new Error('no job')
    await s.renewals.run(first)
    expect(of(s.events, 'bei_a_1')).toEqual(['BILLING_TXN_SCHEDULED'])
    expect((await s.subscription()).renewal?.timeline).toHaveLength(1)
    await s.runThrough({ step: 'execute', cycle: 1 })
    const executed = (await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).find((j) => j.kind === 'debit')
    expect(executed).toBeDefined()
    expect((await s.cycleOrder(1))?.attempts).toHaveLength(1)
  })
})

describe('Renewals: a step run again after its instance died part way', () => {
  /** The next debit job, claimed as an instance claims it; the clock moved to its due moment. */
  async function claimed(s: Awaited<ReturnType<typeof setup>>): Promise<ScheduledJob> {
    const job = await s.store.claimNextDue('demo_merchant', Number.MAX_SAFE_INTEGER, 60_000)
    if (job === null || job === 'held' || job.kind !== 'debit') throw new Error('no debit job')
    s.moveTo(job.dueAt)
    return job
  }

  /** Runs `job` with the store failing `failing`, then again, as another instance does once the lease ran out. */
  async function diesThenRunsAgain(s: Awaited<ReturnType<typeof setup>>, job: ScheduledJob, failing: Parameters<FailingStore['failNext']>[0]): Promise<void> {
    s.store.failNext(failing)
    await expect(s.renewals.run(job)).rejects.toThrow('store unreachable')
    await s.renewals.run(job)
  }

  const eventsOf = (s: Awaited<ReturnType<typeof setup>>) => of(s.events, 'bei_a_1')
  const timelineOf = async (s: Awaited<ReturnType<typeof setup>>) => ((await s.subscription()).renewal?.timeline ?? []).map((t) => `${t.event} ${t.order_id ?? ''}: ${t.detail}`)

  it('schedule, stopped after storing the cycle\'s order: the merchant hears BILLING_TXN_SCHEDULED once', async () => {
    const s = await setup()
    await diesThenRunsAgain(s, await claimed(s), { method: 'updateOrder', orderId: 'bei_a_1' })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED'])
    expect(await timelineOf(s)).toEqual(['debit_scheduled bei_a_1: 49900 paise on 2026-12-05'])
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED', 'ORDER_SUCCEEDED'])
  })

  it('schedule, stopped after telling the merchant: run again, it tells nothing twice', async () => {
    const s = await setup()
    await diesThenRunsAgain(s, await claimed(s), { method: 'updateSubscription', subscriptionId: 'bei_a' })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED'])
    expect(await timelineOf(s)).toEqual(['debit_scheduled bei_a_1: 49900 paise on 2026-12-05'])
  })

  it('announce, stopped after telling the merchant: told once, noted once', async () => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    await diesThenRunsAgain(s, await claimed(s), { method: 'updateSubscription', subscriptionId: 'bei_a' })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED'])
    expect((await timelineOf(s)).filter((t) => t.startsWith('debit_announced'))).toEqual([`debit_announced bei_a_1: due at ${new Date(FIRST_DEBIT).toISOString()}`])
  })

  it('announce run again after it ended: told and noted once', async () => {
    const s = await setup()
    const ran = await s.runThrough({ step: 'announce', cycle: 1 })
    const announce = ran.at(-1)
    if (!announce) throw new Error('no announce step')
    await s.renewals.run(announce)
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED'])
    expect((await timelineOf(s)).filter((t) => t.startsWith('debit_announced'))).toHaveLength(1)
  })

  it('notify, stopped after sending the notice: the notice sent once and its line noted', async () => {
    const s = await setup()
    await s.runThrough({ step: 'announce', cycle: 1 })
    await diesThenRunsAgain(s, await claimed(s), { method: 'updateSubscription', subscriptionId: 'bei_a' })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED'])
    const notification = (await s.cycleOrder(1))?.debit?.notification
    expect((await timelineOf(s)).filter((t) => t.startsWith('notice_'))).toEqual([`notice_sent bei_a_1: 49900 paise on ${notification?.txnDate ?? ''}`])
  })

  it('execute, stopped after deciding a failed debit: the same failure is made, though QA\'s choice was spent', async () => {
    const s = await setup('netbanking')
    await s.runThrough({ step: 'announce', cycle: 1 })
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'account_closed' })
    await diesThenRunsAgain(s, await claimed(s), { method: 'updateOrder', orderId: 'bei_a_1' })
    expect(await s.cycleOrder(1)).toMatchObject({ status: 'AUTHORIZATION_FAILED', attempts: [{ number: 1, status: 'failed', bankDecline: 'account_closed' }] })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'ORDER_FAILED', 'BILLING_TXN_RETRY_EXCEEDED'])
    const subscription = await s.subscription()
    expect(subscription.status).toBe('HALTED')
    expect(subscription.renewal?.paid).toBeUndefined()
    expect((await timelineOf(s)).filter((t) => t.startsWith('debit_attempted'))).toEqual(['debit_attempted bei_a_1: attempt 1 of 4: failed (account_closed)'])
  })

  it('execute, stopped after deciding a paid debit: one attempt, one line, paid once', async () => {
    const s = await setup('netbanking')
    await s.runThrough({ step: 'announce', cycle: 1 })
    await diesThenRunsAgain(s, await claimed(s), { method: 'updateOrder', orderId: 'bei_a_1' })
    expect(await s.cycleOrder(1)).toMatchObject({ status: 'CHARGED', attempts: [{ number: 1, status: 'succeeded' }] })
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'ORDER_SUCCEEDED'])
    expect((await timelineOf(s)).filter((t) => t.startsWith('debit_attempted'))).toEqual(['debit_attempted bei_a_1: attempt 1 of 4: succeeded'])
  })

  it.each([
    ['before noting the skip', { method: 'updateSubscription', subscriptionId: 'bei_a' }],
    ['after noting the skip', { method: 'updateOrder', orderId: 'bei_a_1' }],
  ] as const)('execute on a paused mandate, stopped %s: the order declined, the skip noted once', async (_, failing) => {
    const s = await setup()
    await s.runThrough({ step: 'notify', cycle: 1 })
    await s.mandates.change(await s.holder(), { kind: 'pause', pause: { startDate: new Date(FIRST_DEBIT - 40 * HOUR).toISOString(), endDate: new Date(FIRST_DEBIT + 24 * HOUR).toISOString() } }, 'merchant')
    await diesThenRunsAgain(s, await claimed(s), failing)
    expect((await s.cycleOrder(1))?.status).toBe('JUSPAY_DECLINED')
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED', 'ORDER_FAILED'])
    expect((await timelineOf(s)).filter((t) => t.startsWith('debit_skipped'))).toEqual(['debit_skipped bei_a_1: the mandate is paused'])
  })

  it('notify run twice at once: one notice, told and noted once', async () => {
    const s = await setup()
    await s.runThrough({ step: 'announce', cycle: 1 })
    const notify = await claimed(s)
    await Promise.all([s.renewals.run(notify), s.renewals.run(notify)])
    expect(eventsOf(s)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED'])
    expect((await timelineOf(s)).filter((t) => t.startsWith('notice_'))).toHaveLength(1)
  })

  it('notes each cycle\'s announcement and notice once, the next cycle\'s too', async () => {
    const s = await setup()
    await s.runThrough({ step: 'notify', cycle: 2 })
    const lines = await timelineOf(s)
    expect(lines.filter((t) => t.startsWith('debit_announced')).map((t) => t.split(':')[0])).toEqual(['debit_announced bei_a_1', 'debit_announced bei_a_2'])
    expect(lines.filter((t) => t.startsWith('notice_sent')).map((t) => t.split(':')[0])).toEqual(['notice_sent bei_a_1', 'notice_sent bei_a_2'])
  })

  it('the expiry, stopped after ending the subscription: run again, it tells the merchant once', async () => {
    const s = await setup()
    const expiry = (await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).find((j) => j.kind === 'mandate_expiry')
    if (!expiry) throw new Error('no expiry job')
    // The mandate's order is written twice: expired, then the write that tells the merchant the subscription ended, which fails.
    let writes = 0
    s.store.failNext({ method: 'updateOrder', orderId: 'o-1', when: () => ++writes === 2 })
    await expect(s.renewals.expire(expiry)).rejects.toThrow('store unreachable')
    expect((await s.subscription()).status).toBe('COMPLETED')
    await s.renewals.expire(expiry)
    await s.renewals.expire(expiry)
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_EXPIRED', 'BILLING_EXECUTION_DEACTIVATED'])
    expect(((await s.subscription()).renewal?.timeline ?? []).filter((t) => t.event === 'mandate_expired')).toHaveLength(1)
  })
})

describe('Renewals: a debit step run again', () => {
  it('debits once when the execute step runs again later, or twice at the same time', async () => {
    const s = await setup('netbanking')
    const ran = await s.runThrough({ step: 'execute', cycle: 1 })
    const execute = ran.at(-1)
    if (!execute) throw new Error('no execute step')
    await s.renewals.run(execute)
    await Promise.all([s.renewals.run(execute), s.renewals.run(execute)])
    expect((await s.cycleOrder(1))?.attempts).toHaveLength(1)
    expect(of(s.events, 'bei_a_1').filter((e) => e === 'ORDER_SUCCEEDED')).toHaveLength(1)
  })

  it('debits once when a fresh execute step runs twice at the same time (a lease that ran out)', async () => {
    const s = await setup('netbanking')
    await s.runThrough({ step: 'announce', cycle: 1 })
    const [execute] = await s.store.claimDue(FIRST_DEBIT, 60_000, 10)
    if (!execute) throw new Error('no execute step')
    s.moveTo(FIRST_DEBIT)
    await Promise.all([s.renewals.run(execute), s.renewals.run(execute)])
    expect((await s.cycleOrder(1))?.attempts).toHaveLength(1)
    expect(of(s.events, 'bei_a_1').filter((e) => e === 'ORDER_SUCCEEDED')).toHaveLength(1)
  })

  it('does nothing more for a subscription that has ended', async () => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    await s.mandates.change(await s.holder(), { kind: 'revoke' }, 'merchant')
    const last = await s.step()
    if (!last) throw new Error('no step')
    const events = s.events.length
    await s.renewals.run(last)
    expect(s.events).toHaveLength(events)
    expect(await s.cycleOrder(2)).toBeUndefined()
  })
})

describe('Renewals: a cycle on an eNACH mandate', () => {
  it('sends no notice: it debits at the due moment after the announcement', async () => {
    const s = await setup('netbanking')
    const ran = await s.runThrough({ step: 'execute', cycle: 1 })
    expect(stepsOf(ran)).toEqual(['schedule 1.0', 'announce 1.0', 'execute 1.1'])
    expect(ran.map((j) => j.dueAt)).toEqual([TEST_NOW.getTime(), FIRST_DEBIT - 48 * HOUR, FIRST_DEBIT])
    expect(of(s.events, 'bei_a_1')).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'ORDER_SUCCEEDED'])
    expect((await s.cycleOrder(1))?.attempts).toMatchObject([{ rail: 'netbanking', status: 'succeeded' }])
  })
})

describe('Renewals: a debit QA declines', () => {
  it('retries a lack of funds three times, PAST_DUE meanwhile, then acts as the plan says (RETRY: HALTED)', async () => {
    const s = await setup('netbanking')
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'insufficient_funds' })).toMatchObject({ ok: true })
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect((await s.subscription()).status).toBe('PAST_DUE')
    expect(of(s.events, 'bei_a_1').slice(-2)).toEqual(['ORDER_FAILED', 'BILLING_RETRY_TXN_SCHEDULED'])
    const retries = await s.runThrough({ step: 'execute', cycle: 1 })
    expect(stepsOf(retries)).toEqual(['execute 1.2'])
    await s.step()
    await s.step()
    const order = await s.cycleOrder(1)
    expect(order?.attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'failed', 'failed'])
    expect(order?.status).toBe('AUTHORIZATION_FAILED')
    expect(of(s.events, 'bei_a_1').slice(-2)).toEqual(['ORDER_FAILED', 'BILLING_TXN_RETRY_EXCEEDED'])
    const subscription = await s.subscription()
    expect(subscription.status).toBe('HALTED')
    expect(subscription.renewal?.nextDebit).toBeNull()
    expect(subscription.renewal?.timeline.map((t) => t.event).filter((e) => e !== 'debit_attempted')).toEqual([
      'debit_scheduled', 'debit_announced', 'retry_scheduled', 'status_changed', 'retry_scheduled', 'retry_scheduled', 'retries_exhausted', 'status_changed',
    ])
    expect(subscription.renewal?.timeline.filter((t) => t.event === 'status_changed').map((t) => t.detail)).toEqual([
      'ACTIVE → PAST_DUE: cycle 1 failed (insufficient_funds), retrying',
      'PAST_DUE → HALTED: cycle 1 unpaid, halted',
    ])
    const details = (event: string) => subscription.renewal?.timeline.filter((t) => t.event === event).map((t) => t.detail)
    expect(details('debit_attempted')).toEqual([1, 2, 3, 4].map((n) => `attempt ${n} of 4: failed (insufficient_funds)`))
    expect(details('retry_scheduled')?.map((d) => d.replace(/ at .*/, ''))).toEqual(['attempt 2', 'attempt 3', 'attempt 4'])
    expect(details('retry_scheduled')?.[0]).toBe(`attempt 2 at ${new Date((await s.cycleOrder(1))?.attempts[1]?.createdAt ?? '').toISOString()}`)
    expect(details('retries_exhausted')).toEqual(["the plan's action on failure: RETRY"])
  })

  it('a retry that succeeds brings the subscription back to ACTIVE', async () => {
    const s = await setup('netbanking')
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'insufficient_funds' })
    await s.runThrough({ step: 'execute', cycle: 1 })
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'success' })
    await s.step()
    expect((await s.cycleOrder(1))?.status).toBe('CHARGED')
    const subscription = await s.subscription()
    expect(subscription.status).toBe('ACTIVE')
    expect(subscription.renewal?.timeline.at(-1)).toMatchObject({ event: 'status_changed', detail: 'PAST_DUE → ACTIVE: cycle 1 paid' })
  })

  it('a retry that still fails, its plan skipping: back to ACTIVE, the cycle unpaid', async () => {
    const s = await setup('netbanking', { on_failure: 'SKIP' })
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'insufficient_funds' })
    for (let i = 0; i < 4; i++) await s.runThrough({ step: 'execute', cycle: 1 })
    const subscription = await s.subscription()
    expect(subscription.status).toBe('ACTIVE')
    expect(subscription.renewal?.timeline.at(-1)).toMatchObject({ event: 'status_changed', detail: 'PAST_DUE → ACTIVE: cycle 1 unpaid, skipped' })
  })

  it('a subscription sold without a plan halts when its debit fails for good', async () => {
    const s = await setup('netbanking', {}, {}, { plan: null })
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'account_closed' })
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect((await s.subscription()).status).toBe('HALTED')
  })

  it.each<[string, Plan['on_failure'], string]>([
    ['SKIP keeps it ACTIVE', 'SKIP', 'ACTIVE'],
    ['RETRY halts it', 'RETRY', 'HALTED'],
  ])('a decline with no retry: %s', async (_name, onFailure, status) => {
    const s = await setup('netbanking', { on_failure: onFailure })
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'account_closed' })
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect((await s.subscription()).status).toBe(status)
    expect(of(s.events, 'bei_a_1').slice(-2)).toEqual(['ORDER_FAILED', 'BILLING_TXN_RETRY_EXCEEDED'])
    expect((await s.holder()).mandateStatus).toBe('ACTIVE')
    expect(stepsOf([(await s.step()) as ScheduledJob])).toEqual(['schedule 2.0'])
  })

  it('a plan that revokes on failure revokes the mandate and ends the subscription', async () => {
    const s = await setup('netbanking', { on_failure: 'REVOKE' })
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'account_closed' })
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect((await s.holder()).mandateStatus).toBe('REVOKED')
    expect((await s.holder()).mandateChange?.by).toBe('merchant')
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_REVOKED', 'BILLING_EXECUTION_DEACTIVATED'])
    expect((await s.subscription()).status).toBe('CANCELLED')
    expect((await s.subscription()).renewal?.timeline.find((t) => t.event === 'status_changed')?.detail).toBe('ACTIVE → CANCELLED: cycle 1 unpaid, mandate revoked')
    expect(await s.step()).toBeNull()
  })

  it('a mandate revoked at the payer\'s bank: revoked here too, the subscription CANCELLED, no retry', async () => {
    const s = await setup('netbanking')
    await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'mandate_revoked_at_bank' })
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect(of(s.events, 'bei_a_1').slice(-1)).toEqual(['ORDER_FAILED'])
    expect((await s.holder()).mandateChange).toMatchObject({ status: 'REVOKED', by: 'payer_bank' })
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_REVOKED', 'BILLING_EXECUTION_DEACTIVATED'])
    const subscription = await s.subscription()
    expect(subscription.status).toBe('CANCELLED')
    expect(subscription.renewal?.nextDebit).toBeNull()
    expect(subscription.renewal?.timeline.map((t) => t.event)).not.toContain('retries_exhausted')
    expect(await s.step()).toBeNull()
  })
})

describe('Renewals: when the mandate is not active', () => {
  it('fails the notice of a paused mandate and skips its debit, the subscription PAUSED, then carries on', async () => {
    const s = await setup()
    await s.runThrough({ step: 'announce', cycle: 1 })
    await s.mandates.change(await s.holder(), { kind: 'pause', pause: { startDate: new Date(FIRST_DEBIT - 40 * HOUR).toISOString(), endDate: new Date(FIRST_DEBIT + 24 * HOUR).toISOString() } }, 'merchant')
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect(of(s.events, 'bei_a_1').slice(2)).toEqual(['NOTIFICATION_FAILED', 'ORDER_FAILED'])
    const order = await s.cycleOrder(1)
    expect(order?.status).toBe('JUSPAY_DECLINED')
    expect(order?.debit?.notification).toMatchObject({ status: 'FAILURE', failure: 'The mandate is PAUSED' })
    const subscription = await s.subscription()
    expect(subscription.status).toBe('PAUSED')
    expect(subscription.renewal?.timeline.slice(-3).map((t) => [t.event, t.detail])).toEqual([
      ['notice_failed', 'The mandate is PAUSED'],
      ['debit_skipped', 'the mandate is paused'],
      ['status_changed', 'ACTIVE → PAUSED: the mandate is paused'],
    ])
    expect(stepsOf([(await s.step()) as ScheduledJob])).toEqual(['schedule 2.0'])
  })

  it('skips a UPI debit no successful notice covers', async () => {
    const s = await setup()
    await s.runThrough({ step: 'announce', cycle: 1 })
    await s.mandates.change(await s.holder(), { kind: 'pause', pause: { startDate: new Date(FIRST_DEBIT - 40 * HOUR).toISOString(), endDate: new Date(FIRST_DEBIT - 30 * HOUR).toISOString() } }, 'merchant')
    await s.runThrough({ step: 'notify', cycle: 1 })
    await s.mandates.change(await s.holder(), { kind: 'activate' }, 'merchant')
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect((await s.cycleOrder(1))?.status).toBe('JUSPAY_DECLINED')
    expect((await s.subscription()).renewal?.timeline.at(-1)).toMatchObject({ event: 'debit_skipped', detail: 'no pre-debit notice covers it' })
    expect((await s.subscription()).status).toBe('ACTIVE')
  })

  it('ends the subscription at the next step once the mandate is revoked: CANCELLED, the pending debit declined, the merchant told', async () => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    await s.mandates.change(await s.holder(), { kind: 'revoke' }, 'merchant')
    expect(await s.step()).not.toBeNull()
    expect(await s.step()).toBeNull()
    expect((await s.cycleOrder(1))?.status).toBe('JUSPAY_DECLINED')
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_REVOKED', 'BILLING_EXECUTION_DEACTIVATED'])
    const subscription = await s.subscription()
    expect(subscription.status).toBe('CANCELLED')
    expect(subscription.renewal?.timeline.at(-1)).toMatchObject({ event: 'status_changed', detail: 'ACTIVE → CANCELLED: the mandate is REVOKED' })
    expect(subscription.renewal?.timeline.map((t) => t.event)).not.toContain('mandate_expired')
  })

  it('ends a subscription whose mandate is revoked before its first debit was scheduled', async () => {
    const s = await setup()
    await s.mandates.change(await s.holder(), { kind: 'revoke' }, 'merchant')
    await s.step()
    expect(await s.step()).toBeNull()
    expect(await s.cycleOrder(1)).toBeUndefined()
    expect((await s.subscription()).renewal?.timeline).toEqual([
      { at: TEST_NOW.toISOString(), event: 'status_changed', cycle: null, order_id: null, detail: 'ACTIVE → CANCELLED: the mandate is REVOKED' },
    ])
  })

  it('expires a mandate before its first debit was scheduled, and leaves a revoked one as it is', async () => {
    const s = await setup()
    const expiry = (await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).find((j) => j.kind === 'mandate_expiry')
    if (!expiry) throw new Error('no expiry job')
    await s.renewals.expire(expiry)
    expect((await s.subscription()).renewal?.timeline[0]).toEqual({ at: TEST_NOW.toISOString(), event: 'mandate_expired', cycle: null, order_id: 'o-1', detail: 'end_date 2056-11-25T00:00:00.000Z' })
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'success' })).toEqual({ ok: false, reason: 'ended' })
    const revoked = await setup()
    await revoked.mandates.change(await revoked.holder(), { kind: 'revoke' }, 'merchant')
    await revoked.renewals.expire(expiry)
    expect((await revoked.holder()).mandateStatus).toBe('REVOKED')
    expect(of(revoked.events, 'o-1')).not.toContain('MANDATE_EXPIRED')
  })

  it('expires the mandate at its end date: EXPIRED, the subscription COMPLETED', async () => {
    const s = await setup()
    const jobs = await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)
    const debit = jobs.find((j) => j.kind === 'debit')
    const expiry = jobs.find((j) => j.kind === 'mandate_expiry')
    if (!debit || !expiry) throw new Error('jobs missing')
    await s.renewals.run(debit)
    await s.renewals.expire(expiry)
    expect((await s.holder()).mandateStatus).toBe('EXPIRED')
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_EXPIRED', 'BILLING_EXECUTION_DEACTIVATED'])
    expect(of(s.events, 'bei_a_1').at(-1)).toBe('ORDER_FAILED')
    const subscription = await s.subscription()
    expect(subscription.status).toBe('COMPLETED')
    expect(subscription.renewal?.timeline.slice(-2).map((t) => t.event)).toEqual(['mandate_expired', 'status_changed'])
    expect(subscription.renewal?.timeline.at(-2)?.detail).toBe('end_date 2056-11-25T00:00:00.000Z')
    await s.renewals.expire(expiry)
    expect(of(s.events, 'o-1')).toHaveLength(2)
  })

  it('schedules nothing past the mandate\'s validity', async () => {
    const s = await setup('upi', {}, { mandate: { ...mandateTerms(100_000), endDate: '2026-12-01T00:00:00.000Z' } })
    expect(await s.step()).not.toBeNull()
    expect(await s.cycleOrder(1)).toBeUndefined()
    expect(await s.step()).toBeNull()
  })
})

describe('Renewals.cancelScheduled: the merchant cancels a scheduled debit', () => {
  it('declines the debit, notes it, and the next cycle comes as usual', async () => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    const result = await s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')
    expect(result).toMatchObject({ ok: true, order: { orderId: 'bei_a_1', status: 'JUSPAY_DECLINED' } })
    expect((await s.subscription()).renewal?.timeline.at(-1)).toMatchObject({ event: 'debit_skipped', cycle: 1, order_id: 'bei_a_1', detail: 'cancelled by the merchant' })
    expect(stepsOf(await s.runThrough({ step: 'schedule', cycle: 2 }))).toEqual(['announce 1.0', 'notify 1.0', 'execute 1.1', 'schedule 2.0'])
    expect(of(s.events, 'bei_a_1')).toEqual(['BILLING_TXN_SCHEDULED', 'ORDER_FAILED'])
    expect((await s.cycleOrder(1))?.attempts).toEqual([])
    // The cancelled debit's later steps note nothing: it is neither announced nor noticed.
    expect((await s.subscription()).renewal?.timeline.filter((t) => t.order_id === 'bei_a_1').map((t) => t.event)).toEqual(['debit_scheduled', 'debit_skipped'])
  })

  it.each([
    ['at the order\'s write', { method: 'updateOrder', orderId: 'bei_a_1' }],
    ['at the subscription\'s write', { method: 'updateSubscription', subscriptionId: 'bei_a' }],
  ] as const)('a cancel that failed %s is finished by the merchant\'s retry: declined once, noted once', async (_, failing) => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    s.store.failNext(failing)
    await expect(s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')).rejects.toThrow('store unreachable')
    expect(await s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')).toMatchObject({ ok: true, order: { status: 'JUSPAY_DECLINED' } })
    expect(of(s.events, 'bei_a_1')).toEqual(['BILLING_TXN_SCHEDULED', 'ORDER_FAILED'])
    expect((await s.subscription()).renewal?.timeline.filter((t) => t.event === 'debit_skipped').map((t) => t.detail)).toEqual(['cancelled by the merchant'])
  })

  it('cancels up to 30 minutes before the debit', async () => {
    const s = await setup('netbanking')
    await s.runThrough({ step: 'schedule', cycle: 1 })
    s.moveTo(FIRST_DEBIT - CANCEL_CUTOFF_MS)
    expect((await s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')).ok).toBe(true)
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect(await s.cycleOrder(1)).toMatchObject({ status: 'JUSPAY_DECLINED', attempts: [] })
    expect(of(s.events, 'bei_a_1')).toEqual(['BILLING_TXN_SCHEDULED', 'ORDER_FAILED'])
    expect(await s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')).toEqual({ ok: false, reason: 'nothing_scheduled' })
  })

  it('finds nothing to cancel once the subscription moved to another mandate', async () => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    await s.store.updateSubscription({ ...(await s.subscription()), mandateId: 'mid_2' })
    expect(await s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')).toEqual({ ok: false, reason: 'nothing_scheduled' })
    expect(await s.renewals.carried(await s.holder())).toBeUndefined()
    expect(await s.renewals.mandateTimeline('demo_merchant', 'mid_1')).toBe('no_subscription')
  })

  it('refuses within 30 minutes of the debit, and for what is not scheduled', async () => {
    const s = await setup('netbanking')
    await s.runThrough({ step: 'schedule', cycle: 1 })
    s.moveTo(FIRST_DEBIT - CANCEL_CUTOFF_MS + 1)
    expect(await s.renewals.cancelScheduled(await s.holder(), 'bei_a_1')).toEqual({ ok: false, reason: 'too_late' })
    expect(await s.renewals.cancelScheduled(await s.holder(), 'o-1')).toEqual({ ok: false, reason: 'nothing_scheduled' })
    expect(await s.renewals.cancelScheduled(await s.holder(), 'bei_a_9')).toEqual({ ok: false, reason: 'nothing_scheduled' })
    expect((await s.cycleOrder(1))?.status).toBe('NEW')
  })
})

describe('Renewals.chooseNextDebit and the timeline', () => {
  it('keeps QA\'s choice on the subscription; refuses an unknown mandate and an ended subscription', async () => {
    const s = await setup()
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_unknown', { outcome: 'success' })).toEqual({ ok: false, reason: 'no_mandate' })
    expect(await s.renewals.chooseNextDebit('other_merchant', 'mid_1', { outcome: 'success' })).toEqual({ ok: false, reason: 'no_mandate' })
    const chosen = await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'insufficient_funds' })
    expect(chosen).toEqual({ ok: true, subscription: await s.subscription() })
    expect((await s.subscription()).renewal).toMatchObject({ cycle: 0, nextDebit: { outcome: 'failure', reason: 'insufficient_funds' } })
    await s.mandates.change(await s.holder(), { kind: 'revoke' }, 'merchant')
    await s.step()
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'success' })).toEqual({ ok: false, reason: 'ended' })
  })

  it('keeps QA\'s choice on a mandate that carries no subscription, for the merchant\'s next debit, until it has ended', async () => {
    const s = await setup('upi', {}, { billing: null })
    expect(await s.renewals.carried(await s.holder())).toBeUndefined()
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'failure', reason: 'account_closed' })).toEqual({ ok: true, subscription: null })
    expect((await s.holder()).merchantDebits).toEqual({ notices: [], executions: [], nextDebit: { outcome: 'failure', reason: 'account_closed' } })
    expect(of(s.events, 'o-1')).toEqual([])
    await s.mandates.change(await s.holder(), { kind: 'revoke' }, 'merchant')
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'success' })).toEqual({ ok: false, reason: 'ended' })
  })

  it('finds the subscription a mandate carries', async () => {
    const s = await setup()
    expect(await s.renewals.carried(await s.holder())).toEqual(await s.subscription())
  })

  it('shows a subscription before its first debit: its registration\'s webhooks', async () => {
    const s = await setup()
    await s.store.saveWebhook('demo_merchant', 'o-1', { id: 'wh_0', event_name: 'MANDATE_ACTIVATED', url: null, status: 'delivered', attempts: [], created_at: TEST_NOW.toISOString(), delivered_at: null, body: {} })
    expect((await s.renewals.timeline('demo_merchant', 'bei_a'))?.lines).toEqual([
      { at: TEST_NOW.toISOString(), event: 'webhook', webhook: 'MANDATE_ACTIVATED', order_id: 'o-1', webhook_id: 'wh_0', status: 'delivered' },
    ])
  })

  it('shows the subscription\'s lines and its orders\' webhooks, oldest first, for its merchant only', async () => {
    const s = await setup()
    await s.runThrough({ step: 'schedule', cycle: 1 })
    await s.store.saveWebhook('demo_merchant', 'bei_a_1', { id: 'wh_1', event_name: 'BILLING_TXN_SCHEDULED', url: null, status: 'not_sent', attempts: [], created_at: new Date(TEST_NOW.getTime() + 1).toISOString(), delivered_at: null, body: {} })
    await s.store.saveWebhook('demo_merchant', 'o-1', { id: 'wh_0', event_name: 'MANDATE_ACTIVATED', url: null, status: 'delivered', attempts: [], created_at: new Date(TEST_NOW.getTime() - 1).toISOString(), delivered_at: null, body: {} })
    const shown = await s.renewals.timeline('demo_merchant', 'bei_a')
    expect(shown?.lines).toEqual([
      { at: new Date(TEST_NOW.getTime() - 1).toISOString(), event: 'webhook', webhook: 'MANDATE_ACTIVATED', order_id: 'o-1', webhook_id: 'wh_0', status: 'delivered' },
      { at: TEST_NOW.toISOString(), event: 'debit_scheduled', cycle: 1, order_id: 'bei_a_1', detail: '49900 paise on 2026-12-05' },
      { at: new Date(TEST_NOW.getTime() + 1).toISOString(), event: 'webhook', webhook: 'BILLING_TXN_SCHEDULED', order_id: 'bei_a_1', webhook_id: 'wh_1', status: 'not_sent' },
    ])
    expect(shown?.subscription).toEqual(await s.subscription())
    expect(await s.renewals.mandateTimeline('demo_merchant', 'mid_1')).toEqual(shown)
    expect(await s.renewals.timeline('other_merchant', 'bei_a')).toBeUndefined()
    expect(await s.renewals.mandateTimeline('demo_merchant', 'mid_unknown')).toBe('no_mandate')
  })
})

describe('Renewals: what mutation testing showed untested', () => {
  it('keeps only the latest MAX_TIMELINE lines of a long-lived subscription\'s timeline', async () => {
    const old = Array.from({ length: MAX_TIMELINE }, (_, i): TimelineEntry => ({ at: TEST_NOW.toISOString(), event: 'debit_announced', cycle: null, order_id: null, detail: `old ${i}` }))
    const s = await setup('upi', {}, {}, { renewal: { cycle: 0, due: null, nextDebit: null, timeline: old } })
    await s.runThrough({ step: 'schedule', cycle: 1 })
    const timeline = (await s.subscription()).renewal?.timeline ?? []
    expect(timeline).toHaveLength(MAX_TIMELINE)
    expect(timeline[0]?.detail).toBe('old 1')
    expect(timeline.at(-1)).toMatchObject({ event: 'debit_scheduled', cycle: 1, order_id: 'bei_a_1' })
  })

  it('stores the mandate\'s expiry only with the write that registered it: a resume leaves a claimed expiry job held', async () => {
    const s = await setup()
    const claimed = await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)
    expect(claimed.map((j) => j.kind)).toEqual(['debit', 'mandate_expiry'])
    await s.mandates.change(await s.holder(), { kind: 'pause', pause: { startDate: TEST_NOW.toISOString(), endDate: new Date(FIRST_DEBIT).toISOString() } }, 'merchant')
    await s.mandates.change(await s.holder(), { kind: 'activate' }, 'merchant')
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_PAUSED', 'MANDATE_ACTIVATED'])
    expect(await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).toEqual([])
  })

  it('finishes the expiry job once it has run: telling the merchant the subscription ended does not store it again', async () => {
    const s = await setup()
    const expiry = (await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).find((j) => j.kind === 'mandate_expiry')
    if (!expiry) throw new Error('no expiry job')
    await s.renewals.expire(expiry)
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_EXPIRED', 'BILLING_EXECUTION_DEACTIVATED'])
    // The debit job is still held by the claim above; the expiry job, run, is gone.
    expect(await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).toEqual([])
  })

  it('expires a paused mandate at its end date: EXPIRED, the subscription COMPLETED', async () => {
    const s = await setup()
    await s.mandates.change(await s.holder(), { kind: 'pause', pause: { startDate: TEST_NOW.toISOString(), endDate: new Date(FIRST_DEBIT).toISOString() } }, 'merchant')
    const expiry = (await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)).find((j) => j.kind === 'mandate_expiry')
    if (!expiry) throw new Error('no expiry job')
    await s.renewals.expire(expiry)
    expect((await s.holder()).mandateStatus).toBe('EXPIRED')
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_PAUSED', 'MANDATE_EXPIRED', 'BILLING_EXECUTION_DEACTIVATED'])
    expect((await s.subscription()).status).toBe('COMPLETED')
  })

  it('tells the merchant once that a subscription ended: a later expiry of its revoked mandate adds nothing', async () => {
    const s = await setup()
    const jobs = await s.store.claimDue(Number.MAX_SAFE_INTEGER, 60_000, 10)
    const debit = jobs.find((j) => j.kind === 'debit')
    const expiry = jobs.find((j) => j.kind === 'mandate_expiry')
    if (!debit || !expiry) throw new Error('jobs missing')
    await s.mandates.change(await s.holder(), { kind: 'revoke' }, 'merchant')
    await s.renewals.run(debit)
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_REVOKED', 'BILLING_EXECUTION_DEACTIVATED'])
    const timeline = (await s.subscription()).renewal?.timeline
    await s.renewals.expire(expiry)
    expect(of(s.events, 'o-1')).toEqual(['MANDATE_REVOKED', 'BILLING_EXECUTION_DEACTIVATED'])
    expect((await s.subscription()).status).toBe('CANCELLED')
    expect((await s.subscription()).renewal?.timeline).toEqual(timeline)
  })

  it('schedules the cycles the mandate\'s validity covers, and none past it', async () => {
    const s = await setup('netbanking', {}, { mandate: { ...mandateTerms(100_000), endDate: '2027-01-01T00:00:00.000Z' } })
    await s.runThrough({ step: 'execute', cycle: 1 })
    expect((await s.cycleOrder(1))?.status).toBe('CHARGED')
    const next = await s.step()
    expect(next && stepsOf([next])).toEqual(['schedule 2.0'])
    expect(await s.cycleOrder(2)).toBeUndefined()
    expect(of(s.events, 'bei_a_2')).toEqual([])
    expect((await s.subscription()).renewal?.cycle).toBe(1)
  })

  it('schedules a debit that falls due at the very moment the mandate ends', async () => {
    const s = await setup('netbanking', {}, { mandate: { ...mandateTerms(100_000), endDate: new Date(FIRST_DEBIT).toISOString() } })
    await s.runThrough({ step: 'schedule', cycle: 1 })
    expect(await s.cycleOrder(1)).toMatchObject({ status: 'NEW', debit: { dueAt: new Date(FIRST_DEBIT).toISOString() } })
  })

  it('keeps QA\'s choice on a paused mandate that carries no subscription', async () => {
    const s = await setup('upi', {}, { billing: null })
    await s.mandates.change(await s.holder(), { kind: 'pause', pause: { startDate: TEST_NOW.toISOString(), endDate: new Date(FIRST_DEBIT).toISOString() } }, 'merchant')
    expect((await s.holder()).mandateStatus).toBe('PAUSED')
    expect(await s.renewals.chooseNextDebit('demo_merchant', 'mid_1', { outcome: 'success' })).toEqual({ ok: true, subscription: null })
    expect((await s.holder()).merchantDebits?.nextDebit).toEqual({ outcome: 'success' })
  })
})
