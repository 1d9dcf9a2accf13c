import type { Context } from 'hono'
import type { Dialect, DialectServices } from '../dialect'
import { checkoutEdgeError, checkoutError } from './errors'
import { authenticateMerchant, checkoutRoutes } from './routes'
import { subscriptionRoutes } from './subscription-routes'

/**
 * How the merchant hears a checkout session's outcome. This dialect has no webhook or return
 * format of its own: its orders are reported the way Juspay's are (ADR 0009), and the composition
 * root passes that dialect's shapers in, so this folder imports no other dialect.
 */
type CheckoutReporting = Pick<Dialect, 'signReturn' | 'webhook'>

/**
 * The checkout-session API under /v1/checkout, the Subscriptions its sessions start under
 * /v1/subscriptions, its envelope, and the reporting it is given.
 */
export function checkoutDialect({ deps }: DialectServices, reporting: CheckoutReporting): Dialect & { id: 'checkout' } {
  const authenticate = (c: Context) => authenticateMerchant(c, deps.merchants)
  const routes = checkoutRoutes(deps, authenticate)
  const subscriptions = subscriptionRoutes(deps, authenticate)
  return {
    id: 'checkout',
    prefixes: ['/v1'],
    mount: (app) => {
      app.route('/v1/checkout', routes)
      app.route('/v1/subscriptions', subscriptions)
    },
    authenticate,
    error: checkoutEdgeError,
    notFound: (c) =>
      checkoutError(c, { status: 404, type: 'invalid_request_error', code: 'resource_missing', message: 'Unrecognised request URL.' }),
    signReturn: reporting.signReturn,
    webhook: reporting.webhook,
  }
}
