import type { EnachDetails } from '../../../contract/enach'
import type { SessionView } from '../../../contract/session'

/** What starting a net banking attempt sends: an eNACH registration with its details, or a plain payment's bank. */
export type EnachStartBody = { setUpMandate: true; enach: EnachDetails } | { setUpMandate: false; bankCode: string }

/** The server's answer to a write: the fresh session, or the page error code (or network trouble). */
export type WriteResult = { ok: true; view: SessionView } | { ok: false; failure: string }

/** Starts the attempt; null when one is already on its way. */
export type EnachStart = (body: EnachStartBody) => Promise<WriteResult | null>

/** The rail as the shell sets it up. */
export interface EnachRailStep {
  setUpMandate: boolean
  /** The last attempt from before this step (ended), which this step must not treat as its own. */
  after: string | null
}

/** What the shell does for the rail: attempts (shared with UPI), leaving, and the hand-off to the bank. */
export interface EnachRailActions {
  back: (leftAttempt: string | null) => void
  /** The customer cancelled the open request: show the form again, leaving that attempt behind. */
  restart: (leftAttempt: string) => void
  start: EnachStart
  retry: () => Promise<WriteResult | null>
  starting: boolean
  startFailure: string | null
  cancel: (attemptId: string) => Promise<WriteResult | null>
  cancelling: boolean
  /** Sends the customer to the bank's page (this window, or a popup inside a frame). */
  handOff: (bankUrl: string) => void
}
