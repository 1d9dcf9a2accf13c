import * as z from 'zod'
import type { Order, OrderSource } from '../../domain/order'
import { minorToMajor } from './amount'
import { canonicalBody } from './order-draft'
import { CreateSessionBody, type CreateSessionRequest } from './request-schema'
import { checkoutStatus, paymentStatus } from './session-state'

export type CheckoutSource = Extract<OrderSource, { dialect: 'checkout' }>

const WireLineItem = z.object({
  quantity: z.int(),
  price_data: z.object({
    currency: z.string().optional(),
    unit_amount: z.number(),
    product_data: z.object({ name: z.string() }),
    recurring: z.object({ interval: z.string(), interval_count: z.int() }).optional(),
  }),
})

/** The session object this dialect answers with (create and retrieve). */
export const CheckoutSession = z.object({
  id: z.string(),
  object: z.literal('checkout.session'),
  livemode: z.literal(false),
  client_secret: z.string(),
  url: z.string(),
  status: z.enum(['open', 'complete', 'expired']),
  payment_status: z.enum(['paid', 'unpaid']),
  mode: z.enum(['payment', 'subscription']),
  amount: z.number(),
  currency: z.string(),
  merchant_order_id: z.string(),
  description: z.string().nullable(),
  line_items: z.array(WireLineItem),
  subscription_data: z
    .object({
      discount_period_config: z.object({ discount_period_count: z.int(), discount_period_amount: z.number() }).optional(),
    })
    .nullable(),
  customer: z
    .object({ email: z.string(), name: z.string(), merchant_customer_id: z.string(), phone: z.string().optional() })
    .nullable(),
  metadata: z.record(z.string(), z.string()),
  payment_method_types: z.array(z.string()).nullable(),
  success_url: z.string().nullable(),
  cancel_url: z.string().nullable(),
  /** Sandbox extension: the Subscription the session started (`GET /v1/subscriptions/{id}`); null until then, and for a payment. */
  subscription: z.string().nullable(),
  created: z.int(),
  expires_at: z.int(),
})
export type CheckoutSession = z.infer<typeof CheckoutSession>

export function checkoutSource(order: Order): CheckoutSource | null {
  return order.source.dialect === 'checkout' ? order.source : null
}

/** The stored request, read back through the same schema it was accepted with. */
export function storedRequest(source: CheckoutSource): CreateSessionRequest {
  const parsed = CreateSessionBody.safeParse(source.raw)
  if (!parsed.success) throw new Error(`stored checkout session ${source.sessionId} no longer parses`)
  return parsed.data
}

const unixSeconds = (iso: string): number => Math.floor(new Date(iso).getTime() / 1000)

export function checkoutUrl(publicOrigin: string, clientSecret: string): string {
  return `${publicOrigin}/checkout#client_secret=${clientSecret}`
}

export interface SessionObjectInput {
  order: Order
  source: CheckoutSource
  publicOrigin: string
  now: Date
}

export function toCheckoutSession({ order, source, publicOrigin, now }: SessionObjectInput): CheckoutSession {
  const wire = canonicalBody(storedRequest(source))
  return {
    id: source.sessionId,
    object: 'checkout.session',
    livemode: false,
    client_secret: source.clientSecret,
    url: checkoutUrl(publicOrigin, source.clientSecret),
    status: checkoutStatus(order, now),
    payment_status: paymentStatus(order),
    mode: source.mode,
    amount: minorToMajor(order.amountMinor),
    currency: order.currency,
    merchant_order_id: order.orderId,
    description: order.description,
    line_items: wire.line_items,
    subscription_data: wire.subscription_data ?? null,
    customer: wire.customer ?? null,
    metadata: order.metadata,
    payment_method_types: wire.payment_method_types ?? null,
    success_url: order.returnUrl,
    cancel_url: source.cancelUrl,
    subscription: order.billing?.subscriptionId ?? null,
    created: unixSeconds(order.createdAt),
    expires_at: unixSeconds(order.expiresAt),
  }
}
