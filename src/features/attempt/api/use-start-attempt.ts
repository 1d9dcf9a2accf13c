import { useCallback, useRef } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { StartAttempt } from '../../../../contract/attempt'
import type { SessionView } from '../../../../contract/session'
import { newIdempotencyKey } from '../../../lib/idempotency'
import { isRetryable, type WriteFailure, type WriteResult } from '../../../lib/write-result'
import { startAttempt } from './attempt-api'

export interface SessionSink {
  /** A fresh session view from a write: it goes into the session query. */
  onView: (view: SessionView) => void
  /** The session changed under us (attempt in progress, session closed): read it again. */
  onStale: () => void
}

/**
 * Starts attempts on any rail. One idempotency key per try: a double click, a StrictMode double
 * effect or a retry after a network failure sends the same key, so the server makes one attempt; a
 * new key is made only once the server has answered for good (created, or refused).
 */
export function useStartAttempt(pageId: string, sink: SessionSink) {
  const key = useRef<string | null>(null)
  const inFlight = useRef(false)
  const last = useRef<StartAttempt | null>(null)
  const mutation = useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: StartAttempt; idempotencyKey: string }) => startAttempt(pageId, body, idempotencyKey),
    retry: false,
    throwOnError: true,
    onSuccess: (result) => {
      if (result.ok) {
        key.current = null
        sink.onView(result.view)
        return
      }
      if (!isRetryable(result.failure)) key.current = null
      if (result.failure === 'attempt_in_progress' || result.failure === 'session_not_open') sink.onStale()
    },
  })
  const { mutateAsync } = mutation
  /** Sends one start; resolves with the server's answer, or null when one is already on its way. */
  const start = useCallback(
    async (body: StartAttempt): Promise<WriteResult | null> => {
      if (inFlight.current) return null
      inFlight.current = true
      // Everything after the flag is set runs inside try, so no throw can leave it set.
      try {
        last.current = body
        key.current ??= newIdempotencyKey()
        // A thrown contract break reaches the error boundary through throwOnError.
        return await mutateAsync({ body, idempotencyKey: key.current }).catch(() => null)
      } finally {
        inFlight.current = false
      }
    },
    [mutateAsync],
  )
  /** Sends the last request again; after a network failure it carries the same key. */
  const retry = useCallback(() => (last.current ? start(last.current) : Promise.resolve(null)), [start])
  const result = mutation.data
  const failure: WriteFailure | null = result && !result.ok ? result.failure : null
  return { start, retry, pending: mutation.isPending, failure }
}
