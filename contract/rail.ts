import * as z from 'zod/mini'

/**
 * The rails a customer can pay or register a mandate on, named for the payment method the customer
 * uses (Juspay's `payment_method_type`: UPI, NB). `upi` registers UPI AutoPay mandates and
 * `netbanking` registers eNACH mandates (by net banking, debit card or Aadhaar) or makes a plain net
 * banking payment. One name per rail everywhere: a new rail is a new entry here, and the compiler
 * then points at every table and switch that must handle it (docs/architecture.md#adding-a-rail).
 */
export const RAILS = ['upi', 'netbanking'] as const
export const Rail = z.enum(RAILS)
export type Rail = z.infer<typeof Rail>
