import type { DeviceClass, UpiChannel, UpiChannelPolicy } from '../../../contract/instrument'

/**
 * Which kind of device the customer is on, from the user agent. iPadOS reports itself as a Mac;
 * a "Macintosh" with a touch screen is an iPad.
 */
export function deviceClass(userAgent: string, maxTouchPoints = 0): DeviceClass {
  if (/Android/i.test(userAgent)) return 'android'
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'ios'
  if (/Macintosh/i.test(userAgent) && maxTouchPoints > 1) return 'ios'
  return 'desktop'
}

/**
 * The UPI channel to offer: an override when the merchant's policy allows it, else the policy's
 * default for the device when allowed, else the first allowed channel; null when none is allowed.
 */
export function pickUpiChannel(policy: UpiChannelPolicy, device: DeviceClass, override?: UpiChannel | null): UpiChannel | null {
  if (override && policy.allowed.includes(override)) return override
  const preferred = policy[device]
  if (policy.allowed.includes(preferred)) return preferred
  return policy.allowed[0] ?? null
}

/** The `upi_channel` query parameter (a QA or merchant override, e.g. `?upi_channel=collect`); null when absent or not a channel. */
export function upiChannelOverride(search: string): UpiChannel | null {
  const value = new URLSearchParams(search).get('upi_channel')?.trim().toLowerCase()
  return value === 'intent' || value === 'qr' || value === 'collect' ? value : null
}
