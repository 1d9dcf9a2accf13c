import type { Context } from 'hono'
import { checkoutError } from '../dialects/checkout/errors'
import { juspayError } from '../dialects/juspay/errors'

/** Paths under these answer in the Juspay envelope: the dialect itself, QA, and the demo merchant's API. */
const JUSPAY_PREFIXES = ['/session', '/orders', '/sandbox', '/demo/api']

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`)

/**
 * What a path no route matched answers: the error envelope of the API it looks like, so a client
 * reading one dialect never meets a bare text 404 (the QA API switched off answers here too).
 */
export function notFound(c: Context): Response {
  const path = c.req.path
  if (under(path, '/v1')) {
    return checkoutError(c, { status: 404, type: 'invalid_request_error', code: 'resource_missing', message: 'Unrecognised request URL.' })
  }
  if (JUSPAY_PREFIXES.some((prefix) => under(path, prefix))) {
    return juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No such endpoint.' })
  }
  return c.text('Not found.', 404)
}
