import { SessionView } from '../../../../contract/session'
import type { HttpResult } from '../../../lib/http'
import { answered, ContractBreak, writeFailure, type WriteResult } from '../../../lib/write-result'

/** Reads the answer to the customer's Cancel: the cancelled session, or why not; a body that breaks the contract is thrown. */
export function readCancelAnswer(result: HttpResult): WriteResult {
  if (!answered(result)) return { ok: false, failure: writeFailure(result) }
  const parsed = SessionView.safeParse(result.body)
  if (!parsed.success) throw new ContractBreak(parsed.error.message)
  return { ok: true, view: parsed.data }
}
