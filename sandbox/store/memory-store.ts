import TinyQueue from 'tinyqueue'
import type { Plan } from '../../contract/plan'
import type { Order } from '../domain/order'
import type { InsertPreviewResult, PlanChangePreview } from '../domain/plan-change'
import { DEFAULT_RETENTION, factsMayGo, retentionFacts, type RetentionFacts, type RetentionPolicy } from '../domain/retention'
import type { InsertSubscriptionResult, Subscription } from '../domain/subscriptions'
import type { WebhookDelivery } from '../domain/webhook-delivery'
import { checkClaim, checkClock, checkJob, checkNext, checkNextDue } from './checks'
import { deepCopy } from './copy'
import type { InsertPlanResult, InsertResult, ScheduledJob, Store } from './store'

const previewKey = (merchantId: string, subscriptionId: string, requestId: string): string => `${merchantId}\u0000${subscriptionId}\u0000${requestId}`
const merchantKey = (merchantId: string, orderId: string): string => `${merchantId}\u0000${orderId.toLowerCase()}`

/**
 * An order as this store keeps it: its JSON text, as Redis keeps it, and what the store itself reads
 * of it. A string is one object that the garbage collector moves without tracing, where the order
 * as objects is a tree of about a hundred; every read parses a fresh copy, so no caller can reach
 * what is stored (docs/budgets.md#post-session-throughput).
 */
interface KeptOrder {
  json: string
  id: string
  merchantId: string
  orderId: string
  revision: number
  checkout: { sessionId: string; clientSecret: string } | null
  retention: RetentionFacts
  /** Its place in creation order, counted from the store's start: the cap forgets lower places first. */
  place: number
}

function keep(order: Order, place: number): KeptOrder {
  const { source } = order
  return {
    place,
    json: JSON.stringify(order),
    id: order.id,
    merchantId: order.merchantId,
    orderId: order.orderId,
    revision: order.revision,
    checkout: source.dialect === 'checkout' ? { sessionId: source.sessionId, clientSecret: source.clientSecret } : null,
    retention: retentionFacts(order),
  }
}

const unkept = (kept: KeptOrder): Order => JSON.parse(kept.json) as Order

/** How often, in sandbox time, an insert also sweeps out what the retention period let go. */
const SWEEP_EVERY_MS = 60 * 1000

export interface MemoryStoreOptions {
  /** The sandbox's clock, which retention is measured on; without it nothing is swept by age, and only the cap bounds the store. */
  now?: () => Date
  retention?: RetentionPolicy
}

/**
 * Runs `work` to its end before anything else can run, as each method here does, and answers its
 * result or its error as a promise: the store's check-then-writes are atomic because nothing in
 * them awaits.
 */
function atOnce<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

/** A scheduled job, when it falls due in real time, and, while a caller holds it, until when (real time, in milliseconds). */
interface HeldJob {
  job: ScheduledJob
  runAt: number
  leaseUntil: number | null
}

/** Soonest first; at the same moment, in id order. */
const byDue = (a: HeldJob, b: HeldJob): number => a.job.dueAt - b.job.dueAt || (a.job.id < b.job.id ? -1 : 1)

/**
 * A job in one of the store's two queues, at `at`: in `dueQueue`, its real due time (`runAt`, then
 * id); in `leaseQueue`, when its lease runs out. An entry is stale once its job was rescheduled,
 * finished or forgotten, or, for a lease, claimed again; the queues drop stale entries as they reach
 * them, so a claim looks at the jobs falling due and not at the rest.
 */
interface QueuedJob {
  at: number
  held: HeldJob
}

const byAt = (a: QueuedJob, b: QueuedJob): number => a.at - b.at || (a.held.job.id < b.held.job.id ? -1 : 1)

/**
 * Everything in one process's memory, bounded (docs/architecture.md#state-is-bounded): finished
 * orders go once the retention period has passed, swept as orders are inserted, and beyond the cap
 * the oldest orders go first. Each method does its work at once, awaiting nothing, so a
 * check-then-write is atomic here as it is in a Redis script.
 */
export class MemoryStore implements Store {
  private readonly now: (() => Date) | null
  private readonly retention: RetentionPolicy
  private lastSweep = Number.NEGATIVE_INFINITY
  private readonly byId = new Map<string, KeptOrder>()
  private readonly byMerchantOrder = new Map<string, string>()
  private readonly byCheckoutSession = new Map<string, string>()
  private readonly byClientSecret = new Map<string, string>()
  private readonly byToken = new Map<string, string>()
  /** The simulator tokens of each order, so forgetting an order forgets them. */
  private readonly tokensOf = new Map<string, string[]>()
  /** Registered mandates: mandate id → order, the orders each payer VPA registered, and what each order was indexed under. */
  private readonly byMandate = new Map<string, string>()
  private readonly byPayer = new Map<string, string[]>()
  private readonly mandatesOf = new Map<string, { mandateIds: string[]; payerVpa: string | null }>()
  /** Per merchant order: delivery id → record; a Map keeps creation order through updates. */
  private readonly webhooks = new Map<string, Map<string, WebhookDelivery>>()
  /** Per merchant: plan_id → run-time plan, in the order added. */
  private readonly plans = new Map<string, Map<string, Plan>>()
  /** Subscriptions by id, in the order created; and which one each order (page id) started. */
  private readonly subscriptions = new Map<string, Subscription>()
  private readonly subscriptionByOrder = new Map<string, string>()
  /** Plan-change previews by merchant, subscription and request_id. */
  private readonly previews = new Map<string, PlanChangePreview>()
  private readonly jobs = new Map<string, HeldJob>()
  private dueQueue = new TinyQueue<QueuedJob>([], byAt)
  private leaseQueue = new TinyQueue<QueuedJob>([], byAt)
  /** Per merchant: how far its clock runs ahead of real time (ms); absent is 0. */
  private readonly clocks = new Map<string, number>()
  /** How many of the subscriptions need each order (as the page that started one, or the one it debits through). */
  private readonly neededBy = new Map<string, number>()
  /**
   * The cap's queue of orders not yet looked at, in creation order from `trimAt` on: ids, with their
   * places beside them (an id whose order was forgotten, or forgotten and inserted again, no longer
   * has that place, and is passed by). Orders the cap looked at and had to keep wait in `held` until
   * they may go, then in `ready`, lowest place first; so an insert over the cap looks at a few orders
   * only, however many must stay (docs/architecture.md#state-is-bounded).
   */
  private trimIds: string[] = []
  private trimPlaces: number[] = []
  private trimAt = 0
  private nextPlace = 0
  private readonly held = new Set<string>()
  private readonly ready: { id: string; place: number }[] = []

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? null
    this.retention = options.retention ?? DEFAULT_RETENTION
  }

  insertOrder(order: Order): Promise<InsertResult> {
    return atOnce(() => {
      const key = merchantKey(order.merchantId, order.orderId)
      const existingId = this.byMerchantOrder.get(key)
      const existing = existingId === undefined ? undefined : this.byId.get(existingId)
      if (existing) return { inserted: false, existing: unkept(existing) }
      const kept = keep(order, this.nextPlace++)
      this.byId.set(order.id, kept)
      this.trimIds.push(kept.id)
      this.trimPlaces.push(kept.place)
      this.byMerchantOrder.set(key, order.id)
      if (kept.checkout) {
        this.byCheckoutSession.set(kept.checkout.sessionId, order.id)
        this.byClientSecret.set(kept.checkout.clientSecret, order.id)
      }
      this.bound()
      return { inserted: true }
    })
  }

  updateOrder(order: Order, jobs: readonly ScheduledJob[] = []): Promise<boolean> {
    return atOnce(() => {
      const stored = this.byId.get(order.id)
      if (!stored) throw new Error(`unknown order ${order.id}`)
      jobs.forEach(checkJob)
      if (stored.revision !== order.revision) return false
      this.byId.set(order.id, keep({ ...order, revision: order.revision + 1 }, stored.place))
      this.releaseIfFree(order.id)
      for (const job of jobs) this.put(job)
      return true
    })
  }

  orderById(id: string): Promise<Order | undefined> {
    return atOnce(() => this.lookup(id))
  }

  orderByMerchantOrderId(merchantId: string, orderId: string): Promise<Order | undefined> {
    return atOnce(() => this.lookup(this.byMerchantOrder.get(merchantKey(merchantId, orderId))))
  }

  orderByCheckoutSessionId(sessionId: string): Promise<Order | undefined> {
    return atOnce(() => this.lookup(this.byCheckoutSession.get(sessionId)))
  }

  orderByClientSecret(secret: string): Promise<Order | undefined> {
    return atOnce(() => this.lookup(this.byClientSecret.get(secret)))
  }

  indexToken(token: string, orderId: string): Promise<void> {
    return atOnce(() => {
      // A token of an order already forgotten (a reset, retention) would never be forgotten itself.
      if (!this.byId.has(orderId)) return
      this.byToken.set(token, orderId)
      this.tokensOf.set(orderId, [...(this.tokensOf.get(orderId) ?? []), token])
    })
  }

  orderByToken(token: string): Promise<Order | undefined> {
    return atOnce(() => this.lookup(this.byToken.get(token)))
  }

  indexMandate(orderId: string, mandateId: string, payerVpa: string | null): Promise<void> {
    return atOnce(() => {
      if (!this.byId.has(orderId)) return
      const indexed = this.mandatesOf.get(orderId) ?? { mandateIds: [], payerVpa: null }
      this.byMandate.set(mandateId, orderId)
      if (!indexed.mandateIds.includes(mandateId)) indexed.mandateIds.push(mandateId)
      if (payerVpa !== null && indexed.payerVpa === null) {
        indexed.payerVpa = payerVpa
        this.byPayer.set(payerVpa, [...(this.byPayer.get(payerVpa) ?? []), orderId])
      }
      this.mandatesOf.set(orderId, indexed)
    })
  }

  orderByMandateId(mandateId: string): Promise<Order | undefined> {
    return atOnce(() => this.lookup(this.byMandate.get(mandateId)))
  }

  ordersOfPayer(payerVpa: string): Promise<Order[]> {
    return atOnce(() => (this.byPayer.get(payerVpa) ?? []).flatMap((id) => this.lookup(id) ?? []))
  }

  saveWebhook(merchantId: string, orderId: string, delivery: WebhookDelivery): Promise<void> {
    return atOnce(() => {
      const key = merchantKey(merchantId, orderId)
      // A delivery still in flight when its order was forgotten (a reset, retention) records nothing.
      if (!this.byMerchantOrder.has(key)) return
      const records = this.webhooks.get(key) ?? new Map<string, WebhookDelivery>()
      records.set(delivery.id, deepCopy(delivery))
      this.webhooks.set(key, records)
    })
  }

  webhooksFor(merchantId: string, orderId: string): Promise<WebhookDelivery[]> {
    return atOnce(() => {
      const records = this.webhooks.get(merchantKey(merchantId, orderId))
      return records ? [...records.values()].map((d) => deepCopy(d)) : []
    })
  }

  insertPlan(merchantId: string, plan: Plan): Promise<InsertPlanResult> {
    return atOnce(() => {
      const plans = this.plans.get(merchantId) ?? new Map<string, Plan>()
      const existing = plans.get(plan.plan_id)
      if (existing) return { inserted: false, existing: deepCopy(existing) }
      plans.set(plan.plan_id, deepCopy(plan))
      this.plans.set(merchantId, plans)
      return { inserted: true }
    })
  }

  plansOf(merchantId: string): Promise<Plan[]> {
    return atOnce(() => {
      const plans = this.plans.get(merchantId)
      return plans ? [...plans.values()].map((p) => deepCopy(p)) : []
    })
  }

  insertSubscription(subscription: Subscription): Promise<InsertSubscriptionResult> {
    return atOnce(() => {
      const existingId = this.subscriptionByOrder.get(subscription.pageId)
      const existing = existingId === undefined ? undefined : this.subscriptions.get(existingId)
      if (existing) return { inserted: false, existing: deepCopy(existing) }
      this.subscriptions.set(subscription.id, deepCopy(subscription))
      this.subscriptionByOrder.set(subscription.pageId, subscription.id)
      this.need(subscription, 1)
      return { inserted: true }
    })
  }

  updateSubscription(subscription: Subscription): Promise<void> {
    return atOnce(() => {
      const stored = this.subscriptions.get(subscription.id)
      if (!stored) throw new Error(`unknown subscription ${subscription.id}`)
      this.need(subscription, 1)
      this.need(stored, -1)
      this.subscriptions.set(subscription.id, deepCopy(subscription))
    })
  }

  subscription(merchantId: string, id: string): Promise<Subscription | undefined> {
    return atOnce(() => {
      const found = this.subscriptions.get(id)
      return found?.merchantId === merchantId ? deepCopy(found) : undefined
    })
  }

  subscriptionsOf(merchantId: string, customerId: string): Promise<Subscription[]> {
    return atOnce(() => {
      return [...this.subscriptions.values()]
        .filter((s) => s.merchantId === merchantId && s.customerId === customerId)
        .map((s) => deepCopy(s))
    })
  }

  insertPreview(preview: PlanChangePreview): Promise<InsertPreviewResult> {
    return atOnce(() => {
      const key = previewKey(preview.merchantId, preview.subscriptionId, preview.requestId)
      const existing = this.previews.get(key)
      if (existing) return { inserted: false, existing: deepCopy(existing) }
      this.previews.set(key, deepCopy(preview))
      return { inserted: true }
    })
  }

  preview(merchantId: string, subscriptionId: string, requestId: string): Promise<PlanChangePreview | undefined> {
    return atOnce(() => {
      const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
      return found === undefined ? undefined : deepCopy(found)
    })
  }

  consumePreview(merchantId: string, subscriptionId: string, requestId: string, by: { orderId: string; pageId: string }): Promise<boolean> {
    return atOnce(() => {
      const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
      if (!found || found.appliedAt !== null) return false
      if (found.consumedBy) return found.consumedBy.orderId.toLowerCase() === by.orderId.toLowerCase()
      found.consumedBy = { ...by }
      return true
    })
  }

  releasePreview(merchantId: string, subscriptionId: string, requestId: string, orderId: string): Promise<boolean> {
    return atOnce(() => {
      // A preview applied has no order holding it: applying one needs it free, and consuming one applied is refused.
      const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
      if (found?.consumedBy?.orderId.toLowerCase() !== orderId.toLowerCase()) return false
      found.consumedBy = null
      return true
    })
  }

  markPreviewApplied(merchantId: string, subscriptionId: string, requestId: string, at: string): Promise<boolean> {
    return atOnce(() => {
      const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
      if (!found || found.consumedBy !== null || found.appliedAt !== null) return false
      found.appliedAt = at
      return true
    })
  }

  size(): Promise<number> {
    return atOnce(() => this.byId.size)
  }

  resetMerchant(merchantId: string): Promise<string[]> {
    return atOnce(() => {
      const forgotten = [...this.byId.values()].filter((order) => order.merchantId === merchantId).map((order) => order.id)
      for (const id of forgotten) this.forgetOrder(id)
      this.plans.delete(merchantId)
      for (const [id, subscription] of this.subscriptions) {
        if (subscription.merchantId !== merchantId) continue
        this.subscriptions.delete(id)
        this.subscriptionByOrder.delete(subscription.pageId)
        this.need(subscription, -1)
      }
      for (const [key, preview] of this.previews) if (preview.merchantId === merchantId) this.previews.delete(key)
      for (const [id, held] of this.jobs) if (held.job.merchantId === merchantId) this.jobs.delete(id)
      this.requeueJobs()
      this.clocks.delete(merchantId)
      return forgotten
    })
  }

  schedule(job: ScheduledJob): Promise<void> {
    return atOnce(() => {
      checkJob(job)
      this.put(job)
    })
  }

  claimDue(dueBy: number, leaseMs: number, limit: number): Promise<ScheduledJob[]> {
    return atOnce(() => {
      checkClaim(dueBy, leaseMs, limit)
      const now = Date.now()
      // A lease run out makes its job due again (a runner that died); its lease stands until claimed anew.
      for (let ended = this.leaseQueue.peek(); ended !== undefined && ended.at <= now; ended = this.leaseQueue.peek()) {
        this.leaseQueue.pop()
        if (this.jobs.get(ended.held.job.id) === ended.held && ended.held.leaseUntil === ended.at) this.dueQueue.push({ at: ended.held.runAt, held: ended.held })
      }
      const claimed: ScheduledJob[] = []
      for (let next = this.dueQueue.peek(); next !== undefined && next.at <= dueBy && claimed.length < limit; next = this.dueQueue.peek()) {
        this.dueQueue.pop()
        const { held } = next
        // Stale, or held under a lease that the lease queue gives back when it runs out.
        if (this.jobs.get(held.job.id) !== held || held.runAt !== next.at || (held.leaseUntil !== null && held.leaseUntil > now)) continue
        this.lease(held, now + leaseMs)
        claimed.push({ ...held.job })
      }
      return claimed
    })
  }

  finishJob(id: string, next?: { dueAt: number; payload: string }): Promise<void> {
    return atOnce(() => {
      checkNext(next)
      const held = this.jobs.get(id)
      // Scheduled anew since it was claimed (no lease) or forgotten: the new schedule stands.
      if (!held || held.leaseUntil === null) return
      if (next) this.put({ ...held.job, dueAt: next.dueAt, payload: next.payload })
      else this.jobs.delete(id)
    })
  }

  claimNextDue(merchantId: string, dueBy: number, leaseMs: number): Promise<ScheduledJob | 'held' | null> {
    return atOnce(() => {
      checkNextDue(dueBy, leaseMs)
      let first: HeldJob | undefined
      for (const held of this.jobs.values()) if (held.job.merchantId === merchantId && (!first || byDue(held, first) < 0)) first = held
      if (!first || first.job.dueAt > dueBy) return null
      const now = Date.now()
      if (first.leaseUntil !== null && first.leaseUntil > now) return 'held'
      this.lease(first, now + leaseMs)
      return { ...first.job }
    })
  }

  clockOffset(merchantId: string): Promise<number> {
    return atOnce(() => this.offsetOf(merchantId))
  }

  advanceClock(merchantId: string, offsetMs: number): Promise<number> {
    return atOnce(() => {
      checkClock(offsetMs)
      const by = offsetMs - this.offsetOf(merchantId)
      if (by <= 0) return this.offsetOf(merchantId)
      for (const held of this.jobs.values()) if (held.job.merchantId === merchantId) held.runAt -= by
      this.requeueJobs()
      this.clocks.set(merchantId, offsetMs)
      return offsetMs
    })
  }

  close(): Promise<void> {
    return Promise.resolve()
  }

  /**
   * Forgets what the retention period let go (docs/architecture.md#state-is-bounded): finished
   * orders past it, with their tokens and webhook records, and previews past it. Answers how many
   * orders went. Inserts call it once a sandbox minute.
   */
  sweep(): Promise<number> {
    return atOnce(() => this.sweepNow())
  }

  private sweepNow(): number {
    if (!this.now) return 0
    const now = this.now()
    this.lastSweep = now.getTime()
    let forgotten = 0
    for (const order of this.byId.values()) {
      if (!factsMayGo(order.retention, now, this.retention, this.neededBy.has(order.id))) continue
      this.forgetOrder(order.id)
      forgotten++
    }
    const cutoff = now.getTime() - this.retention.retentionMs
    for (const [key, preview] of this.previews) if (Date.parse(preview.expiresAt) <= cutoff) this.previews.delete(key)
    this.compactQueue()
    return forgotten
  }

  /**
   * Sweeps once a sandbox minute. Over the cap, forgets the oldest orders first, open or not, but
   * never one with a live mandate or one a subscription needs.
   */
  private bound(): void {
    if (this.now && this.now().getTime() - this.lastSweep >= SWEEP_EVERY_MS) this.sweepNow()
    while (this.byId.size > this.retention.maxOrders) {
      const id = this.nextToTrim()
      if (id === null) break
      this.forgetOrder(id)
    }
    this.compactQueue()
  }

  /** The oldest order the cap may forget, or null when every order it holds must stay. */
  private nextToTrim(): string | null {
    // Orders in `ready` were passed by the queue, so each is older than any order still in it.
    for (let next = this.ready.shift(); next !== undefined; next = this.ready.shift()) if (this.lookAt(next.id, next.place)) return next.id
    while (this.trimAt < this.trimIds.length) {
      const at = this.trimAt++
      const id = this.trimIds[at] as string
      if (this.lookAt(id, this.trimPlaces[at] as number)) return id
    }
    return null
  }

  /** Whether the order at `place` may go; one that must stay is held. An id no longer at its place was forgotten. */
  private lookAt(id: string, place: number): boolean {
    const order = this.byId.get(id)
    if (order === undefined || order.place !== place) return false
    if (this.mayTrim(order)) return true
    this.held.add(id)
    return false
  }

  private mayTrim(order: KeptOrder): boolean {
    return !order.retention.liveMandate && !this.neededBy.has(order.id)
  }

  /** An order the cap held that may go now joins `ready` at its place in creation order. */
  private releaseIfFree(id: string): void {
    const order = this.byId.get(id)
    if (order === undefined || !this.held.has(id) || !this.mayTrim(order)) return
    this.held.delete(id)
    let low = 0
    let high = this.ready.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.ready[middle] as { place: number }).place < order.place) low = middle + 1
      else high = middle
    }
    this.ready.splice(low, 0, { id, place: order.place })
  }

  /** Counts a subscription's need of its two orders up or down; an order no longer needed may go. */
  private need(subscription: Subscription, by: 1 | -1): void {
    for (const id of [subscription.pageId, subscription.mandatePageId]) {
      const count = (this.neededBy.get(id) ?? 0) + by
      if (count > 0) this.neededBy.set(id, count)
      else this.neededBy.delete(id)
      this.releaseIfFree(id)
    }
  }

  /**
   * Drops the queue's looked-at front once it is half the queue, and the ids of forgotten orders
   * once they outnumber the orders held (a store the sweep keeps under its cap never walks its
   * queue), so the queue stays within a few times the store's size.
   */
  private compactQueue(): void {
    const waiting = this.trimIds.length - this.trimAt
    if (this.trimAt >= 1024 && this.trimAt >= waiting) {
      this.trimIds = this.trimIds.slice(this.trimAt)
      this.trimPlaces = this.trimPlaces.slice(this.trimAt)
      this.trimAt = 0
    }
    if (waiting < 1024 || waiting <= 2 * this.byId.size) return
    const ids: string[] = []
    const places: number[] = []
    for (let i = this.trimAt; i < this.trimIds.length; i++) {
      const id = this.trimIds[i] as string
      const place = this.trimPlaces[i] as number
      if (this.byId.get(id)?.place !== place) continue
      ids.push(id)
      places.push(place)
    }
    this.trimIds = ids
    this.trimPlaces = places
    this.trimAt = 0
  }

  /** Forgets an order and everything kept for it: its indexes, simulator tokens, mandate indexes and webhook records. */
  private forgetOrder(id: string): void {
    const order = this.byId.get(id)
    if (!order) return
    this.byId.delete(id)
    const key = merchantKey(order.merchantId, order.orderId)
    this.byMerchantOrder.delete(key)
    this.webhooks.delete(key)
    if (order.checkout) {
      this.byCheckoutSession.delete(order.checkout.sessionId)
      this.byClientSecret.delete(order.checkout.clientSecret)
    }
    for (const token of this.tokensOf.get(id) ?? []) this.byToken.delete(token)
    this.tokensOf.delete(id)
    const mandates = this.mandatesOf.get(id)
    for (const mandateId of mandates?.mandateIds ?? []) this.byMandate.delete(mandateId)
    if (mandates?.payerVpa) {
      const left = (this.byPayer.get(mandates.payerVpa) ?? []).filter((orderId) => orderId !== id)
      if (left.length > 0) this.byPayer.set(mandates.payerVpa, left)
      else this.byPayer.delete(mandates.payerVpa)
    }
    this.mandatesOf.delete(id)
    this.held.delete(id)
  }

  private offsetOf(merchantId: string): number {
    return this.clocks.get(merchantId) ?? 0
  }

  /** Schedules (or reschedules, unheld) a job at its sandbox time on its merchant's clock as it now stands. */
  private put(job: ScheduledJob): void {
    const held: HeldJob = { job: { ...job }, runAt: job.dueAt - this.offsetOf(job.merchantId), leaseUntil: null }
    this.jobs.set(job.id, held)
    this.dueQueue.push({ at: held.runAt, held })
    // Stale entries beyond the jobs held: queue them anew from the jobs.
    if (this.dueQueue.length + this.leaseQueue.length > 2 * this.jobs.size + 1024) this.requeueJobs()
  }

  private lease(held: HeldJob, until: number): void {
    held.leaseUntil = until
    this.leaseQueue.push({ at: until, held })
  }

  /** Both queues anew from the jobs held: after a clock moved their due times, or when stale entries pile up. */
  private requeueJobs(): void {
    const held = [...this.jobs.values()]
    this.dueQueue = new TinyQueue(
      held.map((h) => ({ at: h.runAt, held: h })),
      byAt,
    )
    this.leaseQueue = new TinyQueue(
      held.flatMap((h) => (h.leaseUntil === null ? [] : [{ at: h.leaseUntil, held: h }])),
      byAt,
    )
  }

  private lookup(id: string | undefined): Order | undefined {
    const order = id === undefined ? undefined : this.byId.get(id)
    return order === undefined ? undefined : unkept(order)
  }
}
