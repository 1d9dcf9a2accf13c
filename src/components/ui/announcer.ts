import { createContext, useContext } from 'react'

/**
 * Says something through the page's one polite live region (a status change, a countdown mark,
 * "Link copied"). The frame provides it; outside a frame it does nothing.
 */
export const AnnounceContext = createContext<(message: string) => void>(() => undefined)

export const useAnnounce = (): ((message: string) => void) => useContext(AnnounceContext)
