import type { AttemptView } from '../../contract/attempt'
import type { UpiChannel } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import type { InstrumentSelection } from '../features/instruments/components/instrument-picker'

/**
 * Where the customer wants to be in an open session. Each rail (UPI now, eNACH next) is rendered
 * from a lazily loaded feature folder, so its code loads only when that step starts.
 *
 * `after` / `dismissed` name the last ended attempt the customer has already moved on from, so an
 * old failure does not come back once they choose again.
 */
export type CheckoutStep =
  | { name: 'choose'; dismissed: string | null }
  | { name: 'upi'; channel: UpiChannel; setUpMandate: boolean; after: string | null }
  | { name: 'enach'; setUpMandate: boolean; after: string | null }

export const FIRST_STEP: CheckoutStep = { name: 'choose', dismissed: null }

/** What the open session shows: the choice, a rail, or the failure of the latest attempt. */
export type Stage =
  | { name: 'choose' }
  | { name: 'upi'; channel: UpiChannel; setUpMandate: boolean; after: string | null }
  | { name: 'enach'; setUpMandate: boolean; after: string | null }
  | { name: 'failed'; attempt: AttemptView }

const ended = (attempt: AttemptView | null): attempt is AttemptView =>
  attempt !== null && attempt.status !== 'pending' && attempt.status !== 'succeeded'

/** An expired QR or collect request is renewed in its own view ("Get a new QR code", "Send again"). */
const renewedInPlace = (attempt: AttemptView, channel: UpiChannel) =>
  attempt.status === 'expired' && attempt.channel === channel && (channel === 'qr' || channel === 'collect')

/**
 * The stage follows the server first: a pending attempt always shows its rail (after a reload, or
 * back from the UPI app), and an attempt that ended without success shows why, until the customer
 * moves on. Pure, so every combination is tested.
 */
export function checkoutStage(view: SessionView, step: CheckoutStep): Stage {
  const attempt = view.attempt
  if (attempt?.status === 'pending' && attempt.rail === 'upi') {
    return { name: 'upi', channel: attempt.channel ?? 'intent', setUpMandate: attempt.setsUpMandate, after: step.name === 'upi' ? step.after : null }
  }
  if (attempt?.status === 'pending' && attempt.rail === 'netbanking') {
    return { name: 'enach', setUpMandate: attempt.setsUpMandate, after: step.name === 'enach' ? step.after : null }
  }
  if (step.name === 'upi') {
    if (ended(attempt) && attempt.id !== step.after && !renewedInPlace(attempt, step.channel)) return { name: 'failed', attempt }
    return step
  }
  if (step.name === 'enach') {
    if (ended(attempt) && attempt.id !== step.after) return { name: 'failed', attempt }
    return step
  }
  if (ended(attempt) && attempt.id !== step.dismissed) return { name: 'failed', attempt }
  return { name: 'choose' }
}

/**
 * The step to start in: straight back to a pending attempt after a reload (or the return from the
 * bank); straight into eNACH when the merchant asked for it (`action: "enach"`) and it is offered.
 */
export function initialStep(view: SessionView): CheckoutStep {
  const attempt = view.attempt
  if (attempt?.status === 'pending' && attempt.rail === 'upi') {
    return { name: 'upi', channel: attempt.channel ?? 'intent', setUpMandate: attempt.setsUpMandate, after: null }
  }
  if (attempt?.status === 'pending' && attempt.rail === 'netbanking') {
    return { name: 'enach', setUpMandate: attempt.setsUpMandate, after: null }
  }
  const netbanking = view.instruments.find((instrument) => instrument.rail === 'netbanking')
  if (view.preferredRail === 'netbanking' && netbanking?.available && attempt === null) {
    return { name: 'enach', setUpMandate: netbanking.mandate === 'required', after: null }
  }
  return FIRST_STEP
}

/** Whether the chosen option sets up a mandate: always when required, at the customer's choice when optional. */
export function setsUpMandate(view: SessionView, selection: InstrumentSelection): boolean {
  const chosen = view.instruments.find((instrument) => instrument.rail === selection.kind)
  return chosen?.mandate === 'required' || (chosen?.mandate === 'optional' && selection.optIn)
}
