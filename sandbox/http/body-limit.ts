import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit'

export interface BodyLimitOptions {
  maxSize: number
  onError: (c: Context) => Response | Promise<Response>
}

/**
 * Hono's body limit, without its cost on the common request: a body with a Content-Length is
 * judged by that header alone (Node's parser never delivers more than it declares), and the
 * handler then reads it straight from the socket. Hono's own middleware opens `c.req.raw.body`
 * first, which on @hono/node-server builds a full fetch Request and a web stream per request.
 * Chunked bodies, whose size is unknown until read, still go through the streaming limit.
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const streaming = streamingBodyLimit(options)
  return async (c, next) => {
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > options.maxSize) return options.onError(c)
      await next()
      return
    }
    return streaming(c, next)
  }
}
