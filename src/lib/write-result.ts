import { PageError, type PageErrorCode, type SessionView } from '../../contract/session'
import type { HttpResult } from './http'

/**
 * Why a write to the page API did not give a new session view. `network` and `unreachable` may not
 * have reached the server or may have: retry with the same idempotency key. Page error codes are final.
 */
export type WriteFailure = PageErrorCode | 'network' | 'unreachable'

/** The answer to a write that changes the session (starting or cancelling an attempt): the fresh session, or why not. */
export type WriteResult = { ok: true; view: SessionView } | { ok: false; failure: WriteFailure }

/** A body that breaks the contract is not an expected failure: it is thrown, for the error boundary. */
export class ContractBreak extends Error {
  override name = 'ContractBreak'
}

/** Whether a write was answered with success (200, or 201 for something new); its body is then the caller's to read. */
export const answered = (result: HttpResult): result is Extract<HttpResult, { kind: 'response' }> =>
  result.kind === 'response' && (result.status === 200 || result.status === 201)

/** Why a write that was not answered with success failed; a refusal without a page error breaks the contract. */
export function writeFailure(result: HttpResult): WriteFailure {
  if (result.kind === 'network') return 'network'
  if (result.status >= 500 || result.status === 429) return 'unreachable'
  const error = PageError.safeParse(result.body)
  if (!error.success) throw new ContractBreak(`HTTP ${result.status} without a page error`)
  return error.data.error.code
}

/** Failures after which the same request may be sent again with the same key. */
export const isRetryable = (failure: WriteFailure): boolean => failure === 'network' || failure === 'unreachable'
