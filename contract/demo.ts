import * as z from 'zod/mini'
import { AmountRule, CreateMandate, Frequency, RuleType } from './mandate'

const Rupees = z.string().check(z.regex(/^\d{1,9}(\.\d{1,2})?$/, 'Enter an amount in rupees, at most two decimals'))

/** A plan the demo merchant sells, as its form lists them (GET /demo/api/plans). */
export const DemoPlan = z.object({ plan_id: z.string(), name: z.string(), variable: z.boolean() })
export type DemoPlan = z.infer<typeof DemoPlan>
export const DemoPlans = z.object({ plans: z.array(DemoPlan) })

/**
 * The demo merchant's form: what a person picks to create a session on /demo. With a plan the
 * session registers it (Juspay Billing's billing_creation) and the mandate's terms come from the plan.
 */
export const DemoSessionRequest = z.object({
  plan_id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  /** A variable plan's amount for this customer. */
  plan_amount: z.optional(Rupees),
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
