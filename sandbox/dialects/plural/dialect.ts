import type { Context } from 'hono'
import type { Dialect, DialectServices } from '../dialect'
import { pluralEdgeError } from './errors'
import { authenticateMerchant, notFound, pluralRoutes } from './routes'
import { pluralWebhook } from './webhook'

/**
 * Plural's subscriptions carry no return URL (the customer approves in the UPI app), so nothing is
 * ever signed onto one; the page is handed Juspay's signer, as the composition root passes it in.
 */
type PluralReporting = Pick<Dialect, 'signReturn'>

/** Plural (Pine Labs) UPI subscriptions under /api/v1/upi (docs/domain/plural.md), their envelope and callbacks. */
export function pluralDialect(services: DialectServices, reporting: PluralReporting): Dialect & { id: 'plural' } {
  const { deps } = services
  const authenticate = (c: Context) => authenticateMerchant(c, deps.merchants)
  const routes = pluralRoutes(services, authenticate)
  return {
    id: 'plural',
    prefixes: ['/api/v1/upi'],
    mount: (app) => {
      app.route('/', routes)
    },
    authenticate,
    error: pluralEdgeError,
    notFound,
    signReturn: reporting.signReturn,
    webhook: (order, eventName, now) => Promise.resolve(pluralWebhook(order, eventName, now, deps.publicOrigin)),
  }
}
