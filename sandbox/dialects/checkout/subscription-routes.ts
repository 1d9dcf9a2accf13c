import { Hono, type Context } from 'hono'
import type { SandboxDeps } from '../../deps'
import type { MerchantAuth } from '../dialect'
import { requireMerchant } from '../../http/auth'
import { SUBSCRIPTION_ID_PATTERN } from '../../domain/subscriptions'
import type { Merchant } from '../../merchants'
import { checkoutError } from './errors'
import { methodNotAllowed } from './routes'
import { checkoutSource } from './session-object'
import { toCheckoutSubscription } from './subscription-object'

type SubscriptionEnv = { Variables: { merchant: Merchant } }

function notFound(c: Context): Response {
  return checkoutError(c, {
    status: 404,
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: 'No such subscription.',
    param: 'id',
  })
}

/**
 * The Subscriptions a subscription-mode checkout session starts, read by id
 * (docs/domain/checkout-session.md#the-subscription), mounted at /v1/subscriptions. Only the
 * authenticated merchant's, and only those a checkout session started: a subscription registered
 * through another API is read through that API.
 */
export function subscriptionRoutes(deps: SandboxDeps, authenticate: (c: Context) => MerchantAuth): Hono<SubscriptionEnv> {
  const app = new Hono<SubscriptionEnv>()
  const auth = requireMerchant<SubscriptionEnv>(authenticate)
  app.get('/:id', auth, async (c) => {
    const id = c.req.param('id')
    const subscription = SUBSCRIPTION_ID_PATTERN.test(id) ? await deps.store.subscription(c.get('merchant').id, id) : undefined
    const order = subscription ? await deps.store.orderById(subscription.pageId) : undefined
    const source = order ? checkoutSource(order) : null
    // Another merchant's subscription, or one not started by a checkout session, answers like a missing one.
    if (!subscription || !order || !source) return notFound(c)
    return c.json(toCheckoutSubscription(subscription, source, order.metadata))
  })
  app.all('/:id', methodNotAllowed('GET'))
  return app
}
