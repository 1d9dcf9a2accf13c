import type { MandateStatus, OrderStatus } from '../../../contract/status'
import type { Plan } from '../../../contract/plan'

export type { MandateStatus, OrderStatus, Plan }

/**
 * A Juspay session request (`POST /session`): the flat Juspay field names (`mandate.max_amount`,
 * `options.create_mandate`, `metadata.webhook_url`…), as the README's samples send them.
 * `order_id` is optional here: the client fills in a unique one.
 */
export type JuspaySessionRequest = { order_id?: string; amount: string } & Record<string, unknown>

/** The parsed answer to `POST /session`. */
export interface JuspaySession {
  status: 'NEW'
  id: string
  order_id: string
  /** `web` is the hosted payment page the customer opens. */
  payment_links: { web: string; expiry: string }
  order_expiry: string
  sdk_payload: { requestId: string; service: string; payload: Record<string, string>; expiry: string }
}

/** A checkout-session request (`POST /v1/checkout/sessions`); `merchant_order_id` is filled in when left out. */
export type CheckoutSessionRequest = { merchant_order_id?: string } & Record<string, unknown>

/** The parts of a checkout session (`POST /v1/checkout/sessions`) a test reads; the rest is there too. */
export interface CheckoutSession {
  id: string
  object: 'checkout.session'
  client_secret: string
  /** The hosted page, `…/checkout#client_secret=…`. */
  url: string
  status: 'open' | 'complete' | 'expired'
  payment_status: 'paid' | 'unpaid'
  mode: 'payment' | 'subscription'
  amount: number
  currency: string
  merchant_order_id: string
  subscription: string | null
  [field: string]: unknown
}

/** The mandate block of an order status, once the order has one. */
export interface OrderStatusMandate {
  mandate_status: MandateStatus
  mandate_id?: string
  mandate_token?: string
  mandate_type: string
  umrn?: string
  start_date: string
  end_date: string
  max_amount: number
  frequency: string
  amount_rule: string
  [field: string]: unknown
}

/** `GET /orders/{order_id}`: the Juspay order status (README "What the merchant hears"). */
export interface OrderStatusResponse {
  order_id: string
  id: string
  merchant_id: string
  status: OrderStatus
  status_id: number
  amount: number
  refunded: boolean
  txn_id?: string
  payment_method_type?: string
  payer_vpa?: string
  mandate?: OrderStatusMandate
  [field: string]: unknown
}

/** What a QA decision answers: the attempt it decided and the order's status after it. */
export interface AttemptDecision {
  order_id: string
  attempt: { number: number; status: string; failure_reason: string | null }
  status: OrderStatus
  status_id: number
}

/** One webhook the sandbox sent (or would have sent) for an order, and how its delivery went. */
export interface WebhookDelivery {
  id: string
  event_name: string
  url: string | null
  status: 'pending' | 'delivered' | 'failed' | 'not_sent' | 'refused'
  attempts: { at: string; http_status: number | null; error: string | null; duration_ms: number }[]
  created_at: string
  delivered_at: string | null
  refusal?: string
  /** The body as sent, in the order's dialect (Juspay's: `event_name`, `content.order`). */
  body: Record<string, unknown>
}
