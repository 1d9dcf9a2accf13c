import { useEffect } from 'react'
import type { SessionView } from '../../contract/session'
import { useLiveSession } from '../features/session/api/use-live-session'
import type { SessionControl } from './session-control'
import { preloadEndScreens } from './lazy-parts'

/**
 * A rail's live session: the stream (or polling) runs only while the customer is on that rail's
 * step, and the end screens are ready before the answer comes.
 */
export function useStepLiveSession(view: SessionView, control: SessionControl): void {
  useEffect(() => void preloadEndScreens(), [])
  useLiveSession({
    pageId: view.pageId,
    open: view.state === 'open',
    pending: view.attempt?.status === 'pending',
    write: control.write,
    refetch: control.refetch,
  })
}
