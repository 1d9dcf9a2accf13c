import type { WebhookMessage } from '../dialect'
import { hex } from '../../domain/ids'
import type { Order } from '../../domain/order'
import type { OrderEventName } from '../../domain/order-events'
import { pluralSource, toPluralSubscription } from './subscription-object'

/**
 * Callbacks (docs/domain/plural.md#callbacks). Plural's v1 callback body is not public, so the
 * shape is ours [I]: an event name, when it happened, and the subscription as the status read
 * answers it at that moment. The dispatcher signs and sends it as it does every dialect's.
 */
export const PLURAL_EVENTS: Readonly<Record<OrderEventName, string>> = {
  TXN_CREATED: 'SUBSCRIPTION_PAYMENT_INITIATED',
  MANDATE_CREATED: 'SUBSCRIPTION_MANDATE_CREATED',
  MANDATE_ACTIVATED: 'SUBSCRIPTION_MANDATE_ACTIVATED',
  MANDATE_FAILED: 'SUBSCRIPTION_MANDATE_FAILED',
  MANDATE_REVOKED: 'SUBSCRIPTION_MANDATE_REVOKED',
  MANDATE_PAUSED: 'SUBSCRIPTION_MANDATE_PAUSED',
  MANDATE_EXPIRED: 'SUBSCRIPTION_MANDATE_EXPIRED',
  NOTIFICATION_SUCCEEDED: 'SUBSCRIPTION_NOTIFICATION_SENT',
  NOTIFICATION_FAILED: 'SUBSCRIPTION_NOTIFICATION_FAILED',
  ORDER_SUCCEEDED: 'SUBSCRIPTION_PAYMENT_SUCCEEDED',
  ORDER_FAILED: 'SUBSCRIPTION_PAYMENT_FAILED',
  BILLING_EXECUTION_CREATED: 'SUBSCRIPTION_STARTED',
  BILLING_EXECUTION_ACTIVATED: 'SUBSCRIPTION_ACTIVATED',
  BILLING_EXECUTION_UPDATED: 'SUBSCRIPTION_UPDATED',
  BILLING_EXECUTION_DEACTIVATED: 'SUBSCRIPTION_DEACTIVATED',
  BILLING_TXN_SCHEDULED: 'SUBSCRIPTION_DEBIT_SCHEDULED',
  BILLING_TXN_TO_BE_EXECUTED: 'SUBSCRIPTION_DEBIT_DUE',
  BILLING_RETRY_TXN_SCHEDULED: 'SUBSCRIPTION_DEBIT_RETRY_SCHEDULED',
  BILLING_TXN_RETRY_EXCEEDED: 'SUBSCRIPTION_DEBIT_RETRIES_EXHAUSTED',
}

export function pluralWebhook(order: Order, eventName: OrderEventName, now: Date, publicOrigin: string): WebhookMessage {
  const source = pluralSource(order)
  if (!source) throw new Error(`order ${order.id} is not a plural subscription`)
  const id = `evt_${hex(16)}`
  return {
    id,
    body: {
      event_id: id,
      event_type: PLURAL_EVENTS[eventName],
      created_at: now.toISOString(),
      subscription: toPluralSubscription(order, source, publicOrigin, now),
    },
  }
}
