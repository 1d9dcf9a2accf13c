import { useSyncExternalStore } from 'react'

const neverChanges = () => () => undefined

/**
 * False while the page renders on the server and while the browser hydrates that markup, true
 * from the render after: what needs a script to work (a button) is drawn inert until then, so
 * nothing on the server-rendered screen looks clickable while a tap would do nothing. A page the
 * browser renders by itself is hydrated from its first render.
 */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  )
