import type { Order } from '../../domain/order'
import { newRequestId } from '../../domain/ids'
import type { Merchant } from '../../merchants'
import { formatRupees } from './decimal'
import { epochSecondsText, juspayTimestamp, paymentPageUrl } from './format'

export interface OrderCreateResponse {
  status: 'NEW'
  id: string
  order_id: string
  payment_links: { web: string; expiry: string }
  order_expiry: string
}

export interface SessionResponse extends OrderCreateResponse {
  sdk_payload: {
    requestId: string
    service: 'in.juspay.hyperpay'
    payload: Record<string, string>
    expiry: string
  }
}

/**
 * POST /orders answers with the order's identity and payment link only: Juspay's order-create
 * response carries no SDK payload, as the merchant builds its own UI around the order. Its status
 * is the order's (NEW), the same as the session answer, so both endpoints read alike.
 */
export function orderCreateResponse(order: Order, publicOrigin: string): OrderCreateResponse {
  const expiry = juspayTimestamp(order.expiresAt)
  return {
    status: 'NEW',
    id: order.id,
    order_id: order.orderId,
    payment_links: { web: paymentPageUrl(publicOrigin, order.id), expiry },
    order_expiry: expiry,
  }
}

/** POST /session: the order-create answer plus the payload a HyperCheckout SDK would be opened with. */
export function sessionResponse(order: Order, merchant: Merchant, publicOrigin: string): SessionResponse {
  const tokenExpiry = juspayTimestamp(order.clientAuthTokenExpiresAt)
  return {
    ...orderCreateResponse(order, publicOrigin),
    sdk_payload: {
      requestId: newRequestId(),
      service: 'in.juspay.hyperpay',
      payload: sdkPayload(order, merchant, tokenExpiry),
      expiry: tokenExpiry,
    },
  }
}

/** Values are strings, as Juspay's SDK payload carries them; absent optional fields are left out. */
function sdkPayload(order: Order, merchant: Merchant, tokenExpiry: string): Record<string, string> {
  const source = order.source.dialect === 'juspay' ? order.source : null
  const payload: Record<string, string> = {}
  // Written in place, in this order: an array of entries filtered into an object cost twice the garbage.
  const put = (key: string, value: string | null): void => {
    if (value !== null) payload[key] = value
  }
  // [I] without payment_page_client_id we echo the merchant id, which the SDK would need anyway.
  put('clientId', source?.paymentPageClientId ?? merchant.id)
  put('amount', formatRupees(order.amountMinor))
  put('merchantId', merchant.id)
  put('clientAuthToken', order.clientAuthToken)
  put('clientAuthTokenExpiry', tokenExpiry)
  put('environment', 'sandbox')
  put('action', source?.action ?? 'paymentPage')
  put('customerId', order.customer.id)
  put('orderId', order.orderId)
  put('returnUrl', order.returnUrl)
  put('currency', order.currency)
  put('firstName', order.customer.firstName)
  put('lastName', order.customer.lastName)
  put('customerPhone', order.customer.phone)
  put('customerEmail', order.customer.email)
  put('description', order.description)
  put('displayBusinessAs', merchant.name)
  put('options.getUpiDeepLinks', source?.getUpiDeepLinks == null ? null : String(source.getUpiDeepLinks))
  const { mandate, createMandate } = order
  if (mandate && createMandate) {
    put('options.createMandate', createMandate)
    put('mandate.maxAmount', formatRupees(mandate.maxAmount.minor))
    put('mandate.startDate', epochSecondsText(mandate.startDate))
    put('mandate.endDate', epochSecondsText(mandate.endDate))
    put('mandate.frequency', mandate.frequency)
    put('mandate.amountRule', mandate.amountRule)
    put('mandate.ruleType', mandate.ruleType)
    put('mandate.ruleValue', mandate.ruleValue === null ? null : String(mandate.ruleValue))
    put('mandate.blockFunds', String(mandate.blockFunds))
    put('mandate.revokableByCustomer', String(mandate.revokableByCustomer))
  }
  return payload
}
