import type { Context } from 'hono'
import type { Dialect, DialectServices } from '../dialect'
import { juspayEdgeError, juspayError } from './errors'
import { signReturn } from './return-signature'
import { authenticateMerchant, juspayRoutes } from './routes'
import { juspayWebhook } from './webhook'

/** Juspay's API: POST /session, POST /orders and GET /orders/:order_id, its envelope, return and webhooks. */
export function juspayDialect(services: DialectServices): Dialect & { id: 'juspay' } {
  const { deps } = services
  const authenticate = (c: Context) => authenticateMerchant(c, deps.merchants)
  const routes = juspayRoutes(services, authenticate)
  return {
    id: 'juspay',
    prefixes: ['/session', '/orders'],
    mount: (app) => {
      app.route('/', routes)
    },
    authenticate,
    error: juspayEdgeError,
    notFound: (c) => juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No such endpoint.' }),
    signReturn,
    webhook: (order, eventName, now) => juspayWebhook(order, eventName, now, deps.publicOrigin),
  }
}
