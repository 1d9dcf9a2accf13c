import type { PriceSchedule, ScheduledCharge } from '../../../contract/billing'
import type { Plan } from '../../../contract/plan'
import type { Subscription } from '../../domain/subscriptions'
import { rupeesNumber } from './decimal'

/**
 * A subscription in Juspay's billing-execution shape (docs/domain/billing.md#the-billing-execution),
 * as POST /billing/execution-info, the list by customer and the BILLING_* webhooks answer it.
 * Amounts are rupee numbers, as in Juspay's samples.
 */

/** Juspay's `plan_info` (billing.md §1.2 sample keys; add-ons, plan_type and plan_model are not modelled). */
export interface JuspayPlanInfo {
  plan_id: string
  plan_name: string
  plan_description: string
  plan_status: Plan['status']
  plan_amount: number
  max_amount: number
  plan_currency: 'INR'
  plan_interval: Plan['interval']
  plan_rule_type: string | null
  plan_rule_value: number | null
  is_plan_amount_variable: boolean
  is_rule_value_variable: boolean
  is_rule_type_variable: boolean
  plan_action_on_failure: Plan['on_failure']
  plan_created_at: string
  plan_updated_at: string
}

interface JuspayCharge {
  date: string
  amount: number
  intro: boolean
}

/** The sandbox's extension: the schedule the page showed, from the stored PriceSchedule. */
export interface JuspaySchedule {
  today: { amount: number; refunded: boolean; pays_first_period: boolean }
  intro:
    | { type: 'NONE' }
    | { type: 'DAYS'; days: number; ends_on: string }
    | { type: 'CYCLES'; cycles: number; amount: number }
    | { type: 'START_DATE'; starts_on: string }
  first_charge: JuspayCharge | null
  upcoming_charges: JuspayCharge[]
  /** The day of the first debit at the regular amount (IST); null under ASPRESENTED. */
  billing_starts_on: string | null
  recurring: { amount: number; interval: string; rule_type: string | null; rule_value: number | null }
  max_amount: number
}

export interface JuspayBillingExecution {
  billing_execution_info_id: string
  status: Subscription['status']
  source_object_id: string
  customer_id: string | null
  mandate_id: string
  order_id: string
  date_created: string
  date_activated: string
  /** [I] Null for a subscription sold without a plan (a checkout session's discount period). */
  plan_info: JuspayPlanInfo | null
  schedule: JuspaySchedule
  /** [I] Rupees of credit carried from plan changes, taken off the next debits (schedule.charges shows them after it). */
  credit_balance: number
}

/** Juspay's plan timestamps: `2026-02-06 12:06:45`, UTC [I: the zone is not written]. */
const planTimestamp = (iso: string): string => iso.slice(0, 19).replace('T', ' ')

/** `plan_amount` is the amount this subscription bills: a VARIABLE plan's is the registration's plan_amount. */
function planInfo(subscription: Subscription): JuspayPlanInfo | null {
  const { plan } = subscription
  if (!plan) return null
  // [I] Plans here are never edited, and the sandbox does not date them: both times are when this subscription's order took its snapshot of the plan.
  const snapshotAt = planTimestamp(subscription.planSnapshotAt)
  return {
    plan_id: plan.plan_id,
    plan_name: plan.name,
    plan_description: plan.description,
    plan_status: plan.status,
    plan_amount: rupeesNumber(subscription.planAmountMinor),
    max_amount: rupeesNumber(plan.max_amount),
    plan_currency: plan.currency,
    plan_interval: plan.interval,
    plan_rule_type: plan.rule_type ?? null,
    plan_rule_value: plan.rule_value ?? null,
    is_plan_amount_variable: plan.amount.type === 'VARIABLE',
    // [I] A registration cannot change the plan's debit day here (a contradicting mandate rule is refused).
    is_rule_value_variable: false,
    is_rule_type_variable: false,
    plan_action_on_failure: plan.on_failure,
    plan_created_at: snapshotAt,
    plan_updated_at: snapshotAt,
  }
}

const charge = (c: ScheduledCharge): JuspayCharge => ({ date: c.date, amount: rupeesNumber(c.amount.minor), intro: c.intro })

function intro(value: PriceSchedule['intro']): JuspaySchedule['intro'] {
  switch (value.type) {
    case 'NONE':
      return { type: 'NONE' }
    case 'DAYS':
      return { type: 'DAYS', days: value.days, ends_on: value.endsOn }
    case 'CYCLES':
      return { type: 'CYCLES', cycles: value.cycles, amount: rupeesNumber(value.amount.minor) }
    case 'START_DATE':
      return { type: 'START_DATE', starts_on: value.startsOn }
  }
}

function schedule(value: PriceSchedule, billingStartsOn: string | null): JuspaySchedule {
  const [first] = value.charges
  return {
    today: { amount: rupeesNumber(value.today.amount.minor), refunded: value.today.refunded, pays_first_period: value.today.paysFirstPeriod },
    intro: intro(value.intro),
    first_charge: first ? charge(first) : null,
    upcoming_charges: value.charges.map(charge),
    billing_starts_on: billingStartsOn,
    recurring: {
      amount: rupeesNumber(value.recurring.amount.minor),
      interval: value.recurring.interval,
      rule_type: value.recurring.ruleType,
      rule_value: value.recurring.ruleValue,
    },
    max_amount: rupeesNumber(value.cap.minor),
  }
}

const timestamp = (iso: string): string => `${iso.slice(0, 19)}Z`

export function billingExecution(subscription: Subscription): JuspayBillingExecution {
  return {
    billing_execution_info_id: subscription.id,
    status: subscription.status,
    // [I] The object the execution debits through: its mandate.
    source_object_id: subscription.mandateId,
    customer_id: subscription.customerId,
    mandate_id: subscription.mandateId,
    order_id: subscription.orderId,
    date_created: timestamp(subscription.createdAt),
    date_activated: timestamp(subscription.activatedAt),
    plan_info: planInfo(subscription),
    schedule: schedule(subscription.schedule, subscription.billingStartsOn),
    credit_balance: rupeesNumber(subscription.creditMinor),
  }
}
