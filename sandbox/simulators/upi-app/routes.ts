import { Hono, type Context } from 'hono'
import { etag, RETAINED_304_HEADERS } from 'hono/etag'
import { methodNotAllowed } from 'hono/method-not-allowed'
import type { SandboxDeps } from '../../deps'
import type { AttemptService } from '../../domain/attempt-service'
import type { MandateService } from '../../domain/mandate-service'
import { findOnRail, type AttemptEvent } from '../../domain/attempt'
import { bodyLimit } from '../../http/body-limit'
import { keepLanguage, requestLanguage, type Language } from '../i18n/language'
import { formBody, simulatorPages, TOKEN_PATTERN } from '../pages'
import { parseApproval, parseDecline } from './approval-form'
import { APP_CSS } from './app-css'
import { messagePage } from './layout'
import { upiMandatesRoutes } from './mandates-routes'
import { upiAppText } from './messages'
import { parsePayerApp, type PayerApp } from './payer-apps'
import { renderScreen, screenPath, type Screen } from './screen'

/** The rail whose attempts this simulator shows. */
const RAIL = 'upi'

const pages = simulatorPages(upiAppText, messagePage)
const { send: sendPage, notFound, tooLarge, wrongMethod } = pages

/** Decisions answer See Other to the request page, so a reload shows the result instead of posting again. */
function seeResult(c: Context, token: string, app: PayerApp, language: Language): Response {
  c.header('Cache-Control', 'no-store')
  return c.redirect(keepLanguage(screenPath(token, app), language.chosen), 303)
}

/**
 * The sandbox's simulated UPI app, mounted at /simulator/upi: the screen a real app shows for a
 * mandate or payment request, approved with a (made-up) UPI PIN or declined. The token in the link
 * belongs to one attempt; once that attempt has ended the page only shows how it ended. Under
 * /mandates, "My AutoPay mandates" of a VPA.
 */
export function upiAppRoutes(deps: SandboxDeps, attempts: AttemptService, mandates: MandateService): Hono {
  const app = new Hono()
  app.use(methodNotAllowed({ app, onMethodNotAllowed: wrongMethod }))

  /** The attempt behind a token, with due expiries applied, in the request's language; null for anything not a UPI attempt. */
  async function screenFor(c: Context, token: string, payerApp: PayerApp): Promise<Screen | null> {
    if (!TOKEN_PATTERN.test(token)) return null
    const stored = await deps.store.orderByToken(token)
    if (!stored) return null
    const order = await attempts.refresh(stored)
    const attempt = findOnRail(order.attempts, RAIL, (a) => a.simulatorToken === token)
    const merchant = deps.merchants.byId(order.merchantId)
    if (!attempt || !merchant) return null
    const language = requestLanguage(c, order.language)
    return { token, app: payerApp, order, attempt, merchant, language, t: upiAppText(language.locale) }
  }

  const ended = (c: Context, screen: Screen) => sendPage(c, renderScreen(screen, { alreadyDecided: true }), 409)

  /** Decides the screen's attempt, or answers 409 when it had already ended (or ended meanwhile). */
  async function decide(c: Context, screen: Screen, event: AttemptEvent) {
    const result = await attempts.decide(screen.order, event, screen.attempt.id)
    if (result.ok) return seeResult(c, screen.token, screen.app, screen.language)
    const latest = findOnRail(result.order.attempts, RAIL, (a) => a.id === screen.attempt.id) ?? screen.attempt
    return ended(c, { ...screen, order: result.order, attempt: latest })
  }

  /** The stylesheet's strong validator (a digest of it), and 304 to a matching If-None-Match, which keeps nosniff too. */
  const cssValidator = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'x-content-type-options'] })
  const limit = bodyLimit(tooLarge)

  app.get('/assets/app.css', cssValidator, (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    c.header('X-Content-Type-Options', 'nosniff')
    return c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })

  app.route('/mandates', upiMandatesRoutes(deps, mandates, pages))

  app.get('/:token', async (c) => {
    const screen = await screenFor(c, c.req.param('token'), parsePayerApp(c.req.query('app')))
    return screen ? sendPage(c, renderScreen(screen)) : notFound(c)
  })

  app.post('/:token/approve', limit, async (c) => {
    const body = await formBody(c)
    const probe = await screenFor(c, c.req.param('token'), parsePayerApp(undefined))
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

  app.post('/:token/decline', limit, async (c) => {
    const payerApp = parseDecline(await formBody(c))
    const screen = await screenFor(c, c.req.param('token'), payerApp)
    if (!screen) return notFound(c)
    if (screen.attempt.status !== 'pending') return ended(c, screen)
    return decide(c, screen, { type: 'decline' })
  })
  app.all('*', notFound)

  return app
}
