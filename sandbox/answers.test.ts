import { describe, expectTypeOf, it } from 'vitest'
import type * as z from 'zod'
import type {
  CheckoutSession,
  JuspaySession,
  OrderStatusMandate,
  OrderStatusResponse,
  TimelineLine,
  WebhookDelivery,
} from '../contract/merchant-answers'
import type { CheckoutSession as CheckoutSessionObject } from './dialects/checkout/session-object'
import type { OrderStatusMandate as SandboxMandate, OrderStatusResponse as SandboxOrderStatus } from './dialects/juspay/order-status'
import type { SessionResponse } from './dialects/juspay/session-response'
import type { TimelineLine as SandboxTimelineLine } from './domain/renewals'
import type { WebhookDelivery as SandboxWebhookDelivery } from './domain/webhook-delivery'

/**
 * The answers the sandbox builds fit the types the QA kit gives merchants (contract/merchant-answers.ts):
 * checked by the type checker, which runs over the tests too, so a field renamed or retyped on
 * one side fails `npm test` (the QA answers are typed by them where the routes build them).
 */
describe('the sandbox answers as the contract types them', () => {
  it('Juspay: the session and the order status', () => {
    expectTypeOf<SessionResponse>().toExtend<JuspaySession>()
    expectTypeOf<SandboxOrderStatus>().toExtend<OrderStatusResponse>()
    expectTypeOf<SandboxMandate>().toExtend<OrderStatusMandate>()
  })

  it('the checkout session, the QA inbox and the timeline', () => {
    expectTypeOf<z.output<typeof CheckoutSessionObject>>().toExtend<CheckoutSession>()
    expectTypeOf<SandboxWebhookDelivery>().toExtend<WebhookDelivery>()
    expectTypeOf<SandboxTimelineLine>().toExtend<TimelineLine>()
  })
})
