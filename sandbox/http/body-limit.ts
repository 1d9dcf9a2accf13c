import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit'

/**
 * The one limit on a request body, for every route that reads one: the merchant APIs, the page
 * API, QA, the demo merchant and the simulators. 64 KB is what the merchant APIs always allowed;
 * the other routes take far smaller bodies.
 */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Refuses a body over MAX_BODY_BYTES with `tooLarge`, the caller's own 413 in its own envelope.
 * Hono's body limit, without its cost on the common request: a body with a Content-Length is
 * judged by that header alone (Node's parser never delivers more than it declares), and the
 * handler then reads it straight from the socket. Hono's own middleware opens `c.req.raw.body`
 * first, which on @hono/node-server builds a full fetch Request and a web stream per request.
 * Chunked bodies, whose size is unknown until read, still go through the streaming limit.
 */
export function bodyLimit(tooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = streamingBodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })
  return async (c, next) => {
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > MAX_BODY_BYTES) return tooLarge(c)
      await next()
      return
    }
    return streaming(c, next)
  }
}
