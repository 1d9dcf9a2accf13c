import { rupeesNumber } from '../dialects/juspay/decimal'
import { epochSecondsText, juspayTimestamp } from '../dialects/juspay/format'
import { hex } from '../domain/ids'
import { latestAttempt, type Order } from '../domain/order'
import type { OrderEventName } from '../domain/order-events'
import type { WebhookEnvelope, WebhookMandate } from '../domain/webhook-delivery'

export type RenderOrder = (order: Order) => Record<string, unknown>

export const newEventId = (): string => `evt_V2_${hex(16)}`

const isMandateEvent = (name: OrderEventName): boolean => name.startsWith('MANDATE_')

/** The mandate as a MANDATE_* webhook carries it; null when the order has no mandate terms. */
export function mandateContent(order: Order): WebhookMandate | null {
  if (!order.mandate) return null
  return {
    status: order.mandateStatus,
    mandate_id: order.mandateId,
    start_date: epochSecondsText(order.mandate.startDate),
    end_date: epochSecondsText(order.mandate.endDate),
    frequency: order.mandate.frequency,
    max_amount: rupeesNumber(order.mandate.maxAmount.minor),
    order_id: order.orderId,
    payment_info: { upi: { payer_vpa: latestAttempt(order)?.payerVpa ?? null } },
  }
}

/** One envelope per event, rendered from the order as it was when the event happened. */
export function buildEnvelope(order: Order, eventName: OrderEventName, now: Date, renderOrder: RenderOrder): WebhookEnvelope {
  const envelope: WebhookEnvelope = {
    id: newEventId(),
    event_name: eventName,
    date_created: juspayTimestamp(now.toISOString()),
    content: { order: renderOrder(order) },
  }
  const mandate = isMandateEvent(eventName) ? mandateContent(order) : null
  if (mandate) envelope.content.mandate = mandate
  return envelope
}
