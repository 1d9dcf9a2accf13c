import type { Appearance } from '../../contract/appearance'
import type { SessionView } from '../../contract/session'

export interface Signal<T> {
  get: () => T
  set: (value: T) => void
  /** Calls `listener` on every change from now on; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void
}

/** A value that remembers its latest state and tells subscribers when it changes. */
export function signal<T>(initial: T): Signal<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

/*
 * What the page shows, published for code outside the React tree (the embed bridge, loaded only
 * in a frame), so no component needs to know it is embedded.
 */

/** The `screen` of the ScreenHeading last shown: loading, ready, upi-qr, success, … */
export const shownScreen = signal<string | null>(null)
/** The session view last rendered. */
export const shownView = signal<SessionView | null>(null)
/** The appearance a framing host asked for (URL parameters, then set_appearance); it wins over the session's. */
export const hostAppearance = signal<Appearance>({})
