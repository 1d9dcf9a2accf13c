// Verifies the signed query the sandbox (like Juspay) appends to the merchant's return_url
// (docs/domain/juspay.md#return-url-signature). Node 18 or later; no dependencies.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** True when `returnUrl`'s `signature` is the HMAC-SHA256 of its other parameters under `responseKey`. */
export function verifyReturnUrl(returnUrl, responseKey) {
  const pairs = []
  let signature = null
  for (const [key, value] of new URL(returnUrl).searchParams) {
    if (key === 'signature') signature = value
    else if (key !== 'signature_algorithm') pairs.push([encodeURIComponent(key), encodeURIComponent(value)])
  }
  if (signature === null) return false
  // Sorted by encoded key in plain code-unit order; a stable sort keeps repeated keys in their order.
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const message = encodeURIComponent(pairs.map(([key, value]) => `${key}=${value}`).join('&'))
  const expected = Buffer.from(createHmac('sha256', responseKey).update(message, 'utf8').digest('base64'))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
