import { useEffect } from 'react'
import type { SessionView } from '../../contract/session'
import { useLiveSession } from '../features/session/api/use-live-session'
import type { SessionControl } from './session-control'
import { preloadClosedScreens, preloadFinalSteps } from './lazy-parts'

/**
 * The screens a rail can end on, fetched as it starts: the answer may arrive (on a stream that
 * outlives a dropped connection) while the network is down, and a screen that cannot load then
 * would turn a success into a crash. A failed fetch here is fetched again when the screen shows.
 */
const preloadEndScreens = () => Promise.all([preloadFinalSteps(), preloadClosedScreens()]).catch(() => null)

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
