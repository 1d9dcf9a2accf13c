import type { JuspayErrorField } from '../../../contract/errors'
import { ruleValueRange } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import type { PlanChangePreview } from '../../domain/plan-change'
import type { NoCycle } from '../../domain/proration'
import type { Subscription } from '../../domain/subscriptions'
import { formatRupees, parseRupees, rupeesNumber } from './decimal'
import type { JuspayErrorSpec } from './errors'
import { isRecord } from './fields'
import { summarize } from './routes'

/**
 * Juspay Billing's `preview_prorated_amount` in Juspay's terms
 * (docs/domain/billing.md#plan-changes-the-prorated-preview): the request read field by field,
 * the refusals with their field paths, and the answer. The domain computes the preview.
 */

export interface PreviewRequest {
  billingExecutionInfoId: string
  requestId: string
  planId: string
  /** `updated_fields.plan_amount` in paise. */
  planAmountMinor: number
  /** `updated_fields.rule_info.plan_rule_value`, when sent. */
  ruleValue: number | null
}

const UPDATED = 'updated_fields'
const RULE_INFO = `${UPDATED}.rule_info`
const TOP_FIELDS = ['command', 'billing_execution_info_id', 'request_id', UPDATED]
const UPDATED_FIELDS = ['plan_id', 'plan_amount', 'rule_info']
const RULE_FIELDS = ['plan_rule_value']
/** As `payment_rules…billing_plan_change.info.request_id` takes it. */
const MAX_ID_LENGTH = 255

/** null and "" count as absent, as in every Juspay request here. */
const absent = (value: unknown): boolean => value === undefined || value === null || value === ''

export class Problems {
  readonly fields: JuspayErrorField[] = []
  private onlyMissing = true

  missing(field: string, reason = 'is required'): void {
    this.fields.push({ field_name: field, reason })
  }

  invalid(field: string, reason: string): void {
    this.fields.push({ field_name: field, reason })
    this.onlyMissing = false
  }

  /** MISSING_MANDATORY_PARAMETER when every problem is a field left out, INVALID_INPUT otherwise. */
  spec(): JuspayErrorSpec {
    return { status: 400, code: this.onlyMissing ? 'MISSING_MANDATORY_PARAMETER' : 'INVALID_INPUT', message: summarize(this.fields), fields: this.fields }
  }
}

export function unknownFields(record: Record<string, unknown>, known: readonly string[], prefix: string, problems: Problems, command = 'preview_prorated_amount'): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) problems.invalid(`${prefix}${key}`, `is not a field of ${command} (expected ${known.join(', ')})`)
  }
}

export function id(value: unknown, field: string, problems: Problems): string | null {
  if (absent(value)) {
    problems.missing(field)
    return null
  }
  if (typeof value !== 'string') {
    problems.invalid(field, 'must be a string')
    return null
  }
  if (value.length > MAX_ID_LENGTH) {
    problems.invalid(field, `must be at most ${MAX_ID_LENGTH} characters`)
    return null
  }
  return value
}

function ruleValue(ruleInfo: unknown, problems: Problems): number | null {
  if (absent(ruleInfo)) return null
  if (!isRecord(ruleInfo)) {
    problems.invalid(RULE_INFO, 'must be an object, such as {"plan_rule_value": 5}')
    return null
  }
  unknownFields(ruleInfo, RULE_FIELDS, `${RULE_INFO}.`, problems)
  const value = ruleInfo['plan_rule_value']
  if (absent(value)) return null
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problems.invalid(`${RULE_INFO}.plan_rule_value`, 'must be a whole number (the debit day)')
    return null
  }
  return value
}

/** Reads the request's fields, each problem named by its path; the command was checked before. */
export function readPreviewRequest(body: Record<string, unknown>): { ok: true; request: PreviewRequest } | { ok: false; error: JuspayErrorSpec } {
  const problems = new Problems()
  unknownFields(body, TOP_FIELDS, '', problems)
  const billingExecutionInfoId = id(body['billing_execution_info_id'], 'billing_execution_info_id', problems)
  const requestId = id(body['request_id'], 'request_id', problems)
  const updated = body[UPDATED]
  let planId: string | null = null
  let planAmountMinor: number | null = null
  let rule: number | null = null
  if (absent(updated)) {
    problems.missing(`${UPDATED}.plan_id`)
    problems.missing(`${UPDATED}.plan_amount`)
  } else if (!isRecord(updated)) {
    problems.invalid(UPDATED, 'must be an object, such as {"plan_id": "…", "plan_amount": 799}')
  } else {
    unknownFields(updated, UPDATED_FIELDS, `${UPDATED}.`, problems)
    planId = id(updated['plan_id'], `${UPDATED}.plan_id`, problems)
    const amount = updated['plan_amount']
    if (absent(amount)) problems.missing(`${UPDATED}.plan_amount`, 'is required: the amount of the new plan in rupees, such as 799')
    else {
      const parsed = parseRupees(amount)
      if (parsed.ok) planAmountMinor = parsed.value
      else problems.invalid(`${UPDATED}.plan_amount`, parsed.reason)
    }
    rule = ruleValue(updated['rule_info'], problems)
  }
  if (problems.fields.length > 0 || billingExecutionInfoId === null || requestId === null || planId === null || planAmountMinor === null) {
    return { ok: false, error: problems.spec() }
  }
  return { ok: true, request: { billingExecutionInfoId, requestId, planId, planAmountMinor, ruleValue: rule } }
}

const SUBSCRIPTION = 'billing_execution_info_id'

export const refused = (field: string, reason: string, code: JuspayErrorSpec['code'] = 'INVALID_ACTION'): JuspayErrorSpec => ({
  status: 400,
  code,
  message: `Invalid request: ${field} ${reason}.`,
  fields: [{ field_name: field, reason }],
})

const firstDebit = (on: string | null): string => (on ? `its first debit is on ${on} (India time)` : 'it has no debit scheduled')

/** Why the subscription has no paid cycle a change could be prorated over, naming its first debit. */
export function noCycleRefusal(why: NoCycle): JuspayErrorSpec {
  switch (why.reason) {
    case 'intro_days':
      return refused(SUBSCRIPTION, `is in its introductory period (${why.days} free days, ending ${why.endsOn}) and no cycle has been paid yet: ${firstDebit(why.firstDebitOn)}; a plan change can be previewed once a paid cycle is running`)
    case 'intro_cycles': {
      const amount = why.amountMinor === 0 ? 'free' : `at ${formatRupees(why.amountMinor)}`
      const regular = why.regularFrom ? `, the first at the regular amount on ${why.regularFrom}` : ''
      return refused(SUBSCRIPTION, `is in its introductory period (${why.cycles} cycles ${amount}): ${firstDebit(why.firstDebitOn)}${regular}; a plan change cannot be prorated against an introductory price`)
    }
    case 'start_date':
      return refused(SUBSCRIPTION, `has not started billing: billing starts on ${why.startsOn} and no cycle has been paid yet; ${firstDebit(why.firstDebitOn)}`)
    case 'not_paid': {
      const today = why.refunded ? `a ${formatRupees(why.todayMinor)} authorisation, refunded` : `${formatRupees(why.todayMinor)}, which did not pay a billing cycle`
      return refused(SUBSCRIPTION, `has no paid cycle yet: its registration charged ${today}, and ${firstDebit(why.firstDebitOn)}; a plan change can be previewed once a paid cycle is running`)
    }
    case 'as_presented':
      return refused(SUBSCRIPTION, 'bills as presented (ASPRESENTED): it has no billing cycle to prorate a plan change over')
    case 'ended':
      return refused(SUBSCRIPTION, `has no paid cycle running: its paid cycle ended on ${why.endedOn} and the debit for the next one has not succeeded (it may be retrying, skipped or unpaid); a plan change can be previewed once it is paid`)
  }
}

type Checked = { ok: true; plan: Plan } | { ok: false; error: JuspayErrorSpec }

/** The plan the subscription holds, unless the subscription itself refuses a change: not ACTIVE, or sold without a plan. */
export function currentPlan(subscription: Subscription): Checked {
  const { status } = subscription
  if (status !== 'ACTIVE') return { ok: false, error: refused(SUBSCRIPTION, `is ${status}; only an ACTIVE subscription can change plan`) }
  if (!subscription.plan) {
    const reason = 'was sold without a plan (a checkout session\'s line items): a plan change moves a subscription from one plan of the catalogue to another'
    return { ok: false, error: refused(SUBSCRIPTION, reason) }
  }
  return { ok: true, plan: subscription.plan }
}

/**
 * The target plan and amount against the subscription: an ACTIVE plan of this merchant, not the
 * one held, at the same interval; the amount a FIXED plan's own, or within a VARIABLE plan's
 * max_amount; a debit day within the interval's range. Every problem named at once.
 */
export function targetPlan(request: PreviewRequest, current: Plan, target: Plan | undefined): Checked {
  if (!target) {
    const reason = `names no plan of this merchant (${request.planId}); plans are created on the dashboard, here the merchants file or POST /sandbox/plans`
    return { ok: false, error: refused(`${UPDATED}.plan_id`, reason, 'INVALID_INPUT') }
  }
  const error = targetRefusal(request, current, target)
  return error ? { ok: false, error } : { ok: true, plan: target }
}

function targetRefusal(request: PreviewRequest, current: Plan, target: Plan): JuspayErrorSpec | null {
  const planField = `${UPDATED}.plan_id`
  if (target.status !== 'ACTIVE') return refused(planField, `names plan ${target.plan_id}, which is ${target.status}; only an ACTIVE plan can be changed to`, 'INVALID_INPUT')
  if (target.plan_id === current.plan_id) {
    return refused(planField, `names plan ${target.plan_id}, which this subscription already holds; a plan change needs another plan`, 'INVALID_INPUT')
  }
  if (target.interval !== current.interval) {
    return refused(
      planField,
      `names plan ${target.plan_id}, which bills ${target.interval}, while this subscription bills ${current.interval}; changing the billing interval is not supported: choose a ${current.interval} plan`,
      'INVALID_INPUT',
    )
  }
  const problems = new Problems()
  const amount = request.planAmountMinor
  if (target.amount.type === 'FIXED' && amount !== target.amount.paise) {
    problems.invalid(`${UPDATED}.plan_amount`, `must be ${formatRupees(target.amount.paise)}, the FIXED amount of plan ${target.plan_id}; got ${formatRupees(amount)}`)
  }
  if (target.amount.type === 'VARIABLE' && amount > target.max_amount) {
    problems.invalid(`${UPDATED}.plan_amount`, `must not exceed plan ${target.plan_id}'s max_amount (${formatRupees(target.max_amount)}); got ${formatRupees(amount)}`)
  }
  if (request.ruleValue !== null) {
    const range = ruleValueRange(target.interval)
    const field = `${RULE_INFO}.plan_rule_value`
    if (!range) problems.invalid(field, `is not used with interval ${target.interval}; leave it out`)
    else if (request.ruleValue < range.min || request.ruleValue > range.max) {
      problems.invalid(field, `must be between ${range.min} and ${range.max} with interval ${target.interval}; got ${request.ruleValue}`)
    }
  }
  return problems.fields.length > 0 ? problems.spec() : null
}

/** The same request_id was used for another request on this subscription. */
export function conflictRefusal(preview: PlanChangePreview): JuspayErrorSpec {
  const reason = `was already used for a different preview of this billing execution (made at ${preview.prorationAt}); repeat that request exactly to read its preview again, or send a new request_id for a new one`
  return { status: 409, code: 'DUPLICATE_REQUEST', message: `Conflict: request_id ${reason}.`, fields: [{ field_name: 'request_id', reason }] }
}

const timestamp = (iso: string): string => `${iso.slice(0, 19)}Z`

export interface JuspayPreview {
  billing_execution_info_id: string
  request_id: string
  prorated_amount: number
  preview_expires_at: string
  proration_at: string
  current_plan: { plan_id: string; plan_amount: number; period_start: string; period_end: string }
  new_plan: { plan_id: string; plan_amount: number; plan_rule_value: number | null }
  unused_credit: number
  new_plan_charge: number
  remaining_seconds: number
  cycle_seconds: number
  credit_held: number
  credit_applied: number
  carry_forward_credit: number
  payment_required: boolean
  next_invoice: { date: string; amount: number }
  mandate_sufficient: boolean
}

/** The answer: Juspay's documented names first, then the sandbox's breakdown; amounts in rupees. */
export function previewResponse(preview: PlanChangePreview): JuspayPreview {
  const { proration } = preview
  return {
    billing_execution_info_id: preview.subscriptionId,
    request_id: preview.requestId,
    prorated_amount: rupeesNumber(proration.proratedMinor),
    preview_expires_at: timestamp(preview.expiresAt),
    proration_at: timestamp(preview.prorationAt),
    current_plan: {
      plan_id: preview.current.planId,
      plan_amount: rupeesNumber(preview.current.amountMinor),
      period_start: timestamp(preview.current.periodStart),
      period_end: timestamp(preview.current.periodEnd),
    },
    new_plan: { plan_id: preview.next.planId, plan_amount: rupeesNumber(preview.next.amountMinor), plan_rule_value: preview.next.ruleValue },
    unused_credit: rupeesNumber(proration.unusedCreditMinor),
    new_plan_charge: rupeesNumber(proration.newPlanChargeMinor),
    remaining_seconds: proration.remainingSeconds,
    cycle_seconds: proration.cycleSeconds,
    credit_held: rupeesNumber(proration.heldCreditMinor),
    credit_applied: rupeesNumber(proration.creditAppliedMinor),
    carry_forward_credit: rupeesNumber(proration.carryForwardMinor),
    payment_required: proration.proratedMinor > 0,
    next_invoice: { date: preview.nextInvoice.date, amount: rupeesNumber(preview.nextInvoice.amountMinor) },
    mandate_sufficient: preview.mandateSufficient,
  }
}
