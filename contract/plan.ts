import * as z from 'zod/mini'
import { BILLING_INTERVALS } from './billing'
import { RULE_TYPES, ruleValueRange, type Frequency, type RuleType } from './mandate'

/**
 * A merchant's subscription plan, as the merchants file and the QA plans API carry it. Amounts
 * are integer paise. The facts behind each field, and which are our own choices, are in
 * docs/domain/billing.md.
 */

const PLAN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Characters a plan's name and description must not hold: C0/C1 controls (line breaks too),
 * unpaired surrogates, and bidi marks, overrides and isolates, which could make the name the
 * customer reads differ from the plan they buy (docs/domain/billing.md#plan-text).
 */
const UNSAFE_TEXT = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

const text = (max: number, min: number) =>
  z.string('must be a string').check(
    z.minLength(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`),
    z.maxLength(max, `must be at most ${max} characters`),
    z.refine((s) => !UNSAFE_TEXT.test(s), 'must not contain control or bidirectional-override characters'),
    z.refine((s) => s.trim() === s, 'must not start or end with spaces'),
  )

/** An object that names the fields it does not know. */
const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown field ${issue.keys.join(', ')}` : undefined),
  })

const paise = (min: number) =>
  z.int('must be a whole number of paise').check(z.gte(min, min === 0 ? 'must not be negative' : `must be at least ${min} paise`))


const oneOf = <const T extends readonly string[]>(values: T) => z.enum(values, `must be one of ${values.join(', ')}`)

const PlanAmount = z.discriminatedUnion('type', [
  strict({ type: z.literal('FIXED'), paise: paise(1) }),
  strict({ type: z.literal('VARIABLE') }),
], 'must be {"type": "FIXED", "paise": …} or {"type": "VARIABLE"}')

/** Our bounds (docs/domain/billing.md#introductory-period): a year of days, five years of cycles. */
const MAX_INTRO_DAYS = 365
const MAX_INTRO_CYCLES = 60

const PlanIntro = z.discriminatedUnion('type', [
  strict({ type: z.literal('NONE') }),
  strict({
    type: z.literal('DAYS'),
    days: z.int('must be a whole number of days').check(z.gte(1, 'must be at least 1'), z.lte(MAX_INTRO_DAYS, `must be at most ${MAX_INTRO_DAYS}`)),
  }),
  strict({
    type: z.literal('CYCLES'),
    cycles: z.int('must be a whole number of cycles').check(z.gte(1, 'must be at least 1'), z.lte(MAX_INTRO_CYCLES, `must be at most ${MAX_INTRO_CYCLES}`)),
    paise: paise(0),
  }),
], 'must be {"type": "NONE"}, {"type": "DAYS", "days": …} or {"type": "CYCLES", "cycles": …, "paise": …}')

export const Plan = strict({
    plan_id: z.string('must be a string').check(z.regex(PLAN_ID_PATTERN, 'must be 1 to 64 letters, digits, _ or -')),
    name: text(100, 1),
    description: text(500, 0),
    status: oneOf(['ACTIVE', 'INACTIVE']),
    amount: PlanAmount,
    currency: z.literal('INR', 'must be INR'),
    interval: oneOf(BILLING_INTERVALS),
    rule_type: z.optional(oneOf(RULE_TYPES)),
    rule_value: z.optional(z.int('must be a whole number')),
    max_amount: paise(1),
    intro: PlanIntro,
    on_failure: oneOf(['RETRY', 'SKIP', 'REVOKE']),
  })
  .check(
    z.superRefine((plan, ctx) => {
      const fail = (field: string, message: string) => ctx.issues.push({ code: 'custom', path: [field], message, input: plan })
      checkRule(plan, fail)
      if (plan.amount.type === 'FIXED' && plan.max_amount < plan.amount.paise) {
        fail('max_amount', `must be at least the amount (${plan.amount.paise} paise)`)
      }
      if (plan.intro.type === 'CYCLES') {
        if (plan.intro.paise > plan.max_amount) fail('intro.paise', `must not exceed max_amount (${plan.max_amount} paise)`)
        if (plan.amount.type === 'FIXED' && plan.intro.paise > plan.amount.paise) {
          fail('intro.paise', `must not exceed the recurring amount (${plan.amount.paise} paise)`)
        }
      }
    }),
  )
export type Plan = z.infer<typeof Plan>

/** The debit day follows the mandate's rule_value rules for the plan's interval (contract/mandate.ts). */
function checkRule(plan: { interval: Frequency; rule_type?: RuleType | undefined; rule_value?: number | undefined }, fail: (field: string, message: string) => void): void {
  const range = ruleValueRange(plan.interval)
  if (!range) {
    if (plan.rule_type !== undefined) fail('rule_type', `is not used with interval ${plan.interval}; omit it`)
    if (plan.rule_value !== undefined) fail('rule_value', `is not used with interval ${plan.interval}; omit it`)
    return
  }
  if (plan.rule_type === undefined) fail('rule_type', `is required with interval ${plan.interval} (ON, BEFORE or AFTER)`)
  if (plan.rule_value === undefined) fail('rule_value', `is required with interval ${plan.interval} (${range.min} to ${range.max})`)
  else if (plan.rule_value < range.min || plan.rule_value > range.max) {
    fail('rule_value', `must be between ${range.min} and ${range.max} with interval ${plan.interval}`)
  }
}
