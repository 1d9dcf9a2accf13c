import type { Order } from '../domain/order'
import type { Merchant } from '../merchants'

export type WebhookTarget = { kind: 'url'; url: string } | { kind: 'none' } | { kind: 'invalid'; raw: string }

/** The order's metadata.webhook_url wins over the merchant's configured URL. */
export function webhookTarget(order: Order, merchant: Merchant | undefined): WebhookTarget {
  const raw = order.metadata['webhook_url']?.trim() || merchant?.webhook.url || null
  if (!raw) return { kind: 'none' }
  return isHttpUrl(raw) ? { kind: 'url', url: raw } : { kind: 'invalid', raw }
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
