import { useMutation } from '@tanstack/react-query'
import { cancelAttempt } from './attempt-api'
import type { SessionSink } from './use-start-attempt'

/** Cancels the pending attempt on any rail (the customer's "Cancel request", Back, or switching UPI channel). */
export function useCancelAttempt(pageId: string, sink: SessionSink) {
  const mutation = useMutation({
    mutationFn: (attemptId: string) => cancelAttempt(pageId, attemptId),
    retry: false,
    throwOnError: true,
    onSuccess: (result) => {
      if (result.ok) sink.onView(result.view)
      // The attempt ended meanwhile (approved, expired): read what happened.
      else sink.onStale()
    },
  })
  const { mutateAsync } = mutation
  return { run: (attemptId: string) => mutateAsync(attemptId).catch(() => null), pending: mutation.isPending }
}
