import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { clockFor } from '../../domain/clock'
import type { JuspayErrorField } from '../../../contract/errors'
import type { SandboxDeps } from '../../deps'
import type { DialectServices, MerchantAuth } from '../dialect'
import { createOrder } from '../../domain/orders'
import { previewClaim } from '../../domain/preview-claim'
import type { Order } from '../../domain/order'
import { authenticateBasic, requireMerchant } from '../../http/auth'
import { bodyLimit, MAX_BODY_BYTES } from '../../http/body-limit'
import type { Merchant, MerchantDirectory } from '../../merchants'
import { juspayError } from './errors'
import { orderStatusResponse } from './order-status'
import { bodyKind, parseBody, unsupportedMediaType, type BodyKind } from './read-body'
import { orderCreateResponse, sessionResponse } from './session-response'
import { validateOrderRequest } from './validate'
import { PLAN_CHANGE_INFO } from './billing-plan-change'

/** `bodyKind` is set only on the create routes, once the Content-Type has been accepted. */
export type JuspayEnv = { Variables: { merchant: Merchant; bodyKind: BodyKind } }
type JuspayContext = Context<JuspayEnv>

const AUTH_MESSAGES = {
  missing: 'The Authorization header is missing; send HTTP Basic with your API key as the user name.',
  malformed: 'The Authorization header is not HTTP Basic with an API key.',
  unknown_key: 'The API key is not valid.',
} as const

/**
 * HTTP Basic with the API key. `x-merchantid`, when sent, must name the key's merchant; `version`
 * and `x-routing-id` are accepted and ignored, as they change nothing in this sandbox.
 */
export function authenticateMerchant(c: Context, merchants: MerchantDirectory): MerchantAuth {
  const auth = authenticateBasic(c.req.header('authorization'), merchants)
  if (!auth.ok) {
    return { ok: false, response: juspayError(c, { status: 401, code: 'UNAUTHENTICATED', message: AUTH_MESSAGES[auth.reason] }) }
  }
  const claimed = c.req.header('x-merchantid')
  if (claimed !== undefined && claimed !== auth.merchant.id) {
    const message = 'The x-merchantid header does not match the merchant of this API key.'
    return { ok: false, response: juspayError(c, { status: 403, code: 'UNAUTHORIZED', message }) }
  }
  return auth
}

/**
 * Checks Content-Type before anything is read, then refuses bodies over the limit while streaming:
 * one layer, as each layer of Hono's chain costs every request an async step of its own.
 */
export function acceptBody(accepted: readonly BodyKind[]): MiddlewareHandler<JuspayEnv> {
  const limit = bodyLimit((c) =>
    juspayError(c, { status: 413, code: 'INVALID_INPUT', message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.` }),
  )
  return async (c, next) => {
    const kind = bodyKind(c.req.header('content-type'), accepted)
    if (!kind) return juspayError(c, unsupportedMediaType(accepted))
    c.set('bodyKind', kind)
    return limit(c, next)
  }
}

const SUMMARY_FIELDS = 3

/** One readable sentence for error_message; error_info.fields keeps every field. */
export function summarize(fields: readonly JuspayErrorField[]): string {
  const shown = fields.slice(0, SUMMARY_FIELDS).map((f) => `${f.field_name} ${f.reason}`)
  const more = fields.length > SUMMARY_FIELDS ? ` (and ${fields.length - SUMMARY_FIELDS} more)` : ''
  return `Invalid request: ${shown.join('; ')}${more}.`
}

type Responder = (order: Order, merchant: Merchant) => unknown

function createHandler(deps: SandboxDeps, respond: Responder) {
  return async (c: JuspayContext): Promise<Response> => {
    const parsed = parseBody(c.get('bodyKind'), await c.req.text())
    if (!parsed.ok) return juspayError(c, parsed.error)
    const merchant = c.get('merchant')
    const now = (await clockFor(deps, merchant.id)).now()
    const validation = await validateOrderRequest(parsed.body, { merchant, now, store: deps.store })
    if (!validation.ok) {
      return juspayError(c, { status: 400, code: 'INVALID_INPUT', message: summarize(validation.fields), fields: validation.fields })
    }
    const change = validation.draft.billing?.planChange
    // The preview is claimed before the order is stored: of two orders paying for it at once, one is refused and not stored.
    const claim = change ? previewClaim(deps.store, merchant.id, change.preview) : undefined
    const outcome = await createOrder(deps, validation.draft, claim)
    if (outcome.kind === 'unclaimed') {
      const fields = [{ field_name: `${PLAN_CHANGE_INFO}.request_id`, reason: 'names a preview another order is paying for: a preview pays for one change' }]
      return juspayError(c, { status: 400, code: 'INVALID_INPUT', message: summarize(fields), fields })
    }
    if (outcome.kind === 'conflict') {
      return juspayError(c, {
        status: 400,
        code: 'ALREADY_EXISTS',
        message: `An order with order_id ${outcome.existing.orderId} already exists with different details. Use a new order_id, or repeat the original request exactly to get the same order back.`,
        fields: [{ field_name: 'order_id', reason: 'is already used by an order with different details' }],
      })
    }
    return c.json(respond(outcome.order, merchant), 200)
  }
}

export function methodNotAllowed(allowed: string) {
  return (c: Context) => {
    c.header('Allow', allowed)
    return juspayError(c, { status: 405, code: 'INVALID_INPUT', message: `${c.req.method} is not supported here; use ${allowed}.` })
  }
}

export const OTHER_THAN_POST = ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
export const OTHER_THAN_GET = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/** The merchant-facing Juspay dialect: POST /session, POST /orders, GET /orders/:order_id. */
export function juspayRoutes({ deps, refresh }: DialectServices, authenticate: (c: Context) => MerchantAuth): Hono<JuspayEnv> {
  const app = new Hono<JuspayEnv>()
  const auth = requireMerchant<JuspayEnv>(authenticate)

  app.post(
    '/session',
    auth,
    acceptBody(['json']),
    createHandler(deps, (order, merchant) => sessionResponse(order, merchant, deps.publicOrigin)),
  )
  app.post(
    '/orders',
    auth,
    acceptBody(['json', 'form']),
    createHandler(deps, (order) => orderCreateResponse(order, deps.publicOrigin)),
  )
  app.get('/orders/:order_id', auth, async (c) => {
    // Scoped to the authenticated merchant: another merchant's order id is simply not found.
    const stored = await deps.store.orderByMerchantOrderId(c.get('merchant').id, c.req.param('order_id'))
    const order = stored ? await refresh(stored) : undefined
    if (!order) return juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No order with this order_id.' })
    return c.json(orderStatusResponse(order, deps.publicOrigin))
  })

  app.on(OTHER_THAN_POST, ['/session', '/orders'], methodNotAllowed('POST'))
  app.on(OTHER_THAN_GET, '/orders/:order_id', methodNotAllowed('GET'))
  return app
}
