import * as z from 'zod/mini'

/** Juspay error envelope (docs/domain/juspay.md#error-envelope): the Juspay dialect's, which QA and the demo merchant's API also answer in. The page API has its own (PageError in contract/session.ts). */
export const JuspayErrorField = z.object({ field_name: z.string(), reason: z.string() })
export const JuspayError = z.object({
  status: z.string(),
  error_code: z.string(),
  error_message: z.string(),
  error_info: z.object({
    code: z.string(),
    category: z.string(),
    user_message: z.string(),
    developer_message: z.string(),
    request_id: z.string(),
    fields: z.array(JuspayErrorField),
  }),
})
export type JuspayError = z.infer<typeof JuspayError>
export type JuspayErrorField = z.infer<typeof JuspayErrorField>

/** Checkout-session dialect error envelope (Stripe/UseePay style). */
export const CheckoutError = z.object({
  error: z.object({
    type: z.enum(['invalid_request_error', 'authentication_error', 'permission_error', 'api_error']),
    code: z.string(),
    message: z.string(),
    param: z.optional(z.string()),
  }),
})
export type CheckoutError = z.infer<typeof CheckoutError>

/** Zenskar dialect error envelope (docs/domain/zenskar.md#errors): our own, as Zenskar's public error shape is not known. */
export const ZenskarError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The request field to blame (`product_overrides[0].quantity`), or null when the refusal is about no one field. */
    field: z.nullable(z.string()),
  }),
})
export type ZenskarError = z.infer<typeof ZenskarError>

/**
 * Plural dialect refusal (docs/domain/plural.md#response-codes): Plural's own shape, a numeric
 * `response_code` and a `response_message` that names the field at fault.
 */
export const PluralError = z.object({
  response_code: z.int(),
  response_message: z.string(),
})
export type PluralError = z.infer<typeof PluralError>
