import type { StartAttempt } from '../../../../contract/attempt'
import { postJson } from '../../../lib/http'
import type { WriteResult } from '../../../lib/write-result'
import { interpretViewResponse } from './attempt-response'

const attempts = (pageId: string) => `/api/pages/${encodeURIComponent(pageId)}/attempts`

/** POST /attempts: the Idempotency-Key makes a repeated request (double click, retry) return the same attempt. */
export async function startAttempt(pageId: string, body: StartAttempt, idempotencyKey: string): Promise<WriteResult> {
  return interpretViewResponse(await postJson(attempts(pageId), body, undefined, { 'idempotency-key': idempotencyKey }))
}

export async function cancelAttempt(pageId: string, attemptId: string): Promise<WriteResult> {
  return interpretViewResponse(await postJson(`${attempts(pageId)}/${encodeURIComponent(attemptId)}/cancel`, {}))
}
