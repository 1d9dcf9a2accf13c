import type { StartUpiAttempt, UpiAttemptView } from '../../../contract/attempt'
import type { UpiChannel } from '../../../contract/instrument'
import type { SessionView } from '../../../contract/session'
import type { AttemptControls } from '../../lib/attempt-controls'
import type { WriteFailure, WriteResult } from '../../lib/write-result'

/** The rail as the shell sets it up: which channel, whether a mandate is set up, and the attempt to leave behind. */
export interface UpiRailStep {
  channel: UpiChannel
  setUpMandate: boolean
  /** The last attempt from before this step (ended), which this step must not treat as its own. */
  after: string | null
}

/** What the shell gives the rail (app/rail-props.ts): the session, the step, the shared attempt API, and the ways on. */
export interface UpiRailProps {
  view: SessionView
  step: UpiRailStep
  attempts: AttemptControls<'upi'>
  /** Back to the choice of how to pay, leaving that attempt behind. */
  back: (leftAttempt: string | null) => void
  /** This rail again from a fresh step: another channel. */
  restart: (step: UpiRailStep) => void
}

/** Cancelling the collect request on its way ("Cancel request"). */
export interface CancelControl {
  run: (attemptId: string) => void
  pending: boolean
}

/** What every channel view gets: the session, this step's own latest attempt, and the way to start one. */
export interface ChannelProps {
  view: SessionView
  /** This step's latest attempt (pending or ended); null before the first. */
  attempt: UpiAttemptView | null
  start: (extra?: Pick<StartUpiAttempt, 'vpa'>) => Promise<WriteResult | null>
  starting: boolean
  startFailure: WriteFailure | null
  setUpMandate: boolean
}
