import type { SessionView } from '../../contract/session'
import { useLiveSession } from '../features/session/api/use-live-session'
import type { SessionControl } from './session-control'

/** A rail's live session: the stream (or polling) runs only while the customer is on that rail's step. */
export function useStepLiveSession(view: SessionView, control: SessionControl): void {
  useLiveSession({
    pageId: view.pageId,
    open: view.state === 'open',
    pending: view.attempt?.status === 'pending',
    write: control.write,
    refetch: control.refetch,
  })
}
