import type { ExecutionRefusal } from '../../domain/mandate-executions'
import { formatRupees } from './decimal'
import type { JuspayErrorSpec } from './errors'
import { epochSecondsText } from './format'

/**
 * Why the mandate's rules refuse a merchant's notice or debit (docs/domain/renewals.md#the-merchants-own-debits),
 * in Juspay's error envelope: a field's error when one field is at fault, INVALID_ACTION when the
 * mandate's state is. Nothing was changed.
 */
export function debitRefusalError(refusal: ExecutionRefusal): JuspayErrorSpec {
  const field = (name: string, reason: string): JuspayErrorSpec => ({
    status: 400,
    code: 'INVALID_INPUT',
    message: `Invalid request: ${name} ${reason}.`,
    fields: [{ field_name: name, reason }],
  })
  const action = (message: string): JuspayErrorSpec => ({ status: 400, code: 'INVALID_ACTION', message })
  switch (refusal.reason) {
    case 'not_active':
      return action(`The mandate is ${refusal.status ?? 'not registered'}: only an ACTIVE mandate can be debited or notified.`)
    case 'enach_needs_no_notice':
      return action('An eNACH mandate needs no pre-debit notice from the merchant: present the debit with POST /txns.')
    case 'above_max_amount':
      return field('amount', `is above the mandate's max_amount (${formatRupees(refusal.maxMinor)})`)
    case 'not_fixed_amount':
      return field('amount', `must equal the mandate's amount (${formatRupees(refusal.fixedMinor)}): its amount_rule is FIXED`)
    case 'outside_validity':
      return field(refusal.field === 'txn_date' ? 'source_info.txn_date' : 'mandate.execution_date', `is outside the mandate's validity (${epochSecondsText(refusal.startDate)} to ${epochSecondsText(refusal.endDate)})`)
    case 'notice_lead':
      return field('source_info.txn_date', refusal.lead === 'too_short' ? 'is less than 24 hours away: a notice must reach the customer at least 24 hours before the debit' : 'is more than 48 hours away: send the notice within 48 hours of the debit')
    case 'reference_reused':
      return field('object_reference_id', 'was used for another notice on this mandate; send a new one')
    case 'notice_required':
      return { status: 400, code: 'MISSING_MANDATORY_PARAMETER', message: 'Invalid request: mandate.notification_id is required: a UPI mandate is debited only after a pre-debit notice.', fields: [{ field_name: 'mandate.notification_id', reason: 'is required' }] }
    case 'unknown_notice':
      return field('mandate.notification_id', 'names no notice sent on this mandate')
    case 'notice_failed':
      return field('mandate.notification_id', 'names a notice that failed: send a new one')
    case 'notice_used':
      return field('mandate.notification_id', `names a notice already used by order ${refusal.by}: one notice covers one debit`)
    case 'notice_mismatch':
      return refusal.what === 'amount' ? field('order.amount', 'differs from the amount the notice announced') : field('mandate.execution_date', 'is not on the day the notice announced')
    case 'too_early':
      return field('mandate.execution_date', `is less than 24 hours after the notice: the debit can run from ${epochSecondsText(refusal.notBefore)}`)
    case 'period_taken':
      return action(`The mandate was already debited in this period of its frequency (${refusal.period}, order ${refusal.by}).`)
    case 'order_id_taken':
      return field('order.order_id', 'is already used by another order: a debit is a new order')
    case 'in_flight':
      return { status: 409, code: 'DUPLICATE_REQUEST', message: 'A debit with this order.order_id is still being presented: send the request again in a moment for its answer.' }
    case 'customer_mismatch':
      return field('order.customer_id', 'is not the customer of this mandate')
  }
}
