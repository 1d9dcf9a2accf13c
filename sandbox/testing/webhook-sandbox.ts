import { Hono } from 'hono'
import { onTestFinished } from 'vitest'
import type { StartAttempt } from '../../contract/attempt'
import { sandboxCore, type CoreOptions, type SandboxCore } from '../app'
import type { SandboxDeps } from '../deps'
import { MovableClock } from '../domain/clock'
import type { Order } from '../domain/order'
import { createOrder, type OrderDraft } from '../domain/orders'
import { silentLogger, type Logger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, merchantDirectory, type Merchant } from '../merchants'
import { qaRoutes } from '../qa/routes'
import type { JobRunner } from '../store/job-runner'
import { MemoryStore } from '../store/memory-store'
import { orderDraft } from './fixtures'

/** The plain order the webhook tests were written against: no refund, a bare return URL. */
const PLAIN: Partial<OrderDraft> = {
  fingerprint: 'f',
  description: 'Plan',
  returnUrl: 'https://shop.merchant.com',
  metadata: {},
}
const MANDATE_1500: OrderDraft['mandate'] = {
  maxAmount: { minor: 1_500_00, currency: 'INR' },
  amountRule: 'VARIABLE',
  frequency: 'MONTHLY',
  ruleType: 'AFTER',
  ruleValue: 5,
  startDate: '2026-11-25T10:00:00.000Z',
  endDate: '2056-11-25T10:00:00.000Z',
  blockFunds: false,
  revokableByCustomer: true,
}

export const WEBHOOK_NOW = new Date('2026-11-25T10:00:00.000Z')
const intent: StartAttempt = { rail: 'upi', channel: 'intent', setUpMandate: true }

export interface WebhookSandboxOptions {
  merchantUrl?: string | null
  /** Changes the demo merchant further (its webhookUrls, for instance). */
  demo?: (merchant: Merchant) => Merchant
  log?: Logger
  dispatcher?: CoreOptions['dispatcher']
  /** How long a job an instance took is its own (real time); the JobRunner's default unless told. */
  jobLeaseMs?: number
}

/** The longest delay setTimeout takes; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Sandbox time that stands still except to reach work falling due: when a runner is told of a job
 * due later, the clock is moved to that moment once as much real time has passed, then the runner
 * woken. An attempt's `at` is so the exact moment its job fell due.
 */
function reachDueWork(jobs: JobRunner, clock: MovableClock, timers: Set<ReturnType<typeof setTimeout>>): void {
  const wake = jobs.wakeAt.bind(jobs)
  jobs.wakeAt = (dueAt) => {
    const wait = dueAt - clock.now().getTime()
    if (wait <= 0) return wake(dueAt)
    // Work due later than a timer can wait (a mandate's expiry years ahead) is never reached by waiting.
    if (wait > MAX_TIMER_MS) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      const behind = dueAt - clock.now().getTime()
      if (behind > 0) clock.advance(behind)
      wake(dueAt)
    }, wait)
    timers.add(timer)
  }
}

/**
 * A webhook dispatcher over an in-memory store, the merchants file's merchants (the demo
 * merchant's webhook.url set to `merchantUrl`) and the QA routes at /sandbox for its inbox.
 * `cleanup` stops it; register it with the test's afterEach.
 */
export function webhookSandbox({ merchantUrl = null, demo = (m) => m, log = silentLogger, dispatcher = {}, jobLeaseMs }: WebhookSandboxOptions = {}) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => WEBHOOK_NOW })
  const merchants = merchantDirectory(
    loadMerchants(DEFAULT_MERCHANTS_FILE)
      .all()
      .map((m): Merchant => (m.id === 'demo_merchant' ? demo({ ...m, webhook: { ...m.webhook, url: merchantUrl } }) : m)),
  )
  const merchant = merchants.byId('demo_merchant')
  if (!merchant) throw new Error('demo merchant missing')
  const deps: SandboxDeps = { store, clock, merchants, log, publicOrigin: 'http://127.0.0.1:4000', qaEnabled: true }
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const cores: SandboxCore[] = []
  /** Another instance over the same store and clock, with its own dispatcher options. */
  const another = (own: CoreOptions['dispatcher'] = dispatcher): SandboxCore => {
    const core = sandboxCore(deps, { ...(jobLeaseMs === undefined ? {} : { jobLeaseMs }), dispatcher: { retryDelaysMs: [20, 40], ...own } })
    reachDueWork(core.jobs, clock, timers)
    cores.push(core)
    return core
  }
  const core = another()
  const { bus, attempts, webhooks, writer, dialects, jobs } = core
  /** Stops every instance. */
  const cleanup = async () => {
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
    await Promise.all(cores.map((c) => c.stop()))
  }
  /** Moves sandbox time on and wakes every instance's runner. */
  const advance = (ms: number) => {
    clock.advance(ms)
    for (const c of cores) c.jobs.wakeAt(clock.now().getTime())
  }
  const qa = new Hono()
  qa.route('/sandbox', qaRoutes({ deps, attempts, webhooks, writer, renewals: core.renewals, executions: core.executions, advanceClock: core.advanceClock, dialect: dialects.byId('juspay') }))
  /** The QA webhook inbox of one of the demo merchant's orders, as its JSON. */
  const inbox = async (orderId: string): Promise<unknown> => {
    const auth = `Basic ${Buffer.from(`${merchant.apiKey}:`).toString('base64')}`
    const response = await qa.request(`/sandbox/orders/${orderId}/webhooks`, { headers: { authorization: auth } })
    return response.json()
  }
  let n = 0
  const order = async (overrides: Partial<OrderDraft> = {}): Promise<Order> => {
    n += 1
    const created = await createOrder(deps, orderDraft(deps.clock.now(), { orderId: `o-${n}`, ...PLAIN, mandate: MANDATE_1500, ...overrides }))
    if (created.kind !== 'created') throw new Error('order not created')
    return created.order
  }
  const fresh = async (o: Order): Promise<Order> => (await store.orderById(o.id)) ?? o
  /** Starts an attempt (intent unless told); returns the order as stored. */
  const startAttempt = async (o: Order, request: StartAttempt = intent): Promise<Order> => {
    const started = await attempts.start(o, merchant, request, `k-${o.orderId}`)
    if (!started.ok) throw new Error(started.error)
    return started.order
  }
  return { deps, store, clock, bus, attempts, webhooks, jobs, merchant, order, fresh, startAttempt, inbox, another, advance, cleanup }
}

/** A webhookSandbox stopped when the current test finishes. */
export function testWebhookSandbox(options: WebhookSandboxOptions = {}) {
  const sandbox = webhookSandbox(options)
  onTestFinished(sandbox.cleanup)
  return sandbox
}
