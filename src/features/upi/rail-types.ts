import type { AttemptView, StartAttempt } from '../../../contract/attempt'
import type { UpiChannel } from '../../../contract/instrument'
import type { SessionView } from '../../../contract/session'
import type { ViewResult, WriteFailure } from './api/attempt-response'
import type { SessionSink } from './api/use-start-attempt'

/** The rail as the shell sets it up: which channel, whether a mandate is set up, and the attempt to leave behind. */
export interface UpiRailStep {
  channel: UpiChannel
  setUpMandate: boolean
  /** The last attempt from before this step (ended), which this step must not treat as its own. */
  after: string | null
}

/** What the shell does for the rail: leave it, switch channel, and keep the session query current. */
export interface UpiRailActions {
  back: (leftAttempt: string | null) => void
  switchTo: (channel: UpiChannel, leftAttempt: string | null) => void
  sink: SessionSink
}

/** What every channel view gets: the session, this step's own latest attempt, and the way to start one. */
export interface ChannelProps {
  view: SessionView
  /** This step's latest attempt (pending or ended); null before the first. */
  attempt: AttemptView | null
  start: (extra?: Pick<StartAttempt, 'vpa'>) => Promise<ViewResult | null>
  starting: boolean
  startFailure: WriteFailure | null
  setUpMandate: boolean
}
