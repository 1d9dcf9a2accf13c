import type { Merchant } from '../../merchants'
import { invalidParam, type CheckoutErrorSpec } from './errors'
import { firstBrokenRule } from './request-rules'
import { CreateSessionBody, type CreateSessionRequest } from './request-schema'
import { findProtoKey, issueToError, paramName } from './schema-errors'

export type ParseResult = { ok: true; request: CreateSessionRequest } | { ok: false; error: CheckoutErrorSpec }

/**
 * Everything about a create-session body that does not depend on the time of the request.
 * The expiry window is checked later, so that replaying a stored session never fails on it.
 */
export function parseCreateRequest(body: unknown, merchant: Merchant): ParseResult {
  const protoPath = findProtoKey(body)
  if (protoPath) {
    const param = paramName(protoPath)
    return { ok: false, error: invalidParam(param, `Invalid ${param}: this key is reserved`) }
  }
  const parsed = CreateSessionBody.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    if (!issue) throw new Error('zod reported a failure without issues')
    return { ok: false, error: issueToError(issue, body) }
  }
  const broken = firstBrokenRule(parsed.data, merchant)
  return broken ? { ok: false, error: broken } : { ok: true, request: parsed.data }
}
