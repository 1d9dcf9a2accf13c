import type { Context, MiddlewareHandler } from 'hono'

/** Headers every response carries. */
export const baseSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()')
  if (!c.res.headers.has('Content-Security-Policy')) {
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
  }
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
}

/**
 * The page's policy: scripts and styles only from this origin (no inline script), data only from
 * this origin, and framing only by the origins the merchant configured ('none' when it has none).
 */
export function pageCsp(framingOrigins: readonly string[], imageOrigins: readonly string[] = []): string {
  const ancestors = framingOrigins.length > 0 ? framingOrigins.join(' ') : "'none'"
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    ['img-src', "'self'", 'data:', ...imageOrigins].join(' '),
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

export function setPageHeaders(c: Context, framingOrigins: readonly string[], imageOrigins: readonly string[] = []): void {
  c.header('Content-Security-Policy', pageCsp(framingOrigins, imageOrigins))
  c.header('Cache-Control', 'no-store')
}
