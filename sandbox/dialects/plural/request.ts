import * as z from 'zod'
import { invalidField, type PluralErrorSpec } from './errors'
import { fieldName, valueAt } from '../../http/json-path'

/**
 * The body of `POST /api/v1/upi/subscription/process/payment` (docs/domain/plural.md#the-request).
 * Structure only, with the two spellings the reference's versions use (`frequency` and
 * `amount.value` as a number or as text); what depends on the merchant, its plans or the clock
 * is checked in terms.ts.
 */

/** Our bounds [I]: ids as merchants write them, short free text, a quantity the cap usually binds first. */
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/
const MAX_QUANTITY = 1000
const MAX_NAME = 100
const MAX_TEXT = 500
/** The largest amount the v2 API names (100000000, in paise). */
const MAX_PAISE = 100_000_000

/** Controls (line breaks too), unpaired surrogates and bidi overrides: text a customer may read must hold none. */
const UNSAFE_TEXT = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !UNSAFE_TEXT.test(s), 'must not contain control or bidirectional-override characters')

const Id = z.string().regex(ID_PATTERN, 'must be 1 to 64 letters, digits, "_", "-", "." or ":"')

/** `YYYY-MM-DD HH:mm:ss` in UTC, a time that exists (2027-02-30 is refused, not rolled over). */
const UtcDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a UTC date-time "YYYY-MM-DD HH:mm:ss"')
  .refine((value) => {
    const instant = new Date(`${value.replace(' ', 'T')}Z`)
    return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 19) === value.replace(' ', 'T')
  }, 'is not a date and time that exists')

/** A whole number sent as a number or as its digits: the reference's two versions type it each way. */
const wholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,12}$/, 'must be a whole number')], 'must be a whole number')
    .transform((value) => Number(value))
    .pipe(z.int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))

const Amount = z.strictObject({
  value: wholeNumber(1, MAX_PAISE),
  currency: z.literal('INR', 'must be INR'),
})

const Plan = z.strictObject({
  planId: z.union([z.literal(''), Id]).optional(),
  merchantMaintainedPlan: z.boolean('must be true or false').optional(),
  merchantPlanId: Id.optional(),
  merchantId: z.string().max(64, 'must be at most 64 characters').optional(),
  planName: text(MAX_NAME).optional(),
  planDescription: text(MAX_TEXT).optional(),
  frequency: wholeNumber(1, 12).optional(),
  frequencyType: z.string().max(32, 'must be at most 32 characters').optional(),
  maxUsers: z.union([z.string().regex(/^\d{1,9}$/, 'must be a whole number'), z.int()], 'must be a whole number').optional(),
  notes: text(MAX_TEXT).optional(),
  amount: Amount.optional(),
  maxLimitAmount: Amount.optional(),
  trialPeriodInDays: wholeNumber(0, 365).optional(),
  startDate: UtcDateTime.optional(),
  endDate: UtcDateTime.optional(),
})

const CustomerData = z.strictObject({
  firstName: text(MAX_NAME).optional(),
  lastName: text(MAX_NAME).optional(),
  countryCode: z.string().regex(/^\d{1,4}$/, 'must be 1 to 4 digits'),
  customerMobile: z.string().regex(/^\d{6,15}$/, 'must be 6 to 15 digits'),
  customerEmail: z
    .string()
    .max(254, 'must be at most 254 characters')
    .regex(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, 'must be an e-mail address'),
})

const UpiData = z.strictObject({
  txnMode: z.enum(['C', 'I'], 'must be C (collect) or I (intent)').optional(),
  vpa: z.string().max(256, 'must be at most 256 characters').optional(),
})

const Payments = z.strictObject({
  amountLimit: z.enum(['M', 'E', 'F'], 'must be M (maximum), E or F (exact)').optional(),
  debitDay: wholeNumber(1, 31).optional(),
  debitRule: z.enum(['ON', 'BEFORE', 'AFTER'], 'must be ON, BEFORE or AFTER').optional(),
  blockFund: z.enum(['Y', 'N'], 'must be Y or N').optional(),
})

/** Sandbox extension: where this subscription's callbacks go (docs/domain/plural.md#callbacks). */
const CallbackUrl = z
  .string()
  .max(2083, 'must be at most 2083 characters')
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL without credentials')

export const SubscriptionBody = z.strictObject({
  merchantId: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  clientUniqueReference: Id,
  enableNotification: z.boolean('must be true or false').optional(),
  plan: Plan,
  quantity: wholeNumber(1, MAX_QUANTITY).optional(),
  startDate: UtcDateTime,
  endDate: UtcDateTime,
  customerData: CustomerData,
  autoDebit: z.boolean('must be true or false').optional(),
  upi_data: UpiData,
  payments: Payments.optional(),
  callbackUrl: CallbackUrl.optional(),
})
export type SubscriptionRequest = z.output<typeof SubscriptionBody>


const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)


/** An own `__proto__` key in the body or one of its objects: a schema would drop it without a word. */
function protoKeyPath(body: Record<string, unknown>): string | null {
  if (Object.hasOwn(body, '__proto__')) return '__proto__'
  const nested = Object.entries(body).find(([, value]) => isRecord(value) && Object.hasOwn(value, '__proto__'))
  return nested ? `${nested[0]}.__proto__` : null
}

function issueToError(issue: z.core.$ZodIssue, body: unknown): PluralErrorSpec {
  if (issue.code === 'unrecognized_keys') {
    const field = fieldName([...issue.path, issue.keys[0] ?? ''])
    return invalidField(field, 'is not a field of this request')
  }
  const field = fieldName(issue.path)
  if (valueAt(body, issue.path) === undefined) return invalidField(field, 'is required')
  return invalidField(field, issue.message)
}

export type ParseResult = { ok: true; request: SubscriptionRequest } | { ok: false; error: PluralErrorSpec }

/** The body's structure: a JSON object, only the reference's fields, each well formed. */
export function parseSubscriptionBody(body: unknown): ParseResult {
  if (!isRecord(body)) return { ok: false, error: invalidField(null, 'The request body must be a JSON object') }
  const proto = protoKeyPath(body)
  if (proto) return { ok: false, error: invalidField(proto, 'is a reserved key') }
  const parsed = SubscriptionBody.safeParse(body)
  if (parsed.success) return { ok: true, request: parsed.data }
  const issue = parsed.error.issues[0]
  if (!issue) throw new Error('zod reported a failure without issues')
  return { ok: false, error: issueToError(issue, body) }
}
