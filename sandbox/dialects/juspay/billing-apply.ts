import type { ApplyRefusal, PlanChangePreview } from '../../domain/plan-change'
import type { Subscription } from '../../domain/subscriptions'
import { billingExecution, type JuspayBillingExecution } from './billing-execution'
import { id, previewResponse, Problems, refused, unknownFields, type JuspayPreview } from './billing-preview'
import { formatRupees } from './decimal'
import type { JuspayErrorSpec } from './errors'

/**
 * The sandbox's own `POST /billing` command `apply_plan_change`
 * (docs/domain/billing.md#a-net-of-zero-or-below): applies a previewed change that needs no
 * payment. Juspay documents no such command; a change that needs a payment is applied by the
 * session that pays for it.
 */

export const APPLY = 'apply_plan_change'
const FIELDS = ['command', 'billing_execution_info_id', 'request_id']
const PREVIEW_HINT = 'make a new preview (POST /billing, command preview_prorated_amount)'

export interface ApplyRequest {
  billingExecutionInfoId: string
  requestId: string
}

/** Reads the two ids, each problem named by its field; the command was checked before. */
export function readApplyRequest(body: Record<string, unknown>): { ok: true; request: ApplyRequest } | { ok: false; error: JuspayErrorSpec } {
  const problems = new Problems()
  unknownFields(body, FIELDS, '', problems, APPLY)
  const billingExecutionInfoId = id(body['billing_execution_info_id'], 'billing_execution_info_id', problems)
  const requestId = id(body['request_id'], 'request_id', problems)
  if (problems.fields.length > 0 || billingExecutionInfoId === null || requestId === null) return { ok: false, error: problems.spec() }
  return { ok: true, request: { billingExecutionInfoId, requestId } }
}

/** No preview of this subscription under that request_id. */
export function unknownPreview(request: ApplyRequest): JuspayErrorSpec {
  const reason = `names no preview of billing execution ${request.billingExecutionInfoId}; ${PREVIEW_HINT}`
  return { status: 404, code: 'RESOURCE_NOT_FOUND', message: `No preview with this request_id: ${reason}.`, fields: [{ field_name: 'request_id', reason }] }
}

/** Why the change was not applied, naming the field to look at. */
export function applyRefusalError(refusal: ApplyRefusal): JuspayErrorSpec {
  switch (refusal.reason) {
    case 'payment_required':
      return refused(
        'request_id',
        `names a preview that needs a payment of ${formatRupees(refusal.dueMinor)} (its prorated_amount): it is paid for by a session whose payment_rules.payment_flows.billing_plan_change names it, and the change is applied when that payment succeeds`,
      )
    case 'paid_by_order':
      return refused('request_id', `names a preview that order ${refusal.orderId} pays for: that order applies the change when its payment succeeds`)
    case 'expired':
      return refused('request_id', `names a preview that expired at ${refusal.at} (preview_expires_at); ${PREVIEW_HINT}`)
    case 'plan_changed':
      return refused(
        'billing_execution_info_id',
        `has changed since this preview (now plan ${refusal.planId ?? 'none'} at ${formatRupees(refusal.amountMinor)}, with ${formatRupees(refusal.creditMinor)} of credit); ${PREVIEW_HINT}`,
      )
    case 'plan_inactive':
      return refused(
        'request_id',
        `names a preview of a change to plan ${refusal.planId}, which is ${refusal.status ?? 'no longer a plan of this merchant'}; only an ACTIVE plan can be changed to`,
        'INVALID_INPUT',
      )
    case 'needs_mandate':
      return refused(
        'request_id',
        `names a change to an amount (${formatRupees(refusal.amountMinor)}) above the mandate's cap (${formatRupees(refusal.capMinor)}): the held credit pays for it now, but later debits need a new mandate, and one is registered only by a session with a payment; preview a plan that fits the mandate`,
      )
  }
}

export interface JuspayAppliedChange extends JuspayPreview {
  status: 'APPLIED'
  applied_at: string
  billing_execution_info: JuspayBillingExecution
}

/** The preview as answered, when it was applied, and the billing execution as it stands now. */
export function appliedResponse(preview: PlanChangePreview & { appliedAt: string }, subscription: Subscription): JuspayAppliedChange {
  return {
    ...previewResponse(preview),
    status: 'APPLIED',
    applied_at: `${preview.appliedAt.slice(0, 19)}Z`,
    billing_execution_info: billingExecution(subscription),
  }
}
