import type { SandboxDeps } from '../deps'
import type { Dialect } from '../dialects/dialect'
import type { Order } from '../domain/order'
import type { OrderChange, OrderEventBus } from '../domain/order-events'
import type { Merchant } from '../merchants'
import type { WebhookAttempt, WebhookDelivery, WebhookStatus } from '../domain/webhook-delivery'
import { addressRefusal } from './address-policy'
import { webhookHeaders } from './signing'
import { webhookTarget } from './target'
import { hostnameOf, pinnedTransport, systemResolve, type Resolve, type ResolvedAddress, type Transport } from './transport'

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000, 8000, 16000]
export const DEFAULT_TIMEOUT_MS = 5000

export interface WebhookDispatcherOptions {
  deps: SandboxDeps
  bus: OrderEventBus
  /** Each order's webhooks are shaped by the dialect that created it. */
  dialects: { forOrder(order: Order): Pick<Dialect, 'webhook'> }
  /** Resolves a target's host before each attempt (node:dns unless a test injects one). */
  resolve?: Resolve
  /** Sends one attempt to the address that was checked (node:http(s) unless a test injects one). */
  transport?: Transport
  /** Waits before each retry; one more attempt than there are delays, then `failed`. */
  retryDelaysMs?: readonly number[]
  timeoutMs?: number
}

interface Job {
  merchantId: string
  orderId: string
  merchant: Merchant
  url: string
  rawBody: string
  delivery: WebhookDelivery
  generation: number
  /** The merchant's generation when queued: a reset of that merchant alone stops it too. */
  merchantGeneration: number
}

interface Sleep {
  merchantId: string
  timer: ReturnType<typeof setTimeout>
  wake: (woken: boolean) => void
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300
const isRedirect = (status: number): boolean => status >= 300 && status < 400

const errorCode = (error: unknown): string | null =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null

/**
 * Delivers order events to merchants as webhooks in the order's dialect, at least once: each event
 * is retried with backoff until a 2xx or until the retries run out. Events of one order go out
 * strictly one after another, so a merchant never sees ORDER_SUCCEEDED before the
 * MANDATE_ACTIVATED that preceded it.
 */
export class WebhookDispatcher {
  private readonly deps: SandboxDeps
  private readonly bus: OrderEventBus
  private readonly dialects: WebhookDispatcherOptions['dialects']
  private readonly resolve: Resolve
  private readonly send: Transport
  private readonly retryDelaysMs: readonly number[]
  private readonly timeoutMs: number
  private unsubscribe: (() => void) | null = null
  /** Pending jobs per order (page id); the head is the one being delivered. */
  private readonly queues = new Map<string, Job[]>()
  private readonly draining = new Set<string>()
  private readonly workers = new Set<Promise<void>>()
  private readonly sleeps = new Set<Sleep>()
  /** Each request in flight, and whose. */
  private readonly inFlight = new Map<AbortController, string>()
  /** Bumped by stop; work begun under an older generation stops and records nothing. */
  private generation = 0
  /** Bumped per merchant by resetMerchant. */
  private readonly merchantGenerations = new Map<string, number>()

  constructor(options: WebhookDispatcherOptions) {
    this.deps = options.deps
    this.bus = options.bus
    this.dialects = options.dialects
    this.resolve = options.resolve ?? systemResolve
    this.send = options.transport ?? pinnedTransport
    this.retryDelaysMs = validDelays(options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS)
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  start(): void {
    if (this.unsubscribe) return
    this.unsubscribe = this.bus.subscribe((change) => this.onChange(change))
  }

  stop(): void {
    this.unsubscribe?.()
    this.unsubscribe = null
    this.cancelAll()
  }

  deliveriesFor(merchantId: string, orderId: string): WebhookDelivery[] {
    return this.deps.store.webhooksFor(merchantId, orderId)
  }

  /**
   * Drops one merchant's queued, retrying and in-flight deliveries (a QA reset); other merchants'
   * carry on. The records go with the store's reset of that merchant.
   */
  resetMerchant(merchantId: string): void {
    this.merchantGenerations.set(merchantId, this.merchantGeneration(merchantId) + 1)
    for (const [key, queue] of this.queues) {
      const kept = queue.filter((job) => job.merchantId !== merchantId)
      if (kept.length !== queue.length) this.queues.set(key, kept)
    }
    this.cancelWhere((id) => id === merchantId)
  }

  private merchantGeneration(merchantId: string): number {
    return this.merchantGenerations.get(merchantId) ?? 0
  }

  /** Work begun before a stop, or before its merchant's reset. */
  private stale(job: Job): boolean {
    return job.generation !== this.generation || job.merchantGeneration !== this.merchantGeneration(job.merchantId)
  }

  async idle(): Promise<void> {
    while (this.workers.size > 0) await Promise.all([...this.workers])
  }

  private onChange(change: OrderChange): void {
    // A listener that throws would break the attempt service that published the change.
    try {
      for (const eventName of change.events) this.enqueue(change.order, eventName)
    } catch (error) {
      this.deps.log.error('webhook_enqueue_failed', { message: errorName(error) })
    }
  }

  private enqueue(order: Order, eventName: OrderChange['events'][number]): void {
    const now = this.deps.clock.now()
    const merchant = this.deps.merchants.byId(order.merchantId)
    const target = webhookTarget(order, merchant)
    const { id, body } = this.dialects.forOrder(order).webhook(order, eventName, now)
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
    this.deps.store.saveWebhook(order.merchantId, order.orderId, delivery)
    if (target.kind !== 'url' || !merchant) {
      this.logStatus(delivery, null)
      return
    }
    const job: Job = {
      merchantId: order.merchantId,
      orderId: order.orderId,
      merchant,
      url: target.url,
      rawBody: JSON.stringify(body),
      delivery,
      generation: this.generation,
      merchantGeneration: this.merchantGeneration(order.merchantId),
    }
    const queue = this.queues.get(order.id) ?? []
    queue.push(job)
    this.queues.set(order.id, queue)
    this.kick(order.id)
  }

  private kick(key: string): void {
    if (this.draining.has(key)) return
    this.draining.add(key)
    const worker = this.drain(key)
    this.workers.add(worker)
    void worker.finally(() => this.workers.delete(worker))
  }

  private async drain(key: string): Promise<void> {
    for (let job = this.queues.get(key)?.shift(); job; job = this.queues.get(key)?.shift()) {
      try {
        await this.deliver(job)
      } catch (error) {
        this.deps.log.error('webhook_delivery_crashed', { event_id: job.delivery.id, message: errorName(error) })
      }
    }
    // Synchronous with the last empty check above, so a job queued later always starts a worker.
    this.draining.delete(key)
    this.queues.delete(key)
  }

  private async deliver(job: Job): Promise<void> {
    for (let retry = 0; ; retry++) {
      const target = await this.checkTarget(job)
      if (this.stale(job)) return
      if (target.kind === 'refused') {
        this.refuse(job, target.reason)
        return
      }
      const attempt = target.kind === 'address' ? await this.post(job, target.address) : target.attempt
      if (this.stale(job)) return
      const delivered = attempt.http_status !== null && isSuccess(attempt.http_status)
      const delay = this.retryDelaysMs[retry]
      const status: WebhookStatus = delivered ? 'delivered' : delay === undefined ? 'failed' : 'pending'
      this.record(job, attempt, status)
      if (status !== 'pending' || delay === undefined) return
      const woken = await this.sleep(delay, job.merchantId)
      if (!woken || this.stale(job)) return
    }
  }

  /**
   * Resolves the target's host now, for this attempt, and checks every address it resolves to:
   * one refused address refuses the target. A name that does not resolve is a failed attempt,
   * retried like any network error.
   */
  private async checkTarget(
    job: Job,
  ): Promise<{ kind: 'address'; address: ResolvedAddress } | { kind: 'refused'; reason: string } | { kind: 'unresolved'; attempt: WebhookAttempt }> {
    const at = this.deps.clock.now()
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
      const refusal = addressRefusal(address, job.merchant.webhookUrls)
      if (refusal) return { kind: 'refused', reason: `the host ${refusal}` }
    }
    return { kind: 'address', address: first }
  }

  private async post(job: Job, address: ResolvedAddress): Promise<WebhookAttempt> {
    const at = this.deps.clock.now()
    const started = performance.now()
    const controller = new AbortController()
    this.inFlight.set(controller, job.merchantId)
    const elapsed = () => Math.round(performance.now() - started)
    try {
      const response = await this.send({
        url: new URL(job.url),
        address,
        headers: webhookHeaders(job.merchant, job.delivery.id, job.rawBody, at),
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
  private refuse(job: Job, reason: string): void {
    job.delivery = { ...job.delivery, status: 'refused', delivered_at: null, refusal: reason }
    this.deps.store.saveWebhook(job.merchantId, job.orderId, job.delivery)
    this.logStatus(job.delivery, null)
  }

  private record(job: Job, attempt: WebhookAttempt, status: WebhookStatus): void {
    const previous = job.delivery
    job.delivery = {
      ...previous,
      status,
      attempts: [...previous.attempts, attempt],
      delivered_at: status === 'delivered' ? attempt.at : null,
    }
    this.deps.store.saveWebhook(job.merchantId, job.orderId, job.delivery)
    this.logStatus(job.delivery, attempt.http_status)
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

  /** Resolves true after `ms`, or false at once when stop/reset cancels it. */
  private sleep(ms: number, merchantId: string): Promise<boolean> {
    return new Promise((resolve) => {
      const sleep: Sleep = {
        merchantId,
        timer: setTimeout(() => {
          this.sleeps.delete(sleep)
          resolve(true)
        }, ms),
        wake: resolve,
      }
      // A scheduled retry must not keep the process alive on shutdown.
      sleep.timer.unref()
      this.sleeps.add(sleep)
    })
  }

  private cancelAll(): void {
    this.generation += 1
    this.queues.clear()
    this.cancelWhere(() => true)
  }

  /** Wakes the retries waiting and aborts the requests in flight of the merchants chosen. */
  private cancelWhere(chosen: (merchantId: string) => boolean): void {
    for (const sleep of this.sleeps) {
      if (!chosen(sleep.merchantId)) continue
      clearTimeout(sleep.timer)
      sleep.wake(false)
      this.sleeps.delete(sleep)
    }
    for (const [controller, merchantId] of this.inFlight) {
      if (!chosen(merchantId)) continue
      controller.abort()
      this.inFlight.delete(controller)
    }
  }
}

function validDelays(delays: readonly number[]): readonly number[] {
  if (delays.some((d) => !Number.isFinite(d) || d < 0)) throw new Error('retryDelaysMs must be finite, non-negative numbers')
  return [...delays]
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'unknown')
