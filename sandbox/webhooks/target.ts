import type { Order } from '../domain/order'
import { isAllowedWebhookHost, type Merchant } from '../merchants'

export type WebhookTarget =
  | { kind: 'url'; url: string }
  | { kind: 'none' }
  | { kind: 'invalid'; raw: string }
  | { kind: 'refused'; url: string; reason: string }

/**
 * The order's metadata.webhook_url wins over the merchant's configured URL; its host must be on
 * the merchant's webhook allow-list. Session creation refuses such a URL already; this check
 * holds for orders made before the merchant's configuration changed.
 */
export function webhookTarget(order: Order, merchant: Merchant | undefined): WebhookTarget {
  const raw = order.metadata['webhook_url']?.trim() || merchant?.webhook.url || null
  if (!raw) return { kind: 'none' }
  const url = httpUrl(raw)
  if (!url) return { kind: 'invalid', raw }
  if (merchant && !isAllowedWebhookHost(merchant, url)) {
    return { kind: 'refused', url: raw, reason: `host ${url.hostname} is not on this merchant's webhook allow-list` }
  }
  return { kind: 'url', url: raw }
}

function httpUrl(raw: string): URL | null {
  const url = URL.canParse(raw) ? new URL(raw) : null
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : null
}
