import type { ServerResponse } from 'node:http'
import type { Context } from 'hono'

/**
 * Headers every response carries. The last two are defaults some responses replace (the page's CSP,
 * an asset's Cache-Control); no response sets the first three.
 */
const BASE_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"],
  ['Cache-Control', 'no-store'],
]

/**
 * The headers every response carries, set on Node's response before the app runs: Node merges
 * them under whatever the response itself sets (`writeHead` gives its own headers precedence), so a
 * handler may replace the defaults (the page's CSP, an asset's Cache-Control), and no fetch
 * `Headers` object is built or copied on the common answer. Written here rather than with
 * hono/secure-headers, which cannot express `interest-cohort=()` in Permissions-Policy nor
 * defaults a handler may replace.
 */
export function setBaseHeaders(outgoing: ServerResponse): void {
  for (const [name, value] of BASE_HEADERS) outgoing.setHeader(name, value)
}

/**
 * The same headers on a response the app answered without Node (`app.request`, as the demo merchant
 * and the tests call it), where the response set none of its own: what Node's merge does.
 */
export function withBaseHeaders(c: Context): void {
  const headers = c.res.headers
  for (const [name, value] of BASE_HEADERS) if (!headers.has(name)) c.header(name, value)
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
