import { describe, expect, it } from 'vitest'
import type { MandateTerms } from '../../../contract/mandate'
import type { Plan } from '../../../contract/plan'
import { changedSchedule, type PlanChangePreview } from '../../domain/plan-change'
import type { Subscription } from '../../domain/subscriptions'
import { mandateTerms, monthlyPlan, subscriptionFixture } from '../../testing/fixtures'
import { planChangeBilling, readPlanChange, type PlanChangeLookup } from './billing-plan-change'
import { FieldErrors } from './fields'
import type { PaymentRules } from './payment-rules'
import type { JuspayOrderRequest } from './request'

/**
 * A session that pays for a plan change, read without the app: each refusal of its
 * billing_plan_change, and the billing the order carries. billing-plan-change.test.ts drives the
 * same journeys through POST /session and the page.
 */

const INFO = 'payment_rules.payment_flows.billing_plan_change.info'
const HINT = 'make a new preview (POST /billing, command preview_prorated_amount)'
const NOW = new Date('2026-03-10T04:35:00.000Z')

const plus = monthlyPlan({ plan_id: 'fit_monthly_plus', name: 'Monthly plus', amount: { type: 'FIXED', paise: 79900 }, max_amount: 79900 })

/** An upgrade of bei_a from fit_monthly (₹499) to fit_monthly_plus (₹799): ₹297.84 due, within the ₹1,000 cap. */
const preview = (overrides: Partial<PlanChangePreview> = {}): PlanChangePreview => ({
  merchantId: 'm1',
  subscriptionId: 'bei_a',
  requestId: 'req-1',
  fingerprint: 'f',
  prorationAt: '2026-03-10T04:30:00.000Z',
  expiresAt: '2026-03-10T04:45:00.000Z',
  current: { planId: 'fit_monthly', amountMinor: 49900, periodStart: '2026-03-09T18:30:00.000Z', periodEnd: '2026-04-04T18:30:00.000Z' },
  next: { planId: 'fit_monthly_plus', amountMinor: 79900, ruleValue: null },
  proration: {
    cycleSeconds: 2246400,
    remainingSeconds: 2230200,
    unusedCreditMinor: 49540,
    newPlanChargeMinor: 79324,
    heldCreditMinor: 0,
    creditAppliedMinor: 0,
    proratedMinor: 29784,
    carryForwardMinor: 0,
  },
  nextInvoice: { date: '2026-04-05', amountMinor: 79900 },
  mandateSufficient: true,
  consumedBy: null,
  appliedAt: null,
  ...overrides,
})

const request = (overrides: Partial<JuspayOrderRequest> = {}): JuspayOrderRequest => ({
  orderId: 'ord-up',
  amountMinor: 29784,
  currency: 'INR',
  customerId: undefined,
  customerEmail: undefined,
  customerPhone: undefined,
  firstName: undefined,
  lastName: undefined,
  description: undefined,
  returnUrl: undefined,
  paymentPageClientId: undefined,
  action: undefined,
  language: undefined,
  udf: [],
  createMandate: undefined,
  getUpiDeepLinks: undefined,
  mandate: {},
  mandateFieldsGiven: false,
  metadata: {},
  paymentRules: undefined,
  ...overrides,
})

const rules = (status: 'REQUIRED' | 'OPTIONAL' = 'REQUIRED', requestId = 'req-1'): PaymentRules => ({
  payment_flows: { billing_plan_change: { status, info: { billing_execution_info_id: 'bei_a', request_id: requestId } } },
})

/** The merchant's subscriptions, previews and plans, as the store would answer them. */
function lookup(options: { subscription?: Subscription | null; preview?: PlanChangePreview | null; plans?: Plan[] } = {}): PlanChangeLookup {
  const subscription = options.subscription === undefined ? subscriptionFixture() : options.subscription
  const stored = options.preview === undefined ? preview() : options.preview
  const plans = options.plans ?? [monthlyPlan(), plus]
  return {
    subscription: (id) => Promise.resolve(subscription && subscription.id === id ? subscription : undefined),
    preview: (subscriptionId, requestId) => Promise.resolve(stored && stored.subscriptionId === subscriptionId && stored.requestId === requestId ? stored : undefined),
    plan: (planId) => plans.find((p) => p.plan_id === planId),
  }
}

async function read(options: { request?: Partial<JuspayOrderRequest>; rules?: PaymentRules; lookup?: PlanChangeLookup; now?: Date; errors?: FieldErrors } = {}) {
  const errors = options.errors ?? new FieldErrors()
  const terms = await readPlanChange(request(options.request), options.rules ?? rules(), options.lookup ?? lookup(), options.now ?? NOW, errors)
  return { terms, problems: errors.list().map((f) => `${f.field_name} ${f.reason}`) }
}

describe('readPlanChange', () => {
  it('reads nothing when the request pays for no plan change', async () => {
    const errors = new FieldErrors()
    expect(await readPlanChange(request(), undefined, lookup(), NOW, errors)).toBeNull()
    expect(await readPlanChange(request(), { payment_flows: {} }, lookup(), NOW, errors)).toBeNull()
    expect(errors.list()).toEqual([])
  })

  it('accepts a preview it may pay for, with the subscription, its plan and the plan changed to', async () => {
    expect(await read()).toEqual({
      terms: { preview: preview(), subscription: { ...subscriptionFixture(), plan: monthlyPlan() }, plan: plus, accepted: true },
      problems: [],
    })
  })

  it('refuses an OPTIONAL flow, and still answers the terms, not accepted', async () => {
    const { terms, problems } = await read({ rules: rules('OPTIONAL') })
    expect(problems).toEqual(['payment_rules.payment_flows.billing_plan_change.status must be REQUIRED: a session that pays for a plan change cannot leave it out; got OPTIONAL'])
    expect(terms?.accepted).toBe(false)
    expect(terms?.plan).toEqual(plus)
  })

  it('counts only its own problems: an error found before leaves the change accepted', async () => {
    const errors = new FieldErrors()
    errors.add('amount', 'is wrong elsewhere')
    const { terms } = await read({ errors, request: { amountMinor: undefined } })
    expect(terms?.accepted).toBe(true)
  })

  it('refuses a billing execution the merchant does not have', async () => {
    expect(await read({ lookup: lookup({ subscription: null }) })).toEqual({
      terms: null,
      problems: [`${INFO}.billing_execution_info_id names no billing execution of this merchant (bei_a)`],
    })
  })

  it('refuses a preview that does not exist', async () => {
    expect(await read({ rules: rules('REQUIRED', 'req-9') })).toEqual({
      terms: null,
      problems: [`${INFO}.request_id names no preview of billing execution bei_a (request_id req-9); ${HINT}`],
    })
  })

  it('refuses a preview from the instant it expires, not before', async () => {
    expect((await read({ now: new Date('2026-03-10T04:44:59.999Z') })).problems).toEqual([])
    const expired = await read({ now: new Date('2026-03-10T04:45:00.000Z') })
    expect(expired.problems).toEqual([
      `${INFO}.request_id names a preview that expired at 2026-03-10T04:45:00.000Z (preview_expires_at); a session must be created before it: ${HINT}`,
    ])
    expect(expired.terms?.accepted).toBe(false)
  })

  it('refuses a preview another order paid for, but not the same order_id again in any case', async () => {
    const paid = lookup({ preview: preview({ consumedBy: { orderId: 'ORD-UP', pageId: 'ordeh_1' } }) })
    const taken = `${INFO}.request_id names a preview already paid for by order ORD-UP: a preview pays for one change; ${HINT}`
    expect((await read({ lookup: paid })).problems).toEqual([])
    expect((await read({ lookup: paid, request: { orderId: 'ord-other' } })).problems).toEqual([taken])
    expect((await read({ lookup: paid, request: { orderId: undefined } })).problems).toEqual([taken])
  })

  it.each<[string, Partial<Subscription>, string]>([
    ['another plan', { plan: plus, planAmountMinor: 79900 }, 'now fit_monthly_plus at 799.00, with 0.00 of credit'],
    ['another plan at the same amount', { plan: monthlyPlan({ plan_id: 'fit_monthly_alt' }) }, 'now fit_monthly_alt at 499.00, with 0.00 of credit'],
    ['another amount', { planAmountMinor: 59900 }, 'now fit_monthly at 599.00, with 0.00 of credit'],
    ['credit it did not hold', { creditMinor: 1050 }, 'now fit_monthly at 499.00, with 10.50 of credit'],
  ])('refuses a subscription that moved to %s since the preview', async (_, changed, now) => {
    const { terms, problems } = await read({ lookup: lookup({ subscription: subscriptionFixture(changed) }) })
    expect(problems).toEqual([`${INFO}.billing_execution_info_id has changed since this preview (${now}); ${HINT}`])
    expect(terms?.accepted).toBe(false)
  })

  it('refuses, and answers nothing for, a subscription that no longer holds a plan', async () => {
    expect(await read({ lookup: lookup({ subscription: subscriptionFixture({ plan: null }) }) })).toEqual({
      terms: null,
      problems: [`${INFO}.billing_execution_info_id has changed since this preview (now none at 499.00, with 0.00 of credit); ${HINT}`],
    })
  })

  it('refuses a change to a plan now INACTIVE, answering the terms; and to a plan gone, answering none', async () => {
    const inactive = { ...plus, status: 'INACTIVE' as const }
    const stale = await read({ lookup: lookup({ plans: [monthlyPlan(), inactive] }) })
    expect(stale.problems).toEqual([`${INFO}.request_id names a preview of a change to plan fit_monthly_plus, which is INACTIVE; only an ACTIVE plan can be changed to`])
    expect(stale.terms).toMatchObject({ plan: inactive, accepted: false })
    expect(await read({ lookup: lookup({ plans: [monthlyPlan()] }) })).toEqual({
      terms: null,
      problems: [`${INFO}.request_id names a preview of a change to plan fit_monthly_plus, which is no longer a plan of this merchant; only an ACTIVE plan can be changed to`],
    })
  })

  it('refuses an amount other than the preview\'s prorated_amount, and takes none sent', async () => {
    expect((await read({ request: { amountMinor: 29785 } })).problems).toEqual(["amount must equal the preview's prorated_amount (297.84); got 297.85"])
    expect((await read({ request: { amountMinor: undefined } })).problems).toEqual([])
  })

  it('refuses to pay for a preview that needs no payment, naming the credit carried when there is one', async () => {
    const none = (carryForwardMinor: number) => lookup({ preview: preview({ proration: { ...preview().proration, proratedMinor: 0, carryForwardMinor } }) })
    const base =
      'payment_rules.payment_flows.billing_plan_change pays for a preview that needs no payment: its prorated_amount is 0.00 (a downgrade, a plan at the same price or one the held credit pays for'
    const tail = '); apply it with POST /billing, command apply_plan_change'
    expect((await read({ lookup: none(0), request: { amountMinor: 100 } })).problems).toEqual([`${base}${tail}`])
    expect((await read({ lookup: none(2500) })).problems).toEqual([`${base}, and 25.00 is carried to the next invoice${tail}`])
  })

  it('refuses a customer_id other than the subscription\'s, and takes the same one', async () => {
    expect((await read({ request: { customerId: 'cust-1' } })).problems).toEqual([])
    expect((await read({ request: { customerId: 'cust-2' } })).problems).toEqual(["customer_id must be the subscription's customer (cust-1), or left out; got cust-2"])
    const anonymous = lookup({ subscription: subscriptionFixture({ customerId: null }) })
    expect((await read({ lookup: anonymous, request: { customerId: 'cust-2' } })).problems).toEqual(["customer_id must be the subscription's customer (none), or left out; got cust-2"])
  })

  it('asks a change that fits the mandate to leave create_mandate out', async () => {
    expect((await read({ request: { createMandate: 'OPTIONAL' } })).problems).toEqual([
      "options.create_mandate must be left out: the new plan's amount (799.00) fits the subscription's mandate, so the change is a one-off payment and the mandate stays; got OPTIONAL",
    ])
  })

  it('asks a change above the mandate for create_mandate REQUIRED', async () => {
    const above = lookup({ preview: preview({ mandateSufficient: false }) })
    const reason = (got: string) =>
      `options.create_mandate must be REQUIRED: the new plan's amount (799.00) exceeds the subscription's mandate, so this session registers a new mandate (the old one is revoked once it is active); got ${got}`
    expect((await read({ lookup: above })).problems).toEqual([reason('nothing')])
    expect((await read({ lookup: above, request: { createMandate: 'OPTIONAL' } })).problems).toEqual([reason('OPTIONAL')])
    expect((await read({ lookup: above, request: { createMandate: 'REQUIRED' } })).problems).toEqual([])
  })

  it('does not blame create_mandate twice when it was refused already', async () => {
    const errors = new FieldErrors()
    errors.add('options.create_mandate', 'must be REQUIRED or OPTIONAL')
    const { problems } = await read({ errors, lookup: lookup({ preview: preview({ mandateSufficient: false }) }) })
    expect(problems).toEqual(['options.create_mandate must be REQUIRED or OPTIONAL'])
  })
})

describe('planChangeBilling', () => {
  const terms = (overrides: Partial<PlanChangePreview> = {}) => ({
    preview: preview(overrides),
    subscription: { ...subscriptionFixture(), plan: monthlyPlan() },
    plan: plus,
    accepted: true,
  })
  /** A new mandate of `maxMinor` ending at `endDate`. */
  const mandate = (maxMinor: number, endDate: string): MandateTerms => ({ ...mandateTerms(maxMinor), endDate })

  it('keeps the subscription\'s mandate and cap when the change fits it', () => {
    const errors = new FieldErrors()
    const subscription = subscriptionFixture()
    expect(planChangeBilling(terms(), null, errors)).toEqual({
      plan: plus,
      schedule: changedSchedule(subscription.schedule, preview(), plus, subscription.schedule.cap.minor),
      subscriptionId: 'bei_a',
      planChange: {
        preview: preview(),
        from: { planId: 'fit_monthly', name: 'Monthly' },
        to: { planId: 'fit_monthly_plus', name: 'Monthly plus' },
        newMandate: false,
        appliedAt: null,
      },
    })
    expect(errors.list()).toEqual([])
  })

  it('takes the new mandate\'s cap, covering the new amount and ending on the next invoice\'s day (India time)', () => {
    const errors = new FieldErrors()
    const billing = planChangeBilling(terms({ mandateSufficient: false }), mandate(79900, '2026-04-04T18:30:00.000Z'), errors)
    expect(errors.list()).toEqual([])
    expect(billing?.schedule).toEqual(changedSchedule(subscriptionFixture().schedule, preview({ mandateSufficient: false }), plus, 79900))
    expect(billing?.planChange?.newMandate).toBe(true)
  })

  it('refuses a new mandate below the new amount, and one ending before the next invoice, both at once', () => {
    const errors = new FieldErrors()
    errors.add('order_id', 'was refused before')
    expect(planChangeBilling(terms({ mandateSufficient: false }), mandate(79899, '2026-04-04T18:29:59.000Z'), errors)).toBeNull()
    expect(errors.list().map((f) => `${f.field_name} ${f.reason}`)).toEqual([
      'order_id was refused before',
      'mandate.max_amount must be at least the amount of plan fit_monthly_plus (799.00); got 798.99',
      'mandate.end_date must be on or after the next charge at the new amount (2026-04-05, India time); the mandate ends on 2026-04-04',
    ])
  })

  it('answers the billing even when the request had other errors already', () => {
    const errors = new FieldErrors()
    errors.add('order_id', 'was refused before')
    expect(planChangeBilling(terms(), null, errors)).not.toBeNull()
  })
})
