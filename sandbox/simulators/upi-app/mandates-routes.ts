import { Hono, type Context } from 'hono'
import type { SandboxDeps } from '../../deps'
import { clockFor } from '../../domain/clock'
import { registeringAttempt, type MandateCommand } from '../../domain/mandate-lifecycle'
import { mandatePayerVpa, type MandateService } from '../../domain/mandate-service'
import type { Order } from '../../domain/order'
import { VPA_PATTERN } from '../../domain/vpa'
import { bodyLimit } from '../../http/body-limit'
import { keepLanguage, requestLanguage } from '../i18n/language'
import { formBody, TOKEN_PATTERN, type SimulatorPages } from '../pages'
import { DONE, listingPath, renderMandates, type Done, type MandateRow, type MandatesScreen } from './mandates-screen'
import { upiAppText } from './messages'

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 24 * 60 * 60 * 1000

/** The end of an IST calendar day, as the instant the next one starts; null for anything not a date. */
function endOfIstDay(day: string): string | null {
  if (!DATE_PATTERN.test(day)) return null
  const start = Date.parse(`${day}T00:00:00+05:30`)
  return Number.isNaN(start) ? null : new Date(start + DAY_MS).toISOString()
}

/** The order's UPI mandate as a row of the listing, when the token is its registration's. */
function rowOf(deps: SandboxDeps, order: Order, token?: string): MandateRow | null {
  const registered = registeringAttempt(order)
  const merchant = deps.merchants.byId(order.merchantId)
  const mandate = order.mandate
  if (registered?.rail !== 'upi' || !merchant || !mandate || order.mandateId === null) return null
  if (token !== undefined && registered.simulatorToken !== token) return null
  return { order: { ...order, mandate }, merchant, token: registered.simulatorToken }
}

/**
 * "My AutoPay mandates" in the simulated UPI app, mounted at /simulator/upi/mandates
 * (docs/domain/mandates.md#the-customers-side): `?vpa=` lists the mandates approved from that VPA;
 * each one's pause, resume and revoke forms post to its registration's unguessable token, as the
 * approval form does, so a page on another site cannot act for the customer. Every action answers
 * See Other back to the listing, saying what it did.
 */
export function upiMandatesRoutes(deps: SandboxDeps, mandates: MandateService, { send, notFound, tooLarge }: SimulatorPages): Hono {
  const app = new Hono()
  const limit = bodyLimit(tooLarge)

  /**
   * The listing in the customer's pick or their browser's language: it spans the payer's
   * mandates, so no one session's language speaks for it.
   */
  async function screenFor(c: Context, vpa: string | undefined, extra: Partial<MandatesScreen> = {}): Promise<MandatesScreen> {
    const language = requestLanguage(c, null)
    const base = { rows: [], done: null, pauseError: null, vpaError: false, language, t: upiAppText(language.locale) }
    const asked = vpa?.trim() ?? ''
    if (asked === '') return { ...base, vpa: null, ...extra }
    if (!VPA_PATTERN.test(asked)) return { ...base, vpa: asked, vpaError: true, ...extra }
    const rows = (await mandates.ofPayer(asked)).flatMap((order) => rowOf(deps, order) ?? [])
    return { ...base, vpa: asked, rows, ...extra }
  }

  app.get('/', async (c) => {
    const screen = await screenFor(c, c.req.query('vpa'))
    const what = c.req.query('done')
    const done = DONE.find((d) => d === what)
    const payee = screen.rows.find((row) => row.order.mandateId === c.req.query('mandate'))?.merchant.name ?? null
    return send(c, renderMandates(done ? { ...screen, done: { what: done, payee } } : screen), screen.vpaError ? 400 : 200)
  })

  app.post('/:token/:action{pause|resume|revoke}', limit, async (c) => {
    const body = await formBody(c)
    const token = c.req.param('token')
    const stored = TOKEN_PATTERN.test(token) ? await deps.store.orderByToken(token) : undefined
    const row = stored ? rowOf(deps, stored, token) : null
    const payer = stored ? mandatePayerVpa(stored) : null
    if (!row || payer === null) return notFound(c)
    const action = c.req.param('action')
    const pauseUntil = typeof body['pause_until'] === 'string' ? body['pause_until'].slice(0, 10) : ''
    const badPause = async () => send(c, renderMandates(await screenFor(c, payer, { pauseError: { token, value: pauseUntil } })), 400)
    let command: MandateCommand
    if (action === 'pause') {
      const endDate = endOfIstDay(pauseUntil)
      if (endDate === null) return badPause()
      command = { kind: 'pause', pause: { startDate: (await clockFor(deps, row.order.merchantId)).now().toISOString(), endDate } }
    } else {
      command = { kind: action === 'resume' ? 'activate' : 'revoke' }
    }
    const result = await mandates.change(row.order, command, 'customer_upi_app')
    if (!result.ok) {
      if (result.refusal.reason === 'pause_window') return badPause()
      return send(c, renderMandates(await screenFor(c, payer, { done: { what: 'refused', payee: row.merchant.name } })), 409)
    }
    const done: Done = result.events.length === 0 ? 'unchanged' : action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'revoked'
    c.header('Cache-Control', 'no-store')
    return c.redirect(keepLanguage(listingPath(payer, done, row.order.mandateId), requestLanguage(c, null).chosen), 303)
  })

  return app
}
