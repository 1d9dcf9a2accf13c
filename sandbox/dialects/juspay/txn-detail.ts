import type { FailureReason } from '../../../contract/attempt'
import { ORDER_STATUS_IDS } from '../../../contract/status'
import type { Attempt } from '../../domain/attempt'
import { attemptOrderStatus } from '../../domain/attempt-outcome'
import { railOf } from '../../domain/rails'
import { rupeesNumber } from './decimal'
import { juspayTimestamp } from './format'
import { juspayRail } from './rail-codes'
import type { BankDecline } from '../../../contract/scenarios'

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

/** [I] What the bank answered a scheduled debit it declined (docs/domain/renewals.md#what-qa-chooses). */
const BANK_DECLINE_RESPONSE: Record<BankDecline, { code: string; message: string }> = {
  insufficient_funds: { code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds in the customer account' },
  mandate_revoked_at_bank: { code: 'MANDATE_REVOKED', message: 'The mandate was revoked at the bank' },
  account_closed: { code: 'ACCOUNT_CLOSED', message: 'The customer account is closed' },
}

export function gatewayResponse(attempt: Attempt): { code: string; message: string } {
  if (attempt.status === 'succeeded') return RESPONSE.success
  if (attempt.bankDecline) return BANK_DECLINE_RESPONSE[attempt.bankDecline]
  if (attempt.status === 'pending') return railOf(attempt).awaitingBank(attempt) ? RESPONSE.pending_bank : RESPONSE.pending
  return RESPONSE[attempt.failureReason ?? 'cancelled_by_customer']
}

function sourceObject(attempt: Attempt): string {
  return attempt.setsUpMandate ? 'MANDATE' : juspayRail(attempt).paymentSourceObject(attempt)
}

function txnObjectType(attempt: Attempt): string {
  return attempt.setsUpMandate ? juspayRail(attempt).registrationObjectType : 'ORDER_PAYMENT'
}

/** The txn_detail block for the order's latest attempt (docs/domain/juspay.md#transaction-detail). */
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
    txn_flow_type: juspayRail(attempt).txnFlowType(attempt),
  }
}
