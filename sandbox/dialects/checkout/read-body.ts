import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit, MAX_BODY_BYTES } from '../../http/body-limit'
import { nestsDeeperThan, TOO_DEEP_MESSAGE } from '../../http/json-depth'
import { checkoutError, type CheckoutErrorSpec } from './errors'

export type BodyResult = { ok: true; body: unknown } | { ok: false; error: CheckoutErrorSpec }

const NOT_JSON: CheckoutErrorSpec = {
  status: 415,
  type: 'invalid_request_error',
  code: 'unsupported_media_type',
  message: 'Send the request body as application/json.',
}

const TOO_LARGE: CheckoutErrorSpec = {
  status: 413,
  type: 'invalid_request_error',
  code: 'body_too_large',
  message: `The request body must be at most ${MAX_BODY_BYTES} bytes.`,
}

function isJsonMediaType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'
}

const jsonOnly: MiddlewareHandler = async (c, next) => {
  if (!isJsonMediaType(c.req.header('content-type'))) return checkoutError(c, NOT_JSON)
  await next()
}

/** Before the body is read: 415 unless it says application/json, then 413 above the body limit. */
export const acceptJsonBody: readonly MiddlewareHandler[] = [jsonOnly, bodyLimit((c) => checkoutError(c, TOO_LARGE))]

/** The body of a request acceptJsonBody let through: 400 unless it is JSON in UTF-8. */
export async function readJsonBody(c: Context): Promise<BodyResult> {
  const bytes = await c.req.arrayBuffer()
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { ok: false, error: { status: 400, type: 'invalid_request_error', code: 'invalid_json', message: 'The request body is not valid JSON.' } }
  }
  if (nestsDeeperThan(body)) return { ok: false, error: { status: 400, type: 'invalid_request_error', code: 'invalid_json', message: TOO_DEEP_MESSAGE } }
  return { ok: true, body }
}
