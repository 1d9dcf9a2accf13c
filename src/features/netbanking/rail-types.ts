import type { ReactNode } from 'react'
import type { EnachDetails } from '../../../contract/enach'
import type { SessionView } from '../../../contract/session'
import type { AttemptControls } from '../../lib/attempt-controls'
import type { WriteResult } from '../../lib/write-result'

/** What starting a net banking attempt sends: an eNACH registration with its details, or a plain payment's bank. */
export type NetbankingStartBody = { setUpMandate: true; enach: EnachDetails } | { setUpMandate: false; bankCode: string }

/** Starts the attempt; null when one is already on its way. */
export type NetbankingStart = (body: NetbankingStartBody) => Promise<WriteResult | null>

/** The rail as the shell sets it up. */
export interface NetbankingRailStep {
  setUpMandate: boolean
  /** The last attempt from before this step (ended), which this step must not treat as its own. */
  after: string | null
}

/** What the shell gives the rail (app/rail-props.ts): the session, the step, the shared attempt API, and the ways on. */
export interface NetbankingRailProps {
  view: SessionView
  step: NetbankingRailStep
  attempts: AttemptControls<'netbanking'>
  /** Back to the choice of how to pay, leaving that attempt behind. */
  back: (leftAttempt: string | null) => void
  /** The customer cancelled the open request: this rail again from a fresh step, leaving that attempt behind. */
  restart: (step: NetbankingRailStep) => void
  /** Sends the customer to the bank's page (this window, or a popup inside a frame). */
  handOff: (bankUrl: string) => void
  /** The mandate's terms in plain words, shown before the customer commits (the shell renders it). */
  disclosure: ReactNode
}
