import { createHmac } from 'node:crypto'
import type { Merchant } from '../merchants'

/**
 * Hex HMAC-SHA256 of the exact bytes sent, keyed with the merchant's response key. The body alone:
 * `x-webhook-signature`, kept for one transition (docs/domain/juspay.md#webhooks).
 */
export function webhookSignature(rawBody: string, responseKey: string): string {
  return createHmac('sha256', responseKey).update(rawBody, 'utf8').digest('hex')
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the response key: the
 * signature covers the time it was sent, so a captured delivery cannot be replayed later
 * (`x-webhook-signature-v2`, docs/domain/juspay.md#webhooks).
 */
export function timestampedSignature(rawBody: string, unixSeconds: number, responseKey: string): string {
  const v1 = createHmac('sha256', responseKey).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex')
  return `t=${unixSeconds},v1=${v1}`
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`
}

export function webhookHeaders(merchant: Merchant, eventId: string, rawBody: string, now: Date): Record<string, string> {
  const unixSeconds = Math.floor(now.getTime() / 1000)
  return {
    authorization: basicAuthorization(merchant.webhook.username, merchant.webhook.password),
    'content-type': 'application/json',
    'x-webhook-id': eventId,
    'x-webhook-signature': `sha256=${webhookSignature(rawBody, merchant.responseKey)}`,
    'x-webhook-signature-v2': timestampedSignature(rawBody, unixSeconds, merchant.responseKey),
    'x-webhook-timestamp': String(unixSeconds),
  }
}
