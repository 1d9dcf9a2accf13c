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
