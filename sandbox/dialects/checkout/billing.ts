import type { MandateTerms } from '../../../contract/mandate'
import type { OrderBilling } from '../../domain/order'
import { priceSchedule, type ScheduleTerms } from '../../domain/price-schedule'
import type { CreateSessionRequest } from './request-schema'

/** The regular debit: quantity × unit amount of the recurring line items (one-time items are paid today only). */
function recurringMinor(request: CreateSessionRequest): number {
  return request.line_items.reduce(
    (sum, item) => (item.price_data.recurring ? sum + item.quantity * item.price_data.unit_amount : sum),
    0,
  )
}

/**
 * What a subscription session will charge and when (docs/domain/checkout-session.md#discount-periods).
 * Today's charge pays the first period, as UseePay's invoice #1 is paid at confirmation: with a
 * discount period it is the first of `discount_period_count` discounted periods; without one it is
 * the first period at the full amount, and the next debit is the second period.
 */
function scheduleTerms(request: CreateSessionRequest, mandate: MandateTerms, chargedTodayMinor: number, now: Date): ScheduleTerms {
  if (mandate.frequency === 'ONETIME') throw new Error('a subscription session maps to a recurring mandate, never ONETIME')
  const discount = request.subscription_data?.discount_period_config
  return {
    at: now,
    plan: null,
    interval: mandate.frequency,
    ruleType: mandate.ruleType,
    ruleValue: mandate.ruleValue,
    recurringMinor: recurringMinor(request),
    capMinor: mandate.maxAmount.minor,
    today: { minor: chargedTodayMinor, refunded: false, paysFirstPeriod: true },
    intro: discount
      ? { type: 'CYCLES', cycles: discount.discount_period_count, minor: discount.discount_period_amount }
      : { type: 'NONE' },
  }
}

/** The order's billing: a subscription session's schedule, computed once at creation; null for a payment. */
export function sessionBilling(request: CreateSessionRequest, mandate: MandateTerms | null, chargedTodayMinor: number, now: Date): OrderBilling | null {
  if (request.mode !== 'subscription' || !mandate) return null
  return { plan: null, schedule: priceSchedule(scheduleTerms(request, mandate, chargedTodayMinor, now)), subscriptionId: null, planChange: null }
}
