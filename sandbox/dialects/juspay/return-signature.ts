import { createHmac } from 'node:crypto'
import { ORDER_STATUS_IDS } from '../../../contract/status'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'

/**
 * Percent-encoding as merchants' verification code does it (encodeURIComponent, which leaves
 * A–Z a–z 0–9 - _ . ! ~ * ' ( ) unescaped).
 */
const encode = (s: string): string => encodeURIComponent(s)

/**
 * Signs return-URL parameters as Juspay documents it (docs/domain/juspay.md#return-url-signature): every parameter but
 * `signature` and `signature_algorithm`, key and value percent-encoded, sorted by encoded key,
 * joined as key=value with &, the whole string percent-encoded once more, then HMAC-SHA256 with
 * the merchant's response key, base64. The caller percent-encodes the result into the URL once
 * more by putting it in a query string.
 */
export function signReturnParams(params: Readonly<Record<string, string>> | Iterable<readonly [string, string]>, responseKey: string): string {
  const entries: Iterable<readonly [string, string]> = Symbol.iterator in params ? params : Object.entries(params)
  const pairs = [...entries]
    .filter(([key]) => key !== 'signature' && key !== 'signature_algorithm')
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const joined = pairs.map(([key, value]) => `${key}=${value}`).join('&')
  return createHmac('sha256', responseKey).update(encode(joined)).digest('base64')
}

/**
 * The return URL with its result parameters set (replacing any the merchant's URL had under those
 * names) and a signature over every parameter the final URL carries, the merchant's own query
 * included, so verifying every parameter as documented succeeds.
 */
export function signedReturnUrl(returnUrl: string, params: Readonly<Record<string, string>>, responseKey: string): string {
  const url = new URL(returnUrl)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  url.searchParams.delete('signature')
  url.searchParams.delete('signature_algorithm')
  url.searchParams.set('signature', signReturnParams(url.searchParams, responseKey))
  url.searchParams.set('signature_algorithm', 'HMAC-SHA256')
  return url.toString()
}

/** The return after a result: `order_id`, `status` and `status_id`, signed with the merchant's response key. */
export function signReturn(returnUrl: string, order: Order, merchant: Merchant): string {
  const params = { order_id: order.orderId, status: order.status, status_id: String(ORDER_STATUS_IDS[order.status]) }
  return signedReturnUrl(returnUrl, params, merchant.responseKey)
}
