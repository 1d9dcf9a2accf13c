import { createElement, lazy, type ComponentType } from 'react'

/** Puts a fresh lazy component in place of each one whose load failed. */
const renewals = new Set<() => void>()

/**
 * `React.lazy` that can load again after a failed load: the component `pick` takes from the module
 * `load` brings. React keeps a lazy component's failure for good, so a chunk that did not download
 * once (a dropped connection) would fail every render after it, the error boundary's Retry
 * included, until the customer reloaded the page. A failed load stays failed until
 * `retryFailedParts()` (the boundary's Retry) puts a fresh lazy component in its place, which
 * fetches the chunk again: browsers fetch a module again after a failed dynamic import. Swapping
 * at once instead would let React's own re-render after an error fetch again at network speed,
 * hundreds of times a second while offline (docs/architecture.md#lazy-parts). A module that is
 * already in (`preloadable`'s settled thenable) renders in the same pass, as with `React.lazy`.
 */
export function retryableLazy<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  const renew = () => {
    current = fresh()
  }
  const fresh = () =>
    lazy(() =>
      load().then(
        (module) => ({ default: pick(module) }),
        (error: unknown) => {
          renewals.add(renew)
          throw error
        },
      ),
    )
  let current = fresh()
  return function RetryableLazy(props: P) {
    return createElement(current, props)
  }
}

/** Lets every lazy part whose load failed load again when it next renders. */
export function retryFailedParts(): void {
  for (const renew of renewals) renew()
  renewals.clear()
}
