import { postJson } from '../../../lib/http'
import type { WriteResult } from '../../../lib/write-result'

/**
 * POST /api/pages/{pageId}/cancel: the customer's Cancel. Answers the cancelled session, or why
 * not (an attempt waiting for approval, a session already over). The answer's reader, with the
 * contract's schemas, comes with the request rather than the first load
 * (docs/decisions/0008-first-load-without-zod.md).
 */
export async function cancelSession(pageId: string): Promise<WriteResult> {
  const [{ readCancelAnswer }, result] = await Promise.all([import('./cancel-answer'), postJson(`/api/pages/${encodeURIComponent(pageId)}/cancel`, {})])
  return readCancelAnswer(result)
}
