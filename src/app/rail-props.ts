import type { ComponentType, ReactNode } from 'react'
import type { Rail } from '../../contract/rail'
import type { SessionView } from '../../contract/session'
import type { AttemptControls } from '../lib/attempt-controls'
import type { CheckoutStep, RailStepFields, RailStepOf } from './checkout-step'
import type { SessionControl } from './session-control'

/**
 * What the shell gives every rail's screens. A rail's component declares the part it uses in its
 * own feature folder; rails.ts checks that it takes these.
 */
export interface RailUiProps<R extends Rail> {
  view: SessionView
  step: RailStepOf<R>
  /** The shared attempt API (features/attempt): start, retry and cancel on this rail. */
  attempts: AttemptControls<R>
  /** Back to the choice of how to pay, leaving that attempt behind. */
  back: (leftAttempt: string | null) => void
  /** This rail again from a fresh step: another UPI channel, the bank form after a cancelled request. */
  restart: (step: RailStepFields<R>) => void
  /** Sends the customer to the provider's page (the bank's): this window, or a popup inside a frame. */
  handOff: (url: string) => void
  /** The mandate's terms in plain words, for a rail that shows them again before the customer commits; null without a mandate. */
  disclosure: ReactNode
}

/** What the open session gives the step of any rail, with that rail's screens to show. */
export interface RailStepProps<R extends Rail> {
  view: SessionView
  step: RailStepOf<R>
  control: SessionControl
  onStep: (step: CheckoutStep) => void
  ui: ComponentType<RailUiProps<R>>
}
