import type { MandateStatus } from '../../../contract/status'
import { ORDER_STATUS_IDS } from '../../../contract/status'
import type { Order } from '../../domain/order'
import { rupeesNumber } from './decimal'
import { epochSecondsText, juspayTimestamp, paymentPageUrl } from './format'

export interface OrderStatusMandate {
  mandate_status: MandateStatus
  mandate_type: 'EMANDATE'
  start_date: string
  end_date: string
  revokable_by_customer: boolean
  block_fund: boolean
  max_amount: number
  frequency: string
  rule_type?: string
  rule_value?: number
  amount_rule: string
}

/** The subset of Juspay's order status object (domain.md §2.3) an order has before any payment attempt. */
export interface OrderStatusResponse {
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
  refunded: false
  amount_refunded: 0
  effective_amount: number
  order_expiry: string
  metadata: Record<string, string>
  mandate?: OrderStatusMandate
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
    refunded: false,
    amount_refunded: 0,
    effective_amount: rupeesNumber(order.amountMinor),
    order_expiry: juspayTimestamp(order.expiresAt),
    metadata: order.metadata,
  }
  if (order.mandate) response.mandate = mandateBlock(order.mandate)
  return response
}

/** `block_fund` is singular in responses although requests say `block_funds` (domain.md §2.3). */
function mandateBlock(mandate: NonNullable<Order['mandate']>): OrderStatusMandate {
  const block: OrderStatusMandate = {
    // mandate_id and mandate_token appear once a registration activates the mandate.
    mandate_status: 'CREATED',
    mandate_type: 'EMANDATE',
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
  return block
}
