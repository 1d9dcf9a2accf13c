import { Hono, type Context } from 'hono'
import { etag, RETAINED_304_HEADERS } from 'hono/etag'
import { methodNotAllowed } from 'hono/method-not-allowed'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SandboxDeps } from '../../deps'
import { findOnRail, type AttemptEvent, type BankStep } from '../../domain/attempt'
import type { AttemptService, DecideResult } from '../../domain/attempt-service'
import type { MandateService } from '../../domain/mandate-service'
import { MAX_OTP_FAILURES } from '../../domain/rails/netbanking'
import { bodyLimit } from '../../http/body-limit'
import { BANK_OTP, type BankScenario } from '../../../contract/scenarios'
import { keepLanguage, requestLanguage } from '../i18n/language'
import { formBody, simulatorPages, TOKEN_PATTERN } from '../pages'
import { BANK_CSS } from './bank-css'
import { checkCredentials, readOtp } from './forms'
import { messagePage } from './layout'
import { bankText } from './messages'
import { CANCEL_DONE, renderMandate, type CancelDone } from './mandate-screen'
import { checkoutPath, mandatePath, registeredMandate, renderScreen, screenPath, type BankScreen, type ScreenOptions } from './screen'

/** The rail whose attempts this bank shows. */
const RAIL = 'netbanking'

const { send: sendPage, notFound, tooLarge, wrongMethod } = simulatorPages(bankText, messagePage)

/** See Other, so a reload never posts again. */
function seeOther(c: Context, location: string): Response {
  c.header('Cache-Control', 'no-store')
  return c.redirect(location, 303)
}

/** What the bank answers once the customer authorises; `wait` leaves it to the QA API. */
const BANK_ANSWER: Record<BankScenario, AttemptEvent | null> = {
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: 'bank_rejected' },
  name_mismatch: { type: 'reject', reason: 'name_mismatch' },
  wait: null,
}

/**
 * The sandbox's simulated bank and NPCI eMandate pages, mounted at /simulator/bank: log in (or
 * debit card, or Aadhaar), an OTP, then the mandate (or payment) to authorise or decline. The
 * token belongs to one attempt and the progress is kept on that attempt, never in the browser.
 * Nothing typed here (passwords, card or Aadhaar numbers, OTPs) is stored or logged. Once the
 * attempt registered an eMandate, `/:token/mandate` shows it to the account holder, who may cancel
 * it there; the token in the path keeps another site's form from doing so.
 */
export function bankRoutes(deps: SandboxDeps, attempts: AttemptService, mandates: MandateService): Hono {
  const app = new Hono()
  app.use(methodNotAllowed({ app, onMethodNotAllowed: wrongMethod }))
  /** The stylesheet's strong validator (a digest of it), and 304 to a matching If-None-Match, which keeps nosniff too. */
  const cssValidator = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'x-content-type-options'] })
  const limit = bodyLimit(tooLarge)

  /** The net banking attempt behind a token, with due expiries applied, in the request's language. */
  async function screenFor(c: Context, token: string): Promise<BankScreen | null> {
    if (!TOKEN_PATTERN.test(token)) return null
    const stored = await deps.store.orderByToken(token)
    if (!stored) return null
    const order = await attempts.refresh(stored)
    const attempt = findOnRail(order.attempts, RAIL, (a) => a.simulatorToken === token)
    const merchant = deps.merchants.byId(order.merchantId)
    if (!attempt || !merchant) return null
    const language = requestLanguage(c, order.language)
    return { token, order, attempt, bank: attempt.bank, merchant, language, t: bankText(language.locale) }
  }

  /** The screen again after a change, or as it now stands when the change was refused. */
  function screenAfter(screen: BankScreen, result: DecideResult): BankScreen {
    const attempt = findOnRail(result.order.attempts, RAIL, (a) => a.id === screen.attempt.id) ?? screen.attempt
    return { ...screen, order: result.order, attempt, bank: attempt.bank }
  }

  const show = (c: Context, screen: BankScreen, options: ScreenOptions = {}, status: ContentfulStatusCode = 200) =>
    sendPage(c, renderScreen(screen, options), status)

  const conflict = (c: Context, screen: BankScreen, note: NonNullable<ScreenOptions['note']>) => show(c, screen, { note }, 409)

  /** A step may be posted only while the attempt is pending, before the bank, at that very step. */
  function refusal(c: Context, screen: BankScreen, step: BankStep) {
    const decided = screen.attempt.status !== 'pending' || screen.bank.stage === 'awaiting_bank'
    if (decided) return conflict(c, screen, 'result.alreadyDecided')
    if (screen.bank.step !== step) return conflict(c, screen, 'result.outOfStep')
    return null
  }

  /** Answers a step's POST: 404 for no such attempt, 409 out of turn, else the handler's answer. */
  type StepHandler = (c: Context, screen: BankScreen, body: unknown) => Response | Promise<Response>
  function step(name: BankStep, handle: StepHandler) {
    return async (c: Context) => {
      const body = await formBody(c)
      const screen = await screenFor(c, c.req.param('token') ?? '')
      if (!screen) return notFound(c)
      return refusal(c, screen, name) ?? handle(c, screen, body)
    }
  }

  const advanced = (c: Context, screen: BankScreen, result: DecideResult) =>
    result.ok
      ? seeOther(c, keepLanguage(screenPath(screen.token), screen.language.chosen))
      : conflict(c, screenAfter(screen, result), 'result.alreadyDecided')

  const backToCheckout = (c: Context, screen: BankScreen, result: DecideResult) =>
    result.ok ? seeOther(c, checkoutPath(result.order)) : conflict(c, screenAfter(screen, result), 'result.alreadyDecided')

  async function credentials(c: Context, screen: BankScreen, body: unknown) {
    const check = checkCredentials(body, screen.bank.authMode, deps.clock.now())
    if (!check.ok) return show(c, screen, { errors: check.errors, echo: check.echo }, 400)
    return advanced(c, screen, await attempts.advanceBankStep(screen.order, screen.attempt.id, 'otp'))
  }

  async function otp(c: Context, screen: BankScreen, body: unknown) {
    const read = readOtp(body)
    if (read.kind === 'format') return show(c, screen, { errors: { otp: 'form.otpFormatError' } }, 400)
    if (read.otp === BANK_OTP) return advanced(c, screen, await attempts.advanceBankStep(screen.order, screen.attempt.id, 'consent'))
    const counted = await attempts.recordOtpFailure(screen.order, screen.attempt.id)
    if (!counted.ok) return conflict(c, screenAfter(screen, counted), 'result.alreadyDecided')
    const after = screenAfter(screen, counted)
    if (after.attempt.status !== 'pending') return seeOther(c, checkoutPath(counted.order))
    const left = Math.max(0, MAX_OTP_FAILURES - after.bank.otpFailures)
    const wrong = after.t.text(`form.otpWrong.${after.t.plural(left)}`, { left })
    return show(c, after, { errors: { otp: { text: wrong } } }, 400)
  }

  async function authorise(c: Context, screen: BankScreen) {
    const authenticated = await attempts.authenticate(screen.order, screen.attempt.id)
    if (!authenticated.ok) return backToCheckout(c, screen, authenticated)
    const answer = BANK_ANSWER[screen.bank.scenario]
    const result = answer ? await attempts.decide(authenticated.order, answer, screen.attempt.id) : authenticated
    return backToCheckout(c, screen, result)
  }

  const decline = async (c: Context, screen: BankScreen) =>
    backToCheckout(c, screen, await attempts.decide(screen.order, { type: 'decline' }, screen.attempt.id))

  app.get('/assets/bank.css', cssValidator, (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    c.header('X-Content-Type-Options', 'nosniff')
    return c.body(BANK_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })

  app.get('/:token', async (c) => {
    const screen = await screenFor(c, c.req.param('token'))
    return screen ? show(c, screen) : notFound(c)
  })

  /** The eMandate the token's attempt registered, in the request's language, or null (not found) for any other. */
  async function mandateScreen(c: Context): Promise<BankScreen | null> {
    const screen = await screenFor(c, c.req.param('token') ?? '')
    return screen && registeredMandate(screen) ? screen : null
  }

  app.get('/:token/mandate', async (c) => {
    const screen = await mandateScreen(c)
    if (!screen) return notFound(c)
    const asked = c.req.query('done')
    return sendPage(c, renderMandate(screen, CANCEL_DONE.find((d) => d === asked) ?? null))
  })

  app.post('/:token/mandate/cancel', limit, async (c) => {
    const screen = await mandateScreen(c)
    if (!screen) return notFound(c)
    const result = await mandates.change(screen.order, { kind: 'revoke' }, 'customer_bank')
    if (!result.ok) return sendPage(c, renderMandate(screen, 'refused'), 409)
    const done: CancelDone = result.events.length === 0 ? 'unchanged' : 'cancelled'
    return seeOther(c, keepLanguage(`${mandatePath(screen.token)}?done=${done}`, screen.language.chosen))
  })

  app.post('/:token/credentials', limit, step('credentials', credentials))
  app.post('/:token/otp', limit, step('otp', otp))
  app.post('/:token/authorise', limit, step('consent', authorise))
  app.post('/:token/decline', limit, step('consent', decline))
  app.all('*', notFound)

  return app
}
