import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { methodNotAllowed } from 'hono/method-not-allowed'
import * as z from 'zod'
import type { JuspayErrorField } from '../../contract/errors'
import { ORDER_STATUS_IDS } from '../../contract/status'
import type { SandboxDeps } from '../deps'
import { juspayError } from '../dialects/juspay/errors'
import type { AttemptService } from '../domain/attempt-service'
import type { Attempt, AttemptEvent } from '../domain/attempt'
import { sessionState, type Order } from '../domain/order'
import { VPA_PATTERN } from '../domain/vpa'
import { authenticateBasic } from '../http/auth'
import type { Merchant } from '../merchants'
import type { WebhookDispatcher } from '../webhooks/dispatcher'

type QaEnv = { Variables: { merchant: Merchant } }
type QaContext = Context<QaEnv>

export const MAX_QA_BODY_BYTES = 16 * 1024

const AUTH_MESSAGES = {
  missing: 'Authorization header is missing.',
  malformed: 'The Authorization header is not HTTP Basic with an API key.',
  unknown_key: 'The API key is not valid.',
} as const

const ApproveBody = z.strictObject({
  payer_vpa: z.string().regex(VPA_PATTERN, 'must be a VPA such as name@bank').optional(),
})
const EmptyBody = z.strictObject({})

const DECISIONS = ['approve', 'decline', 'expire'] as const
type Decision = (typeof DECISIONS)[number]

const notFound = (c: Context) => juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No order with this order_id.' })
const noSuchRoute = (c: Context) => juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No such QA endpoint.' })

/** The merchant's own order; another merchant's order id is simply not found. */
const findOrder = (deps: SandboxDeps, c: QaContext): Order | undefined =>
  deps.store.orderByMerchantOrderId(c.get('merchant').id, c.req.param('orderId') ?? '')

function authenticate(deps: SandboxDeps): MiddlewareHandler<QaEnv> {
  return async (c, next) => {
    const auth = authenticateBasic(c.req.header('authorization'), deps.merchants)
    if (!auth.ok) return juspayError(c, { status: 401, code: 'UNAUTHENTICATED', message: AUTH_MESSAGES[auth.reason] })
    c.set('merchant', auth.merchant)
    await next()
  }
}

/** 405 for a method no route of this path takes, with the Allow header Hono's middleware derives from the routes. */
function wrongMethod(c: Context, allowed: string[]): Response {
  const allow = allowed.join(', ')
  c.header('Allow', allow)
  return juspayError(c, { status: 405, code: 'INVALID_INPUT', message: `${c.req.method} is not supported here; use ${allow}.` })
}

const limitBody = bodyLimit({
  maxSize: MAX_QA_BODY_BYTES,
  onError: (c) =>
    juspayError(c, { status: 413, code: 'INVALID_INPUT', message: `The request body is larger than ${MAX_QA_BODY_BYTES / 1024} KB.` }),
})

type BodyRead<T> = { ok: true; body: T } | { ok: false; response: Response }

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'

/** The body is optional: no body means `{}`; one that is sent must be a JSON object the schema accepts. */
async function readOptionalJson<T>(c: Context, schema: z.ZodType<T>): Promise<BodyRead<T>> {
  const text = await c.req.text()
  const invalid = (message: string, fields: JuspayErrorField[] = []): BodyRead<T> => ({
    ok: false,
    response: juspayError(c, { status: 400, code: 'INVALID_INPUT', message, fields }),
  })
  let raw: unknown = {}
  if (text.trim() !== '') {
    if (!isJson(c.req.header('content-type'))) {
      return { ok: false, response: juspayError(c, { status: 415, code: 'INVALID_INPUT', message: 'Send the request body as application/json.' }) }
    }
    try {
      raw = JSON.parse(text)
    } catch {
      return invalid('The request body is not valid JSON.')
    }
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, body: parsed.data }
  const fields = parsed.error.issues.map(issueField)
  return invalid(`Invalid request: ${fields.map((f) => `${f.field_name} ${f.reason}`).join('; ')}.`, fields)
}

function issueField(issue: z.core.$ZodIssue): JuspayErrorField {
  if (issue.code === 'unrecognized_keys') return { field_name: issue.keys.join(', '), reason: 'is not a known field' }
  const name = issue.path.map(String).join('.')
  return { field_name: name || 'body', reason: issue.path.length === 0 ? 'must be a JSON object' : issue.message }
}

const attemptJson = (attempt: Attempt) => ({
  number: attempt.number,
  status: attempt.status,
  failure_reason: attempt.failureReason,
})

/** The attempt event a QA request stands for; only approve takes a field (the payer's VPA). */
async function readDecision(c: Context, decision: Decision): Promise<BodyRead<AttemptEvent>> {
  if (decision !== 'approve') {
    const read = await readOptionalJson(c, EmptyBody)
    return read.ok ? { ok: true, body: { type: decision } } : read
  }
  const read = await readOptionalJson(c, ApproveBody)
  if (!read.ok) return read
  const payerVpa = read.body.payer_vpa
  return { ok: true, body: payerVpa === undefined ? { type: 'approve' } : { type: 'approve', payerVpa } }
}

function decideHandler(deps: SandboxDeps, attempts: AttemptService, decision: Decision) {
  return async (c: QaContext): Promise<Response> => {
    const read = await readDecision(c, decision)
    if (!read.ok) return read.response
    const order = findOrder(deps, c)
    if (!order) return notFound(c)
    const result = attempts.decide(order, read.body)
    if (!result.ok) {
      return juspayError(c, { status: 409, code: 'INVALID_ACTION', message: 'No attempt is waiting for approval on this order' })
    }
    return c.json({
      order_id: result.order.orderId,
      attempt: attemptJson(result.attempt),
      status: result.order.status,
      status_id: ORDER_STATUS_IDS[result.order.status],
    })
  }
}

/**
 * QA controls, sandbox only (switched off by config). Each acts on one merchant's orders, named by
 * the merchant's order id and authenticated with that merchant's API key, so parallel tests and
 * other merchants are never touched. Reset is the one global action.
 */
export function qaRoutes(deps: SandboxDeps, attempts: AttemptService, webhooks: WebhookDispatcher): Hono<QaEnv> {
  const app = new Hono<QaEnv>()
  app.use(methodNotAllowed({ app, onMethodNotAllowed: wrongMethod }))
  app.use(authenticate(deps))

  /** Ends the session's link now, as if its expiry had passed. */
  app.post('/orders/:orderId/expire', (c) => {
    const order = findOrder(deps, c)
    if (!order) return notFound(c)
    const now = deps.clock.now()
    const state = sessionState(order, now)
    if (state !== 'open') {
      return juspayError(c, { status: 409, code: 'INVALID_ACTION', message: `The session is already ${state}.` })
    }
    deps.store.updateOrder({ ...order, expiresAt: now.toISOString() })
    return c.json({ order_id: order.orderId, expired_at: now.toISOString() })
  })

  for (const decision of DECISIONS) {
    const path = `/orders/:orderId/attempt/${decision}`
    app.post(path, limitBody, decideHandler(deps, attempts, decision))
  }

  app.get('/orders/:orderId/webhooks', (c) => {
    const order = findOrder(deps, c)
    if (!order) return notFound(c)
    // Applies a due auto-outcome first, so its events are listed (and sent) now.
    const current = attempts.refresh(order)
    return c.json({ order_id: current.orderId, webhooks: webhooks.deliveriesFor(current.merchantId, current.orderId) })
  })

  app.post('/reset', (c) => {
    deps.store.reset()
    attempts.dispose()
    webhooks.reset()
    return c.json({ reset: true })
  })
  app.all('*', noSuchRoute)

  return app
}
