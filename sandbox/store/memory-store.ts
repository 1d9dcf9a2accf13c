import type { Plan } from '../../contract/plan'
import type { Order } from '../domain/order'
import type { InsertPreviewResult, PlanChangePreview } from '../domain/plan-change'
import type { InsertSubscriptionResult, Subscription } from '../domain/subscriptions'
import type { WebhookDelivery } from '../domain/webhook-delivery'
import { deepCopy } from './copy'
import type { InsertPlanResult, InsertResult, Store } from './store'

const previewKey = (merchantId: string, subscriptionId: string, requestId: string): string => `${merchantId}\u0000${subscriptionId}\u0000${requestId}`
const merchantKey = (merchantId: string, orderId: string): string => `${merchantId}\u0000${orderId.toLowerCase()}`

export class MemoryStore implements Store {
  private readonly byId = new Map<string, Order>()
  private readonly byMerchantOrder = new Map<string, string>()
  private readonly byCheckoutSession = new Map<string, string>()
  private readonly byClientSecret = new Map<string, string>()
  private readonly byToken = new Map<string, string>()
  /** Per merchant order: delivery id → record; a Map keeps creation order through updates. */
  private readonly webhooks = new Map<string, Map<string, WebhookDelivery>>()
  /** Per merchant: plan_id → run-time plan, in the order added. */
  private readonly plans = new Map<string, Map<string, Plan>>()
  /** Subscriptions by id, in the order created; and which one each order (page id) started. */
  private readonly subscriptions = new Map<string, Subscription>()
  private readonly subscriptionByOrder = new Map<string, string>()
  /** Plan-change previews by merchant, subscription and request_id. */
  private readonly previews = new Map<string, PlanChangePreview>()

  insertOrder(order: Order): InsertResult {
    const key = merchantKey(order.merchantId, order.orderId)
    const existingId = this.byMerchantOrder.get(key)
    const existing = existingId === undefined ? undefined : this.byId.get(existingId)
    if (existing) return { inserted: false, existing: deepCopy(existing) }
    this.byId.set(order.id, deepCopy(order))
    this.byMerchantOrder.set(key, order.id)
    if (order.source.dialect === 'checkout') {
      this.byCheckoutSession.set(order.source.sessionId, order.id)
      this.byClientSecret.set(order.source.clientSecret, order.id)
    }
    return { inserted: true }
  }

  updateOrder(order: Order): void {
    if (!this.byId.has(order.id)) throw new Error(`unknown order ${order.id}`)
    this.byId.set(order.id, deepCopy(order))
  }

  orderById(id: string): Order | undefined {
    return this.clone(this.byId.get(id))
  }

  orderByMerchantOrderId(merchantId: string, orderId: string): Order | undefined {
    return this.lookup(this.byMerchantOrder.get(merchantKey(merchantId, orderId)))
  }

  orderByCheckoutSessionId(sessionId: string): Order | undefined {
    return this.lookup(this.byCheckoutSession.get(sessionId))
  }

  orderByClientSecret(secret: string): Order | undefined {
    return this.lookup(this.byClientSecret.get(secret))
  }

  indexToken(token: string, orderId: string): void {
    this.byToken.set(token, orderId)
  }

  orderByToken(token: string): Order | undefined {
    return this.lookup(this.byToken.get(token))
  }

  saveWebhook(merchantId: string, orderId: string, delivery: WebhookDelivery): void {
    const key = merchantKey(merchantId, orderId)
    const records = this.webhooks.get(key) ?? new Map<string, WebhookDelivery>()
    records.set(delivery.id, deepCopy(delivery))
    this.webhooks.set(key, records)
  }

  webhooksFor(merchantId: string, orderId: string): WebhookDelivery[] {
    const records = this.webhooks.get(merchantKey(merchantId, orderId))
    return records ? [...records.values()].map((d) => deepCopy(d)) : []
  }

  insertPlan(merchantId: string, plan: Plan): InsertPlanResult {
    const plans = this.plans.get(merchantId) ?? new Map<string, Plan>()
    const existing = plans.get(plan.plan_id)
    if (existing) return { inserted: false, existing: deepCopy(existing) }
    plans.set(plan.plan_id, deepCopy(plan))
    this.plans.set(merchantId, plans)
    return { inserted: true }
  }

  plansOf(merchantId: string): Plan[] {
    const plans = this.plans.get(merchantId)
    return plans ? [...plans.values()].map((p) => deepCopy(p)) : []
  }

  insertSubscription(subscription: Subscription): InsertSubscriptionResult {
    const existingId = this.subscriptionByOrder.get(subscription.pageId)
    const existing = existingId === undefined ? undefined : this.subscriptions.get(existingId)
    if (existing) return { inserted: false, existing: deepCopy(existing) }
    this.subscriptions.set(subscription.id, deepCopy(subscription))
    this.subscriptionByOrder.set(subscription.pageId, subscription.id)
    return { inserted: true }
  }

  updateSubscription(subscription: Subscription): void {
    if (!this.subscriptions.has(subscription.id)) throw new Error(`unknown subscription ${subscription.id}`)
    this.subscriptions.set(subscription.id, deepCopy(subscription))
  }

  subscription(merchantId: string, id: string): Subscription | undefined {
    const found = this.subscriptions.get(id)
    return found?.merchantId === merchantId ? deepCopy(found) : undefined
  }

  subscriptionsOf(merchantId: string, customerId: string): Subscription[] {
    return [...this.subscriptions.values()]
      .filter((s) => s.merchantId === merchantId && s.customerId === customerId)
      .map((s) => deepCopy(s))
  }

  insertPreview(preview: PlanChangePreview): InsertPreviewResult {
    const key = previewKey(preview.merchantId, preview.subscriptionId, preview.requestId)
    const existing = this.previews.get(key)
    if (existing) return { inserted: false, existing: deepCopy(existing) }
    this.previews.set(key, deepCopy(preview))
    return { inserted: true }
  }

  preview(merchantId: string, subscriptionId: string, requestId: string): PlanChangePreview | undefined {
    const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
    return found === undefined ? undefined : deepCopy(found)
  }

  consumePreview(merchantId: string, subscriptionId: string, requestId: string, by: { orderId: string; pageId: string }): boolean {
    const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
    if (!found || found.appliedAt !== null) return false
    if (found.consumedBy) return found.consumedBy.pageId === by.pageId
    found.consumedBy = { ...by }
    return true
  }

  markPreviewApplied(merchantId: string, subscriptionId: string, requestId: string, at: string): boolean {
    const found = this.previews.get(previewKey(merchantId, subscriptionId, requestId))
    if (!found || found.consumedBy !== null || found.appliedAt !== null) return false
    found.appliedAt = at
    return true
  }

  size(): number {
    return this.byId.size
  }

  reset(): void {
    this.byId.clear()
    this.byMerchantOrder.clear()
    this.byCheckoutSession.clear()
    this.byClientSecret.clear()
    this.byToken.clear()
    this.webhooks.clear()
    this.plans.clear()
    this.subscriptions.clear()
    this.subscriptionByOrder.clear()
    this.previews.clear()
  }

  private lookup(id: string | undefined): Order | undefined {
    return id === undefined ? undefined : this.orderById(id)
  }

  private clone(order: Order | undefined): Order | undefined {
    return order === undefined ? undefined : deepCopy(order)
  }
}
