import { describe, expect, it } from 'vitest'
import type { MandateTerms } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import { priceSchedule } from '../../domain/price-schedule'
import { MemoryStore } from '../../store/memory-store'
import { mandateTerms, monthlyPlan } from '../../testing/fixtures'
import { DAY_SECONDS, DEMO, NOW, NOW_SECONDS, mandateSession } from '../../testing/juspay-dialect'
import { checkMandateAgainstPlan, planBilling, readPlanRegistration, withPlanDefaults, type PlanRegistration } from './billing-creation'
import { FieldErrors } from './fields'
import type { MandateInput } from './mandate-terms'
import type { PaymentRules } from './payment-rules'
import { validateOrderRequest } from './validate'

const INFO = 'payment_rules.payment_flows.billing_creation.info'
const HOUR_SECONDS = 3600

/** Plans QA might add: an INACTIVE one, a variable one with paid introductory cycles, and one of another merchant. */
const RUN_TIME_PLANS: [string, Plan][] = [
  ['demo_merchant', monthlyPlan({ plan_id: 'retired', status: 'INACTIVE' })],
  ['demo_merchant', monthlyPlan({ plan_id: 'var_intro', amount: { type: 'VARIABLE' }, max_amount: 100000, intro: { type: 'CYCLES', cycles: 2, paise: 30000 } })],
  ['other_merchant', monthlyPlan({ plan_id: 'other_only' })],
]

async function validate(body: Record<string, unknown>) {
  const store = new MemoryStore()
  for (const [merchantId, plan] of RUN_TIME_PLANS) await store.insertPlan(merchantId, plan)
  return validateOrderRequest(body, { merchant: DEMO, now: NOW, store })
}

type Info = Record<string, unknown>
/** A billing registration for the demo merchant: ₹1 today, refunded, a mandate of up to ₹1,000. */
const registration = (info: Info, overrides: Record<string, unknown> = {}) =>
  mandateSession({
    'metadata.auto_refund_post_success': 'true',
    payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info } } },
    ...overrides,
  })

async function refusal(body: Record<string, unknown>) {
  const result = await validate(body)
  if (result.ok) throw new Error('expected a refusal')
  return result.fields
}

async function draft(body: Record<string, unknown>) {
  const result = await validate(body)
  if (!result.ok) throw new Error(JSON.stringify(result.fields))
  return result.draft
}

describe('billing_creation refusals', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown plan', registration({ plan_id: 'nope' }), `${INFO}.plan_id`, 'names no plan of this merchant (nope)'],
    ["another merchant's plan", registration({ plan_id: 'other_only' }), `${INFO}.plan_id`, 'names no plan of this merchant (other_only)'],
    ['an INACTIVE plan', registration({ plan_id: 'retired' }), `${INFO}.plan_id`, 'names plan retired, which is INACTIVE; only an ACTIVE plan takes new registrations'],
    ['a plan id in another case', registration({ plan_id: 'FIT_MONTHLY' }), `${INFO}.plan_id`, 'names no plan of this merchant'],
    ['a VARIABLE plan without plan_amount', registration({ plan_id: 'fit_classes_payg' }), `${INFO}.plan_amount`, 'is required: plan fit_classes_payg has a VARIABLE amount, set per registration (up to 2000.00)'],
    ['a FIXED plan with plan_amount', registration({ plan_id: 'fit_monthly', plan_amount: '499.00' }), `${INFO}.plan_amount`, 'must be left out: plan fit_monthly has a FIXED amount (499.00)'],
    ["plan_amount above the mandate's max amount", registration({ plan_id: 'fit_classes_payg', plan_amount: 1500 }), `${INFO}.plan_amount`, "must not exceed the mandate's max amount (1000.00); got 1500.00"],
    ["plan_amount above the plan's max_amount", registration({ plan_id: 'fit_classes_payg', plan_amount: '2500.00' }, { 'mandate.max_amount': '3000.00' }), `${INFO}.plan_amount`, "must not exceed plan fit_classes_payg's max_amount (2000.00); got 2500.00"],
    ['a start 47 hours ahead', registration({ plan_id: 'fit_monthly', billing_start_date: NOW_SECONDS + 47 * HOUR_SECONDS }), `${INFO}.billing_start_date`, `must be at least 48 hours after now: ${NOW_SECONDS + 48 * HOUR_SECONDS} (2026-03-12T06:30:00Z) or later`],
    ['a start in the past', registration({ plan_id: 'fit_monthly', billing_start_date: String(NOW_SECONDS - DAY_SECONDS) }), `${INFO}.billing_start_date`, 'must be at least 48 hours after now'],
    ['a start after the mandate ends', registration({ plan_id: 'fit_monthly', billing_start_date: NOW_SECONDS + 40 * DAY_SECONDS }, { 'mandate.end_date': NOW_SECONDS + 30 * DAY_SECONDS }), `${INFO}.billing_start_date`, `must not be after mandate.end_date (${NOW_SECONDS + 30 * DAY_SECONDS}`],
    ['a start before the mandate starts', registration({ plan_id: 'fit_monthly', billing_start_date: NOW_SECONDS + 10 * DAY_SECONDS }, { 'mandate.start_date': NOW_SECONDS + 20 * DAY_SECONDS }), `${INFO}.billing_start_date`, 'must not be before mandate.start_date'],
    ['a start with introductory days', registration({ plan_id: 'fit_monthly_trial', billing_start_date: NOW_SECONDS + 10 * DAY_SECONDS }), `${INFO}.billing_start_date`, "cannot be combined with plan fit_monthly_trial's own introductory period (14 introductory days): the two methods conflict"],
    ['a start with introductory cycles', registration({ plan_id: 'fit_monthly_intro99', billing_start_date: NOW_SECONDS + 10 * DAY_SECONDS }), `${INFO}.billing_start_date`, '(3 introductory cycles at 99.00): the two methods conflict'],
    ['a mandate below the fixed amount', registration({ plan_id: 'fit_monthly' }, { 'mandate.max_amount': '400.00' }), 'mandate.max_amount', 'must be at least the amount of plan fit_monthly (499.00); got 400.00'],
    ['a mandate below the introductory amount', registration({ plan_id: 'var_intro', plan_amount: 100 }, { 'mandate.max_amount': '200.00' }), 'mandate.max_amount', 'must be at least the introductory amount of plan var_intro (300.00); got 200.00'],
    ["a frequency other than the plan's", registration({ plan_id: 'fit_monthly' }, { 'mandate.frequency': 'WEEKLY', 'mandate.rule_value': 1 }), 'mandate.frequency', 'must be MONTHLY, the interval of plan fit_monthly, or ASPRESENTED; got WEEKLY'],
    ['a ONETIME mandate', registration({ plan_id: 'fit_monthly' }, { 'mandate.frequency': 'ONETIME' }), 'mandate.frequency', 'ONETIME is a single debit and cannot carry plan fit_monthly, which bills MONTHLY'],
    ["a rule_type against the plan's", registration({ plan_id: 'fit_monthly' }, { 'mandate.rule_type': 'AFTER' }), 'mandate.rule_type', "must be ON, plan fit_monthly's debit rule (ON 5); got AFTER"],
    ["a rule_value against the plan's", registration({ plan_id: 'fit_monthly' }, { mandate_rule_value: '10' }), 'mandate.rule_value', "must be 5, plan fit_monthly's debit day; got 10"],
    ['a mandate that ends before the first charge', registration({ plan_id: 'fit_monthly' }, { 'mandate.end_date': NOW_SECONDS + 10 * DAY_SECONDS }), 'mandate.end_date', "must be on or after the plan's charge on 2026-04-05 (India time); the mandate ends on 2026-03-20"],
    ['a mandate that starts after the first charge', registration({ plan_id: 'fit_monthly' }, { 'mandate.start_date': NOW_SECONDS + 40 * DAY_SECONDS }), 'mandate.start_date', "must be on or before the plan's first charge (2026-04-05, India time); the mandate starts on 2026-04-19"],
    ['no customer_id', registration({ plan_id: 'fit_monthly' }, { customer_id: undefined }), 'customer_id', 'is required when payment_rules registers a billing plan'],
    ['an OPTIONAL mandate', registration({ plan_id: 'fit_monthly' }, { 'options.create_mandate': 'OPTIONAL' }), 'options.create_mandate', 'must be REQUIRED when payment_rules registers a billing plan'],
    [
      'a plan change of no billing execution of this merchant',
      mandateSession({ payment_rules: { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: 'bei_1', request_id: 'r1' } } } } }),
      'payment_rules.payment_flows.billing_plan_change.info.billing_execution_info_id',
      'names no billing execution of this merchant (bei_1)',
    ],
  ])('refuses %s', async (_, body, field, reason) => {
    const fields = await refusal(body)
    expect(fields.map((f) => f.field_name)).toEqual([field])
    expect(fields[0]?.reason).toContain(reason)
  })
})

describe('billing_creation accepted', () => {
  it('takes the mandate fields the merchant left out from the plan', async () => {
    const { mandate } = await draft(registration({ plan_id: 'fit_monthly' }, { 'mandate.max_amount': undefined }))
    expect(mandate).toMatchObject({ maxAmount: { minor: 49900 }, amountRule: 'VARIABLE', frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 5 })
  })

  it('keeps what the merchant sent when it agrees with the plan', async () => {
    const { mandate } = await draft(registration({ plan_id: 'fit_monthly' }, { 'mandate.frequency': 'MONTHLY', 'mandate.rule_type': 'ON', 'mandate.rule_value': '5', 'mandate.amount_rule': 'FIXED' }))
    expect(mandate).toMatchObject({ maxAmount: { minor: 100000 }, amountRule: 'FIXED', frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 5 })
  })

  it('lets an ASPRESENTED mandate carry a plan of any interval, billed on the plan\'s days', async () => {
    const { mandate, billing } = await draft(registration({ plan_id: 'fit_yearly' }, { 'mandate.frequency': 'ASPRESENTED', 'mandate.max_amount': '5000.00' }))
    expect(mandate).toMatchObject({ frequency: 'ASPRESENTED', ruleType: null, ruleValue: null })
    expect(billing?.schedule.recurring).toEqual({ amount: { minor: 499900, currency: 'INR' }, interval: 'YEARLY', ruleType: 'ON', ruleValue: 1 })
  })

  const plan = (id: string): Plan => {
    const found = DEMO.plans.find((p) => p.plan_id === id)
    if (!found) throw new Error(`no demo plan ${id}`)
    return found
  }
  const scheduleOf = (id: string, recurringMinor: number, intro: Parameters<typeof priceSchedule>[0]['intro']) => {
    const p = plan(id)
    return priceSchedule({
      at: NOW,
      plan: { id: p.plan_id, name: p.name, description: p.description },
      interval: p.interval,
      ruleType: p.rule_type ?? null,
      ruleValue: p.rule_value ?? null,
      recurringMinor,
      capMinor: 100000,
      today: { minor: 100, refunded: true, paysFirstPeriod: false },
      intro,
    })
  }

  it.each<[string, Info, ReturnType<typeof scheduleOf>]>([
    ['flow 1: a start date 10 days out, as a string', { plan_id: 'fit_monthly', billing_start_date: String(NOW_SECONDS + 10 * DAY_SECONDS) }, scheduleOf('fit_monthly', 49900, { type: 'START_DATE', at: new Date((NOW_SECONDS + 10 * DAY_SECONDS) * 1000) })],
    ['flow 1: a start exactly 48 hours ahead', { plan_id: 'fit_monthly', billing_start_date: NOW_SECONDS + 48 * HOUR_SECONDS }, scheduleOf('fit_monthly', 49900, { type: 'START_DATE', at: new Date((NOW_SECONDS + 48 * HOUR_SECONDS) * 1000) })],
    ['flow 2: 14 free days', { plan_id: 'fit_monthly_trial' }, scheduleOf('fit_monthly_trial', 49900, { type: 'DAYS', days: 14 })],
    ['flow 2: 3 cycles at ₹99', { plan_id: 'fit_monthly_intro99' }, scheduleOf('fit_monthly_intro99', 49900, { type: 'CYCLES', cycles: 3, minor: 9900 })],
    ['a variable plan at its plan_amount', { plan_id: 'fit_classes_payg', plan_amount: '750.50' }, scheduleOf('fit_classes_payg', 75050, { type: 'NONE' })],
  ])('%s: computes the schedule once, from the plan', async (_, info, expected) => {
    const { billing, chargedTodayMinor } = await draft(registration(info))
    expect(chargedTodayMinor).toBe(100)
    expect(billing).toEqual({ plan: plan(String(info['plan_id'])), schedule: expected, subscriptionId: null, planChange: null })
  })

  it('says the registration charge is kept when auto_refund_post_success is not "true"', async () => {
    const { billing } = await draft(registration({ plan_id: 'fit_monthly' }, { 'metadata.auto_refund_post_success': 'false' }))
    expect(billing?.schedule.today).toEqual({ amount: { minor: 100, currency: 'INR' }, refunded: false, paysFirstPeriod: false })
  })

  it('carries no billing for an order without payment_rules', async () => {
    expect((await draft(mandateSession())).billing).toBeNull()
  })
})

describe('the registration\'s rules, read directly', () => {
  const variable = monthlyPlan({ plan_id: 'var', amount: { type: 'VARIABLE' }, max_amount: 80000 })
  const freeCycles = monthlyPlan({ plan_id: 'free2', intro: { type: 'CYCLES', cycles: 2, paise: 0 } })
  const plans = [monthlyPlan(), variable, freeCycles]
  const creation = (info: { plan_id: string; plan_amount?: string | number; billing_start_date?: string | number }): PaymentRules => ({
    payment_flows: { billing_creation: { status: 'REQUIRED', info } },
  })
  const register = (info: Parameters<typeof creation>[0]) => {
    const errors = new FieldErrors()
    const registration = readPlanRegistration(creation(info), (id) => plans.find((p) => p.plan_id === id), NOW, errors)
    return { registration, problems: errors.list().map((f) => `${f.field_name} ${f.reason}`) }
  }

  it('takes a VARIABLE plan\'s plan_amount up to its max_amount', () => {
    expect(register({ plan_id: 'var', plan_amount: '800.00' })).toEqual({ registration: { plan: variable, recurringMinor: 80000, startAt: null }, problems: [] })
  })

  it('leaves a plan_amount that is not rupees to the payment_rules schema, reading no amount', () => {
    expect(register({ plan_id: 'var', plan_amount: 'lots' })).toEqual({ registration: { plan: variable, recurringMinor: null, startAt: null }, problems: [] })
  })

  it('names free introductory cycles as free when a start date competes with them', () => {
    expect(register({ plan_id: 'free2', billing_start_date: NOW_SECONDS + 10 * DAY_SECONDS }).problems).toEqual([
      `${INFO}.billing_start_date cannot be combined with plan free2's own introductory period (2 introductory cycles free): the two methods conflict; leave billing_start_date out or choose a plan without one`,
    ])
  })

  it('withPlanDefaults fills only what was left out, and no debit day away from the plan\'s interval', () => {
    expect(withPlanDefaults({}, monthlyPlan())).toStrictEqual({ frequency: 'MONTHLY', maxAmountMinor: 49900, amountRule: 'VARIABLE', ruleType: 'ON', ruleValue: 5 })
    expect(withPlanDefaults({ frequency: 'ASPRESENTED' }, monthlyPlan())).toStrictEqual({ frequency: 'ASPRESENTED', maxAmountMinor: 49900, amountRule: 'VARIABLE' })
    expect(withPlanDefaults({ maxAmountMinor: 100, amountRule: 'FIXED', ruleType: 'BEFORE', ruleValue: 9 }, monthlyPlan())).toStrictEqual({
      frequency: 'MONTHLY',
      maxAmountMinor: 100,
      amountRule: 'FIXED',
      ruleType: 'BEFORE',
      ruleValue: 9,
    })
    const daily = monthlyPlan({ interval: 'DAILY', rule_type: undefined, rule_value: undefined })
    expect(withPlanDefaults({}, daily)).toStrictEqual({ frequency: 'DAILY', maxAmountMinor: 49900, amountRule: 'VARIABLE' })
  })

  const check = (sent: MandateInput, effective: MandateInput, plan: Plan = monthlyPlan(), errors = new FieldErrors()) => {
    checkMandateAgainstPlan(sent, effective, plan, errors)
    return errors.list().map((f) => `${f.field_name} ${f.reason}`)
  }

  it('checkMandateAgainstPlan passes a mandate without a frequency, and one whose frequency was refused already', () => {
    expect(check({}, {})).toEqual([])
    const errors = new FieldErrors()
    errors.add('mandate.frequency', 'must be a frequency')
    expect(check({ frequency: 'ONETIME' }, { frequency: 'ONETIME' }, monthlyPlan(), errors)).toEqual(['mandate.frequency must be a frequency'])
  })

  it('checkMandateAgainstPlan lets an ASPRESENTED mandate keep a debit day of its own', () => {
    expect(check({ frequency: 'ASPRESENTED', ruleType: 'AFTER', ruleValue: 10 }, { frequency: 'ASPRESENTED', ruleType: 'AFTER', ruleValue: 10 })).toEqual([])
  })

  it('checkMandateAgainstPlan lets a debit rule stand when the plan has none', () => {
    const daily = monthlyPlan({ interval: 'DAILY', rule_type: undefined, rule_value: undefined })
    expect(check({ ruleType: 'ON', ruleValue: 3 }, { frequency: 'DAILY', ruleType: 'ON', ruleValue: 3 }, daily)).toEqual([])
  })

  const terms = (startDate: string, endDate: string, maxMinor = 100000): MandateTerms => ({ ...mandateTerms(maxMinor), startDate, endDate })
  const ctx = { now: NOW, todayMinor: 100, refunded: true }
  const bill = (registration: PlanRegistration, mandate: MandateTerms) => {
    const errors = new FieldErrors()
    const billing = planBilling(registration, mandate, ctx, errors)
    return { billing, problems: errors.list().map((f) => `${f.field_name} ${f.reason}`) }
  }
  const monthly = (startAt: Date | null = null): PlanRegistration => ({ plan: monthlyPlan(), recurringMinor: 49900, startAt })

  it('planBilling takes a mandate starting on the first charge\'s day and ending on it, India time', () => {
    // fit_monthly from 10 March: one charge listed, on 5 April. IST midnight is 18:30 UTC the day before.
    const { billing, problems } = bill(monthly(), terms('2026-04-05T18:29:59.000Z', '2026-04-04T18:30:00.000Z'))
    expect(problems).toEqual([])
    expect(billing?.schedule.charges.map((c) => c.date)).toEqual(['2026-04-05'])
  })

  it('planBilling refuses a mandate starting the day after the first charge, India time', () => {
    expect(bill(monthly(), terms('2026-04-05T18:30:00.000Z', '2056-11-25T00:00:00.000Z'))).toEqual({
      billing: null,
      problems: ["mandate.start_date must be on or before the plan's first charge (2026-04-05, India time); the mandate starts on 2026-04-06"],
    })
  })

  it('planBilling refuses a mandate ending the day before the charge, India time', () => {
    expect(bill(monthly(), terms('2026-03-10T00:00:00.000Z', '2026-04-04T18:29:59.000Z'))).toEqual({
      billing: null,
      problems: ["mandate.end_date must be on or after the plan's charge on 2026-04-05 (India time); the mandate ends on 2026-04-04"],
    })
  })

  it('planBilling takes a billing start on the very instant the mandate starts, or ends', () => {
    const at = new Date('2026-04-04T18:30:00.000Z') // IST midnight of the plan's debit day, the 5th
    expect(bill(monthly(at), terms(at.toISOString(), '2056-11-25T00:00:00.000Z')).problems).toEqual([])
    expect(bill(monthly(at), terms('2026-03-10T00:00:00.000Z', at.toISOString())).problems).toEqual([])
  })

  it('planBilling takes introductory cycles priced at the cap, and refuses everything at once', () => {
    const intro = monthlyPlan({ plan_id: 'intro', intro: { type: 'CYCLES', cycles: 2, paise: 30000 } })
    expect(bill({ plan: intro, recurringMinor: 30000, startAt: null }, terms('2026-03-10T00:00:00.000Z', '2056-11-25T00:00:00.000Z', 30000)).problems).toEqual([])
    expect(bill({ plan: intro, recurringMinor: 49900, startAt: null }, terms('2026-03-10T00:00:00.000Z', '2056-11-25T00:00:00.000Z', 29999))).toEqual({
      billing: null,
      problems: [
        'mandate.max_amount must be at least the amount of plan intro (499.00); got 299.99',
        'mandate.max_amount must be at least the introductory amount of plan intro (300.00); got 299.99',
      ],
    })
  })

  it('planBilling answers nothing, and adds nothing, when the amount was refused before', () => {
    expect(bill({ plan: monthlyPlan(), recurringMinor: null, startAt: null }, terms('2026-03-10T00:00:00.000Z', '2056-11-25T00:00:00.000Z'))).toEqual({ billing: null, problems: [] })
  })
})
