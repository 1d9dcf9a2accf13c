import type { MandateStatus } from '../../contract/status'
import type { OrderEventName } from './order-events'

/** `content.mandate` of MANDATE_* webhooks (domain.md §2.5). */
export interface WebhookMandate {
  status: MandateStatus | null
  mandate_id: string | null
  start_date: string
  end_date: string
  frequency: string
  max_amount: number
  order_id: string
  payment_info: { upi: { payer_vpa: string | null } }
}

/** The Juspay webhook envelope; `id` doubles as the de-duplication key (x-webhook-id). */
export interface WebhookEnvelope {
  id: string
  event_name: OrderEventName
  date_created: string
  content: { order: Record<string, unknown>; mandate?: WebhookMandate }
}

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
  body: WebhookEnvelope
}
