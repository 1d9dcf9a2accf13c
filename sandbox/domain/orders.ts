import { createHash } from 'node:crypto'
import type { SandboxDeps } from '../deps'
import { newClientAuthToken, newPageId } from './ids'
import type { Order } from './order'

/** What a dialect hands the domain: a fully validated order minus what the sandbox assigns. */
export type OrderDraft = Omit<
  Order,
  | 'id'
  | 'createdAt'
  | 'clientAuthToken'
  | 'clientAuthTokenExpiresAt'
  | 'status'
  | 'attempts'
  | 'mandateStatus'
  | 'mandateId'
  | 'mandateToken'
  | 'refundedMinor'
>

export type CreateOutcome =
  | { kind: 'created'; order: Order }
  | { kind: 'replayed'; order: Order }
  | { kind: 'conflict'; existing: Order }

const CLIENT_AUTH_TOKEN_TTL_MS = 15 * 60 * 1000

/** Canonical digest of a request body: key order does not matter, values do. */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical)
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      )
    }
    return v
  }
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex')
}

/**
 * Creates the order, or answers a repeat of the same merchant order id: the same request body
 * replays the stored order, a different one is a conflict. Nothing is stored on conflict.
 */
export function createOrder(deps: Pick<SandboxDeps, 'store' | 'clock'>, draft: OrderDraft): CreateOutcome {
  const existing = deps.store.orderByMerchantOrderId(draft.merchantId, draft.orderId)
  if (existing) {
    return existing.fingerprint === draft.fingerprint ? { kind: 'replayed', order: existing } : { kind: 'conflict', existing }
  }
  const now = deps.clock.now()
  const order: Order = {
    ...draft,
    id: newPageId(),
    createdAt: now.toISOString(),
    clientAuthToken: newClientAuthToken(),
    clientAuthTokenExpiresAt: new Date(now.getTime() + CLIENT_AUTH_TOKEN_TTL_MS).toISOString(),
    status: 'NEW',
    attempts: [],
    mandateStatus: null,
    mandateId: null,
    mandateToken: null,
    refundedMinor: 0,
  }
  const result = deps.store.insertOrder(order)
  if (!result.inserted) {
    return result.existing.fingerprint === draft.fingerprint
      ? { kind: 'replayed', order: result.existing }
      : { kind: 'conflict', existing: result.existing }
  }
  return { kind: 'created', order }
}
