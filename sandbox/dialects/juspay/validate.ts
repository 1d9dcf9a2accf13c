import type { JuspayErrorField } from '../../../contract/errors'
import type { MandateTerms } from '../../../contract/mandate'
import type { Merchant } from '../../merchants'
import type { OrderBilling } from '../../domain/order'
import { fingerprint, type OrderDraft } from '../../domain/orders'
import { merchantPlans } from '../../domain/plans'
import type { Store } from '../../store/store'
import type { Plan } from '../../../contract/plan'
import { checkMandateAgainstPlan, planBilling, readPlanRegistration, withPlanDefaults } from './billing-creation'
import { planChangeBilling, readPlanChange, type PlanChangeTerms } from './billing-plan-change'
import { FieldErrors, RequestFields } from './fields'
import { resolveMandate } from './mandate-terms'
import { ACTION_RAIL } from './rail-codes'
import { readRequest, type JuspayOrderRequest } from './request'

/** [I] Juspay's default order expiry is not documented; we give unpaid orders 24 hours. */
export const DEFAULT_ORDER_EXPIRY_MINUTES = 24 * 60

export interface ValidationContext {
  merchant: Merchant
  now: Date
  /** Where the merchant's run-time plans are kept (its catalogue is read through merchantPlans). */
  store: Store
}

export type ValidationResult = { ok: true; draft: OrderDraft } | { ok: false; fields: JuspayErrorField[] }

/**
 * Validates a Juspay session/order request body (already parsed into an object) and maps it into
 * the domain's OrderDraft. All field errors are collected, not just the first.
 */
export async function validateOrderRequest(body: Record<string, unknown>, ctx: ValidationContext): Promise<ValidationResult> {
  const errors = new FieldErrors()
  const request = readRequest(new RequestFields(body, errors), ctx.merchant, errors)
  requirePresent(request, errors)
  checkAction(request, ctx.merchant, errors)
  checkBilling(request, errors)
  const plans = await merchantPlans(ctx.store, ctx.merchant)
  const findPlan = (planId: string) => plans.find((plan) => plan.plan_id === planId)
  const registration = readPlanRegistration(request.paymentRules, findPlan, ctx.now, errors)
  const change = await readPlanChange(request, request.paymentRules, planChangeLookup(ctx, findPlan), ctx.now, errors)
  // A plan change whose preview was not found has no plan to take the mandate's defaults from: only that is named.
  const changeUnknown = request.paymentRules?.payment_flows.billing_plan_change !== undefined && change === null
  const mandate = changeUnknown ? null : resolveRequestedMandate(request, registration?.plan ?? change?.plan ?? null, ctx.now, errors)
  const { orderId, amountMinor } = request
  const billing =
    registration && mandate && amountMinor !== undefined
      ? planBilling(registration, mandate, { now: ctx.now, todayMinor: amountMinor, refunded: request.metadata['auto_refund_post_success'] === 'true' }, errors)
      : change?.accepted && (mandate || change.preview.mandateSufficient)
        ? planChangeBilling(change, mandate, errors)
        : null
  const fieldErrors = errors.list()
  if (fieldErrors.length > 0 || orderId === undefined || amountMinor === undefined) return { ok: false, fields: fieldErrors }
  return { ok: true, draft: toDraft(request, { orderId, amountMinor, mandate, billing, change }, ctx) }
}

function planChangeLookup({ store, merchant }: ValidationContext, findPlan: (planId: string) => Plan | undefined) {
  return {
    subscription: (id: string) => store.subscription(merchant.id, id),
    preview: (subscriptionId: string, requestId: string) => store.preview(merchant.id, subscriptionId, requestId),
    plan: findPlan,
  }
}

function requirePresent(request: JuspayOrderRequest, errors: FieldErrors): void {
  if (request.orderId === undefined && !errors.failed('order_id')) errors.add('order_id', 'is required')
  if (request.amountMinor === undefined && !errors.failed('amount')) errors.add('amount', 'is required')
}

function checkAction(request: JuspayOrderRequest, merchant: Merchant, errors: FieldErrors): void {
  if (request.action === 'paymentManagement') {
    errors.add('action', 'paymentManagement (saved instruments) is not supported by this sandbox; use paymentPage or enach')
  }
  if (request.action !== 'enach') return
  if (!merchant.instruments.includes(ACTION_RAIL.enach)) {
    errors.add('action', 'enach needs net banking, which is not enabled for this merchant')
  }
  if (request.createMandate === undefined && !errors.failed('options.create_mandate')) {
    errors.add('options.create_mandate', 'is required with action enach, which registers a mandate')
  }
}

/** A plan registration needs a mandate to bill through and a customer to bill (Billing's session table requires customer_id). */
function checkBilling(request: JuspayOrderRequest, errors: FieldErrors): void {
  const registersPlan = request.paymentRules?.payment_flows.billing_creation !== undefined
  if (registersPlan && request.createMandate !== 'REQUIRED' && !errors.failed('options.create_mandate')) {
    errors.add('options.create_mandate', 'must be REQUIRED when payment_rules registers a billing plan')
  }
  if (registersPlan && request.customerId === undefined && !errors.failed('customer_id')) {
    errors.add('customer_id', 'is required when payment_rules registers a billing plan: the subscription belongs to a customer')
  }
}

/** The mandate the order registers; fields left out are taken from the plan registered or changed to, when there is one. */
function resolveRequestedMandate(request: JuspayOrderRequest, plan: Plan | null, now: Date, errors: FieldErrors): MandateTerms | null {
  if (request.createMandate === undefined) {
    if (request.mandateFieldsGiven && !errors.failed('options.create_mandate')) {
      errors.add('options.create_mandate', 'is required when mandate fields are given (REQUIRED or OPTIONAL)')
    }
    return null
  }
  let input = request.mandate
  if (plan) {
    input = withPlanDefaults(request.mandate, plan)
    checkMandateAgainstPlan(request.mandate, input, plan, errors)
  }
  return resolveMandate(input, { amountMinor: request.amountMinor, now }, errors)
}

const MINUTE_MS = 60 * 1000

function toDraft(
  request: JuspayOrderRequest,
  resolved: { orderId: string; amountMinor: number; mandate: MandateTerms | null; billing: OrderBilling | null; change: PlanChangeTerms | null },
  ctx: ValidationContext,
): OrderDraft {
  const expiryMinutes = Number(request.metadata['expiryInMins'] ?? DEFAULT_ORDER_EXPIRY_MINUTES)
  const asked = ctx.now.getTime() + expiryMinutes * MINUTE_MS
  // A plan change's session holds no longer than the quote it pays for.
  const expiresAt = resolved.change ? Math.min(asked, Date.parse(resolved.change.preview.expiresAt)) : asked
  const action = request.action ?? 'paymentPage'
  return {
    merchantId: ctx.merchant.id,
    orderId: resolved.orderId,
    fingerprint: fingerprint(request),
    expiresAt: new Date(expiresAt).toISOString(),
    amountMinor: resolved.amountMinor,
    chargedTodayMinor: resolved.amountMinor,
    currency: 'INR',
    customer: {
      id: request.customerId ?? resolved.change?.subscription.customerId ?? null,
      email: request.customerEmail ?? null,
      phone: request.customerPhone ?? null,
      firstName: request.firstName ?? null,
      lastName: request.lastName ?? null,
    },
    description: request.description ?? null,
    returnUrl: request.returnUrl ?? null,
    udf: request.udf.map((value) => value ?? ''),
    metadata: request.metadata,
    createMandate: request.createMandate ?? null,
    mandate: resolved.mandate,
    paymentRules: request.paymentRules ?? null,
    billing: resolved.billing,
    lineItems: [],
    preferredRail: ACTION_RAIL[action],
    rails: null,
    language: request.language ?? null,
    source: {
      dialect: 'juspay',
      action,
      paymentPageClientId: request.paymentPageClientId ?? null,
      getUpiDeepLinks: request.getUpiDeepLinks ?? null,
    },
  }
}
