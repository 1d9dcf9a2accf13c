import { Hono } from 'hono'
import { ClientSecretLookup, PAGE_ID_PATTERN, type PageError } from '../../contract/session'
import type { SandboxDeps } from '../deps'
import { toSessionView } from '../domain/view'
import type { Order } from '../domain/order'

const pageError = (code: PageError['error']['code'], message: string): PageError => ({ error: { code, message } })

/** The page's own API: one normalised session view, reached by page id or by client secret. */
export function pageApiRoutes(deps: SandboxDeps): Hono {
  const app = new Hono()

  const view = (order: Order) => {
    const merchant = deps.merchants.byId(order.merchantId)
    if (!merchant) throw new Error(`order ${order.id} has no merchant`)
    return toSessionView(order, merchant, deps.clock.now())
  }

  app.get('/pages/:pageId', (c) => {
    const pageId = c.req.param('pageId')
    if (!PAGE_ID_PATTERN.test(pageId)) return c.json(pageError('malformed', 'This payment link is not valid.'), 400)
    const order = deps.store.orderById(pageId)
    if (!order) return c.json(pageError('not_found', 'No payment session matches this link.'), 404)
    return c.json(view(order))
  })

  app.post('/checkout/lookup', async (c) => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return c.json(pageError('malformed', 'Send the client secret as a JSON body.'), 415)
    }
    const body: unknown = await c.req.json().catch(() => undefined)
    const parsed = ClientSecretLookup.safeParse(body)
    if (!parsed.success) return c.json(pageError('malformed', 'The client secret is missing or not valid.'), 400)
    const order = deps.store.orderByClientSecret(parsed.data.client_secret)
    if (!order) return c.json(pageError('not_found', 'No payment session matches this client secret.'), 404)
    return c.json(view(order))
  })

  return app
}
