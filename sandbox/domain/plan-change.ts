import type { PriceSchedule } from '../../contract/billing'
import type { Plan } from '../../contract/plan'
import type { Order, PlanChangeBilling, PlanChangeQuote } from './order'
import type { OrderEventName } from './order-events'
import { creditedCharges } from './price-schedule'
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
  /** When a change that needs no payment was applied from it (`apply_plan_change`); null otherwise. */
  appliedAt: string | null
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
    proration: prorate({ cycle, at, currentMinor: subscription.planAmountMinor, newMinor: next.amountMinor, heldCreditMinor: subscription.creditMinor }),
    nextInvoice: { date: istDate(cycle.end), amountMinor: next.amountMinor },
    mandateSufficient: next.amountMinor <= subscription.schedule.cap.minor,
    consumedBy: null,
    appliedAt: null,
  }
}

/**
 * The subscription's schedule once the change is applied: the new plan, amount and debit day; the
 * debits from the current cycle's end, the credit carried taken off them in turn; the new
 * mandate's cap when one is registered. The cycle's end stays where it was; `today` and `intro`
 * keep describing the registration.
 */
export function changedSchedule(current: PriceSchedule, preview: PlanChangeQuote, plan: Plan, capMinor: number): PriceSchedule {
  const { recurring } = current
  const money = (minor: number) => ({ minor, currency: current.cap.currency })
  const ruleValue = preview.next.ruleValue
  const charges =
    recurring.interval === 'ASPRESENTED'
      ? []
      : creditedCharges({
          first: preview.nextInvoice.date,
          interval: recurring.interval,
          ruleValue,
          amountMinor: preview.next.amountMinor,
          creditMinor: preview.proration.carryForwardMinor,
        })
  return {
    ...current,
    plan: { id: plan.plan_id, name: plan.name, description: plan.description },
    charges,
    recurring: { ...recurring, amount: money(preview.next.amountMinor), ruleType: ruleValue === null ? recurring.ruleType : (recurring.ruleType ?? 'ON'), ruleValue },
    cap: money(capMinor),
  }
}

/** The subscription once a change is applied: the new plan, amount and schedule, and the credit it now carries. */
export function changedSubscription(subscription: Subscription, plan: Plan, schedule: PriceSchedule, quote: PlanChangeQuote): Subscription {
  return {
    ...subscription,
    plan,
    planAmountMinor: schedule.recurring.amount.minor,
    schedule: { ...subscription.schedule, ...pickChanged(schedule) },
    creditMinor: quote.proration.carryForwardMinor,
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
  subscription(merchantId: string, id: string): Promise<Subscription | undefined>
  updateSubscription(subscription: Subscription): Promise<void>
}

/** The event a plan change applied adds: the sandbox's own, as Juspay lists no "updated" billing event. */
const CHANGE_EVENT: OrderEventName = 'BILLING_EXECUTION_UPDATED'

/**
 * After an attempt's outcome is folded into its order: when that paid for a plan change, applies
 * it exactly once (the order records when): the subscription takes the new plan, amount and
 * schedule; with a new mandate it debits through that one, and the old mandate's order (named in
 * `revokes`) is to be revoked once this order's write stands (revokedMandate). Answers the order
 * with its events (the change's before ORDER_SUCCEEDED).
 */
export async function applyPlanChange(
  store: PlanChangeStore,
  applied: { order: Order; events: OrderEventName[] },
  now: Date,
): Promise<{ order: Order; events: OrderEventName[]; revokes: string | null }> {
  const { order, events } = applied
  if (!appliesChange(order)) return { ...applied, revokes: null }
  const { billing } = order
  const subscription = await store.subscription(order.merchantId, billing.subscriptionId)
  if (!subscription || !billing.plan) return { ...applied, revokes: null }
  const newMandate = billing.planChange.newMandate && order.mandateId !== null
  await store.updateSubscription({
    ...changedSubscription(subscription, billing.plan, billing.schedule, billing.planChange.preview),
    mandateId: newMandate && order.mandateId ? order.mandateId : subscription.mandateId,
    mandatePageId: newMandate ? order.id : subscription.mandatePageId,
  })
  const replaces = newMandate ? { replaces: subscription.mandatePageId } : {}
  const changed: Order = { ...order, billing: { ...billing, planChange: { ...billing.planChange, appliedAt: now.toISOString(), ...replaces } } }
  const at = events.indexOf('ORDER_SUCCEEDED')
  const withChange = at < 0 ? [...events, CHANGE_EVENT] : [...events.slice(0, at), CHANGE_EVENT, ...events.slice(at)]
  return { order: changed, events: withChange, revokes: newMandate ? subscription.mandatePageId : null }
}

const pickChanged = ({ plan, charges, recurring, cap }: PriceSchedule) => ({ plan, charges, recurring, cap })

/** The old mandate's order once a plan change moved its subscription to a new mandate: revoked, unless it no longer is active. */
export function revokedMandate(holder: Order): { order: Order; events: OrderEventName[] } | null {
  if (holder.mandateStatus !== 'ACTIVE') return null
  return { order: { ...holder, mandateStatus: 'REVOKED' }, events: ['MANDATE_REVOKED'] }
}

/** Why a change that needs no payment cannot be applied from a preview. */
export type ApplyRefusal =
  | { reason: 'payment_required'; dueMinor: number }
  | { reason: 'paid_by_order'; orderId: string }
  | { reason: 'expired'; at: string }
  | { reason: 'plan_changed'; planId: string | null; amountMinor: number; creditMinor: number }
  | { reason: 'plan_inactive'; planId: string; status: string | null }
  | { reason: 'needs_mandate'; amountMinor: number; capMinor: number }

export interface ApplyStore {
  updateSubscription(subscription: Subscription): Promise<void>
  /** Marks the preview applied unless an order pays for it or it was applied; answers whether it now is, by this call. */
  markPreviewApplied(merchantId: string, subscriptionId: string, requestId: string, at: string): Promise<boolean>
}

export type ApplyResult = { ok: true; subscription: Subscription; preview: PlanChangePreview & { appliedAt: string } } | { ok: false; refusal: ApplyRefusal }

/**
 * Applies a change that needs no payment (docs/domain/billing.md#a-net-of-zero-or-below): a
 * downgrade, a plan at the same price, or one the held credit pays for whole. The new plan takes
 * effect at once; the credit left over is carried on the subscription and taken off its next
 * debits. Refused, changing nothing, when the preview needs a payment, is paid for by an order, has
 * expired or no longer describes the subscription, when the plan is no longer ACTIVE, or when its
 * amount does not fit the mandate. The caller answers a preview already applied as it was.
 */
export async function applyWithoutPayment(
  store: ApplyStore,
  preview: PlanChangePreview,
  subscription: Subscription,
  plan: Plan | undefined,
  now: Date,
): Promise<ApplyResult> {
  const refusal = applyRefusal(preview, subscription, plan, now)
  if (refusal) return { ok: false, refusal }
  if (!plan) return { ok: false, refusal: { reason: 'plan_inactive', planId: preview.next.planId, status: null } }
  const at = now.toISOString()
  if (!(await store.markPreviewApplied(preview.merchantId, preview.subscriptionId, preview.requestId, at))) {
    return { ok: false, refusal: { reason: 'paid_by_order', orderId: preview.consumedBy?.orderId ?? '' } }
  }
  const schedule = changedSchedule(subscription.schedule, preview, plan, subscription.schedule.cap.minor)
  const changed = changedSubscription(subscription, plan, schedule, preview)
  await store.updateSubscription(changed)
  return { ok: true, subscription: changed, preview: { ...preview, appliedAt: at } }
}

function applyRefusal(preview: PlanChangePreview, subscription: Subscription, plan: Plan | undefined, now: Date): ApplyRefusal | null {
  const { proration } = preview
  if (proration.proratedMinor > 0) return { reason: 'payment_required', dueMinor: proration.proratedMinor }
  if (preview.consumedBy) return { reason: 'paid_by_order', orderId: preview.consumedBy.orderId }
  if (now.getTime() >= Date.parse(preview.expiresAt)) return { reason: 'expired', at: preview.expiresAt }
  if (
    subscription.plan?.plan_id !== preview.current.planId ||
    subscription.planAmountMinor !== preview.current.amountMinor ||
    subscription.creditMinor !== proration.heldCreditMinor
  ) {
    return { reason: 'plan_changed', planId: subscription.plan?.plan_id ?? null, amountMinor: subscription.planAmountMinor, creditMinor: subscription.creditMinor }
  }
  if (!plan || plan.status !== 'ACTIVE') return { reason: 'plan_inactive', planId: preview.next.planId, status: plan?.status ?? null }
  if (!preview.mandateSufficient) return { reason: 'needs_mandate', amountMinor: preview.next.amountMinor, capMinor: subscription.schedule.cap.minor }
  return null
}
