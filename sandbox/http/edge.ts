import { ServerResponse } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import type { Dialects } from '../dialects/dialect'
import { redact, type Logger } from '../log'
import { apiLimits } from './api-limits'
import { hostRefusal } from './hosts'
import type { EdgeLimits } from './limits'
import type { Now } from './rate-limit'
import { setBaseHeaders, withBaseHeaders } from './security'

export interface EdgeOptions {
  log: Logger
  /** The host names the server answers to (`allowedHosts`). */
  hosts: ReadonlySet<string>
  dialects: Pick<Dialects, 'forPath'>
  limits: EdgeLimits
  now?: Now
}

/** Node's response when the request came through Node's server; undefined for `app.request`. */
function nodeResponse(c: Context): ServerResponse | undefined {
  const env: unknown = c.env
  if (typeof env !== 'object' || env === null || !('outgoing' in env)) return undefined
  return env.outgoing instanceof ServerResponse ? env.outgoing : undefined
}

/**
 * What every request passes through, in one layer rather than five (each layer of Hono's chain is
 * an async step of its own on every request; see docs/budgets.md#post-session-throughput):
 * the base security headers, the host allow-list (DNS rebinding), the merchant APIs' rate limits,
 * compression for clients that accept it, and one log line.
 */
export function edge(options: EdgeOptions): MiddlewareHandler {
  const refuseHost = hostRefusal(options.hosts)
  const limits = apiLimits(options.dialects, options.limits, options.now)
  const compressing = compress()
  return async (c, next) => {
    const started = performance.now()
    const outgoing = nodeResponse(c)
    if (outgoing) setBaseHeaders(outgoing)
    const refused = refuseHost(c) ?? limits.before(c)
    if (refused) c.res = refused
    // Without Accept-Encoding there is nothing to negotiate, and skipping compression spares each such response the copy its Vary header costs.
    else if (c.req.header('accept-encoding')) await compressing(c, next)
    else await next()
    limits.after(c)
    if (!outgoing) withBaseHeaders(c)
    options.log.info('request', {
      method: c.req.method,
      path: redact(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}
