import type { Rail } from '../../../contract/rail'
import type { AttemptControls } from '../../lib/attempt-controls'
import { useCancelAttempt } from './api/use-cancel-attempt'
import { useStartAttempt, type SessionSink } from './api/use-start-attempt'

/** The shared attempt API for the rail on screen: start (and retry) and cancel, with what is on its way. */
export function useAttemptControls<R extends Rail>(pageId: string, sink: SessionSink): AttemptControls<R> {
  const starter = useStartAttempt(pageId, sink)
  const canceller = useCancelAttempt(pageId, sink)
  return {
    start: starter.start,
    retry: starter.retry,
    starting: starter.pending,
    startFailure: starter.failure,
    cancel: canceller.run,
    cancelling: canceller.pending,
  }
}
