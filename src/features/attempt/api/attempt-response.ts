import { SessionView } from '../../../../contract/session'
import type { HttpResult } from '../../../lib/http'
import { answered, ContractBreak, writeFailure, type WriteResult } from '../../../lib/write-result'

/** Reads the answer to starting or cancelling an attempt: a session view, or why not. */
export function interpretViewResponse(result: HttpResult): WriteResult {
  if (!answered(result)) return { ok: false, failure: writeFailure(result) }
  const parsed = SessionView.safeParse(result.body)
  if (!parsed.success) throw new ContractBreak(parsed.error.message)
  return { ok: true, view: parsed.data }
}
