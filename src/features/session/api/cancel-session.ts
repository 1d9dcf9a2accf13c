import { postJson } from '../../../lib/http'
import { answered, writeFailure, type WriteResult } from '../../../lib/write-result'

/**
 * POST /api/pages/{pageId}/cancel: the customer's Cancel. Answers the cancelled session, or why
 * not (an attempt waiting for approval, a session already over). The reader of the answer comes
 * with the request, not with the first load (docs/decisions/0008-first-load-without-zod.md).
 */
export async function cancelSession(pageId: string): Promise<WriteResult> {
  const [{ readSessionView }, result] = await Promise.all([import('./session-view-reader'), postJson(`/api/pages/${encodeURIComponent(pageId)}/cancel`, {})])
  if (!answered(result)) return { ok: false, failure: writeFailure(result) }
  return { ok: true, view: readSessionView(result.body) }
}
