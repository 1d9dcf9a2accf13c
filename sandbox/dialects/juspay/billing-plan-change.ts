import type { MandateTerms } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import type { OrderBilling } from '../../domain/order'
import { changedSchedule, type PlanChangePreview } from '../../domain/plan-change'
import { istDate } from '../../domain/proration'
import type { Subscription } from '../../domain/subscriptions'
import { formatRupees } from './decimal'
import type { FieldErrors } from './fields'
import type { PaymentRules } from './payment-rules'
import type { JuspayOrderRequest } from './request'

/**
 * Paying for a prorated preview: a session or order whose `payment_rules` carries
 * `billing_plan_change` (docs/domain/billing.md#plan-changes-paying-for-one). Each refusal names
 * its field path and, where amounts are compared, both amounts in rupees.
 */

const FLOW = 'payment_rules.payment_flows.billing_plan_change'
/** Where a plan change's preview is named in a session request. */
export const PLAN_CHANGE_INFO = `${FLOW}.info`
const PREVIEW_HINT = 'make a new preview (POST /billing, command preview_prorated_amount)'

/** Where the request's preview, its subscription and the new plan are looked up: the authenticated merchant's only. */
export interface PlanChangeLookup {
  subscription(id: string): Promise<Subscription | undefined>
  preview(subscriptionId: string, requestId: string): Promise<PlanChangePreview | undefined>
  plan(planId: string): Plan | undefined
}

/** A plan change as read, before the mandate is known. */
export interface PlanChangeTerms {
  preview: PlanChangePreview
  subscription: Subscription & { plan: Plan }
  /** The plan changed to: the mandate's fields left out are taken from it even when the change is refused, so only the change's own problems are named. */
  plan: Plan
  /** Nothing about the change was refused: it may be paid for. */
  accepted: boolean
}

/**
 * Reads a `billing_plan_change`: its preview must exist, not have expired, not be paid for by
 * another order, still describe the subscription, and need a payment of exactly `amount`; a
 * `customer_id` sent must be the subscription's. Answers null when there is no plan change, or
 * its preview or plans cannot be found; every problem is in `errors`.
 */
export async function readPlanChange(
  request: JuspayOrderRequest,
  rules: PaymentRules | undefined,
  lookup: PlanChangeLookup,
  now: Date,
  errors: FieldErrors,
): Promise<PlanChangeTerms | null> {
  const flow = rules?.payment_flows.billing_plan_change
  if (!flow) return null
  const before = errors.list().length
  if (flow.status !== 'REQUIRED') errors.add(`${FLOW}.status`, `must be REQUIRED: a session that pays for a plan change cannot leave it out; got ${flow.status}`)
  const { billing_execution_info_id: subscriptionId, request_id: requestId } = flow.info
  const subscription = await lookup.subscription(subscriptionId)
  if (!subscription) {
    errors.add(`${PLAN_CHANGE_INFO}.billing_execution_info_id`, `names no billing execution of this merchant (${subscriptionId})`)
    return null
  }
  const preview = await lookup.preview(subscriptionId, requestId)
  if (!preview) {
    errors.add(`${PLAN_CHANGE_INFO}.request_id`, `names no preview of billing execution ${subscriptionId} (request_id ${requestId}); ${PREVIEW_HINT}`)
    return null
  }
  if (now.getTime() >= Date.parse(preview.expiresAt)) {
    errors.add(`${PLAN_CHANGE_INFO}.request_id`, `names a preview that expired at ${preview.expiresAt} (preview_expires_at); a session must be created before it: ${PREVIEW_HINT}`)
  }
  const usedBy = preview.consumedBy
  if (usedBy && (request.orderId === undefined || usedBy.orderId.toLowerCase() !== request.orderId.toLowerCase())) {
    errors.add(`${PLAN_CHANGE_INFO}.request_id`, `names a preview already paid for by order ${usedBy.orderId}: a preview pays for one change; ${PREVIEW_HINT}`)
  }
  const held = subscription.plan
  if (
    !held ||
    held.plan_id !== preview.current.planId ||
    subscription.planAmountMinor !== preview.current.amountMinor ||
    subscription.creditMinor !== preview.proration.heldCreditMinor
  ) {
    const now = `now ${held?.plan_id ?? 'none'} at ${formatRupees(subscription.planAmountMinor)}, with ${formatRupees(subscription.creditMinor)} of credit`
    errors.add(`${PLAN_CHANGE_INFO}.billing_execution_info_id`, `has changed since this preview (${now}); ${PREVIEW_HINT}`)
  }
  const plan = lookup.plan(preview.next.planId)
  if (!plan || plan.status !== 'ACTIVE') {
    errors.add(`${PLAN_CHANGE_INFO}.request_id`, `names a preview of a change to plan ${preview.next.planId}, which is ${plan ? plan.status : 'no longer a plan of this merchant'}; only an ACTIVE plan can be changed to`)
  }
  checkAmount(request, preview, errors)
  if (request.customerId !== undefined && request.customerId !== subscription.customerId) {
    errors.add('customer_id', `must be the subscription's customer (${subscription.customerId ?? 'none'}), or left out; got ${request.customerId}`)
  }
  checkMandateChoice(request, preview, errors)
  if (!plan || !held) return null
  return { preview, subscription: { ...subscription, plan: held }, plan, accepted: errors.list().length === before }
}

function checkAmount(request: JuspayOrderRequest, preview: PlanChangePreview, errors: FieldErrors): void {
  const due = preview.proration.proratedMinor
  if (due === 0) {
    const credit = preview.proration.carryForwardMinor > 0 ? `, and ${formatRupees(preview.proration.carryForwardMinor)} is carried to the next invoice` : ''
    errors.add(
      FLOW,
      `pays for a preview that needs no payment: its prorated_amount is ${formatRupees(0)} (a downgrade, a plan at the same price or one the held credit pays for${credit}); apply it with POST /billing, command apply_plan_change`,
    )
    return
  }
  if (request.amountMinor !== undefined && request.amountMinor !== due) {
    errors.add('amount', `must equal the preview's prorated_amount (${formatRupees(due)}); got ${formatRupees(request.amountMinor)}`)
  }
}

/** A change that fits the current mandate is a one-off payment; one that does not registers a new mandate. */
function checkMandateChoice(request: JuspayOrderRequest, preview: PlanChangePreview, errors: FieldErrors): void {
  if (errors.failed('options.create_mandate')) return
  const amount = formatRupees(preview.next.amountMinor)
  if (preview.mandateSufficient && request.createMandate !== undefined) {
    errors.add(
      'options.create_mandate',
      `must be left out: the new plan's amount (${amount}) fits the subscription's mandate, so the change is a one-off payment and the mandate stays; got ${request.createMandate}`,
    )
  }
  if (!preview.mandateSufficient && request.createMandate !== 'REQUIRED') {
    errors.add(
      'options.create_mandate',
      `must be REQUIRED: the new plan's amount (${amount}) exceeds the subscription's mandate, so this session registers a new mandate (the old one is revoked once it is active); got ${request.createMandate ?? 'nothing'}`,
    )
  }
}

/**
 * Checks that a new mandate covers the new plan (its cap and its end against the next invoice)
 * and answers what the order carries: the new plan, the subscription's schedule once changed, the
 * subscription it changes and the preview it pays for. Null when anything was refused.
 */
export function planChangeBilling(terms: PlanChangeTerms, mandate: MandateTerms | null, errors: FieldErrors): OrderBilling | null {
  const { preview, subscription, plan } = terms
  const before = errors.list().length
  if (mandate && mandate.maxAmount.minor < preview.next.amountMinor) {
    errors.add('mandate.max_amount', `must be at least the amount of plan ${plan.plan_id} (${formatRupees(preview.next.amountMinor)}); got ${formatRupees(mandate.maxAmount.minor)}`)
  }
  if (mandate && istDate(new Date(mandate.endDate)) < preview.nextInvoice.date) {
    errors.add('mandate.end_date', `must be on or after the next charge at the new amount (${preview.nextInvoice.date}, India time); the mandate ends on ${istDate(new Date(mandate.endDate))}`)
  }
  if (errors.list().length > before) return null
  const capMinor = mandate ? mandate.maxAmount.minor : subscription.schedule.cap.minor
  return {
    plan,
    schedule: changedSchedule(subscription.schedule, preview, plan, capMinor),
    subscriptionId: subscription.id,
    planChange: {
      preview,
      from: { planId: subscription.plan.plan_id, name: subscription.plan.name },
      to: { planId: plan.plan_id, name: plan.name },
      newMandate: !preview.mandateSufficient,
      appliedAt: null,
    },
  }
}
