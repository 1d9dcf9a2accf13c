import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { CheckoutError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'

/** Machine-readable `error.code` values this dialect answers with. */
export type CheckoutErrorCode =
  | 'api_key_missing'
  | 'api_key_invalid'
  | 'authorization_malformed'
  | 'unsupported_media_type'
  | 'invalid_json'
  | 'body_too_large'
  | 'parameter_missing'
  | 'parameter_invalid'
  | 'parameter_unknown'
  | 'amount_mismatch'
  | 'currency_not_supported'
  | 'url_not_allowed'
  | 'payment_method_unavailable'
  | 'expires_at_out_of_range'
  | 'idempotency_conflict'
  | 'resource_missing'
  | 'method_not_allowed'
  | 'session_expired'
  | 'session_completed'
  | 'unexpected_state'
  | 'service_unavailable'
  | 'origin_not_allowed'
  | 'rate_limit'

export interface CheckoutErrorSpec {
  status: ContentfulStatusCode
  type: CheckoutError['error']['type']
  code: CheckoutErrorCode
  message: string
  param?: string
}

export function checkoutErrorBody(spec: CheckoutErrorSpec): CheckoutError {
  const error: CheckoutError['error'] = { type: spec.type, code: spec.code, message: spec.message }
  if (spec.param !== undefined) error.param = spec.param
  return { error }
}

export function checkoutError(c: Context, spec: CheckoutErrorSpec): Response {
  return c.json(checkoutErrorBody(spec), spec.status)
}

/** A 400 about one request parameter, the most common answer of this dialect. */
export function invalidParam(
  param: string,
  message: string,
  code: CheckoutErrorCode = 'parameter_invalid',
): CheckoutErrorSpec {
  return { status: 400, type: 'invalid_request_error', code, message, param }
}

/** Type and code for a refusal from outside this dialect's own routes, by its status. */
const EDGE: Record<EdgeErrorStatus, Pick<CheckoutErrorSpec, 'type' | 'code'>> = {
  400: { type: 'invalid_request_error', code: 'parameter_invalid' },
  401: { type: 'authentication_error', code: 'api_key_invalid' },
  403: { type: 'permission_error', code: 'origin_not_allowed' },
  404: { type: 'invalid_request_error', code: 'resource_missing' },
  405: { type: 'invalid_request_error', code: 'method_not_allowed' },
  409: { type: 'invalid_request_error', code: 'unexpected_state' },
  413: { type: 'invalid_request_error', code: 'body_too_large' },
  415: { type: 'invalid_request_error', code: 'unsupported_media_type' },
  429: { type: 'invalid_request_error', code: 'rate_limit' },
  503: { type: 'api_error', code: 'service_unavailable' },
}

/** The envelope names one parameter: the first field blamed, when there is one. */
export function checkoutEdgeError(c: Context, error: EdgeError): Response {
  const spec: CheckoutErrorSpec = { status: error.status, ...EDGE[error.status], message: error.message }
  const param = error.fields?.[0]?.name
  if (param !== undefined) spec.param = param
  return checkoutError(c, spec)
}
