import type { Order } from '../../domain/order'
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

/** The notice of a scheduled debit's order; null on any other order, or before its notice. */
export function notificationObject(order: Order): JuspayNotification | null {
  const notice = order.debit?.notification
  if (!notice) return null
  const created = epochSecondsText(notice.createdAt)
  return {
    id: notice.id,
    object: 'notification',
    object_reference_id: notice.objectReferenceId,
    status: notice.status,
    source_object: 'MANDATE',
    source_info: { amount: formatRupees(notice.amountMinor), txn_date: epochSecondsText(notice.txnDate) },
    mandate: { mandate_id: order.mandateId },
    description: notice.failure ?? `Debit of cycle ${order.debit?.cycle ?? ''} of ${order.orderId}`.trim(),
    notification_type: 'SMS',
    // [I] The sandbox is the provider: no SMS leaves it.
    provider_name: 'SANDBOX',
    provider_response: { provider_ref_id: notice.id, notification_date: created },
    date_created: created,
    last_updated: created,
    metadata: {},
  }
}
