/** Consecutive stream errors, without a successful reconnect in between, after which the page polls instead. */
export const MAX_STREAM_ERRORS = 3

export interface LiveInput {
  /** The session can still change because of the customer (state 'open'). */
  open: boolean
  /** An attempt is waiting for approval. */
  pending: boolean
  /** The browser has EventSource. */
  streamSupported: boolean
  /** The stream closed for good or failed too often. */
  streamFailed: boolean
}

/**
 * How the page hears about changes: the server's stream while the session is open, and polling
 * every 2 s only when the stream cannot be used and an attempt is pending.
 */
export function liveStatusPlan(input: LiveInput): { stream: boolean; poll: boolean } {
  const stream = input.open && input.streamSupported && !input.streamFailed
  return { stream, poll: input.open && input.pending && !stream }
}

/** Whether a stream error means giving up on the stream. */
export function streamGivesUp(closed: boolean, consecutiveErrors: number): boolean {
  return closed || consecutiveErrors >= MAX_STREAM_ERRORS
}
