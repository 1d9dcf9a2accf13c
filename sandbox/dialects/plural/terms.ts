import type { BillingInterval, PriceSchedule } from '../../../contract/billing'
import { ruleValueRange, type AmountRule, type MandateTerms, type RuleType } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import type { UpiChannel } from '../../../contract/instrument'
import { planStart, priceSchedule } from '../../domain/price-schedule'
import { addDays, addYears, istMidnight } from '../../domain/proration'
import { UPI_AUTOPAY_MAX_MINOR } from '../../domain/rails/upi'
import { verifyVpa, VPA_PATTERN } from '../../domain/vpa'
import type { Merchant } from '../../merchants'
import { createFailed, invalidField, invalidUpi, type PluralErrorSpec } from './errors'
import type { SubscriptionRequest } from './request'

/**
 * A subscription request read against the merchant's plans, its UPI settings and the clock: the
 * plan, the mandate and the price schedule it sells (docs/domain/plural.md#from-request-to-mandate).
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
/** Plural debits ₹2 and refunds it when nothing is charged at registration (docs/domain/plural.md#what-is-paid-today). */
export const AUTHORISATION_MINOR = 200
/** A later start leaves time for the pre-debit notice before the first debit, as a Zenskar checkout's does [I]. */
const MIN_START_AHEAD_DAYS = 2
const MAX_START_AHEAD_DAYS = 365
const MAX_END_AHEAD_YEARS = 30
/** Plural's v2 expires a subscription the bank has not answered within 4 hours (docs/domain/plural.md#statuses). */
export const APPROVAL_WINDOW_MS = 4 * 3600 * 1000

/** The day an instant falls on in India, YYYY-MM-DD. */
const istDay = (instant: Date): string => new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)
/** `2027-02-06 18:30:00` (UTC) as an instant. */
export const utcInstant = (value: string): Date => new Date(`${value.replace(' ', 'T')}Z`)

export interface SubscriptionTerms {
  plan: Plan
  /** The plan_id answered: the catalogue plan's id, or the inline plan's merchantPlanId. */
  planId: string
  quantity: number
  trialDays: number
  channel: Extract<UpiChannel, 'collect' | 'intent'>
  vpa: string | null
  mandate: MandateTerms
  schedule: PriceSchedule
  expiresAt: Date
}

export type TermsResult = { ok: true; terms: SubscriptionTerms } | { ok: false; error: PluralErrorSpec }
type Check<T> = { ok: true; value: T } | { ok: false; error: PluralErrorSpec }
const fail = <T>(error: PluralErrorSpec): Check<T> => ({ ok: false, error })
const pass = <T>(value: T): Check<T> => ({ ok: true, value })

/** `frequencyType` spellings, normalised (lower case, no spaces, `-` or `_`), with the count each takes. */
const FREQUENCIES: Readonly<Record<string, Readonly<Record<number, BillingInterval>>>> = {
  day: { 1: 'DAILY' },
  daily: { 1: 'DAILY' },
  week: { 1: 'WEEKLY' },
  weekly: { 1: 'WEEKLY' },
  month: { 1: 'MONTHLY', 2: 'BIMONTHLY', 3: 'QUARTERLY', 6: 'HALFYEARLY', 12: 'YEARLY' },
  monthly: { 1: 'MONTHLY' },
  // Plural's "Bi-monthly" is twice every month: our FORTNIGHTLY, not our BIMONTHLY (every two months).
  bimonthly: { 1: 'FORTNIGHTLY' },
  quarter: { 1: 'QUARTERLY' },
  quarterly: { 1: 'QUARTERLY' },
  halfyear: { 1: 'HALFYEARLY' },
  halfyearly: { 1: 'HALFYEARLY' },
  year: { 1: 'YEARLY' },
  yearly: { 1: 'YEARLY' },
  as: { 1: 'ASPRESENTED' },
  aspresented: { 1: 'ASPRESENTED' },
}
const ONE_TIME = new Set(['ot', 'onetime'])

/** The billing interval a `frequency` × `frequencyType` names. */
export function intervalOf(frequency: number, frequencyType: string): Check<BillingInterval> {
  const type = frequencyType.toLowerCase().replace(/[\s_-]/g, '')
  if (ONE_TIME.has(type)) return fail(createFailed('plan.frequencyType', 'OT is a one-time mandate, not a subscription; use the one-time payment APIs'))
  const counts = FREQUENCIES[type]
  if (!counts) return fail(invalidField('plan.frequencyType', 'must be Day, Week, Month, Bi-monthly, Quarterly, Half yearly, Year or AS'))
  const interval = counts[frequency]
  if (!interval) {
    const allowed = Object.keys(counts).join(', ')
    return fail(createFailed('plan.frequency', `${frequency} × ${frequencyType} is not a billing interval; with ${frequencyType} send ${allowed}`))
  }
  return pass(interval)
}

/** `amountLimit`: M is a maximum, E and F an exact amount (docs/domain/plural.md#payments). */
export const amountRuleOf = (amountLimit: 'M' | 'E' | 'F' | undefined): AmountRule => (amountLimit === 'E' || amountLimit === 'F' ? 'FIXED' : 'VARIABLE')

/** Fields that define what an inline plan charges: with a planId the catalogue plan does, so these are refused. */
const INLINE_PRICE_FIELDS = ['frequency', 'frequencyType', 'amount', 'maxLimitAmount', 'trialPeriodInDays'] as const

interface ChosenPlan {
  plan: Plan & { amount: { type: 'FIXED'; paise: number } }
  planId: string
  trialDays: number
  /** Defined in the request: its cap is maxLimitAmount, else the amount times the quantity. */
  inline: boolean
  /** The cap sent with an inline plan; a catalogue plan's is its max_amount. */
  capSent: number | null
}

function catalogueEntry(planId: string, plan: Plan | undefined): Check<ChosenPlan> {
  if (!plan) return fail(createFailed('plan.planId', `${planId} is not a plan of this merchant`))
  if (plan.status !== 'ACTIVE') return fail(createFailed('plan.planId', `${planId} is ${plan.status}; only an ACTIVE plan can be subscribed to`))
  if (plan.amount.type !== 'FIXED') {
    return fail(createFailed('plan.planId', `${planId} has a variable amount, which this API has no field for; subscribe to a fixed plan`))
  }
  return pass({ plan: { ...plan, amount: plan.amount }, planId, trialDays: plan.intro.type === 'DAYS' ? plan.intro.days : 0, inline: false, capSent: null })
}

/** A merchant-maintained plan, defined in the request, as a plan of the same shape as the catalogue's. */
function inlineEntry(request: SubscriptionRequest): Check<ChosenPlan> {
  const { plan } = request
  if (plan.merchantPlanId === undefined) return fail(invalidField('plan.merchantPlanId', 'is required for a plan defined in the request (no planId)'))
  if (plan.planName === undefined || plan.planName.trim() === '') return fail(invalidField('plan.planName', 'is required for a plan defined in the request: the customer is shown it'))
  if (plan.frequencyType === undefined) return fail(invalidField('plan.frequencyType', 'is required for a plan defined in the request'))
  if (plan.amount === undefined) return fail(invalidField('plan.amount', 'is required for a plan defined in the request'))
  const interval = intervalOf(plan.frequency ?? 1, plan.frequencyType)
  if (!interval.ok) return interval
  if (plan.startDate !== undefined && plan.endDate !== undefined && utcInstant(plan.endDate) <= utcInstant(plan.startDate)) {
    return fail(createFailed('plan.endDate', `must be after plan.startDate (${plan.startDate})`))
  }
  const trialDays = plan.trialPeriodInDays ?? 0
  return pass({
    plan: {
      plan_id: plan.merchantPlanId,
      name: plan.planName.trim(),
      description: plan.planDescription?.trim() ?? '',
      status: 'ACTIVE',
      amount: { type: 'FIXED', paise: plan.amount.value },
      currency: 'INR',
      interval: interval.value,
      max_amount: plan.maxLimitAmount?.value ?? plan.amount.value,
      intro: trialDays > 0 ? { type: 'DAYS', days: trialDays } : { type: 'NONE' },
      on_failure: 'RETRY',
    },
    planId: plan.merchantPlanId,
    trialDays,
    inline: true,
    capSent: plan.maxLimitAmount?.value ?? null,
  })
}

/** The catalogue plan named by planId, or the plan defined inline; never both (docs/domain/plural.md#the-plan). */
function choosePlan(request: SubscriptionRequest, planOf: (planId: string) => Plan | undefined): Check<ChosenPlan> {
  const { plan } = request
  const planId = plan.planId ?? ''
  if (planId === '') return inlineEntry(request)
  if (plan.merchantMaintainedPlan === true) {
    return fail(createFailed('plan.merchantMaintainedPlan', 'is true, which means the plan is defined in the request; leave planId empty, or send false'))
  }
  const inline = INLINE_PRICE_FIELDS.find((field) => plan[field] !== undefined)
  if (inline) return fail(createFailed(`plan.${inline}`, `cannot be sent with plan.planId ${planId}: the catalogue plan sets it; send one or the other`))
  return catalogueEntry(planId, planOf(planId))
}

interface DebitRule {
  ruleType: RuleType | null
  ruleValue: number | null
}

/** `debitDay` and `debitRule` as the mandate's rule, checked against what the interval can have. */
function debitRule(request: SubscriptionRequest, plan: Plan): Check<DebitRule> {
  const sent = request.payments
  const range = ruleValueRange(plan.interval)
  if (!range) {
    // Plural's default debitDay is 1: a daily or as-presented plan takes it and ignores it.
    if (sent?.debitDay !== undefined && sent.debitDay !== 1) {
      return fail(createFailed('payments.debitDay', `cannot be ${sent.debitDay} for a ${plan.interval} plan, which has no debit day; send 1 or leave it out`))
    }
    return pass({ ruleType: null, ruleValue: null })
  }
  const ruleValue = sent?.debitDay ?? plan.rule_value ?? 1
  if (ruleValue < range.min || ruleValue > range.max) {
    return fail(createFailed('payments.debitDay', `must be ${range.min} to ${range.max} for a ${plan.interval} plan`))
  }
  return pass({ ruleType: sent?.debitRule ?? plan.rule_type ?? 'ON', ruleValue })
}

interface Dates {
  /** The start's day in India, and whether it is after today. */
  startDay: string
  later: boolean
  end: Date
}

function checkDates(request: SubscriptionRequest, today: string): Check<Dates> {
  const start = utcInstant(request.startDate)
  const startDay = istDay(start)
  if (startDay < today) return fail(createFailed('startDate', `must not be in the past (today is ${today} in India)`))
  const later = startDay > today
  if (later && startDay < addDays(today, MIN_START_AHEAD_DAYS)) {
    return fail(createFailed('startDate', `must be today or at least ${MIN_START_AHEAD_DAYS} days ahead (${addDays(today, MIN_START_AHEAD_DAYS)} or later in India), so the first debit can be notified in time`))
  }
  if (startDay > addDays(today, MAX_START_AHEAD_DAYS)) return fail(createFailed('startDate', `must be at most ${MAX_START_AHEAD_DAYS} days ahead`))
  const end = utcInstant(request.endDate)
  if (end <= start) return fail(createFailed('endDate', `must be after startDate (${request.startDate})`))
  if (istDay(end) > addYears(today, MAX_END_AHEAD_YEARS)) return fail(createFailed('endDate', `must be within ${MAX_END_AHEAD_YEARS} years`))
  const { plan } = request
  if ((plan.planId ?? '') === '') {
    if (plan.startDate !== undefined && start < utcInstant(plan.startDate)) return fail(createFailed('startDate', `must not be before the plan's start, plan.startDate (${plan.startDate})`))
    if (plan.endDate !== undefined && end > utcInstant(plan.endDate)) return fail(createFailed('endDate', `must not be after the plan's end, plan.endDate (${plan.endDate})`))
  }
  return pass({ startDay, later, end })
}

interface Upi {
  channel: SubscriptionTerms['channel']
  vpa: string | null
}

/** `upi_data`: C with a VPA that can set up AutoPay, I without one; a VPA alone means collect. */
function checkUpi(request: SubscriptionRequest, merchant: Merchant): Check<Upi> {
  const { txnMode } = request.upi_data
  const vpa = request.upi_data.vpa?.trim() || null
  if (txnMode === 'I' && vpa !== null) return fail(invalidUpi('upi_data.vpa', 'must be left out for intent (txnMode I): the customer picks the app'))
  if (txnMode === 'C' && vpa === null) return fail(invalidUpi('upi_data.vpa', 'is required for collect (txnMode C)'))
  if (txnMode === undefined && vpa === null) return fail(invalidUpi('upi_data', 'needs txnMode I, or a vpa to send a collect request to'))
  const channel = vpa === null ? 'intent' : 'collect'
  if (!merchant.instruments.includes('upi')) return fail(createFailed('upi_data', 'cannot be used: this merchant does not take UPI'))
  if (!merchant.upi.channelPolicy.allowed.includes(channel)) {
    return fail(invalidUpi('upi_data.txnMode', `${channel} is not allowed for this merchant (allowed: ${merchant.upi.channelPolicy.allowed.join(', ')})`))
  }
  if (vpa === null) return pass({ channel, vpa })
  if (!VPA_PATTERN.test(vpa)) return fail(invalidUpi('upi_data.vpa', 'is not a UPI ID (name@handle)'))
  const verified = verifyVpa(vpa)
  if (verified.status !== 'VALID') return fail(invalidUpi('upi_data.vpa', 'is not a UPI ID that exists'))
  if (!verified.mandate_details.is_handle_supported) return fail(invalidUpi('upi_data.vpa', "belongs to a UPI app that cannot set up AutoPay"))
  return pass({ channel, vpa: verified.vpa })
}

const rupees = (paise: number): string => `₹${(paise / 100).toFixed(2)}`

/** The cap and amount rule: at least the amount, at most UPI AutoPay's limit; exact means the cap is the amount. */
function checkCap(request: SubscriptionRequest, chosen: ChosenPlan, quantity: number): Check<{ capMinor: number; recurringMinor: number; amountRule: AmountRule }> {
  const recurringMinor = chosen.plan.amount.paise * quantity
  const capMinor = chosen.capSent ?? (chosen.inline ? recurringMinor : chosen.plan.max_amount)
  const capField = chosen.capSent !== null ? 'plan.maxLimitAmount.value' : chosen.inline ? 'plan.amount.value' : 'quantity'
  if (recurringMinor > capMinor) {
    const amount = quantity === 1 ? rupees(recurringMinor) : `${quantity} × ${rupees(chosen.plan.amount.paise)} = ${rupees(recurringMinor)}`
    return fail(createFailed(capField, `makes the cap ${rupees(capMinor)} lower than the amount debited, ${amount}`))
  }
  if (capMinor > UPI_AUTOPAY_MAX_MINOR) return fail(createFailed(capField, `makes the cap ${rupees(capMinor)}, above UPI AutoPay's ${rupees(UPI_AUTOPAY_MAX_MINOR)}`))
  const amountRule = amountRuleOf(request.payments?.amountLimit)
  if (amountRule === 'FIXED') {
    if (capMinor !== recurringMinor) {
      return fail(createFailed('payments.amountLimit', `${request.payments?.amountLimit ?? ''} debits exactly the amount, so the cap (${rupees(capMinor)}) must equal it (${rupees(recurringMinor)}); send M for a maximum`))
    }
    const intro = chosen.plan.intro
    if (intro.type === 'CYCLES' && intro.paise * quantity !== recurringMinor) {
      return fail(createFailed('payments.amountLimit', `${request.payments?.amountLimit ?? ''} debits exactly one amount, but plan ${chosen.planId} charges ${rupees(intro.paise * quantity)} for its first cycles; send M`))
    }
  }
  return pass({ capMinor, recurringMinor, amountRule })
}


/** The first failing rule, in a fixed order, so the same body always gets the same refusal. */
export function subscriptionTerms(request: SubscriptionRequest, merchant: Merchant, planOf: (planId: string) => Plan | undefined, now: Date): TermsResult {
  const chosen = choosePlan(request, planOf)
  if (!chosen.ok) return chosen
  const { plan } = chosen.value
  const quantity = request.quantity ?? 1
  const today = istDay(now)
  const dates = checkDates(request, today)
  if (!dates.ok) return dates
  if (dates.value.later && plan.intro.type !== 'NONE') {
    const field = request.plan.trialPeriodInDays === undefined ? 'startDate' : 'plan.trialPeriodInDays'
    return { ok: false, error: createFailed(field, `a start after today cannot be combined with the plan's introductory period (${plan.intro.type}); start today, or sell a plan without one`) }
  }
  const rule = debitRule(request, plan)
  if (!rule.ok) return rule
  const cap = checkCap(request, chosen.value, quantity)
  if (!cap.ok) return cap
  if (request.payments?.blockFund === 'Y') {
    return { ok: false, error: createFailed('payments.blockFund', 'can be Y only for a one-time mandate; a subscription\'s mandate is recurring') }
  }
  if (request.autoDebit === false) {
    return { ok: false, error: createFailed('autoDebit', 'false (the merchant presents each debit) is not simulated; send true or leave it out') }
  }
  const upi = checkUpi(request, merchant)
  if (!upi.ok) return upi

  const { capMinor, recurringMinor, amountRule } = cap.value
  const mandate: MandateTerms = {
    maxAmount: { minor: capMinor, currency: 'INR' },
    amountRule,
    frequency: plan.interval,
    ruleType: rule.value.ruleType,
    ruleValue: rule.value.ruleValue,
    startDate: now.toISOString(),
    endDate: dates.value.end.toISOString(),
    blockFunds: false,
    revokableByCustomer: true,
  }
  const schedule = priceSchedule({
    at: now,
    plan: { id: chosen.value.planId, name: plan.name, description: plan.description },
    interval: plan.interval,
    ruleType: mandate.ruleType,
    ruleValue: mandate.ruleValue,
    recurringMinor,
    capMinor,
    // docs/domain/plural.md#what-is-paid-today
    ...planStart(plan, recurringMinor, quantity, dates.value.later ? istMidnight(dates.value.startDay) : null, AUTHORISATION_MINOR),
  })
  const firstRegular = schedule.charges.find((charge) => !charge.intro)
  if (firstRegular && dates.value.end < istMidnight(firstRegular.date)) {
    return { ok: false, error: createFailed('endDate', `must not be before the first regular debit on ${firstRegular.date}: the mandate would end before it bills`) }
  }
  return {
    ok: true,
    terms: {
      plan: chosen.value.inline ? { ...plan, max_amount: capMinor } : plan,
      planId: chosen.value.planId,
      quantity,
      trialDays: chosen.value.trialDays,
      channel: upi.value.channel,
      vpa: upi.value.vpa,
      mandate,
      schedule,
      expiresAt: new Date(now.getTime() + APPROVAL_WINDOW_MS),
    },
  }
}
