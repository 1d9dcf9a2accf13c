/** Whether this browser can hold a server-sent event stream at all. */
export const eventStreamSupported = (): boolean => typeof EventSource !== 'undefined'

export interface EventStreamHandlers {
  /** One event's data, JSON-parsed; null when it is not JSON. */
  onData: (data: unknown) => void
  /** The stream (re)connected. */
  onOpen: () => void
  /** The stream broke; `closed` when the browser gave up and will not reconnect by itself. */
  onError: (closed: boolean) => void
}

/**
 * Listens to one named event of a same-origin server-sent event stream. The browser reconnects
 * by itself after a dropped connection; the caller decides when to give up. Returns the closer.
 */
export function listenToEvents(url: string, event: string, handlers: EventStreamHandlers): () => void {
  const source = new EventSource(url)
  source.addEventListener(event, (message) => {
    let data: unknown
    try {
      data = JSON.parse(String(message.data))
    } catch {
      data = null
    }
    handlers.onData(data)
  })
  source.addEventListener('open', handlers.onOpen)
  source.addEventListener('error', () => handlers.onError(source.readyState === EventSource.CLOSED))
  return () => source.close()
}
