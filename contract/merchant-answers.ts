import type { BankDecline } from './scenarios'
import type { MandateStatus, OrderStatus } from './status'

/**
 * What the sandbox answers merchants and QA, as their code reads it: the QA kit's types
 * (@mandate-checkout/testing), and the sandbox's own answers are checked against them
 * (sandbox/answers.test.ts), so the two cannot drift. Each lists the fields a test reads; an index
 * signature stands for the rest where the answer carries more.
 */

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

/** A merchant's sandbox clock, as `GET /sandbox/clock` answers it (docs/domain/sandbox-clock.md in the sandbox's repository). */
export interface SandboxClock {
  /** The merchant's sandbox time, in Unix seconds, and as an ISO instant. */
  now: number
  now_iso: string
  /** How far the merchant's clock runs ahead of real time. */
  offset_seconds: number
}

/** What the next scheduled debit of a mandate does: succeed, or fail for a bank's reason. */
export type NextDebitChoice = { outcome: 'success' } | { outcome: 'failure'; reason: BankDecline }

/** A subscription's status as its scheduled debits leave it (docs/domain/renewals.md in the sandbox's repository). */
export type SubscriptionStatus = 'ACTIVE' | 'PAST_DUE' | 'PAUSED' | 'HALTED' | 'CANCELLED' | 'COMPLETED'

/**
 * What `POST /sandbox/mandates/{id}/next-debit` answers: the choice kept, and the debit it applies to
 * when one is scheduled. A mandate that carries no subscription answers nulls: the choice waits for
 * the merchant's next debit presented with `POST /txns`.
 */
export interface NextDebitAnswer {
  mandate_id: string
  billing_execution_info_id: string | null
  next_debit: NextDebitChoice
  status: SubscriptionStatus | null
  scheduled: { cycle: number | null; order_id: string; date: string } | null
}

/** One line of a subscription's timeline, at the merchant's sandbox time: a step of its debits (`debit_scheduled`, `notice_sent`, `retry_scheduled`…) or a webhook. */
export interface TimelineLine {
  at: string
  event: string
  cycle?: number | null
  order_id?: string | null
  detail?: string
  webhook?: string
  webhook_id?: string
  status?: string
}

/**
 * A subscription's timeline: every notice, debit, retry, status change and webhook, oldest first.
 * A mandate that carries no subscription answers its merchant's own notices and debits and their
 * webhooks, with `billing_execution_info_id` and `status` null.
 */
export interface SubscriptionTimeline {
  billing_execution_info_id: string | null
  mandate_id: string
  status: SubscriptionStatus | null
  timeline: TimelineLine[]
}
