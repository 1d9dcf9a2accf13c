import type { JuspayErrorField } from '../../../contract/errors'
import type { MandateTerms } from '../../../contract/mandate'
import type { Merchant } from '../../merchants'
import { fingerprint, type OrderDraft } from '../../domain/orders'
import { FieldErrors, RequestFields } from './fields'
import { resolveMandate } from './mandate-terms'
import { ACTION_RAIL } from './rail-codes'
import { readRequest, type JuspayOrderRequest } from './request'

/** [I] Juspay's default order expiry is not documented; we give unpaid orders 24 hours. */
export const DEFAULT_ORDER_EXPIRY_MINUTES = 24 * 60

export interface ValidationContext {
  merchant: Merchant
  now: Date
}

export type ValidationResult = { ok: true; draft: OrderDraft } | { ok: false; fields: JuspayErrorField[] }

/**
 * Validates a Juspay session/order request body (already parsed into an object) and maps it into
 * the domain's OrderDraft. All field errors are collected, not just the first.
 */
export function validateOrderRequest(body: Record<string, unknown>, ctx: ValidationContext): ValidationResult {
  const errors = new FieldErrors()
  const request = readRequest(new RequestFields(body, errors), ctx.merchant, errors)
  requirePresent(request, errors)
  checkAction(request, ctx.merchant, errors)
  checkBilling(request, errors)
  const mandate = resolveRequestedMandate(request, ctx.now, errors)
  const fieldErrors = errors.list()
  const { orderId, amountMinor } = request
  if (fieldErrors.length > 0 || orderId === undefined || amountMinor === undefined) return { ok: false, fields: fieldErrors }
  return { ok: true, draft: toDraft(request, { orderId, amountMinor, mandate }, ctx) }
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

function checkBilling(request: JuspayOrderRequest, errors: FieldErrors): void {
  const registersPlan = request.paymentRules?.payment_flows.billing_creation !== undefined
  if (registersPlan && request.createMandate !== 'REQUIRED' && !errors.failed('options.create_mandate')) {
    errors.add('options.create_mandate', 'must be REQUIRED when payment_rules registers a billing plan')
  }
}

function resolveRequestedMandate(request: JuspayOrderRequest, now: Date, errors: FieldErrors): MandateTerms | null {
  if (request.createMandate === undefined) {
    if (request.mandateFieldsGiven && !errors.failed('options.create_mandate')) {
      errors.add('options.create_mandate', 'is required when mandate fields are given (REQUIRED or OPTIONAL)')
    }
    return null
  }
  return resolveMandate(request.mandate, { amountMinor: request.amountMinor, now }, errors)
}

const MINUTE_MS = 60 * 1000

function toDraft(
  request: JuspayOrderRequest,
  resolved: { orderId: string; amountMinor: number; mandate: MandateTerms | null },
  ctx: ValidationContext,
): OrderDraft {
  const expiryMinutes = Number(request.metadata['expiryInMins'] ?? DEFAULT_ORDER_EXPIRY_MINUTES)
  const action = request.action ?? 'paymentPage'
  return {
    merchantId: ctx.merchant.id,
    orderId: resolved.orderId,
    fingerprint: fingerprint(request),
    expiresAt: new Date(ctx.now.getTime() + expiryMinutes * MINUTE_MS).toISOString(),
    amountMinor: resolved.amountMinor,
    chargedTodayMinor: resolved.amountMinor,
    currency: 'INR',
    customer: {
      id: request.customerId ?? null,
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
    billing: null,
    lineItems: [],
    preferredRail: ACTION_RAIL[action],
    language: request.language ?? null,
    source: {
      dialect: 'juspay',
      action,
      paymentPageClientId: request.paymentPageClientId ?? null,
      getUpiDeepLinks: request.getUpiDeepLinks ?? null,
    },
  }
}
