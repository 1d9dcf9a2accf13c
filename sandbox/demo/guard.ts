import type { Context, MiddlewareHandler } from 'hono'
import { clientAddress } from '../http/client'
import { RateLimiter, rateLimited, type Now } from '../http/rate-limit'

/** Sessions one client may create through a demo merchant: 20 at once, then one every 3 s. */
export const DEMO_RATE_LIMIT = { burst: 20, perSecond: 1 / 3 }

export type DemoRefusal = (c: Context, status: 403 | 415 | 429, message: string) => Response | Promise<Response>

/**
 * Whether `origin` (the request's Origin header) is the demo's own: absent (a server or curl, not
 * a page: browsers send Origin with every POST), the public origin, or the origin of the very host
 * the request was sent to (the Host header, which hostAllowList has checked).
 */
function isOwnOrigin(origin: string | undefined, host: string | undefined, publicOrigin: string | undefined): boolean {
  if (origin === undefined) return true
  if (origin === publicOrigin) return true
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === origin && parsed.host === host?.toLowerCase()
}

const isJson = (contentType: string | undefined) => /^application\/json\s*(;|$)/i.test(contentType ?? '')

/**
 * What a demo merchant's session route (which creates sessions with a key it holds, for anyone who
 * asks) accepts before it reads the body: only its own pages (Origin), only JSON (a page on another
 * origin cannot send JSON without a CORS preflight, which nothing here answers), and a few requests
 * per client address (in-process requests, which the embedding demo makes after its own limit, are
 * not counted again).
 */
export function demoGuard(options: { publicOrigin?: string; refuse: DemoRefusal; now?: Now }): MiddlewareHandler {
  const limited = rateLimited(new RateLimiter(DEMO_RATE_LIMIT, options.now), clientAddress, (c) =>
    options.refuse(c, 429, 'Too many sessions from this client: try again later.'),
  )
  return async (c, next) => {
    if (!isOwnOrigin(c.req.header('origin'), c.req.header('host'), options.publicOrigin)) {
      return options.refuse(c, 403, 'This route answers only pages on the sandbox’s own origin.')
    }
    if (!isJson(c.req.header('content-type'))) return options.refuse(c, 415, 'The request body must be JSON (Content-Type: application/json).')
    return limited(c, next)
  }
}
