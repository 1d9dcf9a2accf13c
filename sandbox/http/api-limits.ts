import type { Context } from 'hono'
import { rememberAuth } from './auth'
import type { Dialects } from '../dialects/dialect'
import { clientAddress } from './client'
import type { EdgeLimits } from './limits'
import { RateLimiter, type Now } from './rate-limit'

const presentsKey = (authorization: string | undefined, apiKey: string | undefined) => authorization !== undefined || apiKey !== undefined

/** The merchant APIs' rate limits, around the route: `before` may refuse, `after` counts a wrong key (a 401 to a request that sent one). */
export interface ApiLimits {
  before(c: Context): Response | undefined
  after(c: Context): void
}

/**
 * The merchant APIs' rate limits, answered in the envelope of the dialect the path belongs to, with
 * Retry-After. A client address that sent too many wrong keys is refused before its key is looked
 * at; an API key that sent too many requests is refused before the route runs. Requests that send
 * no key (pages, the demo merchant) pass: their routes refuse or serve them. The key is checked
 * here once: the route's own authentication reads this result (`rememberAuth`).
 */
export function apiLimits(dialects: Pick<Dialects, 'forPath'>, limits: EdgeLimits, now?: Now): ApiLimits {
  const failures = new RateLimiter(limits.authFailures, now)
  const perKey = new RateLimiter(limits.perApiKey, now)
  return {
    before(c) {
      const dialect = dialects.forPath(c.req.path)
      if (!dialect || !presentsKey(c.req.header('authorization'), c.req.header('x-api-key'))) return undefined
      const client = clientAddress(c)
      const refuse = (seconds: number, message: string) => {
        const res = dialect.error(c, { status: 429, message })
        res.headers.set('Retry-After', String(seconds))
        return res
      }
      const locked = client === undefined ? 0 : failures.wait(client)
      if (locked > 0) return refuse(locked, 'Too many requests with a wrong API key from this client: try again later.')
      const auth = rememberAuth(c, dialect.authenticate)
      if (!auth.ok) return undefined
      const wait = perKey.take(auth.merchant.id)
      return wait > 0 ? refuse(wait, 'Too many requests with this API key: try again later.') : undefined
    },
    after(c) {
      // A request without a key is no guess at one: a merchant who forgot the header is not locked out once they send it.
      if (c.res.status !== 401 || !presentsKey(c.req.header('authorization'), c.req.header('x-api-key'))) return
      const client = clientAddress(c)
      if (client !== undefined) failures.take(client)
    },
  }
}
