import type { PriceSchedule } from '../../contract/billing'
import type { Plan } from '../../contract/plan'
import type { Order, PlanChangeBilling, PlanChangeQuote } from './order'
import type { OrderChange, OrderEventName } from './order-events'
import { istDate, prorate, type Cycle, type Proration } from './proration'
import type { Subscription } from './subscriptions'

/**
 * A prorated preview of a plan change (docs/domain/billing.md#plan-changes-the-prorated-preview):
 * what moving a subscription to another plan now would cost, frozen when it is made and kept per
 * merchant under the merchant's (billing_execution_info_id, request_id), so a repeat answers it
 * unchanged.
 */
export interface PlanChangePreview extends PlanChangeQuote {
  merchantId: string
  /** The request's canonical digest: the same request_id with another body is a conflict. */
  fingerprint: string
  proration: Proration
  /** The order that pays for it, once a session or order was created for it: a preview pays for one change. */
  consumedBy: { orderId: string; pageId: string } | null
}

export type InsertPreviewResult = { inserted: true } | { inserted: false; existing: PlanChangePreview }

export interface PreviewTerms {
  subscription: Subscription & { plan: NonNullable<Subscription['plan']> }
  cycle: Cycle
  requestId: string
  fingerprint: string
  now: Date
  lifetimeMinutes: number
  next: { planId: string; amountMinor: number; ruleValue: number | null }
}

const MINUTE_MS = 60 * 1000

/** Builds the preview; the instant is taken to the whole second, so the answer's proration_at reproduces the arithmetic. */
export function planChangePreview(terms: PreviewTerms): PlanChangePreview {
  const { subscription, cycle, next } = terms
  const at = new Date(Math.floor(terms.now.getTime() / 1000) * 1000)
  return {
    merchantId: subscription.merchantId,
    subscriptionId: subscription.id,
    requestId: terms.requestId,
    fingerprint: terms.fingerprint,
    prorationAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + terms.lifetimeMinutes * MINUTE_MS).toISOString(),
    current: {
      planId: subscription.plan.plan_id,
      amountMinor: subscription.planAmountMinor,
      periodStart: cycle.start.toISOString(),
      periodEnd: cycle.end.toISOString(),
    },
    next,
    proration: prorate({ cycle, at, currentMinor: subscription.planAmountMinor, newMinor: next.amountMinor }),
    nextInvoice: { date: istDate(cycle.end), amountMinor: next.amountMinor },
    mandateSufficient: next.amountMinor <= subscription.schedule.cap.minor,
    consumedBy: null,
  }
}

/**
 * The subscription's schedule once the change is applied: the new plan and amount, the next
 * invoice (the current cycle's end) at the new amount, the new mandate's cap when one is
 * registered. The debit day and the cycle's anchor stay; `today` and `intro` keep describing the
 * registration.
 */
export function changedSchedule(current: PriceSchedule, preview: PlanChangeQuote, plan: Plan, capMinor: number): PriceSchedule {
  const money = (minor: number) => ({ minor, currency: current.cap.currency })
  return {
    ...current,
    plan: { id: plan.plan_id, name: plan.name, description: plan.description },
    charges: [{ date: preview.nextInvoice.date, amount: money(preview.next.amountMinor), intro: false }],
    recurring: { ...current.recurring, amount: money(preview.next.amountMinor) },
    cap: money(capMinor),
  }
}

type ChangingOrder = Order & { billing: NonNullable<Order['billing']> & { planChange: PlanChangeBilling; subscriptionId: string } }

/** The order paid for a plan change not applied yet: charged, and its new mandate, when it registers one, active. */
function appliesChange(order: Order): order is ChangingOrder {
  const change = order.billing?.planChange
  if (!change || change.appliedAt !== null || order.billing?.subscriptionId == null || order.status !== 'CHARGED') return false
  return !change.newMandate || (order.mandateStatus === 'ACTIVE' && order.mandateId !== null)
}

export interface PlanChangeStore {
  subscription(merchantId: string, id: string): Subscription | undefined
  updateSubscription(subscription: Subscription): void
  orderById(id: string): Order | undefined
  updateOrder(order: Order): void
}

/** The event a plan change applied adds: the sandbox's own, as Juspay lists no "updated" billing event. */
const CHANGE_EVENT: OrderEventName = 'BILLING_EXECUTION_UPDATED'

/**
 * After an attempt's outcome is folded into its order: when that paid for a plan change, applies
 * it exactly once (the order records when): the subscription takes the new plan, amount and
 * schedule; with a new mandate it debits through that one and the old mandate's order is revoked.
 * Answers the order with its events (the change's before ORDER_SUCCEEDED) and the old mandate's
 * order change, when there is one, to publish after it.
 */
export function applyPlanChange(
  store: PlanChangeStore,
  applied: { order: Order; events: OrderEventName[] },
  now: Date,
): { order: Order; events: OrderEventName[]; revoked: OrderChange | null } {
  const { order, events } = applied
  if (!appliesChange(order)) return { ...applied, revoked: null }
  const { billing } = order
  const subscription = store.subscription(order.merchantId, billing.subscriptionId)
  if (!subscription || !billing.plan) return { ...applied, revoked: null }
  const newMandate = billing.planChange.newMandate && order.mandateId !== null
  store.updateSubscription({
    ...subscription,
    plan: billing.plan,
    planAmountMinor: billing.schedule.recurring.amount.minor,
    schedule: { ...subscription.schedule, ...pickChanged(billing.schedule) },
    mandateId: newMandate && order.mandateId ? order.mandateId : subscription.mandateId,
    mandatePageId: newMandate ? order.id : subscription.mandatePageId,
  })
  const revoked = newMandate ? revokeMandate(store, subscription.mandatePageId) : null
  const changed: Order = { ...order, billing: { ...billing, planChange: { ...billing.planChange, appliedAt: now.toISOString() } } }
  const at = events.indexOf('ORDER_SUCCEEDED')
  const withChange = at < 0 ? [...events, CHANGE_EVENT] : [...events.slice(0, at), CHANGE_EVENT, ...events.slice(at)]
  return { order: changed, events: withChange, revoked }
}

const pickChanged = ({ plan, charges, recurring, cap }: PriceSchedule) => ({ plan, charges, recurring, cap })

function revokeMandate(store: PlanChangeStore, pageId: string): OrderChange | null {
  const holder = store.orderById(pageId)
  if (!holder || holder.mandateStatus !== 'ACTIVE') return null
  const revoked: Order = { ...holder, mandateStatus: 'REVOKED' }
  store.updateOrder(revoked)
  return { order: revoked, events: ['MANDATE_REVOKED'] }
}
