import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SandboxDeps } from '../../deps'
import type { AttemptService } from '../../domain/attempt-service'
import { findOnRail, type AttemptEvent } from '../../domain/attempt'
import { parseApproval, parseDecline } from './approval-form'
import { APP_CSS, APP_CSS_ETAG } from './app-css'
import { messagePage, SIMULATOR_BASE, type Html } from './layout'
import { messages } from './messages'
import { parsePayerApp, type PayerApp } from './payer-apps'
import { renderScreen, type Screen } from './screen'

/** The rail whose attempts this simulator shows. */
const RAIL = 'upi'

/** The simulator token is 16 random bytes in hex (sandbox/domain/attempt-service.ts). */
const TOKEN_PATTERN = /^[0-9a-f]{32}$/
export const MAX_FORM_BYTES = 4 * 1024

/** No script at all, styles only from the stylesheet below, forms only back to this origin, never framed. */
export const SIMULATOR_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

function sendPage(c: Context, page: Html, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  c.header('Content-Security-Policy', SIMULATOR_CSP)
  c.header('Cache-Control', 'no-store')
  return c.html(page, status)
}

const notFound = (c: Context) => sendPage(c, messagePage(messages.heading.notFound, messages.notFoundText), 404)

const tooLarge = (c: Context) => sendPage(c, messagePage(messages.heading.tooLarge, messages.tooLargeText), 413)

function methodNotAllowed(allow: string) {
  return (c: Context) => {
    c.header('Allow', allow)
    return sendPage(c, messagePage(messages.heading.methodNotAllowed, messages.methodNotAllowedText), 405)
  }
}

const resultUrl = (token: string, app: PayerApp): string => `${SIMULATOR_BASE}/${token}?app=${app}`

/** Decisions answer See Other to the request page, so a reload shows the result instead of posting again. */
function seeResult(c: Context, token: string, app: PayerApp): Response {
  c.header('Cache-Control', 'no-store')
  return c.redirect(resultUrl(token, app), 303)
}

/** The simulator reads forms only; anything else reads as an empty form. */
async function formBody(c: Context): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return {}
  try {
    return await c.req.parseBody()
  } catch {
    return {}
  }
}

/**
 * The sandbox's simulated UPI app, mounted at /simulator/upi: the screen a real app shows for a
 * mandate or payment request, approved with a (made-up) UPI PIN or declined. The token in the link
 * belongs to one attempt; once that attempt has ended the page only shows how it ended.
 */
export function upiAppRoutes(deps: SandboxDeps, attempts: AttemptService): Hono {
  const app = new Hono()

  /** The attempt behind a token, with due expiries applied; null for anything not a UPI attempt. */
  function screenFor(token: string, payerApp: PayerApp): Screen | null {
    if (!TOKEN_PATTERN.test(token)) return null
    const stored = deps.store.orderByToken(token)
    if (!stored) return null
    const order = attempts.refresh(stored)
    const attempt = findOnRail(order.attempts, RAIL, (a) => a.simulatorToken === token)
    const merchant = deps.merchants.byId(order.merchantId)
    if (!attempt || !merchant) return null
    return { token, app: payerApp, order, attempt, merchant }
  }

  const ended = (c: Context, screen: Screen) => sendPage(c, renderScreen(screen, { alreadyDecided: true }), 409)

  /** Decides the screen's attempt, or answers 409 when it had already ended (or ended meanwhile). */
  function decide(c: Context, screen: Screen, event: AttemptEvent) {
    const result = attempts.decide(screen.order, event, screen.attempt.id)
    if (result.ok) return seeResult(c, screen.token, screen.app)
    const latest = findOnRail(result.order.attempts, RAIL, (a) => a.id === screen.attempt.id) ?? screen.attempt
    return ended(c, { ...screen, order: result.order, attempt: latest })
  }

  const limit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLarge })

  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    c.header('ETag', APP_CSS_ETAG)
    c.header('X-Content-Type-Options', 'nosniff')
    if (c.req.header('if-none-match') === APP_CSS_ETAG) return c.body(null, 304)
    return c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })
  app.all('/assets/app.css', methodNotAllowed('GET, HEAD'))

  app.get('/:token', (c) => {
    const screen = screenFor(c.req.param('token'), parsePayerApp(c.req.query('app')))
    return screen ? sendPage(c, renderScreen(screen)) : notFound(c)
  })
  app.all('/:token', methodNotAllowed('GET, HEAD'))

  app.post('/:token/approve', limit, async (c) => {
    const body = await formBody(c)
    const probe = screenFor(c.req.param('token'), parsePayerApp(undefined))
    if (!probe) return notFound(c)
    const approval = parseApproval(body, probe.attempt.channel === 'collect' ? probe.attempt.payerVpa : null)
    const screen = { ...probe, app: approval.app }
    if (screen.attempt.status !== 'pending') return ended(c, screen)
    if (!approval.ok) {
      return sendPage(c, renderScreen(screen, { form: { payerVpa: approval.payerVpa, errors: approval.errors } }), 400)
    }
    const event: AttemptEvent = { type: 'approve', payerApp: approval.app }
    return decide(c, screen, approval.payerVpa === null ? event : { ...event, payerVpa: approval.payerVpa })
  })
  app.all('/:token/approve', methodNotAllowed('POST'))

  app.post('/:token/decline', limit, async (c) => {
    const payerApp = parseDecline(await formBody(c))
    const screen = screenFor(c.req.param('token'), payerApp)
    if (!screen) return notFound(c)
    if (screen.attempt.status !== 'pending') return ended(c, screen)
    return decide(c, screen, { type: 'decline' })
  })
  app.all('/:token/decline', methodNotAllowed('POST'))
  app.all('*', notFound)

  return app
}
