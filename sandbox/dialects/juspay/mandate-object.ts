import { createHash } from 'node:crypto'
import type { MandateStatus } from '../../../contract/status'
import { registeringAttempt } from '../../domain/mandate-lifecycle'
import { latestAttempt, type Order } from '../../domain/order'
import { railOf } from '../../domain/rails'
import { rupeesNumber } from './decimal'
import { epochSecondsText, juspayTimestamp } from './format'
import { mandatePaymentInfo, mandateType, type MandatePaymentInfo, type MandateType } from './rail-codes'

/**
 * The mandate object as Juspay's mandate webhooks carry it in `content.mandate`, and as
 * `GET /mandates/{mandate_id}` answers it (docs/domain/mandates.md#the-mandate-object). Unlike the
 * order status, whose mandate block has numbers and booleans, every scalar here is a string: amounts
 * in rupees, dates in Unix seconds, flags "true" or "false".
 */
export interface JuspayMandate {
  mandate_id: string | null
  mandate_token: string | null
  mandate_debit_token: string | null
  mandate_type: MandateType
  status: MandateStatus
  frequency: string
  amount_rule: string
  max_amount: string
  block_fund: string
  revokable_by_customer: string
  currency: string
  customer_id: string | null
  order_id: string
  start_date: string
  end_date: string
  /** When the registration succeeded, and when the mandate last became ACTIVE (a resume moves it); null before. */
  activated_at: string | null
  last_activated_at: string | null
  /** eNACH only: NPCI's mandate reference. */
  umrn?: string
  /** While PAUSED: the pause window, Unix seconds. */
  pause_start_date?: string
  pause_end_date?: string
  payment_info: MandatePaymentInfo | null
}

/** [I] Juspay issues a separate token for debits; the sandbox derives it from the mandate token, so it is stable without being stored. */
const debitToken = (mandateToken: string): string => createHash('sha256').update(`debit:${mandateToken}`).digest('hex').slice(0, 32)

/** The order's mandate as Juspay renders the mandate object; null when the order has no mandate terms. */
export function mandateObject(order: Order): JuspayMandate | null {
  const terms = order.mandate
  if (!terms) return null
  const registered = registeringAttempt(order)
  const attempt = registered ?? latestAttempt(order)
  const activatedAt = registered?.endedAt ?? null
  const change = order.mandateChange
  const lastActivatedAt = change?.status === 'ACTIVE' ? change.at : activatedAt
  const umrn = registered ? railOf(registered).umrn(registered) : null
  const mandate: JuspayMandate = {
    mandate_id: order.mandateId,
    mandate_token: order.mandateToken,
    mandate_debit_token: order.mandateToken ? debitToken(order.mandateToken) : null,
    mandate_type: mandateType(attempt),
    status: order.mandateStatus ?? 'CREATED',
    frequency: terms.frequency,
    amount_rule: terms.amountRule,
    max_amount: String(rupeesNumber(terms.maxAmount.minor)),
    block_fund: String(terms.blockFunds),
    revokable_by_customer: String(terms.revokableByCustomer),
    currency: order.currency,
    customer_id: order.customer.id,
    order_id: order.orderId,
    start_date: epochSecondsText(terms.startDate),
    end_date: epochSecondsText(terms.endDate),
    activated_at: activatedAt && juspayTimestamp(activatedAt),
    last_activated_at: lastActivatedAt && juspayTimestamp(lastActivatedAt),
    payment_info: attempt ? mandatePaymentInfo(attempt) : null,
  }
  if (umrn) mandate.umrn = umrn
  if (order.mandateStatus === 'PAUSED' && change?.pause) {
    mandate.pause_start_date = epochSecondsText(change.pause.startDate)
    mandate.pause_end_date = epochSecondsText(change.pause.endDate)
  }
  return mandate
}
