// Verifies a webhook's x-webhook-signature-v2 header (docs/domain/juspay.md#webhooks). Node 18 or
// later; no dependencies. `rawBody` is the request body exactly as received, before any JSON parsing.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** How far the signed time may be from this server's clock, either way. */
export const TOLERANCE_SECONDS = 300

/** 'ok', or why the delivery is refused: 'missing', 'malformed', 'mismatch' or 'outside tolerance'. */
export function verifyWebhook(rawBody, signatureHeader, responseKey, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof signatureHeader !== 'string') return 'missing'
  const parts = signatureHeader.split(',').map((part) => part.trim().split('='))
  const timestamp = parts.find(([key]) => key === 't')?.[1]
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '')
  if (timestamp === undefined || !/^\d+$/.test(timestamp) || signatures.length === 0) return 'malformed'
  const expected = Buffer.from(createHmac('sha256', responseKey).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex'))
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!matches) return 'mismatch'
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return 'outside tolerance'
  return 'ok'
}
