import type { Context, MiddlewareHandler } from 'hono'

const BASE_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
]
/** Defaults a handler may replace with its own (the page's CSP, an asset's Cache-Control). */
const DEFAULT_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"],
  ['Cache-Control', 'no-store'],
]

/**
 * Headers every response carries. Written here rather than with hono/secure-headers, which cannot
 * express `interest-cohort=()` in Permissions-Policy nor defaults a handler may replace (the page's
 * own CSP, an asset's Cache-Control). They are set before the handler runs, so the response is built
 * with them: each header set on a finished response makes Hono copy the response, and on Node
 * that first turns it into a full fetch Response. A response a handler built without the context
 * (which does not take them) gets them afterwards.
 */
export const baseSecurityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of [...BASE_HEADERS, ...DEFAULT_HEADERS]) c.header(name, value)
  await next()
  const headers = c.res.headers
  for (const [name, value] of BASE_HEADERS) if (headers.get(name) !== value) c.header(name, value)
  for (const [name, value] of DEFAULT_HEADERS) if (!headers.has(name)) c.header(name, value)
}

/**
 * The page's policy: scripts only from this origin (no inline script), styles from this origin
 * and the style elements the document inlines, each allowed by its hash (`styleHashes`), data only
 * from this origin, and framing only by the origins the merchant configured ('none' when it has none).
 */
export function pageCsp(framingOrigins: readonly string[], imageOrigins: readonly string[] = [], styleHashes: readonly string[] = []): string {
  const ancestors = framingOrigins.length > 0 ? framingOrigins.join(' ') : "'none'"
  return [
    "default-src 'none'",
    "script-src 'self'",
    ['style-src', "'self'", ...styleHashes].join(' '),
    ['img-src', "'self'", 'data:', ...imageOrigins].join(' '),
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

export function setPageHeaders(
  c: Context,
  framingOrigins: readonly string[],
  imageOrigins: readonly string[] = [],
  styleHashes: readonly string[] = [],
): void {
  c.header('Content-Security-Policy', pageCsp(framingOrigins, imageOrigins, styleHashes))
  c.header('Cache-Control', 'no-store')
}
