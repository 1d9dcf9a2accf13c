import { Hono, type Context } from 'hono'
import { clockFor } from '../../domain/clock'
import type { SandboxDeps } from '../../deps'
import type { MerchantAuth } from '../dialect'
import { authenticateBearer, requireMerchant, type AuthResult } from '../../http/auth'
import { newCheckoutSessionId, newClientSecret } from '../../domain/ids'
import type { Order } from '../../domain/order'
import { createOrder, fingerprint } from '../../domain/orders'
import type { Merchant, MerchantDirectory } from '../../merchants'
import { checkoutError, type CheckoutErrorSpec } from './errors'
import { resolveExpiry } from './expiry'
import { canonicalBody, toOrderDraft } from './order-draft'
import { parseCreateRequest } from './parse-request'
import { acceptJsonBody, readJsonBody } from './read-body'
import { checkoutSource, toCheckoutSession } from './session-object'

type CheckoutEnv = { Variables: { merchant: Merchant } }
type CheckoutContext = Context<CheckoutEnv>

const SESSION_ID_PATTERN = /^cs_[A-Za-z0-9]{24}$/

const AUTH_MESSAGES: Record<Exclude<AuthResult, { ok: true }>['reason'], CheckoutErrorSpec> = {
  missing: {
    status: 401,
    type: 'authentication_error',
    code: 'api_key_missing',
    message: 'Send your API key as Authorization: Bearer <api key>.',
  },
  malformed: {
    status: 401,
    type: 'authentication_error',
    code: 'authorization_malformed',
    message: 'The Authorization header must be Bearer <api key>.',
  },
  unknown_key: { status: 401, type: 'authentication_error', code: 'api_key_invalid', message: 'The API key is not valid.' },
}

function notFound(c: Context): Response {
  return checkoutError(c, {
    status: 404,
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: 'No such checkout session.',
    param: 'id',
  })
}

export const methodNotAllowed =
  (allow: string) =>
  (c: Context): Response => {
    c.header('Allow', allow)
    return checkoutError(c, {
      status: 405,
      type: 'invalid_request_error',
      code: 'method_not_allowed',
      message: `${c.req.method} is not allowed here; use ${allow}.`,
    })
  }

/** `Authorization: Bearer <api key>`; a refusal names the scheme in WWW-Authenticate. */
export function authenticateMerchant(c: Context, merchants: MerchantDirectory): MerchantAuth {
  const auth = authenticateBearer(c.req.header('authorization'), merchants)
  if (auth.ok) return auth
  c.header('WWW-Authenticate', 'Bearer realm="mandate-checkout"')
  return { ok: false, response: checkoutError(c, AUTH_MESSAGES[auth.reason]) }
}

async function sessionResponse(c: CheckoutContext, deps: SandboxDeps, order: Order): Promise<Response> {
  const source = checkoutSource(order)
  if (!source) throw new Error(`order ${order.id} is not a checkout session`)
  const now = (await clockFor(deps, order.merchantId)).now()
  return c.json(toCheckoutSession({ order, source, publicOrigin: deps.publicOrigin, now }))
}

function idempotencyConflict(c: CheckoutContext, merchantOrderId: string): Response {
  return checkoutError(c, {
    status: 400,
    type: 'invalid_request_error',
    code: 'idempotency_conflict',
    message: `merchant_order_id ${merchantOrderId} was already used with a different request. Send the same body to get the same session, or use a new merchant_order_id.`,
    param: 'merchant_order_id',
  })
}

async function createSession(c: CheckoutContext, deps: SandboxDeps): Promise<Response> {
  const merchant = c.get('merchant')
  const body = await readJsonBody(c)
  if (!body.ok) return checkoutError(c, body.error)
  const parsed = parseCreateRequest(body.body, merchant)
  if (!parsed.ok) return checkoutError(c, parsed.error)
  const { request } = parsed
  const raw = canonicalBody(request)
  const digest = fingerprint(raw)

  // A replay is answered before the expiry window is checked: the window moves with the clock,
  // and a merchant retrying a request that succeeded must get the same session, not a 400.
  const existing = await deps.store.orderByMerchantOrderId(merchant.id, request.merchant_order_id)
  if (existing) {
    const isReplay = existing.fingerprint === digest && checkoutSource(existing) !== null
    return isReplay ? sessionResponse(c, deps, existing) : idempotencyConflict(c, request.merchant_order_id)
  }

  const now = (await clockFor(deps, merchant.id)).now()
  const expiry = resolveExpiry(request.expires_at, now)
  if (!expiry.ok) return checkoutError(c, expiry.error)
  const sessionId = newCheckoutSessionId()
  const draft = toOrderDraft({
    request,
    raw,
    fingerprint: digest,
    merchant,
    expiresAt: expiry.expiresAt,
    now,
    sessionId,
    clientSecret: newClientSecret(sessionId),
  })
  const outcome = await createOrder(deps, draft)
  if (outcome.kind === 'conflict') return idempotencyConflict(c, request.merchant_order_id)
  if (outcome.kind === 'unclaimed') throw new Error('an order that claims nothing was refused its claim')
  if (outcome.kind === 'created') deps.log.info('checkout_session_created', { merchant: merchant.id, session: sessionId })
  return sessionResponse(c, deps, outcome.order)
}

async function retrieveSession(c: CheckoutContext, deps: SandboxDeps): Promise<Response> {
  const id = c.req.param('id') ?? ''
  const order = SESSION_ID_PATTERN.test(id) ? await deps.store.orderByCheckoutSessionId(id) : undefined
  // Another merchant's session answers exactly like a missing one, so ids cannot be probed.
  if (!order || order.merchantId !== c.get('merchant').id) return notFound(c)
  return sessionResponse(c, deps, order)
}

/** Checkout-session dialect (UseePay / Stripe style), mounted at /v1/checkout. */
export function checkoutRoutes(deps: SandboxDeps, authenticate: (c: Context) => MerchantAuth): Hono<CheckoutEnv> {
  const app = new Hono<CheckoutEnv>()
  const auth = requireMerchant<CheckoutEnv>(authenticate)
  app.post('/sessions', auth, ...acceptJsonBody, (c) => createSession(c, deps))
  app.get('/sessions/:id', auth, (c) => retrieveSession(c, deps))
  app.all('/sessions', methodNotAllowed('POST'))
  app.all('/sessions/:id', methodNotAllowed('GET'))
  app.all('*', notFound)
  return app
}
