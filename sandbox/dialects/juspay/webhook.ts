import type { MandateStatus } from '../../../contract/status'
import type { WebhookMessage } from '../dialect'
import { hex } from '../../domain/ids'
import { latestAttempt, type Order } from '../../domain/order'
import type { OrderEventName } from '../../domain/order-events'
import type { Subscription } from '../../domain/subscriptions'
import { billingExecution, type JuspayBillingExecution } from './billing-execution'
import { rupeesNumber } from './decimal'
import { epochSecondsText, juspayTimestamp } from './format'
import { orderStatusResponse } from './order-status'
import { mandatePaymentInfo, type MandatePaymentInfo } from './rail-codes'

/** `content.mandate` of MANDATE_* webhooks (docs/domain/juspay.md#webhooks). */
interface WebhookMandate {
  status: MandateStatus | null
  mandate_id: string | null
  start_date: string
  end_date: string
  frequency: string
  max_amount: number
  order_id: string
  payment_info: MandatePaymentInfo
}

/** The Juspay webhook envelope; `id` doubles as the de-duplication key (x-webhook-id). */
type WebhookEnvelope = {
  id: string
  event_name: OrderEventName
  date_created: string
  content: { order: Record<string, unknown>; mandate?: WebhookMandate; billing_execution_info?: JuspayBillingExecution }
}

const newEventId = (): string => `evt_V2_${hex(16)}`

const isMandateEvent = (name: OrderEventName): boolean => name.startsWith('MANDATE_')
const isBillingEvent = (name: OrderEventName): boolean => name.startsWith('BILLING_')

/** The mandate as a MANDATE_* webhook carries it; null when the order has no mandate terms. */
function mandateContent(order: Order): WebhookMandate | null {
  if (!order.mandate) return null
  return {
    status: order.mandateStatus,
    mandate_id: order.mandateId,
    start_date: epochSecondsText(order.mandate.startDate),
    end_date: epochSecondsText(order.mandate.endDate),
    frequency: order.mandate.frequency,
    max_amount: rupeesNumber(order.mandate.maxAmount.minor),
    order_id: order.orderId,
    payment_info: mandatePaymentInfo(latestAttempt(order)),
  }
}

/**
 * One envelope per event, with the order as GET /orders/:order_id renders it when the event
 * happened; BILLING_* events add the billing execution as POST /billing/execution-info answers it.
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
  const mandate = isMandateEvent(eventName) ? mandateContent(order) : null
  if (mandate) envelope.content.mandate = mandate
  const subscriptionId = order.billing?.subscriptionId
  const subscription = isBillingEvent(eventName) && subscriptionId ? await findSubscription(order.merchantId, subscriptionId) : undefined
  if (subscription) envelope.content.billing_execution_info = billingExecution(subscription)
  return { id: envelope.id, body: envelope }
}
