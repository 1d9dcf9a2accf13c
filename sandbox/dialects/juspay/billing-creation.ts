import type { MandateTerms } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import type { OrderBilling } from '../../domain/order'
import { priceSchedule, type IntroTerms } from '../../domain/price-schedule'
import { formatRupees, parseRupees } from './decimal'
import type { FieldErrors } from './fields'
import type { MandateInput } from './mandate-terms'
import type { PaymentRules } from './payment-rules'

/**
 * Juspay Billing flows 1 and 2: a session or order whose `payment_rules` registers a plan
 * (docs/domain/billing.md#juspay-billing-flows). Each refusal names its field path and,
 * where amounts are compared, the amounts in rupees as Juspay writes them.
 */

const INFO = 'payment_rules.payment_flows.billing_creation.info'
const HOUR_MS = 60 * 60 * 1000
/** [I] A billing start date must leave time for the pre-debit notice: at least 48 hours ahead (docs/domain/billing.md#juspay-billing-flows). */
const MIN_BILLING_START_LEAD_MS = 48 * HOUR_MS

/** A plan registration as read from `billing_creation.info`, before the mandate is known. */
export interface PlanRegistration {
  plan: Plan
  /** The amount of each regular debit, in paise: the plan's FIXED amount or `plan_amount`; null when that was refused. */
  recurringMinor: number | null
  /** `billing_start_date`, when given and acceptable so far. */
  startAt: Date | null
}

const epochText = (ms: number): string => `${Math.floor(ms / 1000)} (${new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')})`

function introText(plan: Plan): string {
  switch (plan.intro.type) {
    case 'NONE':
      return 'none'
    case 'DAYS':
      return `${plan.intro.days} introductory days`
    case 'CYCLES':
      return `${plan.intro.cycles} introductory cycles ${plan.intro.paise === 0 ? 'free' : `at ${formatRupees(plan.intro.paise)}`}`
  }
}

/**
 * Reads a `billing_creation`: its plan must be an ACTIVE plan of this merchant, `plan_amount` is
 * for VARIABLE plans only, and `billing_start_date` must lie 48 hours ahead and not compete with
 * the plan's own introductory period. Answers null when there is no registration or its plan is
 * refused.
 */
export function readPlanRegistration(
  rules: PaymentRules | undefined,
  findPlan: (planId: string) => Plan | undefined,
  now: Date,
  errors: FieldErrors,
): PlanRegistration | null {
  const creation = rules?.payment_flows.billing_creation
  if (!creation) return null
  const { info } = creation
  const plan = findPlan(info.plan_id)
  if (!plan) {
    errors.add(`${INFO}.plan_id`, `names no plan of this merchant (${info.plan_id}); plans are created on the dashboard, here the merchants file or POST /sandbox/plans`)
    return null
  }
  if (plan.status !== 'ACTIVE') {
    errors.add(`${INFO}.plan_id`, `names plan ${plan.plan_id}, which is ${plan.status}; only an ACTIVE plan takes new registrations`)
    return null
  }
  return { plan, recurringMinor: readPlanAmount(plan, info.plan_amount, errors), startAt: readStartDate(plan, info.billing_start_date, now, errors) }
}

function readPlanAmount(plan: Plan, sent: string | number | undefined, errors: FieldErrors): number | null {
  const field = `${INFO}.plan_amount`
  if (plan.amount.type === 'FIXED') {
    if (sent === undefined) return plan.amount.paise
    errors.add(field, `must be left out: plan ${plan.plan_id} has a FIXED amount (${formatRupees(plan.amount.paise)}); plan_amount is for VARIABLE plans`)
    return null
  }
  if (sent === undefined) {
    errors.add(field, `is required: plan ${plan.plan_id} has a VARIABLE amount, set per registration (up to ${formatRupees(plan.max_amount)})`)
    return null
  }
  const parsed = parseRupees(sent)
  if (!parsed.ok) return null
  if (parsed.value > plan.max_amount) {
    errors.add(field, `must not exceed plan ${plan.plan_id}'s max_amount (${formatRupees(plan.max_amount)}); got ${formatRupees(parsed.value)}`)
    return null
  }
  return parsed.value
}

function readStartDate(plan: Plan, sent: string | number | undefined, now: Date, errors: FieldErrors): Date | null {
  if (sent === undefined) return null
  const field = `${INFO}.billing_start_date`
  if (plan.intro.type !== 'NONE') {
    errors.add(
      field,
      `cannot be combined with plan ${plan.plan_id}'s own introductory period (${introText(plan)}): the two methods conflict; leave billing_start_date out or choose a plan without one`,
    )
    return null
  }
  const ms = Number(sent) * 1000
  const earliest = now.getTime() + MIN_BILLING_START_LEAD_MS
  if (ms < earliest) {
    errors.add(field, `must be at least 48 hours after now: ${epochText(Math.ceil(earliest / 1000) * 1000)} or later; got ${epochText(ms)}`)
    return null
  }
  return new Date(ms)
}

/**
 * The mandate fields the merchant left out, taken from the plan: frequency, the debit day (when
 * the mandate bills at the plan's interval), max_amount, and a VARIABLE amount rule. The dialect's
 * usual defaults then apply to what is still missing.
 */
export function withPlanDefaults(input: MandateInput, plan: Plan): MandateInput {
  const frequency = input.frequency ?? plan.interval
  const atPlanInterval = frequency === plan.interval
  const withDefaults: MandateInput = {
    ...input,
    frequency,
    maxAmountMinor: input.maxAmountMinor ?? plan.max_amount,
    amountRule: input.amountRule ?? 'VARIABLE',
  }
  const ruleType = input.ruleType ?? (atPlanInterval ? plan.rule_type : undefined)
  const ruleValue = input.ruleValue ?? (atPlanInterval ? plan.rule_value : undefined)
  if (ruleType !== undefined) withDefaults.ruleType = ruleType
  if (ruleValue !== undefined) withDefaults.ruleValue = ruleValue
  return withDefaults
}

/**
 * The mandate's frequency and debit day against the plan: ONETIME cannot carry a plan; otherwise
 * the frequency is the plan's interval, or ASPRESENTED, which lets the merchant present a debit at
 * any time and so covers every interval [I]. At the plan's interval a debit day the merchant set
 * must be the plan's.
 */
export function checkMandateAgainstPlan(sent: MandateInput, effective: MandateInput, plan: Plan, errors: FieldErrors): void {
  const frequency = effective.frequency
  if (frequency === undefined || errors.failed('mandate.frequency')) return
  if (frequency === 'ONETIME') {
    errors.add('mandate.frequency', `ONETIME is a single debit and cannot carry plan ${plan.plan_id}, which bills ${plan.interval}; send ${plan.interval} or leave it out`)
    return
  }
  if (frequency !== plan.interval && frequency !== 'ASPRESENTED') {
    errors.add('mandate.frequency', `must be ${plan.interval}, the interval of plan ${plan.plan_id}, or ASPRESENTED; got ${frequency}`)
    return
  }
  if (frequency !== plan.interval) return
  if (sent.ruleType !== undefined && plan.rule_type !== undefined && sent.ruleType !== plan.rule_type) {
    errors.add('mandate.rule_type', `must be ${plan.rule_type}, plan ${plan.plan_id}'s debit rule (${plan.rule_type} ${plan.rule_value}); got ${sent.ruleType}`)
  }
  if (sent.ruleValue !== undefined && plan.rule_value !== undefined && sent.ruleValue !== plan.rule_value) {
    errors.add('mandate.rule_value', `must be ${plan.rule_value}, plan ${plan.plan_id}'s debit day; got ${sent.ruleValue}`)
  }
}

export interface BillingContext {
  now: Date
  /** The order amount: what is debited today, at registration. */
  todayMinor: number
  /** `metadata.auto_refund_post_success` is "true". */
  refunded: boolean
}

const istDate = (iso: string): string => new Date(Date.parse(iso) + (5 * 60 + 30) * 60 * 1000).toISOString().slice(0, 10)

/**
 * Checks that the resolved mandate covers the plan (its cap against the recurring and introductory
 * amounts, its dates against the billing start and every listed charge) and computes the price
 * schedule, once. Answers null when anything was refused.
 */
export function planBilling(registration: PlanRegistration, mandate: MandateTerms, ctx: BillingContext, errors: FieldErrors): OrderBilling | null {
  const { plan, recurringMinor, startAt } = registration
  const capMinor = mandate.maxAmount.minor
  const before = errors.list().length
  if (recurringMinor !== null && recurringMinor > capMinor) {
    if (plan.amount.type === 'VARIABLE') {
      errors.add(`${INFO}.plan_amount`, `must not exceed the mandate's max amount (${formatRupees(capMinor)}); got ${formatRupees(recurringMinor)}`)
    } else {
      errors.add('mandate.max_amount', `must be at least the amount of plan ${plan.plan_id} (${formatRupees(recurringMinor)}); got ${formatRupees(capMinor)}`)
    }
  }
  if (plan.intro.type === 'CYCLES' && plan.intro.paise > capMinor) {
    errors.add('mandate.max_amount', `must be at least the introductory amount of plan ${plan.plan_id} (${formatRupees(plan.intro.paise)}); got ${formatRupees(capMinor)}`)
  }
  if (startAt && startAt.getTime() > Date.parse(mandate.endDate)) {
    errors.add(`${INFO}.billing_start_date`, `must not be after mandate.end_date (${epochText(Date.parse(mandate.endDate))}); got ${epochText(startAt.getTime())}`)
  } else if (startAt && startAt.getTime() < Date.parse(mandate.startDate)) {
    errors.add(`${INFO}.billing_start_date`, `must not be before mandate.start_date (${epochText(Date.parse(mandate.startDate))}); got ${epochText(startAt.getTime())}`)
  }
  if (recurringMinor === null || errors.list().length > before) return null
  const schedule = priceSchedule({
    at: ctx.now,
    plan: { id: plan.plan_id, name: plan.name, description: plan.description },
    interval: plan.interval,
    ruleType: plan.rule_type ?? null,
    ruleValue: plan.rule_value ?? null,
    recurringMinor,
    capMinor,
    today: { minor: ctx.todayMinor, refunded: ctx.refunded, paysFirstPeriod: false },
    intro: introTerms(plan, startAt),
  })
  const [first] = schedule.charges
  const last = schedule.charges.at(-1)
  if (first && first.date < istDate(mandate.startDate)) {
    errors.add('mandate.start_date', `must be on or before the plan's first charge (${first.date}, India time); the mandate starts on ${istDate(mandate.startDate)}`)
    return null
  }
  if (last && last.date > istDate(mandate.endDate)) {
    errors.add('mandate.end_date', `must be on or after the plan's charge on ${last.date} (India time); the mandate ends on ${istDate(mandate.endDate)}`)
    return null
  }
  return { plan, schedule, subscriptionId: null, planChange: null }
}

function introTerms(plan: Plan, startAt: Date | null): IntroTerms {
  if (startAt) return { type: 'START_DATE', at: startAt }
  switch (plan.intro.type) {
    case 'NONE':
      return { type: 'NONE' }
    case 'DAYS':
      return { type: 'DAYS', days: plan.intro.days }
    case 'CYCLES':
      return { type: 'CYCLES', cycles: plan.intro.cycles, minor: plan.intro.paise }
  }
}
