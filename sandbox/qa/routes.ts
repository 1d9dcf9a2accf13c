import { Hono } from 'hono'
import type { SandboxDeps } from '../deps'
import { authenticateBasic } from '../http/auth'
import { juspayError } from '../dialects/juspay/errors'
import { sessionState } from '../domain/order'
import type { Merchant } from '../merchants'

type QaEnv = { Variables: { merchant: Merchant } }

/**
 * QA controls, sandbox only (switched off by config). Each acts on one merchant's orders, named by
 * the merchant's order id and authenticated with that merchant's API key, so parallel tests and
 * other merchants are never touched.
 */
export function qaRoutes(deps: SandboxDeps): Hono<QaEnv> {
  const app = new Hono<QaEnv>()

  app.use(async (c, next) => {
    const auth = authenticateBasic(c.req.header('authorization'), deps.merchants)
    if (!auth.ok) {
      return juspayError(c, {
        status: 401,
        code: 'UNAUTHENTICATED',
        message: auth.reason === 'missing' ? 'Authorization header is missing.' : 'The API key is not valid.',
      })
    }
    c.set('merchant', auth.merchant)
    await next()
  })

  /** Ends the session's link now, as if its expiry had passed. */
  app.post('/orders/:orderId/expire', (c) => {
    const order = deps.store.orderByMerchantOrderId(c.get('merchant').id, c.req.param('orderId'))
    if (!order) return juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No order with this order_id.' })
    const now = deps.clock.now()
    const state = sessionState(order, now)
    if (state !== 'open') {
      return juspayError(c, { status: 409, code: 'INVALID_ACTION', message: `The session is already ${state}.` })
    }
    deps.store.updateOrder({ ...order, expiresAt: now.toISOString() })
    return c.json({ order_id: order.orderId, expired_at: now.toISOString() })
  })

  return app
}
