import { VpaVerification } from '../../../../contract/attempt'
import { PageError, SessionView, type PageErrorCode } from '../../../../contract/session'
import type { HttpResult } from '../../../lib/http'

/**
 * Why a write did not give a new session view. `network` and `unreachable` may not have reached
 * the server or may have: retry with the same idempotency key. Page error codes are final.
 */
export type WriteFailure = PageErrorCode | 'network' | 'unreachable'

export type ViewResult = { ok: true; view: SessionView } | { ok: false; failure: WriteFailure }
export type VerifyResult = { ok: true; verification: VpaVerification } | { ok: false; failure: WriteFailure }

/** A body that breaks the contract is not an expected failure: it is thrown, for the error boundary. */
export class ContractBreak extends Error {
  override name = 'ContractBreak'
}

function failureOf(result: HttpResult): WriteFailure {
  if (result.kind === 'network') return 'network'
  if (result.status >= 500 || result.status === 429) return 'unreachable'
  const error = PageError.safeParse(result.body)
  if (!error.success) throw new ContractBreak(`HTTP ${result.status} without a page error`)
  return error.data.error.code
}

const succeeded = (result: HttpResult): result is Extract<HttpResult, { kind: 'response' }> =>
  result.kind === 'response' && (result.status === 200 || result.status === 201)

/** Reads the answer to starting or cancelling an attempt: a session view, or why not. */
export function interpretViewResponse(result: HttpResult): ViewResult {
  if (!succeeded(result)) return { ok: false, failure: failureOf(result) }
  const parsed = SessionView.safeParse(result.body)
  if (!parsed.success) throw new ContractBreak(parsed.error.message)
  return { ok: true, view: parsed.data }
}

/** Reads the answer to a VPA verification. */
export function interpretVerifyResponse(result: HttpResult): VerifyResult {
  if (!succeeded(result)) return { ok: false, failure: failureOf(result) }
  const parsed = VpaVerification.safeParse(result.body)
  if (!parsed.success) throw new ContractBreak(parsed.error.message)
  return { ok: true, verification: parsed.data }
}

/** Failures after which the same request may be sent again with the same key. */
export const isRetryable = (failure: WriteFailure): boolean => failure === 'network' || failure === 'unreachable'
