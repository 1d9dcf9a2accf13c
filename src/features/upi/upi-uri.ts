export { buildUpiUri } from '../../../contract/upi-uri'

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
