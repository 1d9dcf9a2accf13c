import type { Order } from '../../domain/order'
import type { DebitNotification } from '../../domain/renewal'
import { formatRupees } from './decimal'
import { epochSecondsText } from './format'

/**
 * A scheduled debit's pre-debit notice as Juspay's notification object
 * (docs/domain/renewals.md#the-pre-debit-notice): what `pre_debit_notify` answers and what
 * NOTIFICATION_SUCCEEDED / _FAILED carry in `content.notification` [D the fields]. Dates are Unix
 * seconds in strings, amounts rupees in strings, as Juspay sends them.
 */
export interface JuspayNotification {
  id: string
  object: 'notification'
  object_reference_id: string
  status: 'SUCCESS' | 'FAILURE'
  source_object: 'MANDATE'
  source_info: { amount: string; txn_date: string }
  mandate: { mandate_id: string | null }
  description: string
  notification_type: 'SMS'
  provider_name: string
  provider_response: { provider_ref_id: string; notification_date: string }
  date_created: string
  last_updated: string
  metadata: Record<string, string>
}

/**
 * The notice a NOTIFICATION_* webhook of this order carries: a scheduled debit's order's own, or on a
 * mandate's order the merchant's notice written last (sandbox/domain/mandate-executions.ts); null
 * on any other order.
 */
export function notificationObject(order: Order): JuspayNotification | null {
  const scheduled = order.debit?.notification
  if (scheduled) return juspayNotification(scheduled, order.mandateId, scheduled.failure ?? `Debit of cycle ${order.debit?.cycle ?? ''} of ${order.orderId}`)
  const merchants = order.merchantDebits?.notices.at(-1)
  return merchants ? juspayNotification(merchants, order.mandateId, merchants.description) : null
}

/** A notice in Juspay's notification object: what `pre_debit_notify` answers and the webhooks carry. */
export function juspayNotification(notice: DebitNotification, mandateId: string | null, description: string): JuspayNotification {
  const created = epochSecondsText(notice.createdAt)
  return {
    id: notice.id,
    object: 'notification',
    object_reference_id: notice.objectReferenceId,
    status: notice.status,
    source_object: 'MANDATE',
    source_info: { amount: formatRupees(notice.amountMinor), txn_date: epochSecondsText(notice.txnDate) },
    mandate: { mandate_id: mandateId },
    description,
    notification_type: 'SMS',
    // [I] The sandbox is the provider: no SMS leaves it.
    provider_name: 'SANDBOX',
    provider_response: { provider_ref_id: notice.id, notification_date: created },
    date_created: created,
    last_updated: created,
    metadata: {},
  }
}
