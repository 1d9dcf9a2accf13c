import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Plan } from '../../contract/plan'
import type { Order } from '../domain/order'
import type { InsertPreviewResult, PlanChangePreview } from '../domain/plan-change'
import { DEFAULT_RETENTION, holdsLiveMandate, lastChangedAt, mayForget, type RetentionPolicy } from '../domain/retention'
import type { InsertSubscriptionResult, Subscription } from '../domain/subscriptions'
import type { WebhookDelivery } from '../domain/webhook-delivery'
import { checkClaim, checkClock, checkJob, checkNext, checkNextDue } from './checks'
import * as lua from './redis-scripts'
import type { InsertPlanResult, InsertResult, ScheduledJob, Store } from './store'

/** How often, in sandbox time, an insert also sweeps out what the retention period let go (as MemoryStore). */
const SWEEP_EVERY_MS = 60 * 1000
/** How long after the sweep would have forgotten an order its keys expire by themselves: the backstop when no instance sweeps. */
const EXPIRY_BACKSTOP_MS = 24 * 3600 * 1000
/** How many candidates a sweep reads at a time (the cap's script, lua.CAP, looks at up to 200 a call). */
const BATCH = 200

export const DEFAULT_PREFIX = 'mc:'

export interface RedisStoreOptions {
  /** Put before every key, so tests and several teams' sandboxes can share one server (default `mc:`). */
  prefix?: string
  /** The sandbox's clock, which retention is measured on; without it nothing is swept by age and no key expires, and only the cap bounds the store. */
  now?: () => Date
  retention?: RetentionPolicy
}

/** The address without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(not a URL)'
  }
}

/** A part of a key that names something a merchant chose: escaped, so `:` inside it cannot run into the next part. */
const part = (value: string): string => encodeURIComponent(value)

type Reply = string | number | null | Reply[]

/**
 * The store on a Redis server shared by any number of sandbox instances
 * (docs/architecture.md#shared-sandbox). Every check-then-write is one Lua script, so it is atomic
 * across instances; records are JSON. Bounded as MemoryStore is: inserts sweep by the retention
 * rule once a sandbox minute over an index of when each order last changed, and the cap forgets the
 * oldest first; every order's keys also expire a day after the sweep would have forgotten them.
 */
export class RedisStore implements Store {
  private readonly prefix: string
  private readonly now: (() => Date) | null
  private readonly retention: RetentionPolicy
  private lastSweep = Number.NEGATIVE_INFINITY
  private readonly shas = new Map<string, string>()

  private constructor(
    private readonly redis: Redis,
    options: RedisStoreOptions,
  ) {
    this.prefix = options.prefix ?? DEFAULT_PREFIX
    this.now = options.now ?? null
    this.retention = options.retention ?? DEFAULT_RETENTION
  }

  /** Connects and checks the server answers, failing at once with a clear message when it does not. */
  static async connect(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    return new RedisStore(await connectRedis(url), options)
  }

  async insertOrder(order: Order): Promise<InsertResult> {
    if (this.now && this.now().getTime() - this.lastSweep >= SWEEP_EVERY_MS) await this.sweep()
    const reply = (await this.run(lua.INSERT_ORDER, [
      order.id,
      this.key.merchantOrders(order.merchantId),
      order.orderId.toLowerCase(),
      JSON.stringify(order),
      order.revision,
      lastChangedAt(order),
      order.source.dialect === 'checkout' ? this.key.session(order.source.sessionId) : '',
      order.source.dialect === 'checkout' ? this.key.secret(order.source.clientSecret) : '',
      this.ttlOf(order),
      liveFlag(order),
    ])) as [1, number] | [0, string]
    if (reply[0] === 0) return { inserted: false, existing: JSON.parse(reply[1]) as Order }
    // The reply's second value is how many orders the store now holds.
    if (reply[1] > this.retention.maxOrders) await this.cap()
    return { inserted: true }
  }

  async updateOrder(order: Order, jobs: readonly ScheduledJob[] = []): Promise<boolean> {
    jobs.forEach(checkJob)
    const written = await this.run(lua.UPDATE_ORDER, [
      order.id,
      order.revision,
      JSON.stringify({ ...order, revision: order.revision + 1 }),
      lastChangedAt(order),
      this.ttlOf(order),
      liveFlag(order),
      ...jobs.flatMap((job) => this.jobArgs(job)),
    ])
    if (written === -1) throw new Error(`unknown order ${order.id}`)
    return written === 1
  }

  async orderById(id: string): Promise<Order | undefined> {
    return parsed(await this.redis.hget(this.key.order(id), 'json')) as Order | undefined
  }

  async orderByMerchantOrderId(merchantId: string, orderId: string): Promise<Order | undefined> {
    return parsed(await this.run(lua.ORDER_VIA, ['hget', this.key.merchantOrders(merchantId), orderId.toLowerCase()])) as Order | undefined
  }

  async orderByCheckoutSessionId(sessionId: string): Promise<Order | undefined> {
    return parsed(await this.run(lua.ORDER_VIA, ['get', this.key.session(sessionId), ''])) as Order | undefined
  }

  async orderByClientSecret(secret: string): Promise<Order | undefined> {
    return parsed(await this.run(lua.ORDER_VIA, ['get', this.key.secret(secret), ''])) as Order | undefined
  }

  async indexToken(token: string, orderId: string): Promise<void> {
    await this.run(lua.INDEX_TOKEN, [this.key.token(token), orderId])
  }

  async orderByToken(token: string): Promise<Order | undefined> {
    return parsed(await this.run(lua.ORDER_VIA, ['get', this.key.token(token), ''])) as Order | undefined
  }

  async indexMandate(orderId: string, mandateId: string, payerVpa: string | null): Promise<void> {
    await this.run(lua.INDEX_MANDATE, [this.key.mandate(mandateId), payerVpa === null ? '' : this.key.payer(payerVpa), orderId])
  }

  async orderByMandateId(mandateId: string): Promise<Order | undefined> {
    return parsed(await this.run(lua.ORDER_VIA, ['get', this.key.mandate(mandateId), ''])) as Order | undefined
  }

  async ordersOfPayer(payerVpa: string): Promise<Order[]> {
    const records = (await this.run(lua.ORDERS_OF_PAYER, [this.key.payer(payerVpa)])) as string[]
    return records.map((json) => JSON.parse(json) as Order)
  }

  async saveWebhook(merchantId: string, orderId: string, delivery: WebhookDelivery): Promise<void> {
    await this.run(lua.SAVE_WEBHOOK, [this.key.merchantOrders(merchantId), orderId.toLowerCase(), delivery.id, JSON.stringify(delivery)])
  }

  async webhooksFor(merchantId: string, orderId: string): Promise<WebhookDelivery[]> {
    const records = (await this.run(lua.WEBHOOKS_FOR, [this.key.merchantOrders(merchantId), orderId.toLowerCase()])) as (string | null)[]
    return records.flatMap((json) => (json === null ? [] : [JSON.parse(json) as WebhookDelivery]))
  }

  async insertPlan(merchantId: string, plan: Plan): Promise<InsertPlanResult> {
    const [inserted, existing] = (await this.run(lua.INSERT_PLAN, [
      this.key.plans(merchantId),
      this.key.planIds(merchantId),
      this.key.merchantKeys(merchantId),
      plan.plan_id,
      JSON.stringify(plan),
    ])) as [number, string?]
    return inserted === 1 ? { inserted: true } : { inserted: false, existing: JSON.parse(existing ?? 'null') as Plan }
  }

  async plansOf(merchantId: string): Promise<Plan[]> {
    const plans = (await this.run(lua.PLANS_OF, [this.key.plans(merchantId), this.key.planIds(merchantId)])) as (string | null)[]
    return plans.flatMap((json) => (json === null ? [] : [JSON.parse(json) as Plan]))
  }

  async insertSubscription(subscription: Subscription): Promise<InsertSubscriptionResult> {
    const [inserted, existing] = (await this.run(lua.INSERT_SUBSCRIPTION, [
      this.key.subscription(subscription.id),
      this.key.subscriptionOfPage(subscription.pageId),
      // A subscription without a customer is listed under none (subscriptionsOf takes a customer id).
      subscription.customerId === null ? '' : this.key.customerSubscriptions(subscription.merchantId, subscription.customerId),
      this.key.merchantSubscriptions(subscription.merchantId),
      subscription.merchantId,
      subscription.pageId,
      subscription.mandatePageId,
      JSON.stringify(subscription),
    ])) as [number, string?]
    return inserted === 1 ? { inserted: true } : { inserted: false, existing: JSON.parse(existing ?? 'null') as Subscription }
  }

  async updateSubscription(subscription: Subscription): Promise<void> {
    const updated = await this.run(lua.UPDATE_SUBSCRIPTION, [this.key.subscription(subscription.id), subscription.mandatePageId, JSON.stringify(subscription)])
    if (updated !== 1) throw new Error(`unknown subscription ${subscription.id}`)
  }

  async subscription(merchantId: string, id: string): Promise<Subscription | undefined> {
    const [json, owner] = await this.redis.hmget(this.key.subscription(id), 'json', 'm')
    return owner === merchantId ? (parsed(json ?? null) as Subscription | undefined) : undefined
  }

  async subscriptionsOf(merchantId: string, customerId: string): Promise<Subscription[]> {
    const subscriptions = (await this.run(lua.SUBSCRIPTIONS_OF, [this.key.customerSubscriptions(merchantId, customerId)])) as string[]
    return subscriptions.map((json) => JSON.parse(json) as Subscription)
  }

  async insertPreview(preview: PlanChangePreview): Promise<InsertPreviewResult> {
    const { consumedBy, appliedAt, ...rest } = preview
    const expiresAt = Date.parse(preview.expiresAt)
    const [inserted, json, by, at] = (await this.run(lua.INSERT_PREVIEW, [
      this.key.preview(preview.merchantId, preview.subscriptionId, preview.requestId),
      this.key.merchantKeys(preview.merchantId),
      JSON.stringify(rest),
      consumedBy === null ? '' : JSON.stringify(consumedBy),
      consumedBy?.orderId.toLowerCase() ?? '',
      appliedAt ?? '',
      expiresAt,
      this.now ? Math.max(expiresAt + this.retention.retentionMs - this.now().getTime(), 0) + EXPIRY_BACKSTOP_MS : 0,
    ])) as [number, string?, string?, string?]
    return inserted === 1 ? { inserted: true } : { inserted: false, existing: previewOf(json ?? null, by, at) as PlanChangePreview }
  }

  async preview(merchantId: string, subscriptionId: string, requestId: string): Promise<PlanChangePreview | undefined> {
    const [json, by, at] = await this.redis.hmget(this.key.preview(merchantId, subscriptionId, requestId), 'json', 'by', 'at')
    return previewOf(json ?? null, by ?? undefined, at ?? undefined)
  }

  async consumePreview(merchantId: string, subscriptionId: string, requestId: string, by: { orderId: string; pageId: string }): Promise<boolean> {
    const key = this.key.preview(merchantId, subscriptionId, requestId)
    return (await this.run(lua.CONSUME_PREVIEW, [key, by.orderId.toLowerCase(), JSON.stringify({ orderId: by.orderId, pageId: by.pageId })])) === 1
  }

  async releasePreview(merchantId: string, subscriptionId: string, requestId: string, orderId: string): Promise<boolean> {
    return (await this.run(lua.RELEASE_PREVIEW, [this.key.preview(merchantId, subscriptionId, requestId), orderId.toLowerCase()])) === 1
  }

  async markPreviewApplied(merchantId: string, subscriptionId: string, requestId: string, at: string): Promise<boolean> {
    return (await this.run(lua.MARK_PREVIEW_APPLIED, [this.key.preview(merchantId, subscriptionId, requestId), at])) === 1
  }

  async schedule(job: ScheduledJob): Promise<void> {
    checkJob(job)
    await this.run(lua.SCHEDULE, this.jobArgs(job))
  }

  async claimDue(dueBy: number, leaseMs: number, limit: number): Promise<ScheduledJob[]> {
    checkClaim(dueBy, leaseMs, limit)
    const flat = (await this.run(lua.CLAIM_DUE, [dueBy, leaseMs, limit])) as string[]
    const jobs: ScheduledJob[] = []
    for (let i = 0; i + 4 < flat.length; i += 5) {
      const [id, merchantId, dueAt, kind, payload] = flat.slice(i, i + 5) as [string, string, string, ScheduledJob['kind'], string]
      jobs.push({ id, merchantId, dueAt: Number(dueAt), kind, payload })
    }
    return jobs
  }

  async finishJob(id: string, next?: { dueAt: number; payload: string }): Promise<void> {
    checkNext(next)
    await this.run(lua.FINISH_JOB, next ? [id, 'next', next.dueAt, next.payload] : [id, '', '', ''])
  }

  async claimNextDue(merchantId: string, dueBy: number, leaseMs: number): Promise<ScheduledJob | 'held' | null> {
    checkNextDue(dueBy, leaseMs)
    const reply = (await this.run(lua.CLAIM_NEXT_DUE, [this.key.merchantBase(merchantId), dueBy, leaseMs])) as string[]
    if (reply[0] === 'held') return 'held'
    if (reply[0] !== 'job') return null
    const [, id, owner, dueAt, kind, payload] = reply as [string, string, string, string, ScheduledJob['kind'], string]
    return { id, merchantId: owner, dueAt: Number(dueAt), kind, payload }
  }

  async clockOffset(merchantId: string): Promise<number> {
    return Number((await this.redis.get(this.key.merchantClock(merchantId))) ?? 0)
  }

  async advanceClock(merchantId: string, offsetMs: number): Promise<number> {
    checkClock(offsetMs)
    return Number(await this.run(lua.ADVANCE_CLOCK, [this.key.merchantBase(merchantId), offsetMs]))
  }

  async size(): Promise<number> {
    const [[, created], [, held]] = (await this.redis.multi().zcard(this.key.created()).zcard(this.key.held()).exec()) as [[null, number], [null, number]]
    return created + held
  }

  async resetMerchant(merchantId: string): Promise<string[]> {
    return (await this.run(lua.RESET_MERCHANT, [
      merchantId,
      this.key.merchantOrders(merchantId),
      this.key.merchantKeys(merchantId),
      this.key.merchantSubscriptions(merchantId),
      this.key.merchantBase(merchantId),
    ])) as string[]
  }

  async close(): Promise<void> {
    await this.redis.quit()
  }

  /**
   * Forgets what the retention period let go (docs/architecture.md#state-is-bounded): the orders
   * whose last change is older than the period and that mayForget lets go, each only if it did not
   * change meanwhile, and previews past it. Answers how many orders went.
   */
  async sweep(): Promise<number> {
    if (!this.now) return 0
    const now = this.now()
    this.lastSweep = now.getTime()
    const cutoff = now.getTime() - this.retention.retentionMs
    let forgotten = 0
    let kept = 0
    for (;;) {
      const ids = await this.redis.zrangebyscore(this.key.changed(), '-inf', cutoff, 'LIMIT', kept, BATCH)
      if (ids.length === 0) break
      for (const id of ids) {
        const { order, revision, needed } = await this.candidate(id)
        const goes = order === undefined || mayForget(order, now, this.retention, needed)
        if (goes && (await this.forget(id, revision))) {
          if (order) forgotten++
        } else kept++
      }
    }
    let previews: Reply
    do previews = await this.run(lua.SWEEP_PREVIEWS, [cutoff])
    while (previews === 500)
    return forgotten
  }

  /**
   * Over the cap, forgets the oldest orders first, open or not, but never one with a live mandate
   * or one a subscription needs (as MemoryStore); those wait aside, so each insert looks at a few
   * orders only however many must stay (lua.CAP).
   */
  private async cap(): Promise<void> {
    let over: number
    do over = Number(await this.run(lua.CAP, [this.retention.maxOrders]))
    while (over > 0)
  }

  private async candidate(id: string): Promise<{ order: Order | undefined; revision: string; needed: boolean }> {
    const [[, fields], [, member]] = (await this.redis
      .multi()
      .hmget(this.key.order(id), 'json', 'rev')
      .sismember(this.key.needed(), id)
      .exec()) as [[null, (string | null)[]], [null, number]]
    return { order: parsed(fields[0] ?? null) as Order | undefined, revision: fields[1] ?? '', needed: member === 1 }
  }

  /** Forgets the order if it is still at `revision` and no subscription needs it; answers whether it is gone. */
  private async forget(id: string, revision: string): Promise<boolean> {
    return (await this.run(lua.FORGET_ORDER, [id, revision, 'guard'])) === 1
  }

  /** When the order's keys expire by themselves: a day after the sweep would let it go; never while its mandate is live. */
  private ttlOf(order: Order): number {
    if (!this.now || holdsLiveMandate(order)) return 0
    return Math.max(lastChangedAt(order) + this.retention.retentionMs - this.now().getTime(), 0) + EXPIRY_BACKSTOP_MS
  }

  private jobArgs(job: ScheduledJob): (string | number)[] {
    return [job.id, job.merchantId, job.dueAt, job.kind, job.payload, this.key.merchantBase(job.merchantId)]
  }

  /** Runs a script by its digest, sending it whole the first time the server does not know it. */
  private async run(script: string, args: readonly (string | number)[]): Promise<Reply> {
    let sha = this.shas.get(script)
    if (sha === undefined) {
      sha = createHash('sha1').update(script).digest('hex')
      this.shas.set(script, sha)
    }
    try {
      return (await this.redis.evalsha(sha, 0, this.prefix, ...args.map(String))) as Reply
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
      return (await this.redis.eval(script, 0, this.prefix, ...args.map(String))) as Reply
    }
  }

  /** The key layout (docs/architecture.md#shared-sandbox). */
  private readonly key = {
    order: (id: string) => `${this.prefix}order:${id}`,
    session: (sessionId: string) => `${this.prefix}cs:${sessionId}`,
    secret: (secret: string) => `${this.prefix}secret:${secret}`,
    token: (token: string) => `${this.prefix}tok:${token}`,
    mandate: (mandateId: string) => `${this.prefix}mandate:${part(mandateId)}`,
    payer: (payerVpa: string) => `${this.prefix}payer:${part(payerVpa)}`,
    changed: () => `${this.prefix}changed`,
    created: () => `${this.prefix}created`,
    held: () => `${this.prefix}held`,
    needed: () => `${this.prefix}needed`,
    subscription: (id: string) => `${this.prefix}sub:${id}`,
    subscriptionOfPage: (pageId: string) => `${this.prefix}sub-page:${pageId}`,
    merchantOrders: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:orders`,
    merchantKeys: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:keys`,
    merchantSubscriptions: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:subs`,
    /** What every key of one merchant below starts with; the scripts add `jobs`, `due` and `clock` to it. */
    merchantBase: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:`,
    merchantClock: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:clock`,
    plans: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:plans`,
    planIds: (merchantId: string) => `${this.prefix}m:${part(merchantId)}:plan-ids`,
    customerSubscriptions: (merchantId: string, customerId: string) => `${this.prefix}m:${part(merchantId)}:cust:${part(customerId)}`,
    preview: (merchantId: string, subscriptionId: string, requestId: string) =>
      `${this.prefix}m:${part(merchantId)}:pv:${part(subscriptionId)}:${part(requestId)}`,
  }
}

/** What the scripts record of whether an order holds a live mandate. */
const liveFlag = (order: Order): string => (holdsLiveMandate(order) ? '1' : '0')

/** A record from its JSON; a missing one (nil) is undefined. */
function parsed(json: Reply): unknown {
  return typeof json === 'string' ? JSON.parse(json) : undefined
}

function previewOf(json: string | null, by: string | undefined, at: string | undefined): PlanChangePreview | undefined {
  if (json === null) return undefined
  return {
    ...(JSON.parse(json) as Omit<PlanChangePreview, 'consumedBy' | 'appliedAt'>),
    consumedBy: by ? (JSON.parse(by) as PlanChangePreview['consumedBy']) : null,
    appliedAt: at || null,
  }
}

/**
 * A connection that reconnects after a blip but fails at once when the server does not answer at
 * the start, so a sandbox given a wrong REDIS_URL says so instead of waiting.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 3 })
  // Failures reach the caller of the command that met them; the event tells why a connection failed.
  const seen: { error?: Error } = {}
  redis.on('error', (error: Error) => (seen.error = error))
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    const reason = seen.error?.message ?? (error instanceof Error ? error.message : String(error))
    throw new Error(`Redis at ${redactedUrl(url)} does not answer (${reason}): start it, or unset REDIS_URL to keep the sandbox in memory`, { cause: error })
  }
  return redis
}
