import * as z from 'zod'
import { parseRupees } from './decimal'
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../http/json-depth'

const FlowStatus = z.enum(['REQUIRED', 'OPTIONAL'])
const Rupees = z.union([z.string(), z.number()]).refine((v) => parseRupees(v).ok, {
  message: 'must be a positive amount in rupees with at most two decimals',
})
const EpochSeconds = z.union([z.int().nonnegative(), z.string().regex(/^\d+$/, 'must be a UNIX timestamp in seconds')])
const Id = z.string().min(1, 'must not be empty').max(255)

/**
 * Juspay Billing `payment_rules` (docs/domain/juspay.md#billing-payment-rules). Objects are strict so a misspelt key
 * (e.g. `plan-id`) is reported instead of silently dropped.
 */
export const PaymentRules = z.strictObject({
  payment_flows: z
    .strictObject({
      billing_creation: z.optional(
        z.strictObject({
          status: FlowStatus,
          info: z.strictObject({
            plan_id: Id,
            plan_amount: z.optional(Rupees),
            billing_start_date: z.optional(EpochSeconds),
          }),
        }),
      ),
      billing_plan_change: z.optional(
        z.strictObject({
          status: FlowStatus,
          info: z.strictObject({ billing_execution_info_id: Id, request_id: Id }),
        }),
      ),
    })
    .refine((flows) => Object.keys(flows).length === 1, {
      message: 'must name exactly one flow: billing_creation or billing_plan_change',
    }),
})
export type PaymentRules = z.infer<typeof PaymentRules>

export interface RulesIssue {
  path: string
  reason: string
}

export type RulesResult = { ok: true; value: PaymentRules } | { ok: false; issues: RulesIssue[] }

/**
 * An object in JSON bodies; a JSON string in form bodies (accepted in JSON too, as Billing's table
 * types it as a string). Each issue names its path, e.g. `payment_rules.payment_flows.billing_creation.info.plan_id`.
 */
export function parsePaymentRules(value: unknown): RulesResult {
  let candidate: unknown = value
  if (typeof value === 'string') {
    try {
      candidate = JSON.parse(value)
    } catch {
      return { ok: false, issues: [{ path: 'payment_rules', reason: 'is a string that is not valid JSON' }] }
    }
    if (nestsDeeperThan(candidate)) return { ok: false, issues: [{ path: 'payment_rules', reason: `nests more than ${MAX_JSON_DEPTH} levels deep` }] }
  }
  const parsed = PaymentRules.safeParse(candidate)
  if (parsed.success) return { ok: true, value: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: ['payment_rules', ...issue.path.map(String)].join('.'),
      reason: issue.message,
    })),
  }
}
