import type { Order } from './order'
import { openUntil } from './order'

/**
 * How long the sandbox keeps what a session leaves behind (docs/architecture.md#state-is-bounded):
 * a finished order, with its attempts, idempotency keys, simulator tokens and webhook records, is
 * kept for the retention period after it last changed, then forgotten; an order whose mandate is
 * live (ACTIVE or PAUSED) or that a subscription debits through is kept for as long as it is. A hard
 * cap on orders bounds memory whatever the clock does. Pure: no clock, no store.
 */

export interface RetentionPolicy {
  /** How long a finished order is kept after it last changed, in sandbox milliseconds. */
  retentionMs: number
  /** The most orders held; beyond it the oldest that may go are forgotten first. */
  maxOrders: number
}

const DAY_MS = 24 * 3600 * 1000
export const DEFAULT_RETENTION: RetentionPolicy = { retentionMs: 7 * DAY_MS, maxOrders: 100_000 }

/** Reads SANDBOX_RETENTION_DAYS and SANDBOX_MAX_ORDERS (positive numbers), each falling back to its default. */
export function retentionFromEnv(env: Record<string, string | undefined>): RetentionPolicy {
  const days = Number(env['SANDBOX_RETENTION_DAYS'])
  const max = Number(env['SANDBOX_MAX_ORDERS'])
  return {
    retentionMs: Number.isFinite(days) && days > 0 ? days * DAY_MS : DEFAULT_RETENTION.retentionMs,
    maxOrders: Number.isInteger(max) && max > 0 ? max : DEFAULT_RETENTION.maxOrders,
  }
}

const LIVE_MANDATES = new Set(['ACTIVE', 'PAUSED'])

/** The order holds a mandate that may still be debited or resumed. */
export const holdsLiveMandate = (order: Order): boolean => order.mandateStatus !== null && LIVE_MANDATES.has(order.mandateStatus)

/** When the order last changed: its creation, expiry, cancellation, or an attempt's start or end, whichever is latest. */
export function lastChangedAt(order: Order): number {
  let latest = Math.max(Date.parse(order.createdAt), Date.parse(order.expiresAt))
  if (order.cancelledAt !== null) latest = Math.max(latest, Date.parse(order.cancelledAt))
  for (const attempt of order.attempts) {
    latest = Math.max(latest, Date.parse(attempt.createdAt), attempt.endedAt === null ? 0 : Date.parse(attempt.endedAt))
  }
  return latest
}

/**
 * Whether the retention period lets the order go at `now`: its session is over (completed,
 * expired or cancelled), it holds no live mandate, no subscription needs it (`needed`), and the
 * period has passed since it last changed.
 */
export function mayForget(order: Order, now: Date, policy: RetentionPolicy, needed: boolean): boolean {
  return factsMayGo(retentionFacts(order), now, policy, needed)
}

/**
 * What retention reads of an order, taken when the order is written: the memory store keeps each
 * order as JSON text and judges it by these alone, without parsing it. `openUntil` as in
 * `openUntil` of ./order (the session is open while the time is before it).
 */
export interface RetentionFacts {
  liveMandate: boolean
  openUntil: number
  lastChangedAt: number
}

export const retentionFacts = (order: Order): RetentionFacts => ({
  liveMandate: holdsLiveMandate(order),
  openUntil: openUntil(order),
  lastChangedAt: lastChangedAt(order),
})

/** `mayForget`, from the facts of the order. */
export function factsMayGo(facts: RetentionFacts, now: Date, policy: RetentionPolicy, needed: boolean): boolean {
  const open = !(facts.openUntil <= now.getTime())
  if (needed || facts.liveMandate || open) return false
  return facts.lastChangedAt + policy.retentionMs <= now.getTime()
}
