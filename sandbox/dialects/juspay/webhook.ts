import type { WebhookMessage } from '../dialect'
import { hex } from '../../domain/ids'
import type { Order } from '../../domain/order'
import type { OrderEventName } from '../../domain/order-events'
import type { Subscription } from '../../domain/subscriptions'
import { billingExecution, type JuspayBillingExecution } from './billing-execution'
import { juspayTimestamp } from './format'
import { mandateObject, type JuspayMandate } from './mandate-object'
import { notificationObject, type JuspayNotification } from './notification-object'
import { orderStatusResponse } from './order-status'

/** The Juspay webhook envelope; `id` doubles as the de-duplication key (x-webhook-id). */
type WebhookEnvelope = {
  id: string
  event_name: OrderEventName
  date_created: string
  content: {
    order: Record<string, unknown>
    mandate?: JuspayMandate
    billing_execution_info?: JuspayBillingExecution
    notification?: JuspayNotification
  }
}

const newEventId = (): string => `evt_V2_${hex(16)}`

const isMandateEvent = (name: OrderEventName): boolean => name.startsWith('MANDATE_')
const isBillingEvent = (name: OrderEventName): boolean => name.startsWith('BILLING_')
const isNotificationEvent = (name: OrderEventName): boolean => name.startsWith('NOTIFICATION_')

/**
 * One envelope per event, with the order as GET /orders/:order_id renders it when the event
 * happened; BILLING_* events add the billing execution as POST /billing/execution-info answers it,
 * NOTIFICATION_* events a scheduled debit's notice (docs/domain/renewals.md#webhooks).
 */
export async function juspayWebhook(
  order: Order,
  eventName: OrderEventName,
  now: Date,
  publicOrigin: string,
  findSubscription: (merchantId: string, id: string) => Promise<Subscription | undefined>,
): Promise<WebhookMessage> {
  const envelope: WebhookEnvelope = {
    id: newEventId(),
    event_name: eventName,
    date_created: juspayTimestamp(now.toISOString()),
    content: { order: { ...orderStatusResponse(order, publicOrigin) } },
  }
  const mandate = isMandateEvent(eventName) ? mandateObject(order) : null
  if (mandate) envelope.content.mandate = mandate
  const notification = isNotificationEvent(eventName) ? notificationObject(order) : null
  if (notification) envelope.content.notification = notification
  const subscriptionId = order.billing?.subscriptionId
  const subscription = isBillingEvent(eventName) && subscriptionId ? await findSubscription(order.merchantId, subscriptionId) : undefined
  if (subscription) envelope.content.billing_execution_info = billingExecution(subscription)
  return { id: envelope.id, body: envelope }
}
