import type { FailureReason } from '../../../contract/attempt'
import { ORDER_STATUS_IDS } from '../../../contract/status'
import type { Attempt } from '../../domain/attempt'
import { attemptOrderStatus } from '../../domain/attempt-outcome'
import { rupeesNumber } from './decimal'
import { juspayTimestamp } from './format'

/** What the sandbox's gateway answered for an attempt, in NPCI-style response codes. */
const RESPONSE: Record<FailureReason | 'success' | 'pending' | 'pending_bank', { code: string; message: string }> = {
  success: { code: '00', message: 'Transaction successful' },
  pending: { code: 'PENDING', message: 'Awaiting customer approval' },
  pending_bank: { code: 'PENDING', message: 'Awaiting bank confirmation' },
  declined_by_customer: { code: 'ZA', message: 'Transaction declined by customer' },
  approval_window_expired: { code: 'U69', message: 'Request expired before approval' },
  cancelled_by_customer: { code: 'USER_ABORTED', message: 'Cancelled by customer' },
  bank_rejected: { code: 'BANK_REJECTED', message: 'Mandate rejected by the bank' },
  name_mismatch: { code: 'NAME_MISMATCH', message: 'Account holder name does not match' },
  authentication_failed: { code: 'AUTH_FAILED', message: 'Customer authentication failed' },
}

export function gatewayResponse(attempt: Attempt): { code: string; message: string } {
  if (attempt.status === 'succeeded') return RESPONSE.success
  if (attempt.status === 'pending') return attempt.bank?.stage === 'awaiting_bank' ? RESPONSE.pending_bank : RESPONSE.pending
  return RESPONSE[attempt.failureReason ?? 'cancelled_by_customer']
}

/** Juspay's payment_method for each way of paying. */
export function paymentMethod(attempt: Attempt): string {
  if (attempt.bank) return `NB_${attempt.bank.bankCode}`
  if (attempt.channel === 'collect') return 'COLLECT'
  return attempt.channel === 'qr' ? 'UPI_QR' : 'UPI_PAY'
}

/** INTENT or COLLECT, as Juspay reports UPI flows (a scanned QR opens the app like an intent). */
export const txnFlowType = (attempt: Attempt): 'INTENT' | 'COLLECT' | null =>
  attempt.rail !== 'upi' ? null : attempt.channel === 'collect' ? 'COLLECT' : 'INTENT'

function sourceObject(attempt: Attempt): string {
  if (attempt.setsUpMandate) return 'MANDATE'
  if (attempt.rail === 'netbanking') return 'NB'
  return attempt.channel === 'collect' ? 'UPI_COLLECT' : attempt.channel === 'qr' ? 'UPI_QR' : 'UPI_PAY'
}

function txnObjectType(attempt: Attempt): string {
  if (!attempt.setsUpMandate) return 'ORDER_PAYMENT'
  return 'EMANDATE_REGISTER'
}

/** The txn_detail block for the order's latest attempt (domain.md §2.3). */
export function txnDetail(orderId: string, attempt: Attempt, amountMinor: number, currency: string) {
  const status = attemptOrderStatus(attempt)
  const response = gatewayResponse(attempt)
  const failed = attempt.status !== 'succeeded' && attempt.status !== 'pending'
  return {
    txn_id: attempt.txnId,
    order_id: orderId,
    status,
    status_id: ORDER_STATUS_IDS[status],
    error_code: failed ? response.code : '',
    error_message: failed ? response.message : '',
    net_amount: rupeesNumber(amountMinor),
    surcharge_amount: null,
    tax_amount: null,
    txn_amount: rupeesNumber(amountMinor),
    offer_deduction_amount: null,
    gateway_id: 999,
    gateway: 'SANDBOX',
    currency,
    express_checkout: false,
    redirect: true,
    txn_uuid: attempt.txnUuid,
    txn_object_type: txnObjectType(attempt),
    source_object: sourceObject(attempt),
    source_object_id: attempt.id,
    created: juspayTimestamp(attempt.createdAt),
    txn_flow_type: txnFlowType(attempt),
  }
}
