import { createContext, useContext, useSyncExternalStore } from 'react'
import type { DeviceClass } from '../../contract/instrument'
import { deviceClass } from '../features/instruments/upi-channel'

/** What the server knows of the browser it renders for; null in the browser, which asks itself. */
export interface PageRequest {
  userAgent: string
  search: string
}

export const PageRequestContext = createContext<PageRequest | null>(null)

const neverChanges = () => () => undefined

/**
 * The customer's device and the address's query string. The server knows the user agent but not
 * the touch screen (an iPad calls itself a Mac), so while hydrating the browser answers as the
 * server did, and the markup matches; the render after hydration takes the touch points into
 * account, and happens only when they change the answer.
 */
export function useDeviceAndSearch(): { device: DeviceClass; search: string } {
  const request = useContext(PageRequestContext)
  const device = useSyncExternalStore(
    neverChanges,
    () => deviceClass(navigator.userAgent, navigator.maxTouchPoints),
    () => deviceClass(request?.userAgent ?? navigator.userAgent),
  )
  return { device, search: request?.search ?? window.location.search }
}
