import type { MandateUriParams, PayUriParams, UpiUriParams } from './attempt'

/** Query keys in the order NPCI's examples list them (docs/domain/upi.md#mandate-uri). Null values are left out. */
const MANDATE_KEYS = [
  'pa', 'pn', 'mc', 'tr', 'tid', 'am', 'amrule', 'cu', 'mn', 'tn', 'validitystart', 'validityend',
  'recur', 'recurtype', 'recurvalue', 'rev', 'block', 'purpose', 'txnType', 'mode',
] as const satisfies readonly (keyof MandateUriParams)[]
const PAY_KEYS = ['pa', 'pn', 'mc', 'tr', 'tid', 'am', 'cu', 'tn', 'mode'] as const satisfies readonly (keyof PayUriParams)[]

function query(pairs: readonly (readonly [string, string | null])[]): string {
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
}

/**
 * The NPCI URI for one attempt (shared: the page builds its links and QR from it, a dialect that
 * answers an intent link builds that): `upi://mandate?…` to register a mandate, `upi://pay?…` for a
 * one-off payment. Every value is percent-encoded (a space is %20, never +), so merchant text
 * with &, = or # cannot add or cut parameters. Built only from what the sandbox returned.
 */
export function buildUpiUri(params: UpiUriParams): string {
  if (params.kind === 'mandate') return `upi://mandate?${query(MANDATE_KEYS.map((key) => [key, params[key]] as const))}`
  return `upi://pay?${query(PAY_KEYS.map((key) => [key, params[key]] as const))}`
}
