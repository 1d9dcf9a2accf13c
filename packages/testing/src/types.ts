import type { MandateStatus, OrderStatus } from '../../../contract/status'
import type { Plan } from '../../../contract/plan'

export type { MandateStatus, OrderStatus, Plan }
export type * from '../../../contract/merchant-answers'

/**
 * A Juspay session request (`POST /session`): the flat Juspay field names (`mandate.max_amount`,
 * `options.create_mandate`, `metadata.webhook_url`…), as the README's samples send them.
 * `order_id` is optional here: the client fills in a unique one.
 */
export type JuspaySessionRequest = { order_id?: string; amount: string } & Record<string, unknown>

/** A checkout-session request (`POST /v1/checkout/sessions`); `merchant_order_id` is filled in when left out. */
export type CheckoutSessionRequest = { merchant_order_id?: string } & Record<string, unknown>

/** A move of the clock: forward by some seconds, or to a Unix time (never back). */
export type ClockMove = { bySeconds: number } | { to: number }
