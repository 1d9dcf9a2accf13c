import type { StartAttempt } from '../../../../contract/attempt'
import { postJson } from '../../../lib/http'
import { interpretVerifyResponse, interpretViewResponse, type VerifyResult, type ViewResult } from './attempt-response'

const page = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}`

/** POST /attempts: the Idempotency-Key makes a repeated request (double click, retry) return the same attempt. */
export async function startAttempt(pageId: string, body: StartAttempt, idempotencyKey: string): Promise<ViewResult> {
  return interpretViewResponse(await postJson(`${page(pageId)}/attempts`, body, undefined, { 'idempotency-key': idempotencyKey }))
}

export async function cancelAttempt(pageId: string, attemptId: string): Promise<ViewResult> {
  return interpretViewResponse(await postJson(`${page(pageId)}/attempts/${encodeURIComponent(attemptId)}/cancel`, {}))
}

export async function verifyVpa(pageId: string, vpa: string): Promise<VerifyResult> {
  return interpretVerifyResponse(await postJson(`${page(pageId)}/vpa`, { vpa }))
}
