import type { OrderEventName } from './order-events'

export interface WebhookAttempt {
  at: string
  http_status: number | null
  error: string | null
  duration_ms: number
}

/** `not_sent`: there was no (usable) URL, so QA still sees what would have been sent. */
export type WebhookStatus = 'pending' | 'delivered' | 'failed' | 'not_sent'

export interface WebhookDelivery {
  id: string
  event_name: OrderEventName
  url: string | null
  status: WebhookStatus
  attempts: WebhookAttempt[]
  created_at: string
  delivered_at: string | null
  /** What was (or would have been) sent, as the order's dialect shaped it. */
  body: Readonly<Record<string, unknown>>
}
