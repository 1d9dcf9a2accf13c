import type { Plan } from '../../contract/plan'
import type { Order } from '../domain/order'
import type { InsertPreviewResult, PlanChangePreview } from '../domain/plan-change'
import type { InsertSubscriptionResult, Subscription } from '../domain/subscriptions'
import type { WebhookDelivery } from '../domain/webhook-delivery'

export type InsertResult = { inserted: true } | { inserted: false; existing: Order }
export type InsertPlanResult = { inserted: true } | { inserted: false; existing: Plan }

/**
 * Storage behind one interface. Methods are synchronous so a check-then-write is atomic in the
 * in-memory store; a persistent store would implement the same contract inside a transaction.
 */
export interface Store {
  /** Inserts unless the merchant already has an order with this order id (case-insensitive). */
  insertOrder(order: Order): InsertResult
  updateOrder(order: Order): void
  orderById(id: string): Order | undefined
  orderByMerchantOrderId(merchantId: string, orderId: string): Order | undefined
  orderByCheckoutSessionId(sessionId: string): Order | undefined
  orderByClientSecret(secret: string): Order | undefined
  /** Remembers which order a simulator's one-time token belongs to. */
  indexToken(token: string, orderId: string): void
  orderByToken(token: string): Order | undefined
  /** Inserts or replaces (by delivery id) a webhook record of a merchant's order; first save fixes its place. */
  saveWebhook(merchantId: string, orderId: string, delivery: WebhookDelivery): void
  /** The order's webhook records in the order they were created (empty when none). */
  webhooksFor(merchantId: string, orderId: string): WebhookDelivery[]
  /** Inserts a run-time plan unless the merchant already has one with this plan_id (exact match). */
  insertPlan(merchantId: string, plan: Plan): InsertPlanResult
  /** The merchant's run-time plans in the order they were added (empty when none). */
  plansOf(merchantId: string): Plan[]
  /** Inserts a subscription unless its order (pageId) already started one; then answers that one. */
  insertSubscription(subscription: Subscription): InsertSubscriptionResult
  /** Replaces a stored subscription (same id); an unknown one is an error. */
  updateSubscription(subscription: Subscription): void
  /** The merchant's subscription with this id (Juspay's billing_execution_info_id); another merchant's is not found. */
  subscription(merchantId: string, id: string): Subscription | undefined
  /** The merchant's subscriptions of one customer (exact customer id), oldest first; empty when none. */
  subscriptionsOf(merchantId: string, customerId: string): Subscription[]
  /** Inserts a plan-change preview unless the merchant already has one for this subscription and request_id; then answers that one. */
  insertPreview(preview: PlanChangePreview): InsertPreviewResult
  /** The merchant's preview for this subscription and request_id (exact match); another merchant's is not found. */
  preview(merchantId: string, subscriptionId: string, requestId: string): PlanChangePreview | undefined
  /** Marks the preview as paid for by this order unless another already claimed it; answers whether this order holds it. */
  consumePreview(merchantId: string, subscriptionId: string, requestId: string, by: { orderId: string; pageId: string }): boolean
  /**
   * Marks a preview applied without payment (apply_plan_change) at `at`, unless an order pays for
   * it or it was applied already: answers whether this call applied it. A preview applied is never
   * consumed by an order.
   */
  markPreviewApplied(merchantId: string, subscriptionId: string, requestId: string, at: string): boolean
  /** Number of orders held, for tests that check a failed request left nothing behind. */
  size(): number
  /**
   * Forgets one merchant's orders (with their tokens and webhook records), run-time plans,
   * subscriptions and previews; other merchants' stay. Answers the page ids of the orders forgotten.
   */
  resetMerchant(merchantId: string): string[]
}
