import { createHmac } from 'node:crypto'
import type { Merchant } from '../merchants'

/** Hex HMAC-SHA256 of the exact bytes sent, keyed with the merchant's response key. */
export function webhookSignature(rawBody: string, responseKey: string): string {
  return createHmac('sha256', responseKey).update(rawBody, 'utf8').digest('hex')
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`
}

export function webhookHeaders(merchant: Merchant, eventId: string, rawBody: string, now: Date): Record<string, string> {
  return {
    authorization: basicAuthorization(merchant.webhook.username, merchant.webhook.password),
    'content-type': 'application/json',
    'x-webhook-id': eventId,
    'x-webhook-signature': `sha256=${webhookSignature(rawBody, merchant.responseKey)}`,
    'x-webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
  }
}
