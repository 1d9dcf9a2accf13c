import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BILLING_INTERVALS } from './billing'
import { ruleValueRange } from './mandate'
import { Plan } from './plan'

const PROPERTY = { seed: 20261201, numRuns: 200 }

/** The demo merchant's fit_monthly, as sandbox/merchants.json has it. */
const FIT_MONTHLY = {
  plan_id: 'fit_monthly',
  name: 'Acme Fitness Monthly',
  description: 'Unlimited gym access, billed every month on the 5th.',
  status: 'ACTIVE',
  amount: { type: 'FIXED', paise: 49900 },
  currency: 'INR',
  interval: 'MONTHLY',
  rule_type: 'ON',
  rule_value: 5,
  max_amount: 49900,
  intro: { type: 'NONE' },
  on_failure: 'RETRY',
}

const failedPaths = (value: unknown): string[] => {
  const parsed = Plan.safeParse(value)
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))
}

describe('Plan', () => {
  it('takes a fixed-price plan whose max_amount is its amount', () => {
    expect(failedPaths(FIT_MONTHLY)).toEqual([])
  })

  it('takes a fixed amount exactly when max_amount is at least it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (amount, max) => {
        const plan = { ...FIT_MONTHLY, amount: { type: 'FIXED', paise: amount }, max_amount: max }
        expect(failedPaths(plan)).toEqual(max >= amount ? [] : ['max_amount'])
      }),
      PROPERTY,
    )
  })

  it('takes an introductory price no higher than the recurring amount and the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (intro, amount) => {
        const plan = { ...FIT_MONTHLY, amount: { type: 'FIXED', paise: amount }, max_amount: amount, intro: { type: 'CYCLES', cycles: 3, paise: intro } }
        const paths = failedPaths(plan)
        if (intro <= amount) expect(paths).toEqual([])
        else expect(paths).toContain('intro.paise')
      }),
      PROPERTY,
    )
  })

  it('takes a debit day exactly where the mandate rules do, for every interval', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BILLING_INTERVALS), fc.integer({ min: -3, max: 40 }), (interval, ruleValue) => {
        const range = ruleValueRange(interval)
        const paths = failedPaths({ ...FIT_MONTHLY, interval, rule_value: ruleValue })
        if (range === null) expect(paths).toEqual(['rule_type', 'rule_value'])
        else expect(paths).toEqual(ruleValue >= range.min && ruleValue <= range.max ? [] : ['rule_value'])
      }),
      PROPERTY,
    )
  })

  it('needs no debit day for an interval without one, and both halves of it for one with', () => {
    const bare: Partial<typeof FIT_MONTHLY> = { ...FIT_MONTHLY }
    delete bare.rule_type
    delete bare.rule_value
    for (const interval of BILLING_INTERVALS) {
      expect(failedPaths({ ...bare, interval }), interval).toEqual(ruleValueRange(interval) === null ? [] : ['rule_type', 'rule_value'])
    }
  })
})

/** What a merchant reads for each refused plan (the QA plans API answers these issues as they are). */
const issuesOf = (value: unknown): { code: string; path: string; message: string }[] => {
  const parsed = Plan.safeParse(value)
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ code: issue.code, path: issue.path.join('.'), message: issue.message }))
}
const custom = (path: string, message: string) => ({ code: 'custom', path, message })
const fixed = (paise: number, max: number, intro: number) => ({
  ...FIT_MONTHLY,
  amount: { type: 'FIXED', paise },
  max_amount: max,
  intro: { type: 'CYCLES', cycles: 3, paise: intro },
})
const variable = (max: number, intro: number) => ({ ...fixed(1, max, intro), amount: { type: 'VARIABLE' } })
const withoutDebitDay: Partial<typeof FIT_MONTHLY> = { ...FIT_MONTHLY, rule_type: undefined, rule_value: undefined }

describe('Plan issues, field by field', () => {
  it.each<[string, unknown, ReturnType<typeof issuesOf>]>([
    ['an introductory price equal to the amount and the cap', fixed(49900, 49900, 49900), []],
    ['an introductory price over the amount, under the cap', fixed(49900, 99900, 50000), [custom('intro.paise', 'must not exceed the recurring amount (49900 paise)')]],
    ['an introductory price over the amount and the cap', fixed(49900, 49900, 49901), [
      custom('intro.paise', 'must not exceed max_amount (49900 paise)'),
      custom('intro.paise', 'must not exceed the recurring amount (49900 paise)'),
    ]],
    ['a variable plan\'s introductory price at the cap', variable(99900, 99900), []],
    ['a variable plan\'s introductory price over the cap', variable(99900, 99901), [custom('intro.paise', 'must not exceed max_amount (99900 paise)')]],
    ['a cap under the fixed amount', { ...FIT_MONTHLY, max_amount: 49899 }, [custom('max_amount', 'must be at least the amount (49900 paise)')]],
    ['a debit day with an interval without one', { ...FIT_MONTHLY, interval: 'DAILY' }, [
      custom('rule_type', 'is not used with interval DAILY; omit it'),
      custom('rule_value', 'is not used with interval DAILY; omit it'),
    ]],
    ['no debit day with an interval that has one', withoutDebitDay, [
      custom('rule_type', 'is required with interval MONTHLY (ON, BEFORE or AFTER)'),
      custom('rule_value', 'is required with interval MONTHLY (1 to 31)'),
    ]],
    ['a debit day past the interval\'s last', { ...FIT_MONTHLY, interval: 'WEEKLY', rule_value: 8 }, [custom('rule_value', 'must be between 1 and 7 with interval WEEKLY')]],
    ['a name with a space before it', { ...FIT_MONTHLY, name: ' Gym' }, [custom('name', 'must not start or end with spaces')]],
    ['a name with a space after it', { ...FIT_MONTHLY, name: 'Gym ' }, [custom('name', 'must not start or end with spaces')]],
    ['a name with a right-to-left override', { ...FIT_MONTHLY, name: 'Gym\u202e' }, [custom('name', 'must not contain control or bidirectional-override characters')]],
    ['an empty description', { ...FIT_MONTHLY, description: '' }, []],
    ['an unknown field', { ...FIT_MONTHLY, trial: true }, [{ code: 'unrecognized_keys', path: '', message: 'has unknown field trial' }]],
  ])('%s', (_what, plan, issues) => {
    expect(issuesOf(plan)).toEqual(issues)
  })

  it('keeps zod\'s own issue for a plan that is not an object', () => {
    const [issue] = issuesOf('fit_monthly')
    expect(issue?.code).toBe('invalid_type')
    // zod/mini alone says "Invalid input"; once full zod is loaded, as it is in the sandbox, its English messages add what was expected.
    expect(issue?.message).toMatch(/^Invalid input(: expected object, received string)?$/)
  })
})
