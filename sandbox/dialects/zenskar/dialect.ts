import type { Context } from 'hono'
import type { Dialect, DialectServices } from '../dialect'
import { zenskarEdgeError } from './errors'
import { authenticateMerchant, notFound, zenskarRoutes } from './routes'

/**
 * How the merchant hears a plan checkout's outcome. Zenskar's webhooks and return parameters are
 * not in our facts, so its orders are reported the way Juspay's are (as the checkout-session
 * dialect's are, ADR 0009): the composition root passes that dialect's shapers in.
 */
type ZenskarReporting = Pick<Dialect, 'signReturn' | 'webhook'>

/** Zenskar's plan checkouts under /checkouts, their envelope, and the reporting they are given. */
export function zenskarDialect(services: DialectServices, reporting: ZenskarReporting): Dialect & { id: 'zenskar' } {
  const authenticate = (c: Context) => authenticateMerchant(c, services.deps.merchants)
  const routes = zenskarRoutes(services, authenticate)
  return {
    id: 'zenskar',
    prefixes: ['/checkouts'],
    mount: (app) => {
      app.route('/checkouts', routes)
    },
    authenticate,
    error: zenskarEdgeError,
    notFound,
    signReturn: reporting.signReturn,
    webhook: reporting.webhook,
  }
}
