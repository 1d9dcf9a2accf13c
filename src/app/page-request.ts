import { createContext, useContext } from 'react'
import type { DeviceClass } from '../../contract/instrument'
import { deviceClass } from '../features/instruments/upi-channel'
import { useHydrated } from '../lib/use-hydrated'

/** What the server knows of the browser it renders for; null in the browser, which asks itself. */
export interface PageRequest {
  userAgent: string
  search: string
}

export const PageRequestContext = createContext<PageRequest | null>(null)

/**
 * The customer's device and the address's query string. The server knows the user agent but not
 * the touch screen (an iPad calls itself a Mac), so until hydration ends the browser answers as
 * the server did, and the markup matches; the render after hydration uses the touch points too.
 */
export function useDeviceAndSearch(): { device: DeviceClass; search: string } {
  const request = useContext(PageRequestContext)
  const hydrated = useHydrated()
  if (request) return { device: deviceClass(request.userAgent), search: request.search }
  return {
    device: hydrated ? deviceClass(navigator.userAgent, navigator.maxTouchPoints) : deviceClass(navigator.userAgent),
    search: window.location.search,
  }
}
