import * as z from 'zod'
import { invalidField, type ZenskarErrorSpec } from './errors'
import { isAbsoluteHttpUrl } from '../../merchants'
import { fieldName, valueAt } from '../../http/json-path'
import { CONTROL_CHARACTERS_REASON, textProblem } from '../../http/text-rules'

/**
 * The body of `POST /checkouts` and `POST /checkouts/preview` (docs/domain/zenskar.md#create-a-checkout).
 * Structure only: what depends on the merchant, its plan or the clock is checked in checkout-terms.ts.
 */

/** Zenskar documents 1 to 2083 characters for both URLs. */
const MAX_URL_LENGTH = 2083
/** Ids as Zenskar issues them (UUIDs) and as our plans name themselves: letters, digits, `_` and `-`. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
/** A checkout sells one plan, which is one product here: one override at most. */
const MAX_OVERRIDES = 1
/** Our bound on a quantity; the plan's max_amount usually binds first. */
const MAX_QUANTITY = 1000

const Id = z.string().regex(ID_PATTERN, 'must be 1 to 64 letters, digits, "_" or "-"')

/** A calendar date that exists: 2026-02-30 is refused, not rolled over into March. */
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const [y = 0, m = 0, d = 0] = value.split('-').map(Number)
    const date = new Date(Date.UTC(y, m - 1, d))
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  }, 'is not a calendar date')

/** No tab, line break or control character (the rule every dialect shares); kept as the parsed URL's normalised href. */
const HttpUrl = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .refine((url) => textProblem(url, false) === null, CONTROL_CHARACTERS_REASON)
  .refine(isAbsoluteHttpUrl, 'must be an absolute http(s) URL without a fragment or credentials')
  .transform((url) => new URL(url).href)

const ProductOverride = z
  .strictObject({
    product_id: Id,
    quantity: z.int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`).optional(),
    is_enabled: z.boolean('must be true or false').optional(),
  })
  .refine((o) => o.quantity !== undefined || o.is_enabled !== undefined, 'must set quantity or is_enabled')

export const CheckoutBody = z.strictObject({
  plan_id: Id,
  customer_id: Id,
  start_date: CalendarDate.optional(),
  end_date: CalendarDate.optional(),
  expires_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone (2026-12-02T10:30:00Z)' }).optional(),
  success_url: HttpUrl.optional(),
  cancel_url: HttpUrl.optional(),
  product_overrides: z.array(ProductOverride).max(MAX_OVERRIDES, 'may hold one entry: a checkout sells one plan, one product').optional(),
})
export type CheckoutRequest = z.output<typeof CheckoutBody>
export type ProductOverride = z.output<typeof ProductOverride>

/** Fields Zenskar documents for checkouts this sandbox does not offer, and why. */
const NOT_SUPPORTED: Readonly<Record<string, string>> = {
  contract_id: 'Plan changes and quantity updates of an existing contract (contract_id) are not supported; create a new checkout with plan_id.',
  product_quantities: 'Quantity updates of an existing contract are not supported; create a new checkout with plan_id.',
  business_entity_id: 'Guest checkouts (business_entity_id) are not supported; send the customer_id of an existing customer.',
  guest_checkout: 'Guest checkouts are not supported; send the customer_id of an existing customer.',
  customer_data: 'Guest checkouts (customer_data) are not supported; send the customer_id of an existing customer.',
}


const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)


/** An own `__proto__` key anywhere the schema reads (the body and its overrides): a schema would drop it silently. */
function protoKeyPath(body: Record<string, unknown>): string | null {
  if (Object.hasOwn(body, '__proto__')) return '__proto__'
  const overrides = body['product_overrides']
  if (!Array.isArray(overrides)) return null
  const index = overrides.findIndex((o) => isRecord(o) && Object.hasOwn(o, '__proto__'))
  return index === -1 ? null : `product_overrides[${index}].__proto__`
}

function issueToError(issue: z.core.$ZodIssue, body: unknown): ZenskarErrorSpec {
  if (issue.code === 'unrecognized_keys') {
    const field = fieldName([...issue.path, issue.keys[0] ?? ''])
    return invalidField(field, `${field} is not a field of a checkout.`, 'field_unknown')
  }
  const field = fieldName(issue.path)
  if (valueAt(body, issue.path) === undefined) return invalidField(field, `${field} is required.`, 'field_missing')
  return invalidField(field, `${field} ${issue.message}.`)
}

export type ParseResult = { ok: true; request: CheckoutRequest } | { ok: false; error: ZenskarErrorSpec }

/** The body's structure: an object, no unsupported checkout type, only known fields, each well formed. */
export function parseCheckoutBody(body: unknown): ParseResult {
  if (!isRecord(body)) return { ok: false, error: { status: 400, code: 'field_invalid', message: 'The request body must be a JSON object.' } }
  const unsupported = Object.keys(NOT_SUPPORTED).find((key) => Object.hasOwn(body, key))
  if (unsupported) return { ok: false, error: invalidField(unsupported, NOT_SUPPORTED[unsupported] ?? '', 'not_supported') }
  const proto = protoKeyPath(body)
  if (proto) return { ok: false, error: invalidField(proto, `${proto} is a reserved key.`) }
  const parsed = CheckoutBody.safeParse(body)
  if (parsed.success) return { ok: true, request: parsed.data }
  const issue = parsed.error.issues[0]
  if (!issue) throw new Error('zod reported a failure without issues')
  return { ok: false, error: issueToError(issue, body) }
}
