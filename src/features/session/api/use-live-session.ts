import { useEffect, useState } from 'react'
import { POLL_INTERVAL_MS, SessionView } from '../../../../contract/session'
import { eventStreamSupported, listenToEvents } from '../../../lib/event-stream'
import { liveStatusPlan, streamGivesUp } from './live-status'

export interface LiveSessionInput {
  pageId: string
  open: boolean
  pending: boolean
  /** Writes a fresh view into the session query. */
  write: (view: SessionView) => void
  /** Refetches the session query. */
  refetch: () => void
}

/**
 * Keeps the session query live: every `session` event of the page's stream is parsed with the
 * contract and written into the query; when the stream is missing or keeps failing, the session is
 * polled every 2 s while an attempt is pending; coming back to the tab (from the UPI app) refetches
 * at once. The stream closes when the caller unmounts or the session closes.
 */
export function useLiveSession({ pageId, open, pending, write, refetch }: LiveSessionInput): void {
  const [streamFailed, setStreamFailed] = useState(false)
  const plan = liveStatusPlan({ open, pending, streamSupported: eventStreamSupported(), streamFailed })

  useEffect(() => {
    if (!plan.stream) return
    let errors = 0
    const close = listenToEvents(`/api/pages/${encodeURIComponent(pageId)}/events`, 'session', {
      onData: (data) => {
        const parsed = SessionView.safeParse(data)
        if (parsed.success) write(parsed.data)
      },
      onOpen: () => {
        errors = 0
      },
      onError: (closed) => {
        errors += 1
        if (streamGivesUp(closed, errors)) {
          close()
          setStreamFailed(true)
        }
      },
    })
    return close
  }, [plan.stream, pageId, write])

  useEffect(() => {
    if (!open) return
    const timer = plan.poll ? setInterval(refetch, POLL_INTERVAL_MS) : undefined
    const onVisible = () => {
      if (document.visibilityState === 'visible') refetch()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [open, plan.poll, refetch])
}
