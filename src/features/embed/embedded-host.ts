import { embedContext } from '../../lib/embedding'

/**
 * The framing merchant page, when this page runs inside one through the embed script (the server
 * checked its origin against the merchant's framing origins); null in a window of its own. A rail
 * uses it to know it is framed, e.g. to open a bank page as a popup rather than navigate.
 */
export function embeddedHost(): { origin: string } | null {
  const context = embedContext()
  return context ? { origin: context.hostOrigin } : null
}
