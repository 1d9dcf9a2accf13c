import type { MandateUriParams, PayUriParams, UpiUriParams } from '../../../contract/attempt'

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
 * The NPCI URI for one attempt: `upi://mandate?…` to register a mandate, `upi://pay?…` for a
 * one-off payment. Every value is percent-encoded (a space is %20, never +), so merchant text
 * with &, = or # cannot add or cut parameters. Built only from what the sandbox returned.
 */
export function buildUpiUri(params: UpiUriParams): string {
  if (params.kind === 'mandate') return `upi://mandate?${query(MANDATE_KEYS.map((key) => [key, params[key]] as const))}`
  return `upi://pay?${query(PAY_KEYS.map((key) => [key, params[key]] as const))}`
}

export const UPI_APPS = ['phonepe', 'gpay', 'paytm', 'bhim', 'cred', 'amazonpay', 'other'] as const
export type UpiApp = (typeof UPI_APPS)[number]

/** Android packages of the apps that take a mandate only through an intent URL. */
const ANDROID_PACKAGES = { cred: 'com.dreamplug.androidapp', amazonpay: 'in.amazon.mShop.android.shopping' } as const

/**
 * The deep link that opens one app straight on this request. Apps with their own scheme get it;
 * CRED and Amazon Pay get an Android intent URL naming their package; "another UPI app" gets
 * the plain upi:// URI, which the phone offers to every UPI app.
 */
export function appLink(app: UpiApp, uri: string): string {
  const match = /^upi:\/\/(mandate|pay)\?(.*)$/s.exec(uri)
  if (!match) throw new Error('not a upi://mandate or upi://pay URI')
  const [, action, rest] = match
  const tail = `${action ?? ''}?${rest ?? ''}`
  switch (app) {
    case 'phonepe':
      return `phonepe://${tail}`
    case 'gpay':
      return `tez://upi/${tail}`
    case 'paytm':
      return `paytmmp://${tail}`
    case 'bhim':
      return `bhim://${tail}`
    case 'cred':
    case 'amazonpay':
      return `intent://${tail}#Intent;scheme=upi;package=${ANDROID_PACKAGES[app]};end`
    case 'other':
      return uri
  }
}
