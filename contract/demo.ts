import * as z from 'zod/mini'
import { AmountRule, CreateMandate, Frequency, RuleType } from './mandate'

const Rupees = z.string().check(z.regex(/^\d{1,9}(\.\d{1,2})?$/, 'Enter an amount in rupees, at most two decimals'))

/** The demo merchant's form: what a person picks to create a session on /demo. */
export const DemoSessionRequest = z.object({
  amount: Rupees,
  max_amount: Rupees,
  frequency: Frequency,
  rule_type: RuleType,
  rule_value: z.optional(z.int().check(z.gte(1), z.lte(31))),
  amount_rule: AmountRule,
  create_mandate: CreateMandate,
  description: z.string().check(z.maxLength(255)),
  action: z.enum(['paymentPage', 'enach']),
  auto_refund: z.boolean(),
})
export type DemoSessionRequest = z.infer<typeof DemoSessionRequest>
