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
