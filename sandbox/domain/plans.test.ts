import { describe, expect, it } from 'vitest'
import { Plan } from '../../contract/plan'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type Merchant } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { monthlyPlan } from '../testing/fixtures'
import { addPlan, merchantPlan, merchantPlans } from './plans'

const MONTHLY = monthlyPlan()

const issues = (input: unknown): [string, string][] => {
  const parsed = Plan.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('Plan', () => {
  it.each([
    ['a monthly fixed plan', {}],
    ['a yearly plan', { interval: 'YEARLY', amount: { type: 'FIXED', paise: 499900 }, max_amount: 499900, rule_value: 31 }],
    ['14 free days', { intro: { type: 'DAYS', days: 14 } }],
    ['free intro cycles', { intro: { type: 'CYCLES', cycles: 1, paise: 0 } }],
    ['discounted intro cycles', { intro: { type: 'CYCLES', cycles: 3, paise: 9900 } }],
    ['a variable plan with intro cycles under the cap', { amount: { type: 'VARIABLE' }, max_amount: 200000, intro: { type: 'CYCLES', cycles: 2, paise: 200000 } }],
    ['a daily plan without a rule', { interval: 'DAILY', rule_type: undefined, rule_value: undefined }],
    ['an as-presented plan without a rule', { interval: 'ASPRESENTED', rule_type: undefined, rule_value: undefined }],
    ['a weekly plan on day 7', { interval: 'WEEKLY', rule_type: 'BEFORE', rule_value: 7 }],
    ['a fortnightly plan on day 16', { interval: 'FORTNIGHTLY', rule_type: 'AFTER', rule_value: 16 }],
    ['an empty description and an INACTIVE status', { description: '', status: 'INACTIVE' }],
    ['Hindi and emoji in the name', { name: 'मासिक योजना 💪' }],
    ['a cap above the amount', { max_amount: 99900 }],
  ])('accepts %s', (_name, change) => {
    expect(issues({ ...MONTHLY, ...change })).toEqual([])
  })

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    ['a plan_id with a space', { plan_id: 'fit monthly' }, [['plan_id', 'must be 1 to 64 letters, digits, _ or -']]],
    ['a 65-character plan_id', { plan_id: 'p'.repeat(65) }, [['plan_id', 'must be 1 to 64 letters, digits, _ or -']]],
    ['an empty plan_id', { plan_id: '' }, [['plan_id', 'must be 1 to 64 letters, digits, _ or -']]],
    ['an empty name', { name: '' }, [['name', 'must not be empty']]],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, [['name', 'must be at most 100 characters']]],
    ['a name that is not a string', { name: 7 }, [['name', 'must be a string']]],
    ['a name with a newline', { name: 'Monthly\nplan' }, [['name', 'must not contain control or bidirectional-override characters']]],
    ['a name with NUL', { name: 'Monthly\u0000' }, [['name', 'must not contain control or bidirectional-override characters']]],
    ['a name with a right-to-left override', { name: 'Monthly \u202eeerf' }, [['name', 'must not contain control or bidirectional-override characters']]],
    ['a name with a lone surrogate', { name: 'Monthly \ud800' }, [['name', 'must not contain control or bidirectional-override characters']]],
    ['a name with outer spaces', { name: ' Monthly ' }, [['name', 'must not start or end with spaces']]],
    ['a description of 501 characters', { description: 'd'.repeat(501) }, [['description', 'must be at most 500 characters']]],
    ['a description with an escape sequence', { description: 'Gym \u001b[31m' }, [['description', 'must not contain control or bidirectional-override characters']]],
    ['an unknown status', { status: 'CREATED' }, [['status', 'must be one of ACTIVE, INACTIVE']]],
    ['a zero fixed amount', { amount: { type: 'FIXED', paise: 0 } }, [['amount.paise', 'must be at least 1 paise']]],
    ['a fractional amount', { amount: { type: 'FIXED', paise: 499.5 } }, [['amount.paise', 'must be a whole number of paise']]],
    ['an amount in rupees as a string', { amount: { type: 'FIXED', paise: '499.00' } }, [['amount.paise', 'must be a whole number of paise']]],
    ['an unknown amount type', { amount: { type: 'USAGE_BASED' } }, [['amount.type', 'must be {"type": "FIXED", "paise": …} or {"type": "VARIABLE"}']]],
    ['a variable amount with paise', { amount: { type: 'VARIABLE', paise: 100 } }, [['amount', 'has unknown field paise']]],
    ['a currency other than INR', { currency: 'USD' }, [['currency', 'must be INR']]],
    ['the ONETIME interval', { interval: 'ONETIME' }, [['interval', 'must be one of DAILY, WEEKLY, FORTNIGHTLY, MONTHLY, BIMONTHLY, QUARTERLY, HALFYEARLY, YEARLY, ASPRESENTED']]],
    ['an unknown rule_type', { rule_type: 'DURING' }, [['rule_type', 'must be one of ON, BEFORE, AFTER']]],
    ['a monthly plan without rule_value', { rule_value: undefined }, [['rule_value', 'is required with interval MONTHLY (1 to 31)']]],
    ['a monthly plan without rule_type', { rule_type: undefined }, [['rule_type', 'is required with interval MONTHLY (ON, BEFORE or AFTER)']]],
    ['a monthly debit day 32', { rule_value: 32 }, [['rule_value', 'must be between 1 and 31 with interval MONTHLY']]],
    ['a monthly debit day 0', { rule_value: 0 }, [['rule_value', 'must be between 1 and 31 with interval MONTHLY']]],
    ['a weekly debit day 8', { interval: 'WEEKLY', rule_value: 8 }, [['rule_value', 'must be between 1 and 7 with interval WEEKLY']]],
    ['a fortnightly debit day 17', { interval: 'FORTNIGHTLY', rule_value: 17 }, [['rule_value', 'must be between 1 and 16 with interval FORTNIGHTLY']]],
    [
      'a daily plan with a rule',
      { interval: 'DAILY' },
      [
        ['rule_type', 'is not used with interval DAILY; omit it'],
        ['rule_value', 'is not used with interval DAILY; omit it'],
      ],
    ],
    ['max_amount below the amount', { max_amount: 49899 }, [['max_amount', 'must be at least the amount (49900 paise)']]],
    [
      'a zero max_amount',
      { max_amount: 0 },
      [
        ['max_amount', 'must be at least 1 paise'],
        ['max_amount', 'must be at least the amount (49900 paise)'],
      ],
    ],
    ['zero intro days', { intro: { type: 'DAYS', days: 0 } }, [['intro.days', 'must be at least 1']]],
    ['366 intro days', { intro: { type: 'DAYS', days: 366 } }, [['intro.days', 'must be at most 365']]],
    ['zero intro cycles', { intro: { type: 'CYCLES', cycles: 0, paise: 0 } }, [['intro.cycles', 'must be at least 1']]],
    ['61 intro cycles', { intro: { type: 'CYCLES', cycles: 61, paise: 0 } }, [['intro.cycles', 'must be at most 60']]],
    ['a negative intro amount', { intro: { type: 'CYCLES', cycles: 3, paise: -1 } }, [['intro.paise', 'must not be negative']]],
    ['intro cycles without an amount', { intro: { type: 'CYCLES', cycles: 3 } }, [['intro.paise', 'must be a whole number of paise']]],
    [
      'intro cycles above the recurring amount',
      { max_amount: 99900, intro: { type: 'CYCLES', cycles: 3, paise: 59900 } },
      [['intro.paise', 'must not exceed the recurring amount (49900 paise)']],
    ],
    [
      'intro cycles of a variable plan above the cap',
      { amount: { type: 'VARIABLE' }, max_amount: 10000, intro: { type: 'CYCLES', cycles: 3, paise: 10001 } },
      [['intro.paise', 'must not exceed max_amount (10000 paise)']],
    ],
    ['an unknown intro type', { intro: { type: 'START_DATE' } }, [['intro.type', 'must be {"type": "NONE"}, {"type": "DAYS", "days": …} or {"type": "CYCLES", "cycles": …, "paise": …}']]],
    ['an unknown on_failure', { on_failure: 'RETRY_FOREVER' }, [['on_failure', 'must be one of RETRY, SKIP, REVOKE']]],
    ['an unknown field', { plan_type: 'PRE_DEBIT' }, [['', 'has unknown field plan_type']]],
  ])('refuses %s', (_name, change, expected) => {
    expect(issues({ ...MONTHLY, ...change })).toEqual(expected)
  })

  it('names every missing field', () => {
    expect(issues({}).map(([path]) => path)).toEqual([
      'plan_id',
      'name',
      'description',
      'status',
      'amount',
      'currency',
      'interval',
      'max_amount',
      'intro',
      'on_failure',
    ])
  })
})

describe('the plan catalogue', () => {
  const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
  const merchant = (id: string): Merchant => {
    const found = merchants.byId(id)
    if (!found) throw new Error(`no merchant ${id}`)
    return found
  }
  const filePlan = (id: string): Plan => {
    const found = merchant('demo_merchant').plans.find((p) => p.plan_id === id)
    if (!found) throw new Error(`no plan ${id}`)
    return found
  }
  const plan = (change: Record<string, unknown> = {}): Plan => Plan.parse({ ...MONTHLY, plan_id: 'qa_plan', ...change })

  it.each<[string, (store: MemoryStore) => Promise<unknown>, Plan, string]>([
    ['a new plan_id', () => Promise.resolve(), plan(), 'created'],
    ['the same plan again', (store) => addPlan(store, merchant('demo_merchant'), plan()), plan(), 'unchanged'],
    ['a different plan with a taken run-time plan_id', (store) => addPlan(store, merchant('demo_merchant'), plan()), plan({ name: 'Other' }), 'conflict'],
    ['a different plan with a file plan_id', () => Promise.resolve(), plan({ plan_id: 'fit_monthly' }), 'conflict'],
    ['the plan the file has, as written there', () => Promise.resolve(), filePlan('fit_monthly'), 'unchanged'],
  ])('answers %s', async (_name, before, added, outcome) => {
    const store = new MemoryStore()
    await before(store)
    expect((await addPlan(store, merchant('demo_merchant'), added)).outcome).toBe(outcome)
  })

  it("lists the file's plans first, then run-time ones, and finds each by plan_id", async () => {
    const store = new MemoryStore()
    const demo = merchant('demo_merchant')
    await addPlan(store, demo, plan())
    expect((await merchantPlans(store, demo)).map((p) => p.plan_id).slice(-2)).toEqual(['fit_monthly_plus', 'qa_plan'])
    expect(await merchantPlan(store, demo, 'qa_plan')).toEqual(plan())
    expect((await merchantPlan(store, demo, 'fit_yearly'))?.interval).toBe('YEARLY')
    expect(await merchantPlan(store, demo, 'QA_PLAN')).toBeUndefined()
    expect(await merchantPlans(store, merchant('other_merchant'))).toEqual([])
    expect(await merchantPlan(store, merchant('other_merchant'), 'qa_plan')).toBeUndefined()
  })
})
