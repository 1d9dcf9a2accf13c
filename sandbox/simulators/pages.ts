import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Locale } from '../../contract/session'
import { requestLanguage } from './i18n/language'
import type { Html } from './i18n/translate'

/** A simulator token: 16 random bytes in hex (sandbox/domain/attempt-service.ts). */
export const TOKEN_PATTERN = /^[0-9a-f]{32}$/

/** No script at all, styles only from the simulator's stylesheet, forms only back to this origin, never framed. */
export const SIMULATOR_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

/** The problems a simulator answers with a page of its own. */
export type ProblemKey = 'notFound' | 'methodNotAllowed' | 'tooLarge'

type Answer = Response | Promise<Response>

/** How a simulator answers: its pages with their headers, and its problem pages. */
export interface SimulatorPages {
  send: (c: Context, page: Html, status?: ContentfulStatusCode) => Answer
  notFound: (c: Context) => Answer
  tooLarge: (c: Context) => Answer
  /** 405 for a method no route of this path takes, with the Allow header Hono's middleware derives from the routes. */
  wrongMethod: (c: Context, allowed: string[]) => Answer
}

/**
 * The pages of one simulator (the bank, the UPI app), each in the simulator's look: `text` gives its
 * wording in a language, `problemPage` draws a problem in it. A problem page speaks the customer's
 * pick or their browser's language: there is no session to ask.
 */
export function simulatorPages<T>(text: (locale: Locale) => T, problemPage: (t: T, problem: ProblemKey) => Html): SimulatorPages {
  const send = (c: Context, page: Html, status: ContentfulStatusCode = 200): Answer => {
    c.header('Content-Security-Policy', SIMULATOR_CSP)
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.html(page, status)
  }
  const problem = (c: Context, key: ProblemKey, status: ContentfulStatusCode): Answer => send(c, problemPage(text(requestLanguage(c, null).locale), key), status)
  return {
    send,
    notFound: (c) => problem(c, 'notFound', 404),
    tooLarge: (c) => problem(c, 'tooLarge', 413),
    wrongMethod: (c, allowed) => {
      c.header('Allow', allowed.join(', '))
      return problem(c, 'methodNotAllowed', 405)
    },
  }
}

/** A simulator reads forms only: Hono's parseBody answers {} for any other media type, and a malformed form reads as empty too. */
export const formBody = (c: Context): Promise<Record<string, unknown>> => c.req.parseBody().catch(() => ({}))
