import { describe, expect, it } from 'vitest'
import type { ApplyRefusal, PlanChangePreview } from '../../domain/plan-change'
import { subscriptionFixture } from '../../testing/fixtures'
import { APPLY, appliedResponse, applyRefusalError, readApplyRequest, unknownPreview } from './billing-apply'
import { billingExecution } from './billing-execution'
import { previewResponse } from './billing-preview'

/**
 * apply_plan_change without the app: the request read, each refusal as the merchant reads it, and
 * the answer. billing-apply.test.ts drives the same through POST /billing.
 */

const HINT = 'make a new preview (POST /billing, command preview_prorated_amount)'

describe('readApplyRequest', () => {
  it('reads the two ids', () => {
    expect(readApplyRequest({ command: APPLY, billing_execution_info_id: 'bei_a', request_id: 'req-1' })).toEqual({
      ok: true,
      request: { billingExecutionInfoId: 'bei_a', requestId: 'req-1' },
    })
  })

  it('answers both ids left out as MISSING_MANDATORY_PARAMETER', () => {
    expect(readApplyRequest({ command: APPLY })).toEqual({
      ok: false,
      error: {
        status: 400,
        code: 'MISSING_MANDATORY_PARAMETER',
        message: 'Invalid request: billing_execution_info_id is required; request_id is required.',
        fields: [
          { field_name: 'billing_execution_info_id', reason: 'is required' },
          { field_name: 'request_id', reason: 'is required' },
        ],
      },
    })
  })

  it('refuses a field of the preview command, naming apply_plan_change and its fields', () => {
    const read = readApplyRequest({ command: APPLY, billing_execution_info_id: 'bei_a', request_id: 'req-1', updated_fields: {} })
    expect(read).toEqual({
      ok: false,
      error: {
        status: 400,
        code: 'INVALID_INPUT',
        message: 'Invalid request: updated_fields is not a field of apply_plan_change (expected command, billing_execution_info_id, request_id).',
        fields: [{ field_name: 'updated_fields', reason: 'is not a field of apply_plan_change (expected command, billing_execution_info_id, request_id)' }],
      },
    })
  })

  it.each([
    [{ billing_execution_info_id: 5, request_id: 'req-1' }, 'billing_execution_info_id must be a string'],
    [{ billing_execution_info_id: 'bei_a', request_id: 'r'.repeat(256) }, 'request_id must be at most 255 characters'],
  ])('refuses an id that is not one (%j)', (ids, problem) => {
    const read = readApplyRequest({ command: APPLY, ...ids })
    expect(read.ok || read.error.fields?.map((f) => `${f.field_name} ${f.reason}`)).toEqual([problem])
  })
})

describe('unknownPreview', () => {
  it('answers not found, naming the billing execution', () => {
    const reason = `names no preview of billing execution bei_a; ${HINT}`
    expect(unknownPreview({ billingExecutionInfoId: 'bei_a', requestId: 'req-9' })).toEqual({
      status: 404,
      code: 'RESOURCE_NOT_FOUND',
      message: `No preview with this request_id: ${reason}.`,
      fields: [{ field_name: 'request_id', reason }],
    })
  })
})

describe('applyRefusalError', () => {
  it.each<[string, ApplyRefusal, string, string, string]>([
    [
      'a change that needs a payment',
      { reason: 'payment_required', dueMinor: 28784 },
      'INVALID_ACTION',
      'request_id',
      'names a preview that needs a payment of 287.84 (its prorated_amount): it is paid for by a session whose payment_rules.payment_flows.billing_plan_change names it, and the change is applied when that payment succeeds',
    ],
    [
      'a change an order pays for',
      { reason: 'paid_by_order', orderId: 'ord-up' },
      'INVALID_ACTION',
      'request_id',
      'names a preview that order ord-up pays for: that order applies the change when its payment succeeds',
    ],
    ['an expired preview', { reason: 'expired', at: '2026-03-10T04:45:00.000Z' }, 'INVALID_ACTION', 'request_id', `names a preview that expired at 2026-03-10T04:45:00.000Z (preview_expires_at); ${HINT}`],
    [
      'a subscription changed since',
      { reason: 'plan_changed', planId: 'fit_monthly_plus', amountMinor: 79900, creditMinor: 1050 },
      'INVALID_ACTION',
      'billing_execution_info_id',
      `has changed since this preview (now plan fit_monthly_plus at 799.00, with 10.50 of credit); ${HINT}`,
    ],
    [
      'a subscription that lost its plan since',
      { reason: 'plan_changed', planId: null, amountMinor: 49900, creditMinor: 0 },
      'INVALID_ACTION',
      'billing_execution_info_id',
      `has changed since this preview (now plan none at 499.00, with 0.00 of credit); ${HINT}`,
    ],
    [
      'a plan made inactive',
      { reason: 'plan_inactive', planId: 'fit_lite', status: 'INACTIVE' },
      'INVALID_INPUT',
      'request_id',
      'names a preview of a change to plan fit_lite, which is INACTIVE; only an ACTIVE plan can be changed to',
    ],
    [
      'a plan removed',
      { reason: 'plan_inactive', planId: 'fit_lite', status: null },
      'INVALID_INPUT',
      'request_id',
      'names a preview of a change to plan fit_lite, which is no longer a plan of this merchant; only an ACTIVE plan can be changed to',
    ],
    [
      'a change above the mandate\'s cap',
      { reason: 'needs_mandate', amountMinor: 150000, capMinor: 100000 },
      'INVALID_ACTION',
      'request_id',
      "names a change to an amount (1500.00) above the mandate's cap (1000.00): the held credit pays for it now, but later debits need a new mandate, and one is registered only by a session with a payment; preview a plan that fits the mandate",
    ],
  ])('refuses %s, naming the field to look at', (_, refusal, code, field, reason) => {
    expect(applyRefusalError(refusal)).toEqual({ status: 400, code, message: `Invalid request: ${field} ${reason}.`, fields: [{ field_name: field, reason }] })
  })
})

describe('appliedResponse', () => {
  it('answers the preview, APPLIED, when, and the billing execution as it stands', () => {
    const preview: PlanChangePreview & { appliedAt: string } = {
      merchantId: 'm1',
      subscriptionId: 'bei_a',
      requestId: 'req-1',
      fingerprint: 'f',
      prorationAt: '2026-03-10T04:30:00.000Z',
      expiresAt: '2026-03-10T04:45:00.000Z',
      current: { planId: 'fit_monthly_plus', amountMinor: 79900, periodStart: '2026-03-09T18:30:00.000Z', periodEnd: '2026-04-04T18:30:00.000Z' },
      next: { planId: 'fit_monthly', amountMinor: 49900, ruleValue: null },
      proration: {
        cycleSeconds: 2246400,
        remainingSeconds: 2230200,
        unusedCreditMinor: 79324,
        newPlanChargeMinor: 49540,
        heldCreditMinor: 0,
        creditAppliedMinor: 0,
        proratedMinor: 0,
        carryForwardMinor: 29784,
      },
      nextInvoice: { date: '2026-04-05', amountMinor: 49900 },
      mandateSufficient: true,
      consumedBy: null,
      appliedAt: '2026-03-10T04:31:07.250Z',
    }
    const subscription = subscriptionFixture({ creditMinor: 29784 })
    expect(appliedResponse(preview, subscription)).toEqual({
      ...previewResponse(preview),
      status: 'APPLIED',
      applied_at: '2026-03-10T04:31:07Z',
      billing_execution_info: billingExecution(subscription),
    })
    expect(appliedResponse(preview, subscription)).toMatchObject({ payment_required: false, carry_forward_credit: 297.84, billing_execution_info: { credit_balance: 297.84 } })
  })
})
