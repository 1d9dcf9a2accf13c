import { VpaVerification } from '../../../../contract/attempt'
import { postJson, type HttpResult } from '../../../lib/http'
import { answered, ContractBreak, writeFailure, type WriteFailure } from '../../../lib/write-result'

export type VerifyResult = { ok: true; verification: VpaVerification } | { ok: false; failure: WriteFailure }

/** Reads the answer to a VPA verification. */
export function interpretVerifyResponse(result: HttpResult): VerifyResult {
  if (!answered(result)) return { ok: false, failure: writeFailure(result) }
  const parsed = VpaVerification.safeParse(result.body)
  if (!parsed.success) throw new ContractBreak(parsed.error.message)
  return { ok: true, verification: parsed.data }
}

export async function verifyVpa(pageId: string, vpa: string): Promise<VerifyResult> {
  return interpretVerifyResponse(await postJson(`/api/pages/${encodeURIComponent(pageId)}/vpa`, { vpa }))
}
