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
  const entries: [string, string | null | undefined][] = [
    // [I] without payment_page_client_id we echo the merchant id, which the SDK would need anyway.
    ['clientId', source?.paymentPageClientId ?? merchant.id],
    ['amount', formatRupees(order.amountMinor)],
    ['merchantId', merchant.id],
    ['clientAuthToken', order.clientAuthToken],
    ['clientAuthTokenExpiry', tokenExpiry],
    ['environment', 'sandbox'],
    ['action', source?.action ?? 'paymentPage'],
    ['customerId', order.customer.id],
    ['orderId', order.orderId],
    ['returnUrl', order.returnUrl],
    ['currency', order.currency],
    ['firstName', order.customer.firstName],
    ['lastName', order.customer.lastName],
    ['customerPhone', order.customer.phone],
    ['customerEmail', order.customer.email],
    ['description', order.description],
    ['displayBusinessAs', merchant.name],
    ['options.getUpiDeepLinks', source?.getUpiDeepLinks == null ? null : String(source.getUpiDeepLinks)],
    ...mandateEntries(order),
  ]
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

function mandateEntries(order: Order): [string, string | null][] {
  const { mandate, createMandate } = order
  if (!mandate || !createMandate) return []
  return [
    ['options.createMandate', createMandate],
    ['mandate.maxAmount', formatRupees(mandate.maxAmount.minor)],
    ['mandate.startDate', epochSecondsText(mandate.startDate)],
    ['mandate.endDate', epochSecondsText(mandate.endDate)],
    ['mandate.frequency', mandate.frequency],
    ['mandate.amountRule', mandate.amountRule],
    ['mandate.ruleType', mandate.ruleType],
    ['mandate.ruleValue', mandate.ruleValue === null ? null : String(mandate.ruleValue)],
    ['mandate.blockFunds', String(mandate.blockFunds)],
    ['mandate.revokableByCustomer', String(mandate.revokableByCustomer)],
  ]
}
