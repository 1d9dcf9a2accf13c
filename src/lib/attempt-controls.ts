import type { StartAttempt } from '../../contract/attempt'
import type { Rail } from '../../contract/rail'
import type { WriteFailure, WriteResult } from './write-result'

/**
 * The shared attempt API as a rail's screens use it. `features/attempt` makes it and the app hands
 * it to the rail, so a rail never imports another feature: this type sits below both.
 */
export interface AttemptControls<R extends Rail> {
  /** Starts an attempt on this rail; resolves with the server's answer, or null when one is already on its way. */
  start: (body: Extract<StartAttempt, { rail: R }>) => Promise<WriteResult | null>
  /** Sends the last start again; after a network failure it carries the same idempotency key. */
  retry: () => Promise<WriteResult | null>
  starting: boolean
  /** Why the last start was refused or did not arrive; null after a success or before the first. */
  startFailure: WriteFailure | null
  /** Cancels the pending attempt; null when the request did not go through. */
  cancel: (attemptId: string) => Promise<WriteResult | null>
  cancelling: boolean
}
