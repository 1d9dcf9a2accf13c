import { describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../../contract/billing'
import { monthlyPlan, subscriptionFixture } from '../../testing/fixtures'
import { billingExecution } from './billing-execution'

/**
 * A subscription as Juspay's billing execution, read straight from a stored subscription (the
 * routes and the BILLING_* webhooks answer exactly this; billing-routes.test.ts drives them).
 */

const inr = (minor: number) => ({ minor, currency: 'INR' as const })

/** Two ₹99 introductory cycles, then ₹499 on the 5th of each month, under a ₹1,000 cap. */
const introSchedule: PriceSchedule = {
  plan: { id: 'fit_monthly', name: 'Monthly', description: 'Billed on the 5th.' },
  today: { amount: inr(9900), refunded: false, paysFirstPeriod: true },
  intro: { type: 'CYCLES', cycles: 2, amount: inr(9900) },
  charges: [
    { date: '2027-01-05', amount: inr(9900), intro: true },
    { date: '2027-02-05', amount: inr(49950), intro: false },
  ],
  recurring: { amount: inr(49950), interval: 'MONTHLY', ruleType: 'ON', ruleValue: 5 },
  cap: inr(100000),
}

describe('billingExecution', () => {
  it('answers the subscription with its plan and schedule, amounts in rupees', () => {
    const subscription = subscriptionFixture({
      id: 'bei_7',
      status: 'PAUSED',
      customerId: 'cust-9',
      mandateId: 'M7',
      orderId: 'order-7',
      planAmountMinor: 49950,
      planSnapshotAt: '2026-11-25T10:00:00.123Z',
      createdAt: '2026-11-25T10:00:00.123Z',
      activatedAt: '2026-11-25T10:05:30.999Z',
      billingStartsOn: '2027-02-05',
      schedule: introSchedule,
      creditMinor: 1250,
    })
    expect(billingExecution(subscription)).toEqual({
      billing_execution_info_id: 'bei_7',
      status: 'PAUSED',
      source_object_id: 'M7',
      customer_id: 'cust-9',
      mandate_id: 'M7',
      order_id: 'order-7',
      date_created: '2026-11-25T10:00:00Z',
      date_activated: '2026-11-25T10:05:30Z',
      plan_info: {
        plan_id: 'fit_monthly',
        plan_name: 'Monthly',
        plan_description: 'Billed on the 5th.',
        plan_status: 'ACTIVE',
        plan_amount: 499.5,
        max_amount: 499,
        plan_currency: 'INR',
        plan_interval: 'MONTHLY',
        plan_rule_type: 'ON',
        plan_rule_value: 5,
        is_plan_amount_variable: false,
        is_rule_value_variable: false,
        is_rule_type_variable: false,
        plan_action_on_failure: 'RETRY',
        plan_created_at: '2026-11-25 10:00:00',
        plan_updated_at: '2026-11-25 10:00:00',
      },
      schedule: {
        today: { amount: 99, refunded: false, pays_first_period: true },
        intro: { type: 'CYCLES', cycles: 2, amount: 99 },
        first_charge: { date: '2027-01-05', amount: 99, intro: true },
        upcoming_charges: [
          { date: '2027-01-05', amount: 99, intro: true },
          { date: '2027-02-05', amount: 499.5, intro: false },
        ],
        billing_starts_on: '2027-02-05',
        recurring: { amount: 499.5, interval: 'MONTHLY', rule_type: 'ON', rule_value: 5 },
        max_amount: 1000,
      },
      credit_balance: 12.5,
    })
  })

  it('says a VARIABLE plan\'s amount varies, and writes a plan without a debit day as null', () => {
    const plan = monthlyPlan({ amount: { type: 'VARIABLE' }, interval: 'DAILY', rule_type: undefined, rule_value: undefined, on_failure: 'SKIP' })
    const info = billingExecution(subscriptionFixture({ plan })).plan_info
    expect(info).toMatchObject({ is_plan_amount_variable: true, plan_interval: 'DAILY', plan_rule_type: null, plan_rule_value: null, plan_action_on_failure: 'SKIP' })
  })

  it('has no plan_info for a subscription sold without a plan', () => {
    expect(billingExecution(subscriptionFixture({ plan: null, customerId: null }))).toMatchObject({ plan_info: null, customer_id: null })
  })

  it('has no first charge when nothing is scheduled, as under ASPRESENTED', () => {
    const asPresented: PriceSchedule = {
      ...introSchedule,
      intro: { type: 'NONE' },
      charges: [],
      recurring: { amount: inr(49900), interval: 'ASPRESENTED', ruleType: null, ruleValue: null },
    }
    const schedule = billingExecution(subscriptionFixture({ schedule: asPresented, billingStartsOn: null })).schedule
    expect(schedule).toMatchObject({ intro: { type: 'NONE' }, first_charge: null, upcoming_charges: [], billing_starts_on: null })
    expect(schedule.recurring).toEqual({ amount: 499, interval: 'ASPRESENTED', rule_type: null, rule_value: null })
  })

  it.each<[PriceSchedule['intro'], unknown]>([
    [{ type: 'DAYS', days: 14, endsOn: '2026-12-09' }, { type: 'DAYS', days: 14, ends_on: '2026-12-09' }],
    [{ type: 'START_DATE', startsOn: '2027-01-01' }, { type: 'START_DATE', starts_on: '2027-01-01' }],
    [{ type: 'CYCLES', cycles: 3, amount: inr(0) }, { type: 'CYCLES', cycles: 3, amount: 0 }],
  ])('writes the introductory period %j in Juspay\'s names', (intro, expected) => {
    expect(billingExecution(subscriptionFixture({ schedule: { ...introSchedule, intro } })).schedule.intro).toEqual(expected)
  })
})
