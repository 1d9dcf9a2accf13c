import type { Context } from 'hono'
import type { Dialect, DialectServices } from '../dialect'
import { juspayEdgeError, juspayError } from './errors'
import { signReturn } from './return-signature'
import { juspayBillingRoutes } from './billing-routes'
import { juspayMandateRoutes } from './mandate-routes'
import { authenticateMerchant, juspayRoutes } from './routes'
import { juspayTxnsRoutes } from './txns-routes'
import { juspayWebhook } from './webhook'

/**
 * Juspay's API: POST /session, POST /orders and GET /orders/:order_id, the billing-execution reads
 * under /billing, a registered mandate's reads and commands under /mandates, the merchant's mandate
 * executions on /txns, its envelope, return and webhooks.
 */
export function juspayDialect(services: DialectServices): Dialect & { id: 'juspay' } {
  const { deps } = services
  const authenticate = (c: Context) => authenticateMerchant(c, deps.merchants)
  const routes = juspayRoutes(services, authenticate)
  const billing = juspayBillingRoutes(services, authenticate)
  const mandates = juspayMandateRoutes(services, authenticate)
  const txns = juspayTxnsRoutes(services, authenticate)
  return {
    id: 'juspay',
    prefixes: ['/session', '/orders', '/billing', '/mandates', '/txns'],
    mount: (app) => {
      app.route('/', routes)
      app.route('/', billing)
      app.route('/', mandates)
      app.route('/', txns)
    },
    authenticate,
    error: juspayEdgeError,
    notFound: (c) => juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No such endpoint.' }),
    signReturn,
    webhook: (order, eventName, now) =>
      juspayWebhook(order, eventName, now, deps.publicOrigin, (merchantId, id) => deps.store.subscription(merchantId, id)),
  }
}
