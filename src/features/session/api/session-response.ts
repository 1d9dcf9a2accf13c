import { PageError, SessionView } from '../../../../contract/session'
import type { HttpResult } from '../../../lib/http'
import type { SessionFailure } from './session-load-error'

export type SessionResult = { ok: true; view: SessionView } | { ok: false; failure: SessionFailure; detail?: string }

/**
 * Reads a page-API answer. A 200 must parse as a SessionView: a body that does not is a contract
 * break (`invalid_response`), never filled in with defaults. Network failures and 5xx are
 * `unreachable` (worth a retry); 4xx are the link's fault.
 */
export function interpretSessionResponse(result: HttpResult): SessionResult {
  if (result.kind === 'network') return { ok: false, failure: 'unreachable' }
  const { status, body } = result
  if (status === 200) {
    const parsed = SessionView.safeParse(body)
    return parsed.success ? { ok: true, view: parsed.data } : { ok: false, failure: 'invalid_response', detail: parsed.error.message }
  }
  if (status >= 500 || status === 429) return { ok: false, failure: 'unreachable' }
  const error = PageError.safeParse(body)
  const code = error.success ? error.data.error.code : null
  if (code === 'not_found' || (code === null && status === 404)) return { ok: false, failure: 'not_found' }
  if (code === 'malformed' || (code === null && (status === 400 || status === 415))) return { ok: false, failure: 'malformed' }
  return { ok: false, failure: 'invalid_response', detail: `HTTP ${status}` }
}
