/**
 * A code-split module that can be fetched ahead of need. Once it has arrived, `load()` hands it over
 * through a thenable that settles synchronously, so `React.lazy` renders it in the same pass instead
 * of suspending: a suspended boundary shows its fallback, and React holds the content that
 * replaces it back until 300 ms after that fallback appeared.
 */
export interface Preloadable<M> {
  /** Starts fetching the module (once); resolves when it is in. */
  preload: () => Promise<M>
  /** For `React.lazy`: the module, synchronously when it is already in. */
  load: () => Promise<M>
}

/** A thenable already holding its value: `then` runs the callback at once. Only `React.lazy` and chained `then`s consume it. */
function settled<T>(value: T): Promise<T> {
  const thenable = {
    then: <R>(onFulfilled?: ((value: T) => R | PromiseLike<R>) | null) =>
      onFulfilled ? settled(onFulfilled(value) as R) : (thenable as unknown as Promise<R>),
  }
  return thenable as unknown as Promise<T>
}

export function preloadable<M>(importModule: () => Promise<M>): Preloadable<M> {
  let arrived: { module: M } | null = null
  let pending: Promise<M> | null = null
  const preload = () =>
    (pending ??= importModule().then(
      (module) => {
        arrived = { module }
        return module
      },
      (error: unknown) => {
        // A failed fetch (network) may be retried by the next load.
        pending = null
        throw error
      },
    ))
  return { preload, load: () => (arrived ? settled(arrived.module) : preload()) }
}
