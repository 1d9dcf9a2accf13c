import type { MandateStatus } from '../../../contract/status'
import { ORDER_STATUS_IDS } from '../../../contract/status'
import { latestAttempt, type Order } from '../../domain/order'
import { railOf } from '../../domain/rails'
import { rupeesNumber } from './decimal'
import { epochSecondsText, juspayTimestamp, paymentPageUrl } from './format'
import { juspayRail, mandateType, type AuthType, type MandateType, type PaymentMethodType, type RailPaymentFields } from './rail-codes'
import { gatewayResponse, txnDetail } from './txn-detail'

// Type aliases rather than interfaces: an alias fits the contract's answer types, which keep an index signature for the fields they leave out.
export type OrderStatusMandate = {
  mandate_status: MandateStatus
  mandate_id?: string
  mandate_token?: string
  mandate_type: MandateType
  /** eNACH only: NPCI's mandate reference, once registered. */
  umrn?: string
  start_date: string
  end_date: string
  revokable_by_customer: boolean
  block_fund: boolean
  max_amount: number
  frequency: string
  rule_type?: string
  rule_value?: number
  amount_rule: string
  /** While PAUSED, the pause window in Unix seconds (docs/domain/mandates.md#statuses). */
  pause_start_date?: string
  pause_end_date?: string
}

/** What the latest attempt adds: how the customer paid and what the gateway answered. */
export interface OrderStatusPayment extends RailPaymentFields {
  txn_id: string
  txn_uuid: string
  payment_method_type: PaymentMethodType
  payment_method: string
  auth_type: AuthType
  resp_code: string
  resp_message: string
  bank_error_code: string
  bank_error_message: string
  txn_detail: ReturnType<typeof txnDetail>
  payment_gateway_response: {
    resp_code: string
    resp_message: string
    txn_id: string
    rrn: string
    epg_txn_id: string
    auth_id_code: string
    created: string
    umrn?: string
  }
}

/** Juspay's order status object (docs/domain/juspay.md#order-status-response). */
export type OrderStatusResponse = Partial<OrderStatusPayment> & {
  order_id: string
  id: string
  merchant_id: string
  customer_id: string | null
  customer_email: string | null
  customer_phone: string | null
  status: Order['status']
  status_id: number
  amount: number
  currency: string
  date_created: string
  return_url: string | null
  product_id: ''
  payment_links: { web: string; iframe: string; mobile: string }
  refunded: boolean
  amount_refunded: number
  effective_amount: number
  order_expiry: string
  metadata: Record<string, string>
  mandate?: OrderStatusMandate
  /** Sandbox extension: the subscription the registration started (docs/domain/billing.md#the-order-names-its-subscription). */
  billing_execution_info_id?: string
  [udf: `udf${number}`]: string
}

export function orderStatusResponse(order: Order, publicOrigin: string): OrderStatusResponse {
  const link = paymentPageUrl(publicOrigin, order.id)
  const udfs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`udf${i + 1}`, order.udf[i] ?? '']))
  const response: OrderStatusResponse = {
    ...udfs,
    order_id: order.orderId,
    id: order.id,
    merchant_id: order.merchantId,
    customer_id: order.customer.id,
    customer_email: order.customer.email,
    customer_phone: order.customer.phone,
    status: order.status,
    status_id: ORDER_STATUS_IDS[order.status],
    amount: rupeesNumber(order.amountMinor),
    currency: order.currency,
    date_created: juspayTimestamp(order.createdAt),
    return_url: order.returnUrl,
    product_id: '',
    payment_links: { web: link, iframe: link, mobile: link },
    refunded: order.refundedMinor > 0,
    amount_refunded: rupeesNumber(order.refundedMinor),
    effective_amount: rupeesNumber(order.amountMinor - order.refundedMinor),
    order_expiry: juspayTimestamp(order.expiresAt),
    metadata: order.metadata,
    ...paymentFields(order),
  }
  if (order.mandate) response.mandate = mandateBlock(order)
  if (order.billing?.subscriptionId) response.billing_execution_info_id = order.billing.subscriptionId
  return response
}

function paymentFields(order: Order): OrderStatusPayment | Record<string, never> {
  const attempt = latestAttempt(order)
  if (!attempt) return {}
  const response = gatewayResponse(attempt)
  const failed = attempt.status !== 'succeeded' && attempt.status !== 'pending'
  const codes = juspayRail(attempt)
  const umrn = railOf(attempt).umrn(attempt)
  return {
    txn_id: attempt.txnId,
    txn_uuid: attempt.txnUuid,
    payment_method_type: codes.paymentMethodType,
    payment_method: codes.paymentMethod(attempt),
    auth_type: codes.authType,
    resp_code: response.code,
    resp_message: response.message,
    bank_error_code: failed ? response.code : '',
    bank_error_message: failed ? response.message : '',
    ...codes.payerFields(attempt),
    txn_detail: txnDetail(order.orderId, attempt, order.chargedTodayMinor, order.currency),
    payment_gateway_response: {
      resp_code: response.code,
      resp_message: response.message,
      txn_id: attempt.txnId,
      rrn: attempt.status === 'succeeded' ? attempt.txnUuid.slice(0, 12).toUpperCase() : '',
      epg_txn_id: attempt.txnUuid,
      auth_id_code: '',
      created: juspayTimestamp(attempt.endedAt ?? attempt.createdAt),
      ...(umrn ? { umrn } : {}),
    },
    ...codes.accountFields(attempt),
  }
}

/** The UMRN of the attempt that registered the order's mandate. */
function registeredUmrn(order: Order): string | null {
  const registered = order.attempts.find((a) => a.status === 'succeeded' && a.setsUpMandate)
  return registered ? railOf(registered).umrn(registered) : null
}

/** `block_fund` is singular in responses although requests say `block_funds` (docs/domain/juspay.md#mandate-block). */
function mandateBlock(order: Order): OrderStatusMandate {
  const mandate = order.mandate
  if (!mandate) throw new Error('mandateBlock needs an order with a mandate')
  const umrn = registeredUmrn(order)
  const block: OrderStatusMandate = {
    mandate_status: order.mandateStatus ?? 'CREATED',
    ...(order.mandateId ? { mandate_id: order.mandateId } : {}),
    ...(order.mandateToken ? { mandate_token: order.mandateToken } : {}),
    mandate_type: mandateType(latestAttempt(order)),
    ...(umrn ? { umrn } : {}),
    start_date: epochSecondsText(mandate.startDate),
    end_date: epochSecondsText(mandate.endDate),
    revokable_by_customer: mandate.revokableByCustomer,
    block_fund: mandate.blockFunds,
    max_amount: rupeesNumber(mandate.maxAmount.minor),
    frequency: mandate.frequency,
    amount_rule: mandate.amountRule,
  }
  // Like Juspay's own samples, frequencies without a debit day carry no rule fields.
  if (mandate.ruleType !== null) block.rule_type = mandate.ruleType
  if (mandate.ruleValue !== null) block.rule_value = mandate.ruleValue
  const pause = order.mandateStatus === 'PAUSED' ? order.mandateChange?.pause : null
  if (pause) {
    block.pause_start_date = epochSecondsText(pause.startDate)
    block.pause_end_date = epochSecondsText(pause.endDate)
  }
  return block
}
