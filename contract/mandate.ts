import * as z from 'zod/mini'
import { Money } from './money'

export const FREQUENCIES = [
  'ONETIME',
  'DAILY',
  'WEEKLY',
  'FORTNIGHTLY',
  'MONTHLY',
  'BIMONTHLY',
  'QUARTERLY',
  'HALFYEARLY',
  'YEARLY',
  'ASPRESENTED',
] as const
export const Frequency = z.enum(FREQUENCIES)
export type Frequency = z.infer<typeof Frequency>

export const RULE_TYPES = ['ON', 'BEFORE', 'AFTER'] as const
export const RuleType = z.enum(RULE_TYPES)
export type RuleType = z.infer<typeof RuleType>

export const AMOUNT_RULES = ['FIXED', 'VARIABLE'] as const
export const AmountRule = z.enum(AMOUNT_RULES)
export type AmountRule = z.infer<typeof AmountRule>

export const CREATE_MANDATE = ['REQUIRED', 'OPTIONAL'] as const
export const CreateMandate = z.enum(CREATE_MANDATE)
export type CreateMandate = z.infer<typeof CreateMandate>

/** Frequencies whose debit day is set by rule_type + rule_value. */
export const FREQUENCIES_WITH_RULE: readonly Frequency[] = [
  'WEEKLY',
  'FORTNIGHTLY',
  'MONTHLY',
  'BIMONTHLY',
  'QUARTERLY',
  'HALFYEARLY',
  'YEARLY',
]

/** Inclusive rule_value range per frequency (docs/domain/upi.md#debit-day-rule-value). */
export function ruleValueRange(frequency: Frequency): { min: number; max: number } | null {
  switch (frequency) {
    case 'WEEKLY':
      return { min: 1, max: 7 }
    case 'FORTNIGHTLY':
      return { min: 1, max: 16 }
    case 'MONTHLY':
    case 'BIMONTHLY':
    case 'QUARTERLY':
    case 'HALFYEARLY':
    case 'YEARLY':
      return { min: 1, max: 31 }
    default:
      return null
  }
}

/** The terms a customer authorises, normalised from any dialect. Dates are ISO-8601 instants (UTC). */
export const MandateTerms = z.object({
  maxAmount: Money,
  amountRule: AmountRule,
  frequency: Frequency,
  ruleType: z.nullable(RuleType),
  ruleValue: z.nullable(z.int().check(z.gte(1), z.lte(31))),
  startDate: z.iso.datetime(),
  endDate: z.iso.datetime(),
  blockFunds: z.boolean(),
  revokableByCustomer: z.boolean(),
})
export type MandateTerms = z.infer<typeof MandateTerms>
