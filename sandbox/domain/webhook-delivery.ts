import type { OrderEventName } from './order-events'

export interface WebhookAttempt {
  at: string
  http_status: number | null
  error: string | null
  duration_ms: number
}

/**
 * `not_sent`: there was no (usable) URL, so QA still sees what would have been sent.
 * `refused`: the target is not one webhooks may go to (`refusal` says why); final, never retried.
 */
export type WebhookStatus = 'pending' | 'delivered' | 'failed' | 'not_sent' | 'refused'

export interface WebhookDelivery {
  id: string
  event_name: OrderEventName
  url: string | null
  status: WebhookStatus
  attempts: WebhookAttempt[]
  created_at: string
  delivered_at: string | null
  /** Why the target was refused; only on a `refused` delivery. */
  refusal?: string
  /** What was (or would have been) sent, as the order's dialect shaped it. */
  body: Readonly<Record<string, unknown>>
}
