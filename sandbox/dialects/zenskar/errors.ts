import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZenskarError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'

/** Machine-readable `error.code` values of the Zenskar dialect (docs/domain/zenskar.md#errors). */
export type ZenskarErrorCode =
  | 'unauthorized'
  | 'organisation_mismatch'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'invalid_json'
  | 'field_missing'
  | 'field_invalid'
  | 'field_unknown'
  | 'not_supported'
  | 'plan_not_found'
  | 'plan_inactive'
  | 'plan_not_supported'
  | 'intro_conflict'
  | 'amount_above_max'
  | 'url_not_allowed'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'service_unavailable'
  | 'forbidden'
  | 'rate_limited'

export interface ZenskarErrorSpec {
  status: ContentfulStatusCode
  code: ZenskarErrorCode
  message: string
  field?: string
}

export function zenskarError(c: Context, spec: ZenskarErrorSpec): Response {
  const body: ZenskarError = { error: { code: spec.code, message: spec.message, field: spec.field ?? null } }
  return c.json(body, spec.status)
}

/** A 400 about one field of the body, the most common refusal. */
export const invalidField = (field: string, message: string, code: ZenskarErrorCode = 'field_invalid'): ZenskarErrorSpec => ({
  status: 400,
  code,
  message,
  field,
})

const EDGE: Record<EdgeErrorStatus, ZenskarErrorCode> = {
  400: 'field_invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
}

/** A refusal from outside this dialect's routes, in its envelope, naming the first field blamed. */
export function zenskarEdgeError(c: Context, error: EdgeError): Response {
  const field = error.fields?.[0]?.name
  return zenskarError(c, { status: error.status, code: EDGE[error.status], message: error.message, ...(field === undefined ? {} : { field }) })
}
