import type { Plan } from '../../contract/plan'
import type { Order } from '../domain/order'
import type { InsertPreviewResult, PlanChangePreview } from '../domain/plan-change'
import type { InsertSubscriptionResult, Subscription } from '../domain/subscriptions'
import type { WebhookDelivery } from '../domain/webhook-delivery'

export type InsertResult = { inserted: true } | { inserted: false; existing: Order }
export type InsertPlanResult = { inserted: true } | { inserted: false; existing: Plan }

/**
 * Work due at a moment of sandbox time (an attempt's approval window closing, a webhook delivery or
 * its retry), kept in the store so that it survives a restart and runs on one instance only
 * (docs/architecture.md#shared-sandbox).
 */
export interface ScheduledJob {
  /** Unique; scheduling the same id again replaces its due time and payload. */
  id: string
  merchantId: string
  /**
   * The merchant's sandbox time, in milliseconds since the epoch. The store keeps when that comes
   * in real time (dueAt less the merchant's clock offset, moved with the clock), which claimDue
   * compares (docs/decisions/0015-a-clock-per-merchant.md).
   */
  dueAt: number
  /**
   * `debit`: a subscription's next renewal step (sandbox/domain/renewals.ts); `mandate_expiry`: a
   * mandate's end_date; `pause_end`: a paused mandate's pause_end_date (sandbox/domain/mandate-service.ts);
   * `execution`: a debit the merchant presented (sandbox/domain/mandate-executions.ts);
   * `mandate_replaced`: the old mandate a plan change moved its subscription from, to revoke
   * (sandbox/domain/attempt-service.ts).
   */
  kind: 'attempt_due' | 'webhook' | 'debit' | 'mandate_expiry' | 'pause_end' | 'execution' | 'mandate_replaced'
  /** JSON the job's runner reads. */
  payload: string
}

/**
 * Storage behind one interface, in memory or in Redis. Every method is asynchronous; the
 * guarantees a check-then-write needs (one order per merchant order id, one subscription per order,
 * a preview paid for or applied once, an order written from the revision it was read at) are the
 * store's, atomic on both stores.
 */
export interface Store {
  /** Inserts unless the merchant already has an order with this order id (case-insensitive). */
  insertOrder(order: Order): Promise<InsertResult>
  /**
   * Writes the order if the stored one is still at `order.revision`, bumping the revision, and
   * schedules `jobs` in the same step. Answers false, writing nothing, when another write got there
   * first: the caller reads the order again and redoes its change. An unknown order is an error.
   */
  updateOrder(order: Order, jobs?: readonly ScheduledJob[]): Promise<boolean>
  orderById(id: string): Promise<Order | undefined>
  orderByMerchantOrderId(merchantId: string, orderId: string): Promise<Order | undefined>
  orderByCheckoutSessionId(sessionId: string): Promise<Order | undefined>
  orderByClientSecret(secret: string): Promise<Order | undefined>
  /** Remembers which order a simulator's one-time token belongs to. */
  indexToken(token: string, orderId: string): Promise<void>
  orderByToken(token: string): Promise<Order | undefined>
  /**
   * Remembers a registered mandate of an order the store holds: its id finds the order
   * (orderByMandateId), and the payer's VPA, when there is one (lower-cased by the caller), lists it
   * (ordersOfPayer). Forgotten with the order; indexing again changes nothing.
   */
  indexMandate(orderId: string, mandateId: string, payerVpa: string | null): Promise<void>
  orderByMandateId(mandateId: string): Promise<Order | undefined>
  /** The orders holding the mandates a VPA registered, in the order they were indexed; empty when none. */
  ordersOfPayer(payerVpa: string): Promise<Order[]>
  /** Inserts or replaces (by delivery id) a webhook record of a merchant's order; first save fixes its place. */
  saveWebhook(merchantId: string, orderId: string, delivery: WebhookDelivery): Promise<void>
  /** The order's webhook records in the order they were created (empty when none). */
  webhooksFor(merchantId: string, orderId: string): Promise<WebhookDelivery[]>
  /** Inserts a run-time plan unless the merchant already has one with this plan_id (exact match). */
  insertPlan(merchantId: string, plan: Plan): Promise<InsertPlanResult>
  /** The merchant's run-time plans in the order they were added (empty when none). */
  plansOf(merchantId: string): Promise<Plan[]>
  /** Inserts a subscription unless its order (pageId) already started one; then answers that one. */
  insertSubscription(subscription: Subscription): Promise<InsertSubscriptionResult>
  /** Replaces a stored subscription (same id); an unknown one is an error. */
  updateSubscription(subscription: Subscription): Promise<void>
  /** The merchant's subscription with this id (Juspay's billing_execution_info_id); another merchant's is not found. */
  subscription(merchantId: string, id: string): Promise<Subscription | undefined>
  /** The merchant's subscriptions of one customer (exact customer id), oldest first; empty when none. */
  subscriptionsOf(merchantId: string, customerId: string): Promise<Subscription[]>
  /** Inserts a plan-change preview unless the merchant already has one for this subscription and request_id; then answers that one. */
  insertPreview(preview: PlanChangePreview): Promise<InsertPreviewResult>
  /** The merchant's preview for this subscription and request_id (exact match); another merchant's is not found. */
  preview(merchantId: string, subscriptionId: string, requestId: string): Promise<PlanChangePreview | undefined>
  /**
   * Marks the preview as paid for by this order unless an order under another merchant order id
   * claimed it; answers whether this order id holds it. Compared as order ids are, ignoring case: an
   * order whose first try claimed the preview and stopped before the order was stored is the same
   * order id on its retry, under a new page id, and holds it still.
   */
  consumePreview(merchantId: string, subscriptionId: string, requestId: string, by: { orderId: string; pageId: string }): Promise<boolean>
  /**
   * Gives back a preview this order id claimed for an order that was never stored, because another
   * request stored a different order under the same order id first: answers whether this order id
   * held it (now nobody does). A preview applied, or held by another order id, is left as it is.
   */
  releasePreview(merchantId: string, subscriptionId: string, requestId: string, orderId: string): Promise<boolean>
  /**
   * Marks a preview applied without payment (apply_plan_change) at `at`, unless an order pays for
   * it or it was applied already: answers whether this call applied it. A preview applied is never
   * consumed by an order.
   */
  markPreviewApplied(merchantId: string, subscriptionId: string, requestId: string, at: string): Promise<boolean>
  /** Schedules a job (replacing one with the same id, even one a runner holds). */
  schedule(job: ScheduledJob): Promise<void>
  /**
   * Takes up to `limit` jobs due by `dueBy` (real time: each job's sandbox due time on its
   * merchant's clock), soonest first, each held by the caller for `leaseMs` of real time: no other
   * caller gets it meanwhile, and one not finished by then is due again.
   */
  claimDue(dueBy: number, leaseMs: number, limit: number): Promise<ScheduledJob[]>
  /**
   * The merchant's soonest job, taken and held as claimDue holds it, when it is due by `dueBy` on
   * the merchant's clock (sandbox time); 'held' when another caller holds that job (it runs
   * first); null when none is due. Jobs due at the same moment come in id order.
   */
  claimNextDue(merchantId: string, dueBy: number, leaseMs: number): Promise<ScheduledJob | 'held' | null>
  /**
   * Ends a job the caller holds: gone, or due again at `next.dueAt` with `next.payload` (a retry).
   * Nothing happens when the job was scheduled anew or forgotten meanwhile.
   */
  finishJob(id: string, next?: { dueAt: number; payload: string }): Promise<void>
  /** How far the merchant's sandbox clock runs ahead of real time, in milliseconds: 0 until it is moved, and again after the merchant's reset. */
  clockOffset(merchantId: string): Promise<number>
  /**
   * Moves the merchant's clock forward to run `offsetMs` ahead of real time, never back (a smaller
   * offset changes nothing), in one step with the merchant's jobs, which fall due that much sooner
   * in real time. Answers the offset as it now stands.
   */
  advanceClock(merchantId: string, offsetMs: number): Promise<number>
  /** Number of orders held, for tests that check a failed request left nothing behind. */
  size(): Promise<number>
  /**
   * Forgets one merchant's orders (with their tokens and webhook records), run-time plans,
   * subscriptions, previews and jobs, and puts its clock back to real time; other merchants' stay. Answers the page ids of the orders forgotten.
   */
  resetMerchant(merchantId: string): Promise<string[]>
  /** Lets go of connections (server shutdown). */
  close(): Promise<void>
}
