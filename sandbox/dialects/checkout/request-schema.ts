import * as z from 'zod'
import { parseMajorAmount } from './amount'
import { PAYMENT_METHOD_TYPES } from './payment-method-types'
import { isAbsoluteHttpUrl } from '../../merchants'
import { textProblem } from '../../http/text-rules'

/** Integer minor units (paise for INR). */
export type Paise = number

export const INTERVALS = ['day', 'week', 'month', 'year'] as const
export type Interval = (typeof INTERVALS)[number]

export const MERCHANT_ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export const MAX_URL_LENGTH = 2083
export const METADATA_MAX_KEYS = 50

const codePoints = (text: string): number => Array.from(text).length

/**
 * Length in characters as a person counts them, so an emoji is one, not two UTF-16 units; no
 * control characters, and tabs or line breaks only in `multiline` text (the Juspay dialect's rule).
 */
const text = (min: number, max: number, multiline = false) =>
  z
    .string()
    .check(textRule(multiline))
    .refine((s) => codePoints(s) >= min && codePoints(s) <= max, `must be ${min}–${max} characters`)

function textRule(multiline: boolean): z.core.CheckFn<string> {
  return (ctx) => {
    const problem = textProblem(ctx.value, multiline)
    if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  }
}

const majorAmount = (allowZero: boolean) =>
  z
    .union([z.number(), z.string()], { error: 'must be a number or a decimal string in major units' })
    .transform((value, ctx): Paise => {
      const parsed = parseMajorAmount(value, { allowZero })
      if (parsed.ok) return parsed.minor
      ctx.issues.push({ code: 'custom', message: parsed.reason, input: value })
      return z.NEVER
    })

/** Stored and used as the parsed URL's normalised href, not as sent. */
const HttpUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .check(textRule(false))
  .refine(isAbsoluteHttpUrl, 'must be an absolute http(s) URL without a fragment or credentials')
  .transform((url) => new URL(url).href)

const Recurring = z.strictObject({
  interval: z.enum(INTERVALS),
  interval_count: z.int().min(1).max(12).default(1),
})

const LineItem = z.strictObject({
  quantity: z.int().min(1),
  price_data: z.strictObject({
    currency: z.string().optional(),
    unit_amount: majorAmount(true),
    product_data: z.strictObject({ name: text(1, 255) }),
    recurring: Recurring.optional(),
  }),
})

const SubscriptionData = z.strictObject({
  discount_period_config: z
    .strictObject({
      discount_period_count: z.int().min(1),
      discount_period_amount: majorAmount(true),
    })
    .optional(),
})

const Customer = z.strictObject({
  email: z.email().max(254),
  name: text(1, 255),
  merchant_customer_id: text(1, 64),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, 'must be a phone number of 7 to 20 digits')
    .optional(),
})

const MetadataKey = z.string().min(1, 'keys must be 1–40 characters').max(40, 'keys must be 1–40 characters').check(textRule(false))

const Metadata = z
  .record(MetadataKey, z.string().max(500).check(textRule(true)))
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, `must have at most ${METADATA_MAX_KEYS} keys`)

/**
 * The create-session body. Structure only: rules that relate fields to each other or to the
 * merchant live in request-rules.ts. Amounts leave this schema as integer paise.
 */
export const CreateSessionBody = z.strictObject({
  mode: z.enum(['payment', 'subscription']),
  amount: majorAmount(false),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code')
    .transform((code) => code.toUpperCase()),
  line_items: z.array(LineItem).min(1).max(100),
  subscription_data: SubscriptionData.optional(),
  customer: Customer.optional(),
  merchant_order_id: z
    .string()
    .regex(MERCHANT_ORDER_ID_PATTERN, 'must be 1–64 characters of letters, digits, "_" or "-"'),
  description: text(1, 255, true).optional(),
  metadata: Metadata.optional(),
  expires_at: z.int().optional(),
  success_url: HttpUrl.optional(),
  return_url: HttpUrl.optional(),
  cancel_url: HttpUrl.optional(),
  payment_method_types: z.array(z.enum(PAYMENT_METHOD_TYPES)).min(1).max(PAYMENT_METHOD_TYPES.length).optional(),
  collection_method: z.enum(['auto_charge', '']).optional(),
})

export type CreateSessionRequest = z.output<typeof CreateSessionBody>
export type CreateSessionLineItem = CreateSessionRequest['line_items'][number]
