import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { PluralError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'

/**
 * `response_code` values of refusals (docs/domain/plural.md#response-codes). 12404 and 12408 are
 * Plural's own, with its messages as the start of ours; the rest are the sandbox's [I].
 */
export const PLURAL_CODES = {
  invalidField: 12400,
  unauthorized: 12401,
  merchantMismatch: 12403,
  createFailed: 12404,
  methodNotAllowed: 12405,
  invalidUpi: 12408,
  duplicateReference: 12409,
  notFound: 12410,
  bodyTooLarge: 12413,
  unsupportedMediaType: 12415,
  tooManyRequests: 12429,
  serviceUnavailable: 12503,
} as const
export type PluralCode = (typeof PLURAL_CODES)[keyof typeof PLURAL_CODES]

/** Plural's messages for its two documented failures; ours say what failed after them. */
export const CREATE_FAILED = 'Create subscription failed'
export const INVALID_UPI = 'Invalid Upi Details'

export interface PluralErrorSpec {
  status: ContentfulStatusCode
  code: PluralCode
  message: string
}

export function pluralError(c: Context, spec: PluralErrorSpec): Response {
  const body: PluralError = { response_code: spec.code, response_message: spec.message }
  return c.json(body, spec.status)
}

const sentence = (field: string | null, reason: string): string => (field === null ? `${reason}.` : `${field} ${reason}.`)

/** A 400 about one field of the body: the message names it. */
export const invalidField = (field: string | null, reason: string): PluralErrorSpec => ({
  status: 400,
  code: PLURAL_CODES.invalidField,
  message: sentence(field, reason),
})

/** 12404: a well-formed request the sandbox cannot turn into a subscription, and why, naming the field. */
export const createFailed = (field: string, reason: string): PluralErrorSpec => ({
  status: 422,
  code: PLURAL_CODES.createFailed,
  message: `${CREATE_FAILED}: ${sentence(field, reason)}`,
})

/** 12408: the UPI details cannot start a mandate, and why. */
export const invalidUpi = (field: string, reason: string): PluralErrorSpec => ({
  status: 422,
  code: PLURAL_CODES.invalidUpi,
  message: `${INVALID_UPI}: ${sentence(field, reason)}`,
})

const EDGE: Record<EdgeErrorStatus, PluralCode> = {
  400: PLURAL_CODES.invalidField,
  401: PLURAL_CODES.unauthorized,
  403: PLURAL_CODES.merchantMismatch,
  404: PLURAL_CODES.notFound,
  405: PLURAL_CODES.methodNotAllowed,
  409: PLURAL_CODES.duplicateReference,
  413: PLURAL_CODES.bodyTooLarge,
  415: PLURAL_CODES.unsupportedMediaType,
  429: PLURAL_CODES.tooManyRequests,
  503: PLURAL_CODES.serviceUnavailable,
}

/** A refusal from outside this dialect's routes, in its envelope, naming the first field blamed. */
export function pluralEdgeError(c: Context, error: EdgeError): Response {
  const field = error.fields?.[0]
  const message = field ? `${error.message} (${field.name} ${field.reason})` : error.message
  return pluralError(c, { status: error.status, code: EDGE[error.status], message })
}
