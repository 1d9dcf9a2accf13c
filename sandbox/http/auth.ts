import type { Context, MiddlewareHandler } from 'hono'
import type { MerchantAuth } from '../dialects/dialect'
import type { Merchant, MerchantDirectory } from '../merchants'

export type AuthResult =
  | { ok: true; merchant: Merchant }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown_key' }

/**
 * HTTP Basic with the API key as user name. Accepts `base64(key:)` (empty password, as documented)
 * and `base64(key)` (as several SDKs send it).
 */
export function authenticateBasic(header: string | undefined, merchants: MerchantDirectory): AuthResult {
  if (!header) return { ok: false, reason: 'missing' }
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim())
  if (!match?.[1]) return { ok: false, reason: 'malformed' }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const key = colon === -1 ? decoded : decoded.slice(0, colon)
  if (!key) return { ok: false, reason: 'malformed' }
  const merchant = merchants.byApiKey(key)
  return merchant ? { ok: true, merchant } : { ok: false, reason: 'unknown_key' }
}

/** `Authorization: Bearer <api key>`, as checkout-session APIs take it. */
export function authenticateBearer(header: string | undefined, merchants: MerchantDirectory): AuthResult {
  if (!header) return { ok: false, reason: 'missing' }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
  if (!match?.[1]) return { ok: false, reason: 'malformed' }
  const merchant = merchants.byApiKey(match[1])
  return merchant ? { ok: true, merchant } : { ok: false, reason: 'unknown_key' }
}

export type MerchantEnv = { Variables: { merchant: Merchant } }

type Authenticate = (c: Context) => MerchantAuth

/** Each request's authentication, by the function that made it: the edge's rate limit and the route share one. */
const authentications = new WeakMap<Context, { authenticate: Authenticate; auth: MerchantAuth }>()

/** `authenticate(c)`, computed once per request however many layers ask. */
export function rememberAuth(c: Context, authenticate: Authenticate): MerchantAuth {
  const known = authentications.get(c)
  if (known?.authenticate === authenticate) return known.auth
  const auth = authenticate(c)
  authentications.set(c, { authenticate, auth })
  return auth
}

/** Sets `merchant` for the handlers after it, or answers the refusal `authenticate` gives. */
export function requireMerchant<E extends MerchantEnv>(authenticate: Authenticate): MiddlewareHandler<E> {
  return async (c, next) => {
    const auth = rememberAuth(c, authenticate)
    if (!auth.ok) return auth.response
    c.set('merchant', auth.merchant)
    await next()
  }
}
