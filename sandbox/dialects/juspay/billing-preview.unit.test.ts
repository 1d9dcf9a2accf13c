import { describe, expect, it } from 'vitest'
import type { PlanChangePreview } from '../../domain/plan-change'
import type { NoCycle } from '../../domain/proration'
import { monthlyPlan, subscriptionFixture } from '../../testing/fixtures'
import { conflictRefusal, currentPlan, id, noCycleRefusal, previewResponse, Problems, readPreviewRequest, refused, targetPlan, unknownFields, type PreviewRequest } from './billing-preview'

/**
 * preview_prorated_amount without the app: the request read field by field, the refusals the
 * subscription and the target plan give, and the answer. billing-preview.test.ts drives the same
 * through POST /billing.
 */

const EXPECTED_TOP = 'is not a field of preview_prorated_amount (expected command, billing_execution_info_id, request_id, updated_fields)'

const body = (overrides: Record<string, unknown> = {}, updated: Record<string, unknown> = {}) => ({
  command: 'preview_prorated_amount',
  billing_execution_info_id: 'bei_a',
  request_id: 'req-1',
  updated_fields: { plan_id: 'fit_monthly_plus', plan_amount: 799, ...updated },
  ...overrides,
})

/** The refusal of a request, as every problem's field and reason, and the code that sums them up. */
function refusal(read: ReturnType<typeof readPreviewRequest>) {
  if (read.ok) throw new Error('expected a refusal')
  return { code: read.error.code, fields: read.error.fields?.map((f) => `${f.field_name} ${f.reason}`) }
}

describe('readPreviewRequest', () => {
  it('reads the ids, the new plan, its amount in paise and the debit day', () => {
    expect(readPreviewRequest(body({}, { plan_amount: '799.50', rule_info: { plan_rule_value: 5 } }))).toEqual({
      ok: true,
      request: { billingExecutionInfoId: 'bei_a', requestId: 'req-1', planId: 'fit_monthly_plus', planAmountMinor: 79950, ruleValue: 5 },
    })
  })

  it.each([undefined, null, ''])('reads no debit day when rule_info is %j, or plan_rule_value is', (absent) => {
    const expected = { ok: true, request: { billingExecutionInfoId: 'bei_a', requestId: 'req-1', planId: 'fit_monthly_plus', planAmountMinor: 79900, ruleValue: null } }
    expect(readPreviewRequest(body({}, { rule_info: absent }))).toEqual(expected)
    expect(readPreviewRequest(body({}, { rule_info: { plan_rule_value: absent } }))).toEqual(expected)
  })

  it('answers every problem field left out as MISSING_MANDATORY_PARAMETER, with one summary', () => {
    const read = readPreviewRequest({ command: 'preview_prorated_amount' })
    expect(read).toEqual({
      ok: false,
      error: {
        status: 400,
        code: 'MISSING_MANDATORY_PARAMETER',
        message:
          'Invalid request: billing_execution_info_id is required; request_id is required; updated_fields.plan_id is required (and 1 more).',
        fields: [
          { field_name: 'billing_execution_info_id', reason: 'is required' },
          { field_name: 'request_id', reason: 'is required' },
          { field_name: 'updated_fields.plan_id', reason: 'is required' },
          { field_name: 'updated_fields.plan_amount', reason: 'is required' },
        ],
      },
    })
  })

  it('treats null and "" as left out', () => {
    expect(refusal(readPreviewRequest(body({ billing_execution_info_id: null, request_id: '', updated_fields: '' })))).toEqual({
      code: 'MISSING_MANDATORY_PARAMETER',
      fields: ['billing_execution_info_id is required', 'request_id is required', 'updated_fields.plan_id is required', 'updated_fields.plan_amount is required'],
    })
  })

  it('says what plan_amount is when only it is left out', () => {
    expect(refusal(readPreviewRequest(body({}, { plan_amount: undefined })))).toEqual({
      code: 'MISSING_MANDATORY_PARAMETER',
      fields: ['updated_fields.plan_amount is required: the amount of the new plan in rupees, such as 799'],
    })
  })

  it('answers INVALID_INPUT once any problem is more than a field left out', () => {
    expect(refusal(readPreviewRequest(body({ request_id: undefined }, { plan_amount: 'lots' })))).toEqual({
      code: 'INVALID_INPUT',
      fields: ['request_id is required', 'updated_fields.plan_amount must be a positive amount in rupees with at most two decimals, such as "10.00"'],
    })
  })

  it.each([
    ['an id that is not text', { billing_execution_info_id: 12 }, {}, ['billing_execution_info_id must be a string']],
    ['an id of 256 characters', { request_id: 'r'.repeat(256) }, {}, ['request_id must be at most 255 characters']],
    ['updated_fields not an object', { updated_fields: ['fit_monthly_plus'] }, undefined, ['updated_fields must be an object, such as {"plan_id": "…", "plan_amount": 799}']],
    ['a plan_id that is not text', {}, { plan_id: 7 }, ['updated_fields.plan_id must be a string']],
    ['rule_info not an object', {}, { rule_info: 5 }, ['updated_fields.rule_info must be an object, such as {"plan_rule_value": 5}']],
    ['a debit day that is a fraction', {}, { rule_info: { plan_rule_value: 5.5 } }, ['updated_fields.rule_info.plan_rule_value must be a whole number (the debit day)']],
    ['a debit day sent as text', {}, { rule_info: { plan_rule_value: '5' } }, ['updated_fields.rule_info.plan_rule_value must be a whole number (the debit day)']],
    ['a field it does not know', { plan: 'x' }, {}, [`plan ${EXPECTED_TOP}`]],
    [
      'a field of updated_fields it does not know',
      {},
      { plan_name: 'x' },
      ['updated_fields.plan_name is not a field of preview_prorated_amount (expected plan_id, plan_amount, rule_info)'],
    ],
    [
      'a field of rule_info it does not know',
      {},
      { rule_info: { plan_rule_type: 'ON', plan_rule_value: 5 } },
      ['updated_fields.rule_info.plan_rule_type is not a field of preview_prorated_amount (expected plan_rule_value)'],
    ],
  ])('refuses %s', (_, overrides, updated, fields) => {
    const request = updated === undefined ? body(overrides) : body(overrides, updated)
    expect(refusal(readPreviewRequest(request))).toEqual({ code: 'INVALID_INPUT', fields })
  })

  it('takes ids of 255 characters', () => {
    const read = readPreviewRequest(body({ request_id: 'r'.repeat(255) }))
    expect(read.ok && read.request.requestId).toBe('r'.repeat(255))
  })

  it('refuses a request whose only fault is a field it does not know', () => {
    expect(readPreviewRequest(body({ extra: true })).ok).toBe(false)
  })
})

describe('the helpers apply_plan_change shares', () => {
  it('id() reads a present string and names each fault of the field', () => {
    const problems = new Problems()
    expect(id('bei_a', 'f', problems)).toBe('bei_a')
    expect(id(undefined, 'a', problems)).toBeNull()
    expect(id(3, 'b', problems)).toBeNull()
    expect(id('x'.repeat(256), 'c', problems)).toBeNull()
    expect(problems.fields).toEqual([
      { field_name: 'a', reason: 'is required' },
      { field_name: 'b', reason: 'must be a string' },
      { field_name: 'c', reason: 'must be at most 255 characters' },
    ])
  })

  it('unknownFields names each unknown key under its prefix and the command, and lets known keys pass', () => {
    const problems = new Problems()
    unknownFields({ a: 1, b: 2, c: 3 }, ['a'], 'x.', problems, 'apply_plan_change')
    expect(problems.fields).toEqual([
      { field_name: 'x.b', reason: 'is not a field of apply_plan_change (expected a)' },
      { field_name: 'x.c', reason: 'is not a field of apply_plan_change (expected a)' },
    ])
    expect(problems.spec().code).toBe('INVALID_INPUT')
  })

  it('Problems answers MISSING_MANDATORY_PARAMETER while every problem is a field left out, with a reason of its own if given', () => {
    const problems = new Problems()
    problems.missing('a')
    problems.missing('b', 'is required: the plan')
    expect(problems.spec()).toEqual({
      status: 400,
      code: 'MISSING_MANDATORY_PARAMETER',
      message: 'Invalid request: a is required; b is required: the plan.',
      fields: [
        { field_name: 'a', reason: 'is required' },
        { field_name: 'b', reason: 'is required: the plan' },
      ],
    })
  })

  it('refused() blames one field, INVALID_ACTION unless told', () => {
    expect(refused('request_id', 'is stale')).toEqual({ status: 400, code: 'INVALID_ACTION', message: 'Invalid request: request_id is stale.', fields: [{ field_name: 'request_id', reason: 'is stale' }] })
    expect(refused('plan', 'is gone', 'INVALID_INPUT').code).toBe('INVALID_INPUT')
  })
})

describe('noCycleRefusal: a subscription with no paid cycle to prorate over', () => {
  const reason = (why: NoCycle) => {
    const error = noCycleRefusal(why)
    expect(error.status).toBe(400)
    expect(error.code).toBe('INVALID_ACTION')
    expect(error.fields?.[0]?.field_name).toBe('billing_execution_info_id')
    expect(error.message).toBe(`Invalid request: billing_execution_info_id ${error.fields?.[0]?.reason}.`)
    return error.fields?.[0]?.reason
  }

  it.each<[string, NoCycle, string]>([
    [
      'in its free days',
      { reason: 'intro_days', days: 14, endsOn: '2026-03-24', firstDebitOn: '2026-04-05' },
      'is in its introductory period (14 free days, ending 2026-03-24) and no cycle has been paid yet: its first debit is on 2026-04-05 (India time); a plan change can be previewed once a paid cycle is running',
    ],
    [
      'in its free days with no debit scheduled',
      { reason: 'intro_days', days: 7, endsOn: '2026-03-17', firstDebitOn: null },
      'is in its introductory period (7 free days, ending 2026-03-17) and no cycle has been paid yet: it has no debit scheduled; a plan change can be previewed once a paid cycle is running',
    ],
    [
      'in free introductory cycles',
      { reason: 'intro_cycles', cycles: 2, amountMinor: 0, firstDebitOn: '2026-04-05', regularFrom: '2026-06-05' },
      'is in its introductory period (2 cycles free): its first debit is on 2026-04-05 (India time), the first at the regular amount on 2026-06-05; a plan change cannot be prorated against an introductory price',
    ],
    [
      'in priced introductory cycles, the regular day unknown',
      { reason: 'intro_cycles', cycles: 3, amountMinor: 9900, firstDebitOn: null, regularFrom: null },
      'is in its introductory period (3 cycles at 99.00): it has no debit scheduled; a plan change cannot be prorated against an introductory price',
    ],
    [
      'before its start date',
      { reason: 'start_date', startsOn: '2026-04-01', firstDebitOn: '2026-04-05' },
      'has not started billing: billing starts on 2026-04-01 and no cycle has been paid yet; its first debit is on 2026-04-05 (India time)',
    ],
    [
      'registered with a refunded authorisation',
      { reason: 'not_paid', todayMinor: 100, refunded: true, firstDebitOn: '2026-04-05' },
      'has no paid cycle yet: its registration charged a 1.00 authorisation, refunded, and its first debit is on 2026-04-05 (India time); a plan change can be previewed once a paid cycle is running',
    ],
    [
      'registered with a charge that paid no cycle',
      { reason: 'not_paid', todayMinor: 4900, refunded: false, firstDebitOn: null },
      'has no paid cycle yet: its registration charged 49.00, which did not pay a billing cycle, and it has no debit scheduled; a plan change can be previewed once a paid cycle is running',
    ],
    ['billed as presented', { reason: 'as_presented' }, 'bills as presented (ASPRESENTED): it has no billing cycle to prorate a plan change over'],
    [
      'whose paid cycle ended',
      { reason: 'ended', endedOn: '2026-04-05' },
      'has no paid cycle running: its paid cycle ended on 2026-04-05 and the debit for the next one has not succeeded (it may be retrying, skipped or unpaid); a plan change can be previewed once it is paid',
    ],
  ])('refuses one %s', (_, why, expected) => {
    expect(reason(why)).toBe(expected)
  })
})

describe('currentPlan', () => {
  it('answers the plan an ACTIVE subscription holds', () => {
    expect(currentPlan(subscriptionFixture())).toEqual({ ok: true, plan: monthlyPlan() })
  })

  it.each(['PAUSED', 'CANCELLED'] as const)('refuses a %s subscription', (status) => {
    expect(currentPlan(subscriptionFixture({ status }))).toEqual({
      ok: false,
      error: refused('billing_execution_info_id', `is ${status}; only an ACTIVE subscription can change plan`),
    })
  })

  it('refuses a subscription sold without a plan', () => {
    expect(currentPlan(subscriptionFixture({ plan: null }))).toEqual({
      ok: false,
      error: refused(
        'billing_execution_info_id',
        "was sold without a plan (a checkout session's line items): a plan change moves a subscription from one plan of the catalogue to another",
      ),
    })
  })
})

describe('targetPlan', () => {
  const current = monthlyPlan()
  const plus = monthlyPlan({ plan_id: 'fit_monthly_plus', amount: { type: 'FIXED', paise: 79900 }, max_amount: 79900 })
  const variable = monthlyPlan({ plan_id: 'fit_metered', amount: { type: 'VARIABLE' }, max_amount: 150000 })
  const request = (overrides: Partial<PreviewRequest> = {}): PreviewRequest => ({
    billingExecutionInfoId: 'bei_a',
    requestId: 'req-1',
    planId: 'fit_monthly_plus',
    planAmountMinor: 79900,
    ruleValue: null,
    ...overrides,
  })
  const planError = (reason: string) => ({ ok: false, error: refused('updated_fields.plan_id', reason, 'INVALID_INPUT') })
  const reasons = (checked: ReturnType<typeof targetPlan>) => (checked.ok ? [] : checked.error.fields?.map((f) => `${f.field_name} ${f.reason}`))

  it('answers an ACTIVE plan of the same interval at its FIXED amount', () => {
    expect(targetPlan(request(), current, plus)).toEqual({ ok: true, plan: plus })
  })

  it('refuses a plan the merchant does not have, naming it', () => {
    expect(targetPlan(request({ planId: 'nope' }), current, undefined)).toEqual(
      planError('names no plan of this merchant (nope); plans are created on the dashboard, here the merchants file or POST /sandbox/plans'),
    )
  })

  it('refuses an inactive plan, the plan held, and another interval, each on its own', () => {
    expect(targetPlan(request(), current, { ...plus, status: 'INACTIVE' })).toEqual(
      planError('names plan fit_monthly_plus, which is INACTIVE; only an ACTIVE plan can be changed to'),
    )
    expect(targetPlan(request({ planId: 'fit_monthly', planAmountMinor: 49900 }), current, current)).toEqual(
      planError('names plan fit_monthly, which this subscription already holds; a plan change needs another plan'),
    )
    expect(targetPlan(request(), current, { ...plus, interval: 'YEARLY' })).toEqual(
      planError('names plan fit_monthly_plus, which bills YEARLY, while this subscription bills MONTHLY; changing the billing interval is not supported: choose a MONTHLY plan'),
    )
  })

  it('refuses an amount other than a FIXED plan\'s, both amounts in rupees', () => {
    const checked = targetPlan(request({ planAmountMinor: 79800 }), current, plus)
    expect(checked.ok || checked.error.code).toBe('INVALID_INPUT')
    expect(reasons(checked)).toEqual(['updated_fields.plan_amount must be 799.00, the FIXED amount of plan fit_monthly_plus; got 798.00'])
  })

  it('names a FIXED plan\'s amount once when the amount sent is also above its max_amount', () => {
    expect(reasons(targetPlan(request({ planAmountMinor: 80000 }), current, plus))).toEqual([
      'updated_fields.plan_amount must be 799.00, the FIXED amount of plan fit_monthly_plus; got 800.00',
    ])
  })

  it('takes a VARIABLE plan\'s amount up to its max_amount, and refuses one above it', () => {
    expect(targetPlan(request({ planId: 'fit_metered', planAmountMinor: 150000 }), current, variable)).toEqual({ ok: true, plan: variable })
    expect(targetPlan(request({ planId: 'fit_metered', planAmountMinor: 100 }), current, variable)).toEqual({ ok: true, plan: variable })
    expect(reasons(targetPlan(request({ planId: 'fit_metered', planAmountMinor: 150001 }), current, variable))).toEqual([
      "updated_fields.plan_amount must not exceed plan fit_metered's max_amount (1500.00); got 1500.01",
    ])
  })

  it('takes a debit day within the interval\'s range, its edges included', () => {
    expect(targetPlan(request({ ruleValue: 1 }), current, plus).ok).toBe(true)
    expect(targetPlan(request({ ruleValue: 31 }), current, plus).ok).toBe(true)
  })

  it.each([0, 32])('refuses debit day %d of a MONTHLY plan, with the range', (ruleValue) => {
    expect(reasons(targetPlan(request({ ruleValue }), current, plus))).toEqual([
      `updated_fields.rule_info.plan_rule_value must be between 1 and 31 with interval MONTHLY; got ${ruleValue}`,
    ])
  })

  it('refuses a debit day for an interval that has none', () => {
    const daily = { ...current, interval: 'DAILY' as const, rule_type: undefined, rule_value: undefined }
    const dailyPlus = { ...plus, interval: 'DAILY' as const, rule_type: undefined, rule_value: undefined }
    expect(reasons(targetPlan(request({ ruleValue: 3 }), daily, dailyPlus))).toEqual(['updated_fields.rule_info.plan_rule_value is not used with interval DAILY; leave it out'])
  })

  it('names the amount and the debit day at once', () => {
    expect(reasons(targetPlan(request({ planAmountMinor: 100, ruleValue: 40 }), current, plus))).toEqual([
      'updated_fields.plan_amount must be 799.00, the FIXED amount of plan fit_monthly_plus; got 1.00',
      'updated_fields.rule_info.plan_rule_value must be between 1 and 31 with interval MONTHLY; got 40',
    ])
  })
})

const preview = (overrides: Partial<PlanChangePreview> = {}): PlanChangePreview => ({
  merchantId: 'm1',
  subscriptionId: 'bei_a',
  requestId: 'req-1',
  fingerprint: 'f',
  prorationAt: '2026-03-10T04:30:00.000Z',
  expiresAt: '2026-03-10T04:45:00.000Z',
  current: { planId: 'fit_monthly', amountMinor: 49900, periodStart: '2026-03-09T18:30:00.000Z', periodEnd: '2026-04-04T18:30:00.000Z' },
  next: { planId: 'fit_monthly_plus', amountMinor: 79900, ruleValue: 5 },
  proration: {
    cycleSeconds: 2246400,
    remainingSeconds: 2230200,
    unusedCreditMinor: 49540,
    newPlanChargeMinor: 79324,
    heldCreditMinor: 1000,
    creditAppliedMinor: 1000,
    proratedMinor: 28784,
    carryForwardMinor: 0,
  },
  nextInvoice: { date: '2026-04-05', amountMinor: 79900 },
  mandateSufficient: false,
  consumedBy: null,
  appliedAt: null,
  ...overrides,
})

describe('previewResponse', () => {
  it('answers Juspay\'s names, amounts in rupees and instants without milliseconds', () => {
    expect(previewResponse(preview())).toEqual({
      billing_execution_info_id: 'bei_a',
      request_id: 'req-1',
      prorated_amount: 287.84,
      preview_expires_at: '2026-03-10T04:45:00Z',
      proration_at: '2026-03-10T04:30:00Z',
      current_plan: { plan_id: 'fit_monthly', plan_amount: 499, period_start: '2026-03-09T18:30:00Z', period_end: '2026-04-04T18:30:00Z' },
      new_plan: { plan_id: 'fit_monthly_plus', plan_amount: 799, plan_rule_value: 5 },
      unused_credit: 495.4,
      new_plan_charge: 793.24,
      remaining_seconds: 2230200,
      cycle_seconds: 2246400,
      credit_held: 10,
      credit_applied: 10,
      carry_forward_credit: 0,
      payment_required: true,
      next_invoice: { date: '2026-04-05', amount: 799 },
      mandate_sufficient: false,
    })
  })

  it('needs no payment when nothing is due', () => {
    const downgrade = preview({ proration: { ...preview().proration, proratedMinor: 0, carryForwardMinor: 500 }, mandateSufficient: true })
    expect(previewResponse(downgrade)).toMatchObject({ prorated_amount: 0, payment_required: false, carry_forward_credit: 5, mandate_sufficient: true })
  })

  it('needs a payment of a single paisa', () => {
    expect(previewResponse(preview({ proration: { ...preview().proration, proratedMinor: 1 } }))).toMatchObject({ prorated_amount: 0.01, payment_required: true })
  })
})

describe('conflictRefusal', () => {
  it('answers a request_id reused for another body as a conflict, naming when the first was made', () => {
    const reason =
      'was already used for a different preview of this billing execution (made at 2026-03-10T04:30:00.000Z); repeat that request exactly to read its preview again, or send a new request_id for a new one'
    expect(conflictRefusal(preview())).toEqual({ status: 409, code: 'DUPLICATE_REQUEST', message: `Conflict: request_id ${reason}.`, fields: [{ field_name: 'request_id', reason }] })
  })
})
