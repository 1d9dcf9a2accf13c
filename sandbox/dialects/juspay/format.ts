/** How Date#toISOString writes an instant, as every stored timestamp is written. */
const TO_ISO_STRING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Juspay writes instants without milliseconds: 2024-09-04T06:11:16Z. */
export function juspayTimestamp(iso: string): string {
  return TO_ISO_STRING.test(iso) ? `${iso.slice(0, 19)}Z` : new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Mandate dates travel as strings of UNIX seconds. */
export function epochSecondsText(iso: string): string {
  return String(Math.floor(Date.parse(iso) / 1000))
}

export function paymentPageUrl(publicOrigin: string, pageId: string): string {
  return `${publicOrigin}/orders/${pageId}/payment-page`
}
