import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// What a test waits for may sit behind a lazily loaded chunk, which the first test to need it
// transforms: a wait gives up only long after anything that is on its way would have arrived.
configure({ asyncUtilTimeout: 10_000 })

// jsdom has no media queries: the page reads `prefers-color-scheme`, which a light device answers with no match.
window.matchMedia = (query: string): MediaQueryList =>
  Object.assign(new EventTarget(), { media: query, matches: false, onchange: null, addListener: () => undefined, removeListener: () => undefined })

// jsdom has no layout, so nothing to scroll: the bank list scrolls its active option into view.
Element.prototype.scrollIntoView = () => undefined

// Each component test starts from a blank document: nothing rendered, real timers, the real
// network functions back, the tab in front, no language remembered from the last test, the address at the root.
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
  Reflect.deleteProperty(document, 'visibilityState')
})
