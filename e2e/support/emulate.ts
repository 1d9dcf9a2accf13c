import { devices } from '@playwright/test'

/** A device's emulation without its browser choice, which a describe block may not change. */
export function emulate(name: 'iPhone 13' | 'Pixel 7') {
  const { userAgent, viewport, deviceScaleFactor, isMobile, hasTouch } = devices[name]
  return { userAgent, viewport, deviceScaleFactor, isMobile, hasTouch }
}
