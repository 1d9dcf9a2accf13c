import type { BankDecline } from '../../contract/scenarios'
import type { OrderStatus } from '../../contract/status'
import type { Attempt } from './attempt'
import { alnum, hex, newClientAuthToken, newPageId } from './ids'
import type { Order, OrderBilling } from './order'

/**
 * The orders and transactions of debits on a registered mandate: a subscription's scheduled ones
 * (sandbox/domain/renewals.ts) and the merchant's own (sandbox/domain/mandate-executions.ts). Each
 * debit is an order of its own on the mandate's order's merchant, customer and mandate, answered in
 * Juspay's shapes (its GET /orders/{order_id}), never payable on the page.
 */

export interface DebitOrderFields {
  orderId: string
  /** What makes a repeat of the same debit recognisable (a second try of a step, a repeated request). */
  fingerprint: string
  amountMinor: number
  /** When the debit falls due (ISO-8601). */
  dueAt: string
  billing: OrderBilling | null
  status: OrderStatus
}

/** A debit's order on the mandate `holder` holds. */
export function debitOrder(holder: Order, fields: DebitOrderFields, now: Date): Order {
  const at = now.toISOString()
  // The merchant's notices and executions on the mandate stay with the mandate's order: a copy on every debit would grow with each one.
  const { merchantDebits, ...shared } = holder
  return {
    ...shared,
    id: newPageId(),
    orderId: fields.orderId,
    fingerprint: fields.fingerprint,
    createdAt: at,
    expiresAt: fields.dueAt,
    amountMinor: fields.amountMinor,
    chargedTodayMinor: fields.amountMinor,
    returnUrl: null,
    metadata: {},
    createMandate: null,
    mandate: null,
    paymentRules: null,
    billing: fields.billing,
    lineItems: [],
    clientAuthToken: newClientAuthToken(),
    clientAuthTokenExpiresAt: at,
    status: fields.status,
    source: { dialect: 'juspay', action: 'mandate_execution', paymentPageClientId: null, getUpiDeepLinks: null },
    attempts: [],
    mandateStatus: null,
    mandateId: holder.mandateId,
    mandateToken: holder.mandateToken,
    mandateChange: null,
    refundedMinor: 0,
    cancelledAt: null,
    revision: 0,
  }
}

/** A transaction's ids as Juspay numbers them: `<merchant_id>-<order_id>-<n>` [D], and a txn_uuid. */
export const debitTxnIds = (order: Pick<Order, 'merchantId' | 'orderId'>, number: number): { txnId: string; txnUuid: string } => ({
  txnId: `${order.merchantId}-${order.orderId}-${number}`,
  txnUuid: alnum(20),
})

/** One try at a debit, on the rail and account the mandate was registered with: failed with the bank's decline, or succeeded. */
export function debitAttempt(
  registered: Attempt,
  order: Order,
  number: number,
  decline: BankDecline | null,
  now: Date,
  ids: { txnId: string; txnUuid: string } = debitTxnIds(order, number),
): Attempt {
  const at = now.toISOString()
  const common = {
    id: `att_${hex(12)}`,
    number,
    ...ids,
    idempotencyKey: `debit-${number}`,
    requestFingerprint: '',
    setsUpMandate: false,
    createdAt: at,
    expiresAt: at,
    endedAt: at,
    simulatorToken: hex(16),
    autoOutcome: null,
    mandateId: order.mandateId,
    mandateToken: order.mandateToken,
  }
  return decline !== null
    ? { ...registered, ...common, status: 'failed', failureReason: 'bank_rejected', bankDecline: decline }
    : { ...registered, ...common, status: 'succeeded', failureReason: null }
}
