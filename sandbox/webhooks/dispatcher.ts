import type { SandboxDeps } from '../deps'
import type { Dialect } from '../dialects/dialect'
import { clockFor } from '../domain/clock'
import type { Order } from '../domain/order'
import type { OrderEventName } from '../domain/order-events'
import type { OrderWrite, WriteFollowUp } from '../domain/order-writer'
import type { Merchant } from '../merchants'
import type { WebhookAttempt, WebhookDelivery, WebhookStatus } from '../domain/webhook-delivery'
import type { ScheduledJob } from '../store/store'
import { addressRefusal } from './address-policy'
import { webhookHeaders } from './signing'
import { webhookTarget } from './target'
import { hostnameOf, pinnedTransport, systemResolve, type Resolve, type ResolvedAddress, type Transport } from './transport'

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000, 8000, 16000]
export const DEFAULT_TIMEOUT_MS = 5000
/** How long a delivery waits, when an earlier one of its order is still being delivered, before it looks again. */
const IN_TURN_DELAY_MS = 50

export interface WebhookDispatcherOptions {
  deps: SandboxDeps
  /** Each order's webhooks are shaped by the dialect that created it. */
  dialects: { forOrder(order: Order): Pick<Dialect, 'webhook'> }
  /** Wakes the job runner when, in real time, a retry falls due (JobRunner.wakeAt); the writer wakes it for first attempts. */
  wakeAt: (realDueAt: number) => void
  /** Resolves a target's host before each attempt (node:dns unless a test injects one). */
  resolve?: Resolve
  /** Sends one attempt to the address that was checked (node:http(s) unless a test injects one). */
  transport?: Transport
  /** Waits before each retry; one more attempt than there are delays, then `failed`. */
  retryDelaysMs?: readonly number[]
  timeoutMs?: number
}

/** A delivery job's payload: everything an instance needs to send it, whichever wrote the order. */
interface Delivery {
  merchantId: string
  orderId: string
  url: string
  rawBody: string
  delivery: WebhookDelivery
  /** The deliveries of the same write that go before this one; their records may not be saved yet when it runs. */
  after: string[]
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300
const isRedirect = (status: number): boolean => status >= 300 && status < 400

const errorCode = (error: unknown): string | null =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null

const deliveryJobId = (deliveryId: string): string => `webhook:${deliveryId}`

/**
 * Delivers order events to merchants as webhooks in the order's dialect, at least once (each
 * carries its x-webhook-id for de-duplication): a write's events become delivery jobs stored with
 * the order, so they survive a restart and are sent by whichever instance takes them; each is
 * retried with backoff until a 2xx or until the retries run out. Events of one order go out
 * strictly one after another, so a merchant never sees ORDER_SUCCEEDED before the
 * MANDATE_ACTIVATED that preceded it.
 */
export class WebhookDispatcher implements WriteFollowUp {
  private readonly deps: SandboxDeps
  private readonly dialects: WebhookDispatcherOptions['dialects']
  private readonly wakeAt: (realDueAt: number) => void
  private readonly resolve: Resolve
  private readonly send: Transport
  private readonly retryDelaysMs: readonly number[]
  private readonly timeoutMs: number
  /** Each request in flight, and whose. */
  private readonly inFlight = new Map<AbortController, string>()
  /** Deliveries this instance scheduled and has not seen end, per merchant (what idle waits for). */
  private readonly open = new Map<string, string>()
  private readonly idleWaiters = new Set<() => void>()

  constructor(options: WebhookDispatcherOptions) {
    this.deps = options.deps
    this.dialects = options.dialects
    this.wakeAt = options.wakeAt
    this.resolve = options.resolve ?? systemResolve
    this.send = options.transport ?? pinnedTransport
    this.retryDelaysMs = validDelays(options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS)
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  /** A write's events as delivery records, with a job for each that has somewhere to go. */
  async plan(write: OrderWrite, now: Date): Promise<{ jobs: ScheduledJob[]; written: () => Promise<void> }> {
    const { order } = write
    const planned: { delivery: WebhookDelivery; job: ScheduledJob | null }[] = []
    const before: string[] = []
    for (const eventName of write.events) {
      const next = await this.planned(order, eventName, now, [...before])
      planned.push(next)
      if (next.job) before.push(next.delivery.id)
    }
    const jobs = planned.flatMap((p) => (p.job ? [p.job] : []))
    return {
      jobs,
      written: async () => {
        // Before any await: a runner's claim of these jobs can only come after.
        for (const job of jobs) this.open.set(job.id, job.merchantId)
        for (const { delivery } of planned) {
          await this.deps.store.saveWebhook(order.merchantId, order.orderId, delivery)
          if (delivery.status !== 'pending') this.logStatus(delivery, null)
        }
      },
    }
  }

  private async planned(
    order: Order,
    eventName: OrderEventName,
    now: Date,
    after: string[],
  ): Promise<{ delivery: WebhookDelivery; job: ScheduledJob | null }> {
    const merchant = this.deps.merchants.byId(order.merchantId)
    const target = webhookTarget(order, merchant)
    const { id, body } = await this.dialects.forOrder(order).webhook(order, eventName, now)
    const delivery: WebhookDelivery = {
      id,
      event_name: eventName,
      url: target.kind === 'url' || target.kind === 'refused' ? target.url : target.kind === 'invalid' ? target.raw : null,
      status: target.kind === 'refused' ? 'refused' : target.kind === 'url' && merchant ? 'pending' : 'not_sent',
      attempts: [],
      created_at: now.toISOString(),
      delivered_at: null,
      body,
      ...(target.kind === 'refused' ? { refusal: target.reason } : {}),
    }
    if (target.kind !== 'url' || !merchant) return { delivery, job: null }
    const payload: Delivery = { merchantId: order.merchantId, orderId: order.orderId, url: target.url, rawBody: JSON.stringify(body), delivery, after }
    const job: ScheduledJob = { id: deliveryJobId(id), merchantId: order.merchantId, dueAt: now.getTime(), kind: 'webhook', payload: JSON.stringify(payload) }
    return { delivery, job }
  }

  deliveriesFor(merchantId: string, orderId: string): Promise<WebhookDelivery[]> {
    return this.deps.store.webhooksFor(merchantId, orderId)
  }

  /** Aborts one merchant's requests in flight (a QA reset; the store forgets its jobs and records). */
  resetMerchant(merchantId: string): void {
    for (const [controller, owner] of this.inFlight) {
      if (owner !== merchantId) continue
      controller.abort()
      this.inFlight.delete(controller)
    }
    for (const [id, owner] of this.open) if (owner === merchantId) this.open.delete(id)
    this.settleIdle()
  }

  /** Aborts every request in flight (server shutdown); their jobs are due again after their lease. */
  stop(): void {
    for (const controller of this.inFlight.keys()) controller.abort()
    this.inFlight.clear()
  }

  /** Resolves once every delivery this instance scheduled has ended (delivered, failed or refused). */
  idle(): Promise<void> {
    if (this.open.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.add(resolve))
  }

  /**
   * One attempt at a delivery job (JobRunner's handler for `webhook`): in turn, then sent, recorded,
   * and retried or ended. Attempts are recorded, and retries fall due, on the merchant's clock.
   */
  async run(job: ScheduledJob): Promise<void> {
    const delivery = JSON.parse(job.payload) as Delivery
    const merchant = this.deps.merchants.byId(delivery.merchantId)
    if (!merchant) return this.end(job.id)
    const clock = await clockFor(this.deps, delivery.merchantId)
    if (await this.waitsItsTurn(delivery)) {
      const dueAt = clock.now().getTime() + IN_TURN_DELAY_MS
      await this.deps.store.finishJob(job.id, { dueAt, payload: job.payload })
      this.wakeAt(clock.toReal(dueAt))
      return
    }
    const target = await this.checkTarget(delivery, merchant, clock.now())
    if (target.kind === 'refused') {
      await this.refuse(delivery, target.reason)
      return this.end(job.id)
    }
    const attempt = target.kind === 'address' ? await this.post(delivery, merchant, target.address, clock.now()) : target.attempt
    if (attempt.error === 'cancelled') return
    const delay = this.retryDelaysMs[delivery.delivery.attempts.length]
    const delivered = attempt.http_status !== null && isSuccess(attempt.http_status)
    const status: WebhookStatus = delivered ? 'delivered' : delay === undefined ? 'failed' : 'pending'
    const recorded = await this.record(delivery, attempt, status)
    if (status !== 'pending' || delay === undefined) return this.end(job.id)
    const dueAt = clock.now().getTime() + delay
    await this.deps.store.finishJob(job.id, { dueAt, payload: JSON.stringify(recorded) })
    this.wakeAt(clock.toReal(dueAt))
  }

  /** Whether an earlier delivery of the same order is still under way, or one of its own write not recorded yet. */
  private async waitsItsTurn(delivery: Delivery): Promise<boolean> {
    const records = await this.deps.store.webhooksFor(delivery.merchantId, delivery.orderId)
    const statuses = new Map(records.map((record) => [record.id, record.status]))
    if (delivery.after.some((id) => (statuses.get(id) ?? 'pending') === 'pending')) return true
    for (const record of records) {
      if (record.id === delivery.delivery.id) return false
      if (record.status === 'pending') return true
    }
    return false
  }

  private async end(jobId: string): Promise<void> {
    await this.deps.store.finishJob(jobId)
    this.open.delete(jobId)
    this.settleIdle()
  }

  private settleIdle(): void {
    if (this.open.size > 0) return
    for (const resolve of this.idleWaiters) resolve()
    this.idleWaiters.clear()
  }

  /**
   * Resolves the target's host now, for this attempt, and checks every address it resolves to:
   * one refused address refuses the target. A name that does not resolve is a failed attempt,
   * retried like any network error.
   */
  private async checkTarget(
    job: Delivery,
    merchant: Merchant,
    at: Date,
  ): Promise<{ kind: 'address'; address: ResolvedAddress } | { kind: 'refused'; reason: string } | { kind: 'unresolved'; attempt: WebhookAttempt }> {
    const started = performance.now()
    let addresses: readonly ResolvedAddress[]
    try {
      addresses = await this.resolve(hostnameOf(new URL(job.url)))
    } catch (error) {
      const reason = `DNS lookup failed: ${errorCode(error) ?? 'no answer'}`
      return { kind: 'unresolved', attempt: { at: at.toISOString(), http_status: null, error: reason, duration_ms: Math.round(performance.now() - started) } }
    }
    const [first] = addresses
    if (!first) return { kind: 'refused', reason: 'the host resolves to no address' }
    for (const { address } of addresses) {
      const refusal = addressRefusal(address, merchant.webhookUrls)
      if (refusal) return { kind: 'refused', reason: `the host ${refusal}` }
    }
    return { kind: 'address', address: first }
  }

  /**
   * Sends one attempt, recorded `at` on the merchant's clock; its signature is timestamped in real
   * time, which the merchant checks against its own clock.
   */
  private async post(job: Delivery, merchant: Merchant, address: ResolvedAddress, at: Date): Promise<WebhookAttempt> {
    const started = performance.now()
    const controller = new AbortController()
    this.inFlight.set(controller, job.merchantId)
    const elapsed = () => Math.round(performance.now() - started)
    try {
      const response = await this.send({
        url: new URL(job.url),
        address,
        headers: webhookHeaders(merchant, job.delivery.id, job.rawBody, this.deps.clock.now()),
        body: job.rawBody,
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(this.timeoutMs)]),
      })
      const error = isRedirect(response.status) ? 'redirect not followed' : null
      return { at: at.toISOString(), http_status: response.status, error, duration_ms: elapsed() }
    } catch (error) {
      return { at: at.toISOString(), http_status: null, error: this.describe(error), duration_ms: elapsed() }
    } finally {
      this.inFlight.delete(controller)
    }
  }

  /** A short reason for the record; never the URL's credentials or the body. */
  private describe(error: unknown): string {
    if (!(error instanceof Error)) return 'request failed'
    if (error.name === 'TimeoutError') return `timed out after ${this.timeoutMs} ms`
    if (error.name === 'AbortError') return 'cancelled'
    const code = errorCode(error) ?? errorCode(error.cause)
    return code ? `network error: ${code}` : `network error: ${error.message}`
  }

  /** A refused target is final: recorded with the reason, never retried. */
  private async refuse(job: Delivery, reason: string): Promise<void> {
    const delivery: WebhookDelivery = { ...job.delivery, status: 'refused', delivered_at: null, refusal: reason }
    await this.deps.store.saveWebhook(job.merchantId, job.orderId, delivery)
    this.logStatus(delivery, null)
  }

  /** Records the attempt on the delivery; answers the job's payload as it now stands. */
  private async record(job: Delivery, attempt: WebhookAttempt, status: WebhookStatus): Promise<Delivery> {
    const previous = job.delivery
    const delivery: WebhookDelivery = {
      ...previous,
      status,
      attempts: [...previous.attempts, attempt],
      delivered_at: status === 'delivered' ? attempt.at : null,
    }
    await this.deps.store.saveWebhook(job.merchantId, job.orderId, delivery)
    this.logStatus(delivery, attempt.http_status)
    return { ...job, delivery }
  }

  private logStatus(delivery: WebhookDelivery, httpStatus: number | null): void {
    this.deps.log.info('webhook', {
      event_id: delivery.id,
      event_name: delivery.event_name,
      status: delivery.status,
      http_status: httpStatus,
      attempt: delivery.attempts.length,
    })
  }

}

function validDelays(delays: readonly number[]): readonly number[] {
  if (delays.some((d) => !Number.isFinite(d) || d < 0)) throw new Error('retryDelaysMs must be finite, non-negative numbers')
  return [...delays]
}

