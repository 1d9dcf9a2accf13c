import type { MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'

/**
 * Hono's compression, only for clients that accept an encoding. Without Accept-Encoding there is
 * nothing to negotiate (identity is always acceptable, so a cache may serve it to anyone), and
 * skipping the middleware spares each such response the copy its Vary header would cost.
 */
export function negotiatedCompress(): MiddlewareHandler {
  const compressing = compress()
  return (c, next) => (c.req.header('accept-encoding') ? compressing(c, next) : next())
}
