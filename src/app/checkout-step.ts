import type { AttemptView } from '../../contract/attempt'
import type { UpiChannel } from '../../contract/instrument'
import type { Rail } from '../../contract/rail'
import type { SessionView } from '../../contract/session'
import type { InstrumentSelection } from '../features/instruments/components/instrument-picker'

/** What a rail's step carries of its own, per rail: UPI its channel; net banking nothing more. */
interface OwnStepFields {
  upi: { channel: UpiChannel }
  netbanking: object
}

/** A rail's step without its name and rail: what the rail itself may change when it starts again. */
export type RailStepFields<R extends Rail> = OwnStepFields[R] & {
  setUpMandate: boolean
  /** The last attempt from before this step (ended), which this step must not treat as its own. */
  after: string | null
}

/** The step on one rail: which rail, whether a mandate is set up, and that rail's own fields. */
export type RailStep = { [R in Rail]: { name: 'rail'; rail: R } & RailStepFields<R> }[Rail]
export type RailStepOf<R extends Rail> = Extract<RailStep, { rail: R }>

/**
 * Where the customer wants to be in an open session: the choice, or a rail. Each rail is rendered
 * from a lazily loaded feature folder (rails.ts), so its code loads only when its step starts.
 *
 * `after` / `dismissed` name the last ended attempt the customer has already moved on from, so an
 * old failure does not come back once they choose again.
 */
export type CheckoutStep = { name: 'choose'; dismissed: string | null } | RailStep

export const FIRST_STEP: CheckoutStep = { name: 'choose', dismissed: null }

/** What the open session shows: the choice, a rail, or the failure of the latest attempt. */
export type Stage = { name: 'choose' } | RailStep | { name: 'failed'; attempt: AttemptView }

const ended = (attempt: AttemptView | null): attempt is AttemptView =>
  attempt !== null && attempt.status !== 'pending' && attempt.status !== 'succeeded'

/** The step that shows an attempt on its own rail: a pending one (after a reload, back from the bank), or a failed one tried again. */
export function stepFor(attempt: AttemptView, after: string | null): RailStep {
  switch (attempt.rail) {
    case 'upi':
      return { name: 'rail', rail: 'upi', channel: attempt.channel, setUpMandate: attempt.setsUpMandate, after }
    case 'netbanking':
      return { name: 'rail', rail: 'netbanking', setUpMandate: attempt.setsUpMandate, after }
  }
}

/** The step the customer's choice starts; null when that rail cannot start here (UPI without a channel the merchant allows). */
export function chosenStep(rail: Rail, setUpMandate: boolean, after: string | null, upiChannel: UpiChannel | null): RailStep | null {
  switch (rail) {
    case 'upi':
      return upiChannel ? { name: 'rail', rail, channel: upiChannel, setUpMandate, after } : null
    case 'netbanking':
      return { name: 'rail', rail, setUpMandate, after }
  }
}

/** An ended attempt its rail's own view takes up: an expired QR or collect request is renewed in place ("Get a new QR code", "Send again"). */
function renewedInPlace(step: RailStep, attempt: AttemptView): boolean {
  switch (step.rail) {
    case 'upi':
      return (
        attempt.rail === 'upi' &&
        attempt.status === 'expired' &&
        attempt.channel === step.channel &&
        (step.channel === 'qr' || step.channel === 'collect')
      )
    case 'netbanking':
      return false
  }
}

/** Which run of a rail's screens a step is: a new key starts them afresh (another UPI channel, a new try). */
export function stepKey(step: RailStep): string {
  switch (step.rail) {
    case 'upi':
      return `upi:${step.channel}:${step.after ?? ''}`
    case 'netbanking':
      return `netbanking:${step.after ?? ''}`
  }
}

/**
 * The stage follows the server first: a pending attempt always shows its rail (after a reload, or
 * back from the UPI app), and an attempt that ended without success shows why, until the customer
 * moves on. Pure, so every combination is tested.
 */
export function checkoutStage(view: SessionView, step: CheckoutStep): Stage {
  const attempt = view.attempt
  if (attempt?.status === 'pending') return stepFor(attempt, step.name === 'rail' && step.rail === attempt.rail ? step.after : null)
  if (step.name === 'rail') {
    if (ended(attempt) && attempt.id !== step.after && !renewedInPlace(step, attempt)) return { name: 'failed', attempt }
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
  if (attempt?.status === 'pending') return stepFor(attempt, null)
  const netbanking = view.instruments.find((instrument) => instrument.rail === 'netbanking')
  if (view.preferredRail === 'netbanking' && netbanking?.available && attempt === null) {
    return { name: 'rail', rail: 'netbanking', setUpMandate: netbanking.mandate === 'required', after: null }
  }
  return FIRST_STEP
}

/** Whether the chosen option sets up a mandate: always when required, at the customer's choice when optional. */
export function setsUpMandate(view: SessionView, selection: InstrumentSelection): boolean {
  const chosen = view.instruments.find((instrument) => instrument.rail === selection.rail)
  return chosen?.mandate === 'required' || (chosen?.mandate === 'optional' && selection.optIn)
}
