import { describe, expect, it } from 'vitest'
import { merchantPlans } from '../../domain/plans'
import { MemoryStore } from '../../store/memory-store'
import { demoMerchant, FIXED_NOW } from '../../testing/checkout-dialect'
import { cataloguePlanBody, sampleBody, type Body } from '../../testing/plural-dialect'
import { parseSubscriptionBody } from './request'
import { amountRuleOf, intervalOf, subscriptionTerms, type SubscriptionTerms } from './terms'

const merchant = demoMerchant()
const plans = await merchantPlans(new MemoryStore(), merchant)

function termsOf(body: Body): SubscriptionTerms {
  const parsed = parseSubscriptionBody(JSON.parse(JSON.stringify(body)))
  if (!parsed.ok) throw new Error(parsed.error.message)
  const result = subscriptionTerms(parsed.request, merchant, (id) => plans.find((p) => p.plan_id === id), FIXED_NOW)
  if (!result.ok) throw new Error(result.error.message)
  return result.terms
}

const inlinePlan = (fields: Body): Body => ({ ...(sampleBody()['plan'] as Body), ...fields })

describe('frequency × frequencyType', () => {
  it.each([
    [1, 'Day', 'DAILY'],
    [1, 'daily', 'DAILY'],
    [1, 'Week', 'WEEKLY'],
    [1, 'Month', 'MONTHLY'],
    [2, 'Month', 'BIMONTHLY'],
    [3, 'Month', 'QUARTERLY'],
    [6, 'Month', 'HALFYEARLY'],
    [12, 'Month', 'YEARLY'],
    [1, 'Bi-monthly', 'FORTNIGHTLY'],
    [1, 'Quarterly', 'QUARTERLY'],
    [1, 'Half yearly', 'HALFYEARLY'],
    [1, 'Year', 'YEARLY'],
    [1, 'AS', 'ASPRESENTED'],
  ] as const)('%i × %s is %s', (frequency, type, interval) => {
    expect(intervalOf(frequency, type)).toEqual({ ok: true, value: interval })
  })

  it.each([
    [2, 'Day', 'plan.frequency'],
    [5, 'Month', 'plan.frequency'],
    [1, 'OT', 'plan.frequencyType'],
    [1, 'Fortnight', 'plan.frequencyType'],
  ] as const)('%i × %s is refused, naming %s', (frequency, type, field) => {
    const result = intervalOf(frequency, type)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain(field)
  })
})

describe('amountLimit', () => {
  it.each([
    [undefined, 'VARIABLE'],
    ['M', 'VARIABLE'],
    ['E', 'FIXED'],
    ['F', 'FIXED'],
  ] as const)('%s is a %s mandate', (sent, rule) => {
    expect(amountRuleOf(sent)).toBe(rule)
  })
})

/** FIXED_NOW is 10 March 2026, 10:00 in India; `2026-03-09 18:30:00` UTC is that day's midnight there. */
describe('the request as a mandate and a price schedule', () => {
  it.each<[string, Body, Partial<SubscriptionTerms['mandate']>, Partial<Record<'interval' | 'recurring' | 'cap' | 'today' | 'refunded' | 'intro' | 'first', unknown>>]>([
    [
      'the sample: daily, ₹2.20, paid today for the first day',
      {},
      { frequency: 'DAILY', ruleType: null, ruleValue: null, amountRule: 'VARIABLE', maxAmount: { minor: 220, currency: 'INR' }, blockFunds: false },
      { recurring: 220, cap: 220, today: 220, refunded: false, intro: 'NONE', first: '2026-03-11' },
    ],
    [
      'the sample with the first version’s types: frequency and amount as text',
      { plan: inlinePlan({ frequency: '1', amount: { value: '220', currency: 'INR' }, maxLimitAmount: { value: '220', currency: 'INR' } }) },
      { frequency: 'DAILY', maxAmount: { minor: 220, currency: 'INR' } },
      { recurring: 220, today: 220 },
    ],
    [
      'monthly on or before the 15th',
      { plan: inlinePlan({ frequencyType: 'Month', amount: { value: 49900, currency: 'INR' }, maxLimitAmount: { value: 60000, currency: 'INR' }, endDate: undefined }), endDate: '2027-03-09 18:30:00', payments: { debitDay: 15, debitRule: 'BEFORE' } },
      { frequency: 'MONTHLY', ruleType: 'BEFORE', ruleValue: 15, maxAmount: { minor: 60000, currency: 'INR' } },
      { interval: 'MONTHLY', recurring: 49900, cap: 60000, first: '2026-04-15' },
    ],
    [
      'weekly on Wednesdays, debit rule ON by default',
      { plan: inlinePlan({ frequencyType: 'Week', endDate: undefined }), endDate: '2026-06-09 18:30:00', payments: { debitDay: 3 } },
      { frequency: 'WEEKLY', ruleType: 'ON', ruleValue: 3 },
      { first: '2026-03-18' },
    ],
    [
      'a monthly plan with no debitDay debits on the 1st, Plural’s default',
      { plan: inlinePlan({ frequencyType: 'Month', endDate: undefined }), endDate: '2027-03-09 18:30:00', payments: undefined },
      { ruleType: 'ON', ruleValue: 1 },
      { first: '2026-04-01' },
    ],
    [
      'a 7-day trial: nothing charged, ₹2 authorised and refunded, billing from the 8th day',
      { plan: inlinePlan({ trialPeriodInDays: 7, endDate: undefined }), endDate: '2026-03-30 18:30:00' },
      { frequency: 'DAILY' },
      { today: 200, refunded: true, intro: 'DAYS', first: '2026-03-17' },
    ],
    [
      'quantity 3 multiplies the amount; the cap stays as sent',
      { plan: inlinePlan({ amount: { value: 100, currency: 'INR' }, maxLimitAmount: { value: 500, currency: 'INR' } }), quantity: 3 },
      { maxAmount: { minor: 500, currency: 'INR' } },
      { recurring: 300, cap: 500, today: 300 },
    ],
    [
      'no maxLimitAmount: the cap is the amount times the quantity',
      { plan: inlinePlan({ maxLimitAmount: undefined }), quantity: 2 },
      { maxAmount: { minor: 440, currency: 'INR' } },
      { recurring: 440, cap: 440 },
    ],
    [
      'amountLimit E: an exact mandate',
      { payments: { amountLimit: 'E', debitDay: 1, debitRule: 'ON', blockFund: 'N' } },
      { amountRule: 'FIXED' },
      {},
    ],
    [
      'a start five days ahead: ₹2 authorised today, billing from that day',
      { startDate: '2026-03-14 18:30:00', endDate: '2026-03-20 18:30:00', plan: inlinePlan({ endDate: '2026-03-20 18:30:00' }) },
      { frequency: 'DAILY', endDate: '2026-03-20T18:30:00.000Z' },
      { today: 200, refunded: true, intro: 'START_DATE', first: '2026-03-15' },
    ],
    [
      'a catalogue plan by planId: its interval, debit day and cap',
      cataloguePlanBody('fit_monthly'),
      { frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 5, maxAmount: { minor: 49900, currency: 'INR' } },
      { recurring: 49900, today: 49900, first: '2026-04-05' },
    ],
    [
      'a catalogue plan with a trial',
      cataloguePlanBody('fit_monthly_trial'),
      { frequency: 'MONTHLY', ruleValue: 5 },
      { today: 200, refunded: true, intro: 'DAYS', first: '2026-04-05' },
    ],
    [
      'a catalogue plan with the request’s own debit day',
      cataloguePlanBody('fit_monthly', { payments: { debitDay: 20, debitRule: 'AFTER' } }),
      { ruleType: 'AFTER', ruleValue: 20 },
      { first: '2026-04-20' },
    ],
  ])('%s', (_name, body, mandate, schedule) => {
    const terms = termsOf(sampleBody(body))
    expect(terms.mandate).toMatchObject(mandate)
    const seen = {
      interval: terms.schedule.recurring.interval,
      recurring: terms.schedule.recurring.amount.minor,
      cap: terms.schedule.cap.minor,
      today: terms.schedule.today.amount.minor,
      refunded: terms.schedule.today.refunded,
      intro: terms.schedule.intro.type,
      first: terms.schedule.charges.find((c) => !c.intro)?.date,
    }
    expect(seen).toMatchObject(schedule)
    expect(terms.schedule.cap).toEqual(terms.mandate.maxAmount)
  })

  it.each([
    ['txnMode C with a VPA', { upi_data: { txnMode: 'C', vpa: 'asha@okaxis' } }, 'collect', 'asha@okaxis'],
    ['a VPA alone (the sample)', { upi_data: { vpa: ' asha@okaxis ' } }, 'collect', 'asha@okaxis'],
    ['txnMode I', { upi_data: { txnMode: 'I' } }, 'intent', null],
  ] as const)('%s is a %s request', (_name, body, channel, vpa) => {
    expect(termsOf(sampleBody(body))).toMatchObject({ channel, vpa })
  })

  it('names the plan the customer buys: an inline plan by its merchantPlanId and name', () => {
    const terms = termsOf(sampleBody())
    expect(terms.planId).toBe('merch007')
    expect(terms.plan).toMatchObject({ plan_id: 'merch007', name: 'MPPlanDayNT', description: 'Merchant Maintained Plan feb 06', interval: 'DAILY' })
    expect(terms.schedule.plan).toEqual({ id: 'merch007', name: 'MPPlanDayNT', description: 'Merchant Maintained Plan feb 06' })
  })

  it('lets the registration be approved for four hours, as Plural expires a subscription the bank did not answer', () => {
    expect(termsOf(sampleBody()).expiresAt.toISOString()).toBe('2026-03-10T08:30:00.000Z')
  })
})

/** FIXED_NOW is 10 March 2026 in India: `2026-03-09 18:30:00` UTC is that day's midnight there. */
describe('each refusal, naming its field', () => {
  function refusal(body: Body): string {
    const parsed = parseSubscriptionBody(JSON.parse(JSON.stringify(body)))
    if (!parsed.ok) throw new Error(`refused before the terms: ${parsed.error.message}`)
    const result = subscriptionTerms(parsed.request, merchant, (id) => plans.find((p) => p.plan_id === id), FIXED_NOW)
    return result.ok ? 'accepted' : result.error.message
  }
  const month = (fields: Body = {}) => inlinePlan({ frequencyType: 'Month', endDate: undefined, ...fields })

  it.each<[string, Body, string]>([
    ['a plan id of no plan', cataloguePlanBody('nope'), 'plan.planId nope is not a plan of this merchant'],
    ['a catalogue plan of variable amount', cataloguePlanBody('fit_classes_payg'), 'plan.planId fit_classes_payg has a variable amount, which this API has no field for; subscribe to a fixed plan'],
    [
      'a plan id with merchantMaintainedPlan true',
      cataloguePlanBody('fit_monthly', { plan: { planId: 'fit_monthly', merchantMaintainedPlan: true } }),
      'plan.merchantMaintainedPlan is true, which means the plan is defined in the request; leave planId empty, or send false',
    ],
    [
      'a plan id with a price of its own',
      cataloguePlanBody('fit_monthly', { plan: { planId: 'fit_monthly', amount: { value: 100, currency: 'INR' } } }),
      'plan.amount cannot be sent with plan.planId fit_monthly: the catalogue plan sets it; send one or the other',
    ],
    ['an inline plan without merchantPlanId', { plan: inlinePlan({ merchantPlanId: undefined }) }, 'plan.merchantPlanId is required for a plan defined in the request (no planId)'],
    ['an inline plan named with spaces', { plan: inlinePlan({ planName: '   ' }) }, 'plan.planName is required for a plan defined in the request: the customer is shown it'],
    ['an inline plan without planName', { plan: inlinePlan({ planName: undefined }) }, 'plan.planName is required for a plan defined in the request: the customer is shown it'],
    ['an inline plan without frequencyType', { plan: inlinePlan({ frequencyType: undefined }) }, 'plan.frequencyType is required for a plan defined in the request'],
    ['an inline plan without amount', { plan: inlinePlan({ amount: undefined }) }, 'plan.amount is required for a plan defined in the request'],
    ['an inline plan of a one-time frequency', { plan: inlinePlan({ frequencyType: 'OT' }) }, 'plan.frequencyType OT is a one-time mandate, not a subscription; use the one-time payment APIs'],
    [
      'an inline plan that ends when it starts',
      { plan: inlinePlan({ startDate: '2026-03-13 18:30:00', endDate: '2026-03-13 18:30:00' }) },
      'plan.endDate must be after plan.startDate (2026-03-13 18:30:00)',
    ],
    ['a debit day for a daily plan', { payments: { debitDay: 2 } }, 'payments.debitDay cannot be 2 for a DAILY plan, which has no debit day; send 1 or leave it out'],
    [
      'a weekly debit day past 7',
      { plan: inlinePlan({ frequencyType: 'Week', endDate: undefined }), endDate: '2026-06-09 18:30:00', payments: { debitDay: 8 } },
      'payments.debitDay must be 1 to 7 for a WEEKLY plan',
    ],
    ['a start yesterday', { startDate: '2026-03-08 18:30:00' }, 'startDate must not be in the past (today is 2026-03-10 in India)'],
    [
      'a start tomorrow',
      { startDate: '2026-03-10 18:30:00' },
      'startDate must be today or at least 2 days ahead (2026-03-12 or later in India), so the first debit can be notified in time',
    ],
    ['a start 366 days ahead', { startDate: '2027-03-10 18:30:00', endDate: '2027-04-10 18:30:00', plan: inlinePlan({ endDate: undefined }) }, 'startDate must be at most 365 days ahead'],
    ['an end at the start', { endDate: '2026-03-09 18:30:00' }, 'endDate must be after startDate (2026-03-09 18:30:00)'],
    ['an end past 30 years', { endDate: '2056-03-10 18:30:00', plan: inlinePlan({ endDate: undefined }) }, 'endDate must be within 30 years'],
    [
      "a start before the inline plan's",
      { plan: inlinePlan({ startDate: '2026-03-12 18:30:00' }) },
      "startDate must not be before the plan's start, plan.startDate (2026-03-12 18:30:00)",
    ],
    ["an end after the inline plan's", { endDate: '2026-03-20 18:30:00' }, "endDate must not be after the plan's end, plan.endDate (2026-03-13 18:30:00)"],
    [
      'a later start with an inline trial',
      { startDate: '2026-03-14 18:30:00', endDate: '2026-03-30 18:30:00', plan: inlinePlan({ trialPeriodInDays: 7, endDate: undefined }) },
      "plan.trialPeriodInDays a start after today cannot be combined with the plan's introductory period (DAYS); start today, or sell a plan without one",
    ],
    [
      "a later start with a catalogue plan's trial",
      cataloguePlanBody('fit_monthly_trial', { startDate: '2026-03-14 18:30:00' }),
      "startDate a start after today cannot be combined with the plan's introductory period (DAYS); start today, or sell a plan without one",
    ],
    ['a cap below the amount', { plan: inlinePlan({ maxLimitAmount: { value: 100, currency: 'INR' } }) }, 'plan.maxLimitAmount.value makes the cap ₹1.00 lower than the amount debited, ₹2.20'],
    ['a cap below the amount times the quantity', { quantity: 2 }, 'plan.maxLimitAmount.value makes the cap ₹2.20 lower than the amount debited, 2 × ₹2.20 = ₹4.40'],
    [
      'an exact mandate with a cap above the amount',
      { plan: inlinePlan({ maxLimitAmount: { value: 500, currency: 'INR' } }), payments: { amountLimit: 'E', debitDay: 1 } },
      'payments.amountLimit E debits exactly the amount, so the cap (₹5.00) must equal it (₹2.20); send M for a maximum',
    ],
    ['funds blocked', { payments: { amountLimit: 'M', debitDay: 1, blockFund: 'Y' } }, "payments.blockFund can be Y only for a one-time mandate; a subscription's mandate is recurring"],
    ['no auto debit', { autoDebit: false }, 'autoDebit false (the merchant presents each debit) is not simulated; send true or leave it out'],
    ['intent with a VPA', { upi_data: { txnMode: 'I', vpa: 'asha@okaxis' } }, 'upi_data.vpa must be left out for intent (txnMode I): the customer picks the app'],
    ['collect without a VPA', { upi_data: { txnMode: 'C' } }, 'upi_data.vpa is required for collect (txnMode C)'],
    ['neither a mode nor a VPA', { upi_data: {} }, 'upi_data needs txnMode I, or a vpa to send a collect request to'],
    ['a VPA of no UPI shape', { upi_data: { vpa: 'asha.okaxis' } }, 'upi_data.vpa is not a UPI ID (name@handle)'],
    ['a VPA that does not exist', { upi_data: { vpa: 'unknown@upi' } }, 'upi_data.vpa is not a UPI ID that exists'],
    ['a VPA whose app has no AutoPay', { upi_data: { vpa: 'asha@nomandate' } }, 'upi_data.vpa belongs to a UPI app that cannot set up AutoPay'],
    [
      'an end before the first regular debit',
      { plan: month(), endDate: '2026-03-20 18:30:00', payments: { debitDay: 15 } },
      'endDate must not be before the first regular debit on 2026-04-15: the mandate would end before it bills',
    ],
  ])('%s', (_, body, sentence) => {
    expect(refusal(sampleBody(body))).toContain(sentence)
  })

  it.each<[string, Body]>([
    ['a weekly debit day of 7', { plan: inlinePlan({ frequencyType: 'Week', endDate: undefined }), endDate: '2026-06-09 18:30:00', payments: { debitDay: 7 } }],
    ['a start exactly 2 days ahead', { startDate: '2026-03-11 18:30:00', endDate: '2026-03-20 18:30:00', plan: inlinePlan({ endDate: '2026-03-20 18:30:00' }) }],
    ['a start 365 days ahead', { startDate: '2027-03-09 18:30:00', endDate: '2027-04-10 18:30:00', plan: inlinePlan({ endDate: undefined }) }],
    ['an end on the first regular debit', { plan: month(), endDate: '2026-04-14 18:30:00', payments: { debitDay: 15 } }],
    ['an exact mandate at the amount', { payments: { amountLimit: 'E', debitDay: 1 } }],
  ])('accepts %s', (_, body) => {
    expect(refusal(sampleBody(body))).toBe('accepted')
  })

  it('an inline plan is kept as sent: its name and description trimmed, ACTIVE, in rupees, retried on failure', () => {
    const terms = termsOf(sampleBody({ plan: inlinePlan({ planName: ' Daily ', maxLimitAmount: undefined }) }))
    expect(terms.plan).toStrictEqual({
      plan_id: 'merch007',
      name: 'Daily',
      description: 'Merchant Maintained Plan feb 06',
      status: 'ACTIVE',
      amount: { type: 'FIXED', paise: 220 },
      currency: 'INR',
      interval: 'DAILY',
      max_amount: 220,
      intro: { type: 'NONE' },
      on_failure: 'RETRY',
    })
    expect(terms.mandate).toMatchObject({ blockFunds: false, revokableByCustomer: true })
    expect(terms.trialDays).toBe(0)
  })

  it('a catalogue trial counts its days', () => {
    expect(termsOf(cataloguePlanBody('fit_monthly_trial')).trialDays).toBe(14)
  })
})

/** The rows docs/mutation.md listed as worth a test for terms.ts: wording, defaults, edges and merchant variants. */
describe('the edges of a subscription request', () => {
  function outcome(body: Body, options: { planOf?: (id: string) => ReturnType<typeof plans.find>; merchant?: typeof merchant } = {}): string {
    const parsed = parseSubscriptionBody(JSON.parse(JSON.stringify(sampleBody(body))))
    if (!parsed.ok) throw new Error(`refused before the terms: ${parsed.error.message}`)
    const planOf = options.planOf ?? ((id: string) => plans.find((p) => p.plan_id === id))
    const result = subscriptionTerms(parsed.request, options.merchant ?? merchant, planOf, FIXED_NOW)
    return result.ok ? 'accepted' : result.error.message
  }
  const monthlyInline = (fields: Body = {}) => inlinePlan({ frequencyType: 'Month', endDate: undefined, ...fields })

  it.each<[string, Body, string]>([
    ['an unknown frequencyType names the ones taken', { plan: inlinePlan({ frequencyType: 'Fortnight' }) }, 'plan.frequencyType must be Day, Week, Month, Bi-monthly, Quarterly, Half yearly, Year or AS'],
    [
      'a count the frequencyType does not take names the counts it does',
      { plan: monthlyInline({ frequency: 5 }), endDate: '2027-03-09 18:30:00' },
      'plan.frequency 5 × Month is not a billing interval; with Month send 1, 2, 3, 6, 12',
    ],
    [
      'an inline plan without maxLimitAmount whose amount times the quantity passes UPI AutoPay\'s limit: the amount is blamed',
      { plan: inlinePlan({ maxLimitAmount: undefined, amount: { value: 6_000_000, currency: 'INR' } }), quantity: 2 },
      "plan.amount.value makes the cap ₹120000.00, above UPI AutoPay's ₹100000.00",
    ],
    [
      'a catalogue plan over its max_amount by quantity: the quantity is blamed',
      cataloguePlanBody('fit_monthly', { quantity: 3 }),
      'quantity makes the cap ₹499.00 lower than the amount debited, 3 × ₹499.00 = ₹1497.00',
    ],
    [
      'a cap a paisa above UPI AutoPay\'s limit',
      { plan: inlinePlan({ maxLimitAmount: { value: 10_000_001, currency: 'INR' } }) },
      "plan.maxLimitAmount.value makes the cap ₹100000.01, above UPI AutoPay's ₹100000.00",
    ],
    [
      'an exact mandate for a plan whose first cycles are cheaper',
      cataloguePlanBody('fit_monthly_intro99', { payments: { amountLimit: 'E', debitDay: 5 } }),
      'payments.amountLimit E debits exactly one amount, but plan fit_monthly_intro99 charges ₹99.00 for its first cycles; send M',
    ],
  ])('%s', (_name, body, expected) => {
    expect(outcome(body)).toContain(expected)
  })

  it.each<[string, Body]>([
    ['an inline plan without frequency: once per frequencyType', { plan: inlinePlan({ frequency: undefined }) }],
    ['an inline plan with an end date only', { plan: inlinePlan({ startDate: undefined }) }],
    ['a daily plan with the default debit day 1', { payments: { debitDay: 1 } }],
    ['a daily plan with no debit day', { payments: { amountLimit: 'M' } }],
    ['a daily plan with no payments object at all', { payments: undefined }],
    ['a cap of exactly UPI AutoPay\'s limit', { plan: inlinePlan({ maxLimitAmount: { value: 10_000_000, currency: 'INR' } }) }],
    ['an exact mandate for a plan whose first cycles cost the same as the rest', cataloguePlanBody('fit_monthly', { payments: { amountLimit: 'F', debitDay: 5 } })],
    ['an end exactly 30 years ahead', { endDate: '2056-03-09 18:30:00', plan: inlinePlan({ endDate: undefined }) }],
    ["a catalogue plan's own dates are not compared with the request's", cataloguePlanBody('fit_monthly', { plan: { planId: 'fit_monthly', startDate: '2026-03-12 18:30:00', endDate: '2026-03-13 18:30:00' } })],
  ])('accepts %s', (_name, body) => {
    expect(outcome(body)).toBe('accepted')
  })

  it('an inline plan without a description is described as empty', () => {
    expect(termsOf(sampleBody({ plan: inlinePlan({ planDescription: undefined }) })).plan.description).toBe('')
  })

  it('a catalogue plan whose introduction is not in days has no trial days', () => {
    expect(termsOf(cataloguePlanBody('fit_monthly_intro99')).trialDays).toBe(0)
  })

  it('takes an exact mandate only where every debit is the same amount, the quantity counted', () => {
    const intro99 = plans.find((p) => p.plan_id === 'fit_monthly_intro99')
    if (!intro99) throw new Error('fit_monthly_intro99 is missing from the demo catalogue')
    const exact = cataloguePlanBody('fit_monthly_intro99', { quantity: 2, payments: { amountLimit: 'E', debitDay: 5 } })
    const roomy = (id: string) => (id === intro99.plan_id ? { ...intro99, max_amount: 99_800 } : undefined)
    expect(outcome(exact, { planOf: roomy })).toContain('plan fit_monthly_intro99 charges ₹198.00 for its first cycles; send M')
    const flat = (id: string) => (id === intro99.plan_id ? { ...intro99, max_amount: 99_800, intro: { type: 'CYCLES' as const, cycles: 3, paise: 49_900 } } : undefined)
    expect(outcome(exact, { planOf: flat })).toBe('accepted')
  })

  it('refuses an INACTIVE catalogue plan', () => {
    const inactive = (id: string) => {
      const plan = plans.find((p) => p.plan_id === id)
      return plan ? { ...plan, status: 'INACTIVE' as const } : undefined
    }
    expect(outcome(cataloguePlanBody('fit_monthly'), { planOf: inactive })).toContain('plan.planId fit_monthly is INACTIVE; only an ACTIVE plan can be subscribed to')
  })

  it('refuses UPI for a merchant that does not take it, and a channel its policy leaves out', () => {
    expect(outcome({}, { merchant: { ...merchant, instruments: ['netbanking'] } })).toContain('upi_data cannot be used: this merchant does not take UPI')
    const intentOnly = { ...merchant, upi: { ...merchant.upi, channelPolicy: { ...merchant.upi.channelPolicy, allowed: ['intent', 'qr'] as ('intent' | 'qr' | 'collect')[] } } }
    expect(outcome({ upi_data: { vpa: 'asha@okaxis' } }, { merchant: intentOnly })).toContain('upi_data.txnMode collect is not allowed for this merchant (allowed: intent, qr)')
    expect(outcome({ upi_data: { txnMode: 'I' } }, { merchant: { ...merchant, upi: { ...merchant.upi, channelPolicy: { ...merchant.upi.channelPolicy, allowed: ['collect'] } } } })).toContain(
      'upi_data.txnMode intent is not allowed for this merchant (allowed: collect)',
    )
  })
})
