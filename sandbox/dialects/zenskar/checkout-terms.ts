import type { MandateTerms } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import { isAllowedReturnHost, type Merchant } from '../../merchants'
import { planStart, priceSchedule } from '../../domain/price-schedule'
import { addDays, addYears, istMidnight } from '../../domain/proration'
import type { PriceSchedule } from '../../../contract/billing'
import { invalidField, type ZenskarErrorSpec } from './errors'
import type { CheckoutRequest, ProductOverride } from './request'

/**
 * A checkout request read against the merchant's plan and the clock: the plan, the mandate and
 * the price schedule it sells (docs/domain/zenskar.md#from-plan-to-mandate). Every rule here is ours [I].
 */

const DAY_MS = 24 * 3600 * 1000
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
/** The registration charge when nothing is due today: ₹1, refunded once the mandate is active (docs/domain/billing.md). */
const AUTHORISATION_MINOR = 100
/** A later start leaves time for the pre-debit notice before the first debit (docs/domain/billing.md, 48 hours). */
const MIN_START_AHEAD_DAYS = 2
const MAX_START_AHEAD_DAYS = 365
const MAX_END_AHEAD_YEARS = 30
const DEFAULT_EXPIRY_MS = DAY_MS
const MAX_EXPIRY_MS = 30 * DAY_MS

/** Today's date in India, YYYY-MM-DD. */
export const istToday = (now: Date): string => new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)

export interface CheckoutTerms {
  plan: Plan
  quantity: number
  startDate: string
  endDate: string | null
  expiresAt: Date
  successUrl: string | null
  cancelUrl: string | null
  productOverrides: ProductOverride[]
  mandate: MandateTerms
  schedule: PriceSchedule
}

export type TermsResult = { ok: true; terms: CheckoutTerms } | { ok: false; error: ZenskarErrorSpec }

type Check<T> = { ok: true; value: T } | { ok: false; error: ZenskarErrorSpec }
const fail = <T>(error: ZenskarErrorSpec): Check<T> => ({ ok: false, error })

function checkPlan(plan: Plan | undefined, planId: string): Check<Plan & { amount: { type: 'FIXED'; paise: number } }> {
  if (!plan) return fail({ status: 400, code: 'plan_not_found', message: `No plan ${planId} in this merchant's catalogue.`, field: 'plan_id' })
  if (plan.status !== 'ACTIVE') return fail({ status: 400, code: 'plan_inactive', message: `Plan ${planId} is ${plan.status}; only an ACTIVE plan can be sold.`, field: 'plan_id' })
  if (plan.amount.type !== 'FIXED') {
    return fail({
      status: 400,
      code: 'plan_not_supported',
      message: `Plan ${planId} has a variable amount, set per registration; a checkout has no field for it. Sell a fixed plan, or use Juspay's billing flows with plan_amount.`,
      field: 'plan_id',
    })
  }
  return { ok: true, value: { ...plan, amount: plan.amount } }
}

/** The plan is the checkout's one product, its id the plan_id: an override may set its quantity, never remove it. */
function checkQuantity(request: CheckoutRequest, plan: Plan, unitMinor: number): Check<number> {
  const override = request.product_overrides?.[0]
  if (!override) return { ok: true, value: 1 }
  if (override.product_id !== plan.plan_id) {
    return fail(invalidField('product_overrides[0].product_id', `The checkout's one product is its plan: product_id must be ${plan.plan_id}.`))
  }
  if (override.is_enabled === false) {
    return fail(invalidField('product_overrides[0].is_enabled', 'The plan is the checkout\'s only product; disabling it would leave nothing to buy.'))
  }
  const quantity = override.quantity ?? 1
  if (quantity * unitMinor > plan.max_amount) {
    return fail(
      invalidField(
        'product_overrides[0].quantity',
        `${quantity} × ₹${(unitMinor / 100).toFixed(2)} is above the plan's max_amount ₹${(plan.max_amount / 100).toFixed(2)}, the most its mandate may debit.`,
        'amount_above_max',
      ),
    )
  }
  return { ok: true, value: quantity }
}

function checkUrl(field: 'success_url' | 'cancel_url', value: string | undefined, merchant: Merchant): ZenskarErrorSpec | null {
  if (value === undefined) return null
  const url = new URL(value)
  if (isAllowedReturnHost(merchant, url)) return null
  return invalidField(field, `${url.hostname} is not an allowed return host for this merchant.`, 'url_not_allowed')
}

/** start_date: today (the default) or at least two days ahead, within a year; a later start is the plan's introductory window. */
function checkStart(request: CheckoutRequest, plan: Plan, today: string): Check<{ startDate: string; later: boolean }> {
  const startDate = request.start_date ?? today
  if (startDate === today) return { ok: true, value: { startDate, later: false } }
  if (startDate < today) return fail(invalidField('start_date', `must not be before today (${today}, India).`))
  if (startDate < addDays(today, MIN_START_AHEAD_DAYS)) {
    return fail(invalidField('start_date', `must be today or at least ${MIN_START_AHEAD_DAYS} days ahead (${addDays(today, MIN_START_AHEAD_DAYS)} or later), so the first debit can be notified in time.`))
  }
  if (startDate > addDays(today, MAX_START_AHEAD_DAYS)) return fail(invalidField('start_date', `must be at most ${MAX_START_AHEAD_DAYS} days ahead.`))
  if (plan.intro.type !== 'NONE') {
    return fail({
      status: 400,
      code: 'intro_conflict',
      message: `Plan ${plan.plan_id} has its own introductory period (${plan.intro.type}); a later start_date would be a second one. Send no start_date, or sell a plan without an introductory period.`,
      field: 'start_date',
    })
  }
  return { ok: true, value: { startDate, later: true } }
}

function checkEnd(request: CheckoutRequest, startDate: string, today: string): Check<string | null> {
  const endDate = request.end_date
  if (endDate === undefined) return { ok: true, value: null }
  if (endDate <= startDate) return fail(invalidField('end_date', `must be after start_date (${startDate}).`))
  if (endDate > addYears(today, MAX_END_AHEAD_YEARS)) return fail(invalidField('end_date', `must be within ${MAX_END_AHEAD_YEARS} years.`))
  return { ok: true, value: endDate }
}

function checkExpiry(request: CheckoutRequest, now: Date): Check<Date> {
  if (request.expires_at === undefined) return { ok: true, value: new Date(Math.floor(now.getTime() / 1000) * 1000 + DEFAULT_EXPIRY_MS) }
  const at = new Date(request.expires_at)
  if (at.getTime() <= now.getTime()) return fail(invalidField('expires_at', 'must be in the future.'))
  if (at.getTime() > now.getTime() + MAX_EXPIRY_MS) return fail(invalidField('expires_at', 'must be at most 30 days from now.'))
  return { ok: true, value: at }
}


/** The first failing rule, in the order the fields are listed, so the same body always gets the same error. */
export function checkoutTerms(request: CheckoutRequest, merchant: Merchant, planOf: (planId: string) => Plan | undefined, now: Date): TermsResult {
  const plan = checkPlan(planOf(request.plan_id), request.plan_id)
  if (!plan.ok) return plan
  const today = istToday(now)
  const start = checkStart(request, plan.value, today)
  if (!start.ok) return start
  const end = checkEnd(request, start.value.startDate, today)
  if (!end.ok) return end
  const expiry = checkExpiry(request, now)
  if (!expiry.ok) return expiry
  const urlError = checkUrl('success_url', request.success_url, merchant) ?? checkUrl('cancel_url', request.cancel_url, merchant)
  if (urlError) return { ok: false, error: urlError }
  const quantity = checkQuantity(request, plan.value, plan.value.amount.paise)
  if (!quantity.ok) return quantity

  const recurringMinor = plan.value.amount.paise * quantity.value
  // docs/domain/zenskar.md#what-is-paid-today
  const { today: todayTerms, intro } = planStart(plan.value, recurringMinor, quantity.value, start.value.later ? istMidnight(start.value.startDate) : null, AUTHORISATION_MINOR)
  const endsAt = end.value ? new Date(istMidnight(addDays(end.value, 1)).getTime() - 1000) : new Date(istMidnight(addYears(today, MAX_END_AHEAD_YEARS)).getTime())
  const mandate: MandateTerms = {
    maxAmount: { minor: plan.value.max_amount, currency: 'INR' },
    // Juspay's own fixed-plan sample registers a variable mandate: the debits differ (intro, quantity) up to the cap.
    amountRule: 'VARIABLE',
    frequency: plan.value.interval,
    ruleType: plan.value.rule_type ?? null,
    ruleValue: plan.value.rule_value ?? null,
    startDate: now.toISOString(),
    endDate: endsAt.toISOString(),
    blockFunds: false,
    revokableByCustomer: true,
  }
  const schedule = priceSchedule({
    at: now,
    plan: { id: plan.value.plan_id, name: plan.value.name, description: plan.value.description },
    interval: plan.value.interval,
    ruleType: mandate.ruleType,
    ruleValue: mandate.ruleValue,
    recurringMinor,
    capMinor: plan.value.max_amount,
    today: todayTerms,
    intro,
  })
  const firstRegular = schedule.charges.find((charge) => !charge.intro)
  if (end.value && firstRegular && end.value < firstRegular.date) {
    return { ok: false, error: invalidField('end_date', `must not be before the first regular charge on ${firstRegular.date}: the mandate would end before it bills.`) }
  }
  return {
    ok: true,
    terms: {
      plan: plan.value,
      quantity: quantity.value,
      startDate: start.value.startDate,
      endDate: end.value,
      expiresAt: expiry.value,
      successUrl: request.success_url ?? null,
      cancelUrl: request.cancel_url ?? null,
      productOverrides: request.product_overrides ?? [],
      mandate,
      schedule,
    },
  }
}
