import { Hono, type Context } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import * as z from 'zod'
import type { AttemptDecision, SandboxClock } from '../../contract/merchant-answers'
import { Plan } from '../../contract/plan'
import { ORDER_STATUS_IDS } from '../../contract/status'
import type { SandboxDeps } from '../deps'
import type { AttemptService } from '../domain/attempt-service'
import type { OrderWriter } from '../domain/order-writer'
import type { Attempt, AttemptEvent } from '../domain/attempt'
import type { Dialect, EdgeErrorField, MerchantAuth } from '../dialects/dialect'
import { sessionState, type Order } from '../domain/order'
import { addPlan, merchantPlan, merchantPlans } from '../domain/plans'
import { VPA_PATTERN } from '../domain/vpa'
import { authenticateBasic, requireMerchant, type MerchantEnv } from '../http/auth'
import { bodyLimit, MAX_BODY_BYTES } from '../http/body-limit'
import type { WebhookDispatcher } from '../webhooks/dispatcher'
import { clockFor, type MerchantClock } from '../domain/clock'
import type { Renewals } from '../domain/renewals'
import { mountRenewalRoutes } from './renewal-routes'
import type { MandateExecutions } from '../domain/mandate-executions'

type QaContext = Context<MerchantEnv>

const AUTH_MESSAGES = {
  missing: 'Authorization header is missing.',
  malformed: 'The Authorization header is not HTTP Basic with an API key.',
  unknown_key: 'The API key is not valid.',
} as const

export const ApproveBody = z.strictObject({
  payer_vpa: z.string().regex(VPA_PATTERN, 'must be a VPA such as name@bank').optional(),
})
export const EmptyBody = z.strictObject({})

/** The furthest one move of a merchant's clock may go: ten years, past any schedule a sandbox plays out. */
export const MAX_CLOCK_MOVE_SECONDS = 10 * 366 * 24 * 3600

export const ClockMove = z.strictObject({
  advance_by_seconds: z
    .int({ error: 'must be a whole number of seconds' })
    .positive({ error: 'must be more than 0' })
    .max(MAX_CLOCK_MOVE_SECONDS, { error: `must be at most ${MAX_CLOCK_MOVE_SECONDS} (ten years)` })
    .optional(),
  advance_to: z.int({ error: 'must be a Unix time in whole seconds' }).positive({ error: 'must be more than 0' }).optional(),
})

/** The merchant's clock as the QA API shows it. */
const clockJson = (clock: MerchantClock): SandboxClock => {
  const now = clock.now()
  return { now: Math.floor(now.getTime() / 1000), now_iso: now.toISOString(), offset_seconds: Math.round(clock.offsetMs / 1000) }
}

const DECISIONS = ['approve', 'decline', 'expire'] as const
type Decision = (typeof DECISIONS)[number]

const NO_ORDER = { status: 404, message: 'No order with this order_id.' } as const
const NOT_A_SESSION = {
  status: 409,
  message: 'This order is a debit on a mandate, which runs at its own date; only a session has a link to expire.',
} as const

/** Answers in the envelope of the dialect the QA API speaks. */
type Refuse = Dialect['error']

interface QaDeps {
  deps: SandboxDeps
  attempts: AttemptService
  webhooks: WebhookDispatcher
  writer: OrderWriter
  /** A subscription's scheduled debits: QA's choice for the next one, and the timeline. */
  renewals: Renewals
  /** The merchant's own notices and debits on a mandate without a subscription: its timeline. */
  executions: MandateExecutions
  /** Moves a merchant's clock forward to a sandbox time (ms), running what falls due on the way (JobRunner.runDueUpTo). */
  advanceClock: (merchantId: string, to: number) => Promise<MerchantClock>
  /** The dialect whose envelope the QA API answers in (Juspay's, wired in app.ts). */
  dialect: Pick<Dialect, 'error'>
}

/** The merchant's own order; another merchant's order id is simply not found. */
const findOrder = (deps: SandboxDeps, c: QaContext): Promise<Order | undefined> =>
  deps.store.orderByMerchantOrderId(c.get('merchant').id, c.req.param('orderId') ?? '')

function authenticate(deps: SandboxDeps, refuse: Refuse) {
  return (c: Context): MerchantAuth => {
    const auth = authenticateBasic(c.req.header('authorization'), deps.merchants)
    return auth.ok ? auth : { ok: false, response: refuse(c, { status: 401, message: AUTH_MESSAGES[auth.reason] }) }
  }
}

/** 405 for a method no route of this path takes, with the Allow header Hono's middleware derives from the routes. */
function wrongMethod(refuse: Refuse) {
  return (c: Context, allowed: string[]): Response => {
    const allow = allowed.join(', ')
    c.header('Allow', allow)
    return refuse(c, { status: 405, message: `${c.req.method} is not supported here; use ${allow}.` })
  }
}

type BodyRead<T> = { ok: true; body: T } | { ok: false; response: Response }

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'

/** The body is optional: no body means `{}`; one that is sent must be a JSON object the schema accepts. */
const readOptionalJson = <T>(c: Context, refuse: Refuse, schema: z.core.$ZodType<T>): Promise<BodyRead<T>> =>
  readJson(c, refuse, schema, { required: false })

/** A body that must be there, as a JSON object the schema accepts. */
const readRequiredJson = <T>(c: Context, refuse: Refuse, schema: z.core.$ZodType<T>): Promise<BodyRead<T>> =>
  readJson(c, refuse, schema, { required: true })

async function readJson<T>(c: Context, refuse: Refuse, schema: z.core.$ZodType<T>, { required }: { required: boolean }): Promise<BodyRead<T>> {
  const text = await c.req.text()
  const invalid = (message: string, fields: EdgeErrorField[] = []): BodyRead<T> => ({
    ok: false,
    response: refuse(c, { status: 400, message, fields }),
  })
  let raw: unknown = {}
  if (text.trim() === '') {
    if (required) return invalid('The request body is missing; send it as a JSON object.')
  } else {
    if (!isJson(c.req.header('content-type'))) {
      return { ok: false, response: refuse(c, { status: 415, message: 'Send the request body as application/json.' }) }
    }
    try {
      raw = JSON.parse(text)
    } catch {
      return invalid('The request body is not valid JSON.')
    }
  }
  const parsed = z.safeParse(schema, raw)
  if (parsed.success) return { ok: true, body: parsed.data }
  const fields = parsed.error.issues.map(issueField)
  return invalid(`Invalid request: ${fields.map((f) => `${f.name} ${f.reason}`).join('; ')}.`, fields)
}

function issueField(issue: z.core.$ZodIssue): EdgeErrorField {
  if (issue.code === 'unrecognized_keys') return { name: issue.keys.join(', '), reason: 'is not a known field' }
  const name = issue.path.map(String).join('.')
  return { name: name || 'body', reason: issue.path.length === 0 ? 'must be a JSON object' : issue.message }
}

const attemptJson = (attempt: Attempt) => ({
  number: attempt.number,
  status: attempt.status,
  failure_reason: attempt.failureReason,
})

/** The attempt event a QA request stands for; only approve takes a field (the payer's VPA). */
async function readDecision(c: Context, refuse: Refuse, decision: Decision): Promise<BodyRead<AttemptEvent>> {
  if (decision !== 'approve') {
    const read = await readOptionalJson(c, refuse, EmptyBody)
    return read.ok ? { ok: true, body: { type: decision } } : read
  }
  const read = await readOptionalJson(c, refuse, ApproveBody)
  if (!read.ok) return read
  const payerVpa = read.body.payer_vpa
  return { ok: true, body: payerVpa === undefined ? { type: 'approve' } : { type: 'approve', payerVpa } }
}

function decideHandler({ deps, attempts, dialect }: QaDeps, decision: Decision) {
  const refuse = dialect.error
  return async (c: QaContext): Promise<Response> => {
    const read = await readDecision(c, refuse, decision)
    if (!read.ok) return read.response
    const order = await findOrder(deps, c)
    if (!order) return refuse(c, NO_ORDER)
    const result = await attempts.decide(order, read.body)
    if (!result.ok) return refuse(c, { status: 409, message: 'No attempt is waiting for approval on this order' })
    const decided: AttemptDecision = {
      order_id: result.order.orderId,
      attempt: attemptJson(result.attempt),
      status: result.order.status,
      status_id: ORDER_STATUS_IDS[result.order.status],
    }
    return c.json(decided)
  }
}

/**
 * QA controls, sandbox only (switched off by config). Each acts on one merchant's orders, named by
 * the merchant's order id and authenticated with that merchant's API key, so parallel tests and
 * other merchants are never touched; plans are the merchant's own in the same way, and so is a reset:
 * it forgets that merchant's orders, webhook records, jobs and run-time plans (the merchants file's plans stay).
 */
export function qaRoutes(qa: QaDeps): Hono<MerchantEnv> {
  const { deps, attempts, webhooks, writer, advanceClock } = qa
  const refuse = qa.dialect.error
  const notFound = (c: Context) => refuse(c, NO_ORDER)
  const app = new Hono<MerchantEnv>()
  app.use(requireMerchant(authenticate(deps, refuse)))
  app.use(methodNotAllowed({ app, onMethodNotAllowed: wrongMethod(refuse) }))
  const limitBody = bodyLimit((c) => refuse(c, { status: 413, message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.` }))

  /**
   * Ends the session's link now (the merchant's sandbox time), as if its expiry had passed. A debit
   * on a mandate (a subscription's or the merchant's own) has no link: its expiry is its due date,
   * and it runs then whatever that field says, so it is refused rather than answered as ended.
   */
  app.post('/orders/:orderId/expire', async (c) => {
    const order = await findOrder(deps, c)
    if (!order) return notFound(c)
    if (order.debit || order.execution) return refuse(c, NOT_A_SESSION)
    const now = (await clockFor(deps, order.merchantId)).now()
    const expired = await writer.change(order, (current) => {
      const state = sessionState(current, now)
      if (state !== 'open') return { write: null, answer: () => state }
      return { write: { order: { ...current, expiresAt: now.toISOString() }, events: [] }, answer: () => null }
    })
    if (expired !== null) return refuse(c, { status: 409, message: `The session is already ${expired}.` })
    return c.json({ order_id: order.orderId, expired_at: now.toISOString() })
  })

  for (const decision of DECISIONS) {
    const path = `/orders/:orderId/attempt/${decision}`
    app.post(path, limitBody, decideHandler(qa, decision))
  }

  app.get('/orders/:orderId/webhooks', async (c) => {
    const order = await findOrder(deps, c)
    if (!order) return notFound(c)
    // Applies a due auto-outcome first, so its events are listed (and sent) now.
    const current = await attempts.refresh(order)
    return c.json({ order_id: current.orderId, webhooks: await webhooks.deliveriesFor(current.merchantId, current.orderId) })
  })

  // The merchant's plan catalogue: the merchants file's plans and those added here (docs/domain/billing.md).
  app.post('/plans', limitBody, async (c) => {
    const read = await readRequiredJson(c, refuse, Plan)
    if (!read.ok) return read.response
    const result = await addPlan(deps.store, c.get('merchant'), read.body)
    if (result.outcome === 'conflict') {
      return refuse(c, {
        status: 409,
        message: `A different plan with plan_id ${result.existing.plan_id} already exists; choose another plan_id.`,
        fields: [{ name: 'plan_id', reason: 'is already used by another plan' }],
      })
    }
    return c.json(result.plan, result.outcome === 'created' ? 201 : 200)
  })

  app.get('/plans', async (c) => c.json({ plans: await merchantPlans(deps.store, c.get('merchant')) }))

  app.get('/plans/:planId', async (c) => {
    const plan = await merchantPlan(deps.store, c.get('merchant'), c.req.param('planId'))
    return plan ? c.json(plan) : refuse(c, { status: 404, message: 'No plan with this plan_id.' })
  })

  // The merchant's sandbox clock (docs/domain/sandbox-clock.md): read it, or move it forward, running what falls due on the way.
  app.get('/clock', async (c) => c.json(clockJson(await clockFor(deps, c.get('merchant').id))))

  app.post('/clock', limitBody, async (c) => {
    const read = await readRequiredJson(c, refuse, ClockMove)
    if (!read.ok) return read.response
    const { advance_by_seconds: by, advance_to: to } = read.body
    if ((by === undefined) === (to === undefined)) {
      return refuse(c, {
        status: 400,
        message: 'Send exactly one of advance_by_seconds (how far to move the clock) or advance_to (the Unix time to move it to).',
        fields: [{ name: 'advance_by_seconds, advance_to', reason: 'exactly one is required' }],
      })
    }
    const merchantId = c.get('merchant').id
    const now = (await clockFor(deps, merchantId)).now().getTime()
    const target = by === undefined ? (to ?? 0) * 1000 : now + by * 1000
    if (target < Math.floor(now / 1000) * 1000) {
      return refuse(c, {
        status: 409,
        message: `advance_to ${to} is before the merchant's sandbox time (${Math.floor(now / 1000)}); the clock only moves forward (POST /sandbox/reset puts it back to real time).`,
        fields: [{ name: 'advance_to', reason: 'is in the past of the clock' }],
      })
    }
    if (target - now > MAX_CLOCK_MOVE_SECONDS * 1000) {
      return refuse(c, {
        status: 400,
        message: `advance_to ${to} is more than ${MAX_CLOCK_MOVE_SECONDS} seconds (ten years) ahead of the merchant's sandbox time; move it in steps.`,
        fields: [{ name: 'advance_to', reason: 'is too far ahead' }],
      })
    }
    return c.json(clockJson(await advanceClock(merchantId, Math.max(target, now))))
  })

  mountRenewalRoutes(app, { renewals: qa.renewals, executions: qa.executions, refuse, limitBody, readBody: (c, schema) => readRequiredJson(c, refuse, schema) })

  // The calling merchant's state only: on a shared sandbox, one team's reset must not touch another's.
  app.post('/reset', async (c) => {
    const merchantId = c.get('merchant').id
    await deps.store.resetMerchant(merchantId)
    webhooks.resetMerchant(merchantId)
    return c.json({ reset: true })
  })
  app.all('*', (c) => refuse(c, { status: 404, message: 'No such QA endpoint.' }))

  return app
}
