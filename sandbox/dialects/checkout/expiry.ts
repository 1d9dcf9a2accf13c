import { invalidParam, type CheckoutErrorSpec } from './errors'

export const MIN_EXPIRY_SECONDS = 30 * 60
export const MAX_EXPIRY_SECONDS = 24 * 60 * 60

export type ExpiryResult = { ok: true; expiresAt: Date } | { ok: false; error: CheckoutErrorSpec }

/**
 * `expires_at` (unix seconds) must fall 30 minutes to 24 hours after now, bounds included; without
 * it the session lasts 24 hours. The default is whole seconds so the stored instant and the
 * `expires_at` the merchant reads back are the same.
 */
export function resolveExpiry(expiresAtSeconds: number | undefined, now: Date): ExpiryResult {
  const nowMs = now.getTime()
  if (expiresAtSeconds === undefined) {
    return { ok: true, expiresAt: new Date((Math.floor(nowMs / 1000) + MAX_EXPIRY_SECONDS) * 1000) }
  }
  const atMs = expiresAtSeconds * 1000
  if (atMs >= nowMs + MIN_EXPIRY_SECONDS * 1000 && atMs <= nowMs + MAX_EXPIRY_SECONDS * 1000) {
    return { ok: true, expiresAt: new Date(atMs) }
  }
  return {
    ok: false,
    error: invalidParam(
      'expires_at',
      'Invalid expires_at: must be a unix timestamp between 30 minutes and 24 hours from now.',
      'expires_at_out_of_range',
    ),
  }
}
