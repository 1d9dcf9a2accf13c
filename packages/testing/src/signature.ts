import { createHmac, timingSafeEqual } from 'node:crypto'

/** What a signed return can be read from: the return URL, its query, or the `completed` event's `result` object. */
export type SignedReturn = string | URL | URLSearchParams | Readonly<Record<string, string>>

/** The signed fields, from any of the shapes a signed return comes in. */
export function signedParams(source: SignedReturn): URLSearchParams {
  if (source instanceof URLSearchParams) return source
  if (source instanceof URL) return source.searchParams
  if (typeof source === 'string') return URL.canParse(source) ? new URL(source).searchParams : new URLSearchParams(source)
  return new URLSearchParams(Object.entries(source))
}

/**
 * Verifies a signed return (the `return_url` redirect's query, or an embedded checkout's
 * `completed` result) the way a merchant's server does, following Juspay's documented steps
 * independently of the sandbox's code: percent-encode each key and value, sort by key, join with
 * `&`, percent-encode the whole, HMAC-SHA256 with the response key, base64.
 */
export function verifyReturnSignature(source: SignedReturn, responseKey: string): boolean {
  const params = signedParams(source)
  const signature = params.get('signature')
  if (!signature || params.get('signature_algorithm') !== 'HMAC-SHA256') return false
  const pairs = [...params.entries()]
    .filter(([k]) => k !== 'signature' && k !== 'signature_algorithm')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const message = encodeURIComponent(pairs.map(([k, v]) => `${k}=${v}`).join('&'))
  return createHmac('sha256', responseKey).update(message).digest('base64') === signature
}

export interface WebhookSignatureCheck {
  /** The `x-webhook-signature-v2` header as received: `t=<unix seconds>,v1=<hex>`. */
  header: string | undefined
  /** The body's exact text as received, before any JSON parsing. */
  rawBody: string
  responseKey: string
  /** The receiver's clock in UNIX seconds; defaults to now. */
  nowSeconds?: number
  /** How far `t` may be from the receiver's clock, either way; 300 s as documented. */
  toleranceSeconds?: number
}

/**
 * Verifies a webhook delivery's `x-webhook-signature-v2` as a merchant's server must: the hex
 * HMAC-SHA256 of `<t>.<raw body>` with the response key matches one `v1` (compared in constant
 * time), and `t` is within five minutes of the receiver's clock.
 */
export function verifyWebhookSignature(check: WebhookSignatureCheck): boolean {
  const { header, rawBody, responseKey, nowSeconds = Date.now() / 1000, toleranceSeconds = 300 } = check
  if (!header) return false
  const parts = header.split(',').map((part) => {
    const at = part.indexOf('=')
    return at < 0 ? ['', ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()]
  })
  const t = parts.find(([key]) => key === 't')?.[1]
  if (!t || !/^\d+$/.test(t) || Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false
  const expected = Buffer.from(createHmac('sha256', responseKey).update(`${t}.${rawBody}`).digest('hex'))
  return parts.some(([key, value]) => {
    if (key !== 'v1' || value === undefined) return false
    const given = Buffer.from(value)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}
