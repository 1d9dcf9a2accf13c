import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JuspayError, JuspayErrorField } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'
import { newRequestId } from '../../domain/ids'

/** error_info.code values (docs/domain/juspay.md#error-envelope). */
export type JuspayErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_MANDATORY_PARAMETER'
  | 'RESOURCE_NOT_FOUND'
  | 'EXPIRED'
  | 'DUPLICATE_REQUEST'
  | 'INVALID_ACTION'
  | 'UNAUTHORIZED'
  | 'UNAUTHENTICATED'
  | 'ALREADY_EXISTS'
  | 'BAD_ORIGIN'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_ERROR'

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const TOP_LEVEL_CODE: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'AUTHENTICATION_FAILED',
  403: 'ACCESS_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'INVALID_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
}

export interface JuspayErrorSpec {
  status: ContentfulStatusCode
  code: JuspayErrorCode
  message: string
  fields?: JuspayErrorField[]
}

export function juspayErrorBody(spec: JuspayErrorSpec): JuspayError {
  return {
    status: STATUS_TEXT[spec.status] ?? 'Error',
    error_code: TOP_LEVEL_CODE[spec.status] ?? 'ERROR',
    error_message: spec.message,
    error_info: {
      code: spec.code,
      category: spec.status >= 500 ? 'SERVER_ERROR' : 'USER_ERROR',
      user_message: spec.message,
      developer_message: spec.message,
      request_id: newRequestId(),
      fields: spec.fields ?? [],
    },
  }
}

export function juspayError(c: Context, spec: JuspayErrorSpec): Response {
  return c.json(juspayErrorBody(spec), spec.status)
}

/** error_info.code for a refusal from outside this dialect's own routes, by its status. */
const EDGE_CODE: Record<EdgeErrorStatus, JuspayErrorCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'BAD_ORIGIN',
  404: 'RESOURCE_NOT_FOUND',
  405: 'INVALID_INPUT',
  409: 'INVALID_ACTION',
  413: 'INVALID_INPUT',
  415: 'INVALID_INPUT',
  429: 'TOO_MANY_REQUESTS',
  503: 'INTERNAL_ERROR',
}

export function juspayEdgeError(c: Context, error: EdgeError): Response {
  const spec: JuspayErrorSpec = { status: error.status, code: EDGE_CODE[error.status], message: error.message }
  if (error.fields) spec.fields = error.fields.map((field) => ({ field_name: field.name, reason: field.reason }))
  return juspayError(c, spec)
}
