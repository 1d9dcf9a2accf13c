/** How long to wait after each failed load in turn; the last wait repeats. */
const WAITS_MS = [500, 1000, 2000, 4000] as const

/**
 * `load()` again and again until it succeeds, for what the page cannot work without (the
 * language's words as it starts, the embedding protocol): after a failed load it waits
 * 0.5, 1, 2 and then every 4 s, or until the browser says it is back online, whichever comes
 * first. The screen the server drew stays meanwhile, as on a slow network, and comes to life when
 * the load gets through, with no reload (docs/architecture.md#lazy-parts).
 */
export async function loadUntilLoaded<T>(load: () => Promise<T>, online: EventTarget = window): Promise<T> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await load()
    } catch {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          online.removeEventListener('online', wake)
          resolve()
        }
        const timer = setTimeout(wake, WAITS_MS[Math.min(failures, WAITS_MS.length - 1)])
        online.addEventListener('online', wake)
      })
    }
  }
}
