import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import * as z from 'zod/mini'
import { StartAttempt } from '../../contract/attempt'
import { ClientSecretLookup, PAGE_ID_PATTERN, type PageError, type PageErrorCode } from '../../contract/session'
import type { SandboxDeps } from '../deps'
import type { AttemptService } from '../domain/attempt-service'
import type { Dialects } from '../dialects/dialect'
import type { OrderEventBus } from '../domain/order-events'
import type { OrderWriter } from '../domain/order-writer'
import type { Order } from '../domain/order'
import { clockFor } from '../domain/clock'
import { cancelSession } from '../domain/session-cancel'
import { toSessionView } from '../domain/view'
import { verifyVpa } from '../domain/vpa'
import { bodyLimit } from '../http/body-limit'
import { clientAddress } from '../http/client'
import type { StreamCaps } from '../http/stream-caps'
import type { Merchant } from '../merchants'

const MESSAGES: Record<PageErrorCode, string> = {
  not_found: 'No payment session matches this link.',
  malformed: 'The request is not valid.',
  unsupported_media_type: 'Send a JSON body.',
  payload_too_large: 'The request body is too large.',
  internal: 'The sandbox failed to answer this request.',
  session_not_open: 'This session can no longer be paid.',
  attempt_in_progress: 'A payment is already waiting for approval.',
  too_many_attempts: 'This session has used all its attempts.',
  instrument_unavailable: 'This payment method is not available for this session.',
  mandate_choice_invalid: 'This session does not allow that mandate choice.',
  channel_required: 'Choose how to pay with UPI.',
  channel_not_allowed: 'The merchant does not allow this UPI channel.',
  vpa_required: 'Enter your UPI ID.',
  vpa_invalid: 'This UPI ID does not exist.',
  handle_not_supported: 'This UPI ID cannot set up AutoPay.',
  idempotency_conflict: 'This idempotency key was used for a different request.',
  idempotency_key_required: 'Send an Idempotency-Key header (1–255 visible characters).',
  no_pending_attempt: 'No payment is waiting for approval.',
  enach_details_required: 'Enter your bank account details to set up the mandate.',
  bank_required: 'Choose your bank.',
  bank_unknown: 'This bank is not available for net banking or eNACH.',
  auth_mode_unsupported: 'Your bank does not offer this way of authorising. Choose another.',
  ifsc_bank_mismatch: 'This IFSC belongs to a different bank. Check the IFSC or the bank you chose.',
  amount_above_mode_limit: 'The mandate amount is above the limit for this way of authorising. Choose another.',
  cancel_unavailable: 'The merchant gave no page to return to on cancel, so this session cannot be cancelled here.',
  too_many_streams: 'Too many live-status streams are open for this session or from this client; close some and try again.',
}

const STATUS: Record<PageErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  malformed: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  internal: 500,
  session_not_open: 409,
  attempt_in_progress: 409,
  too_many_attempts: 409,
  instrument_unavailable: 422,
  mandate_choice_invalid: 422,
  channel_required: 422,
  channel_not_allowed: 422,
  vpa_required: 422,
  vpa_invalid: 422,
  handle_not_supported: 422,
  idempotency_conflict: 409,
  idempotency_key_required: 400,
  no_pending_attempt: 409,
  enach_details_required: 422,
  bank_required: 422,
  bank_unknown: 422,
  auth_mode_unsupported: 422,
  ifsc_bank_mismatch: 422,
  amount_above_mode_limit: 422,
  cancel_unavailable: 422,
  too_many_streams: 429,
}

const fail = (c: Context, code: PageErrorCode): Response => {
  const body: PageError = { error: { code, message: MESSAGES[code] } }
  return c.json(body, STATUS[code])
}

export const VpaRequest = z.object({ vpa: z.string().check(z.maxLength(256)) })
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/
const HEARTBEAT_MS = 15_000

type Found = { order: Order; merchant: Merchant }
type PageEnv = { Variables: { found: Found } }

export interface PageApiDeps {
  deps: SandboxDeps
  attempts: AttemptService
  bus: OrderEventBus
  writer: OrderWriter
  /** The view's return_url is signed by the order's dialect. */
  dialects: Dialects
  /** The caps on open live-status streams. */
  streams: StreamCaps
}

/** How long a client refused a stream waits before trying again, in seconds. */
const STREAM_RETRY_AFTER_SECONDS = 5

/**
 * The page's own API. Every route is reached through the unguessable page id (or the client
 * secret); bodies are JSON, parsed with the contract's schemas; writes carry an Idempotency-Key.
 */
export function pageApiRoutes({ deps, attempts, bus, writer, dialects, streams }: PageApiDeps): Hono<PageEnv> {
  const app = new Hono<PageEnv>()
  /** The view as it stands on the merchant's clock, which it tells the page (serverNow) for the page's countdowns. */
  const view = async (found: Found) =>
    toSessionView(found.order, found.merchant, (await clockFor(deps, found.order.merchantId)).now(), dialects.forOrder(found.order).signReturn)

  const limit = bodyLimit((c) => fail(c, 'payload_too_large'))

  const readJson = async (c: Context): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> => {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return { ok: false, response: fail(c, 'unsupported_media_type') }
    }
    const body: unknown = await c.req.json().catch(() => undefined)
    return body === undefined ? { ok: false, response: fail(c, 'malformed') } : { ok: true, body }
  }

  const loadPage: MiddlewareHandler<PageEnv> = async (c, next) => {
    const pageId = c.req.param('pageId') ?? ''
    if (!PAGE_ID_PATTERN.test(pageId)) return fail(c, 'malformed')
    const stored = await deps.store.orderById(pageId)
    const merchant = stored ? deps.merchants.byId(stored.merchantId) : undefined
    if (!stored || !merchant) return fail(c, 'not_found')
    c.set('found', { order: await attempts.refresh(stored), merchant })
    await next()
  }
  app.use('/pages/:pageId', loadPage)
  app.use('/pages/:pageId/*', loadPage)

  app.get('/pages/:pageId', async (c) => c.json(await view(c.get('found'))))

  app.post('/pages/:pageId/attempts', limit, async (c) => {
    const key = c.req.header('idempotency-key') ?? ''
    if (!IDEMPOTENCY_KEY.test(key)) return fail(c, 'idempotency_key_required')
    const read = await readJson(c)
    if (!read.ok) return read.response
    const parsed = StartAttempt.safeParse(read.body)
    if (!parsed.success) return fail(c, 'malformed')
    const { order, merchant } = c.get('found')
    const result = await attempts.start(order, merchant, parsed.data, key)
    if (!result.ok) return fail(c, result.error)
    return c.json(await view({ order: result.order, merchant }), result.replayed ? 200 : 201)
  })

  app.post('/pages/:pageId/attempts/:attemptId/cancel', async (c) => {
    const { order, merchant } = c.get('found')
    const result = await attempts.decide(order, { type: 'cancel' }, c.req.param('attemptId'))
    if (!result.ok) return fail(c, 'no_pending_attempt')
    return c.json(await view({ order: result.order, merchant }))
  })

  /** The customer's Cancel: ends the open session, so the page can take them to the merchant's cancel_url. */
  app.post('/pages/:pageId/cancel', async (c) => {
    const { merchant } = c.get('found')
    const result = await cancelSession(deps, writer, c.get('found').order)
    if (!result.ok) return fail(c, result.error)
    return c.json(await view({ order: result.order, merchant }))
  })

  app.post('/pages/:pageId/vpa', limit, async (c) => {
    const read = await readJson(c)
    if (!read.ok) return read.response
    const parsed = VpaRequest.safeParse(read.body)
    if (!parsed.success) return fail(c, 'malformed')
    return c.json(verifyVpa(parsed.data.vpa))
  })

  app.get('/pages/:pageId/events', (c) => {
    const found = c.get('found')
    const release = streams.open(found.order.id, clientAddress(c))
    if (!release) {
      const refused = fail(c, 'too_many_streams')
      refused.headers.set('Retry-After', String(STREAM_RETRY_AFTER_SECONDS))
      return refused
    }
    const response = streamSSE(c, async (stream) => {
      stream.onAbort(release)
      let queue = Promise.resolve()
      const send = (f: Found) => {
        queue = queue.then(async () => stream.writeSSE({ event: 'session', data: JSON.stringify(await view(f)) }))
      }
      const unsubscribeOrder = bus.subscribe((change) => {
        if (change.order.id === found.order.id) send({ order: change.order, merchant: found.merchant })
      })
      // A moved clock changes what the page counts down from, and may have ended the session: the view again, as it now stands.
      const unsubscribeClock = bus.subscribeClock((merchantId) => {
        if (merchantId !== found.merchant.id) return
        queue = queue.then(async () => {
          const stored = await deps.store.orderById(found.order.id)
          if (stored) await stream.writeSSE({ event: 'session', data: JSON.stringify(await view({ order: await attempts.refresh(stored), merchant: found.merchant })) })
        })
      })
      const unsubscribe = () => {
        unsubscribeOrder()
        unsubscribeClock()
      }
      stream.onAbort(unsubscribe)
      send(found)
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(HEARTBEAT_MS)
        queue = queue.then(() => stream.write(': keep-alive\n\n').then(() => undefined))
      }
      unsubscribe()
      release()
    })
    // streamSSE says no-cache, which still lets a cache keep the session's events: they must never be stored.
    response.headers.set('Cache-Control', 'no-store')
    return response
  })

  app.post('/checkout/lookup', limit, async (c) => {
    const read = await readJson(c)
    if (!read.ok) return read.response
    const parsed = ClientSecretLookup.safeParse(read.body)
    if (!parsed.success) return fail(c, 'malformed')
    const stored = await deps.store.orderByClientSecret(parsed.data.client_secret)
    const merchant = stored ? deps.merchants.byId(stored.merchantId) : undefined
    if (!stored || !merchant) return fail(c, 'not_found')
    return c.json(await view({ order: await attempts.refresh(stored), merchant }))
  })

  // Any other path or method under /api: the page API's own not-found, never a bare text 404.
  app.all('*', (c) => fail(c, 'not_found'))

  return app
}
