import type { AttemptView, StartAttempt } from '../../../contract/attempt'
import type { InstrumentNotice, UnavailableReason } from '../../../contract/instrument'
import type { MandateTerms } from '../../../contract/mandate'
import type { Rail } from '../../../contract/rail'
import type { Merchant } from '../../merchants'
import type { AutoOutcome, RailAttempt, RailPart } from '../attempt'
import type { Order } from '../order'

/**
 * The rails the page API can start and show. Every rail in `RAILS` must be one: a rail without its
 * own start request and attempt view in contract/attempt.ts fails the constraint below.
 */
type PageRail = Extract<StartAttempt['rail'], AttemptView['rail']>

/** One rail's start request (`StartAttempt` keyed by rail). */
export type RailStart<R extends Rail> = Extract<StartAttempt, { rail: R }>

type CommonViewKey = Exclude<keyof AttemptView, 'rail'>

/** What one rail adds to the common fields of the page's attempt view; for a union of rails, the union. */
export type RailView<R extends Rail> = R extends Rail ? Omit<Extract<AttemptView, { rail: R }>, CommonViewKey> : never

export type RailPlan<R extends Rail, StartError extends string> = { ok: true; part: RailPart<R> } | { ok: false; error: StartError }

/**
 * Everything one rail decides, in one place: the attempt service, the session view, the order's
 * outcome and the dialects look a rail up here (sandbox/domain/rails/index.ts) instead of asking
 * which rail an attempt is on.
 */
export interface RailDefinition<R extends PageRail, StartError extends string> {
  /** Why this rail cannot register the session's mandate (its ceiling, frequencies, limits), or null. */
  mandateBlocker(mandate: MandateTerms, merchant: Merchant): UnavailableReason | null
  /** What the customer should know before registering this mandate on this rail. */
  notices(mandate: MandateTerms): InstrumentNotice[]
  /** Checks a start request against the merchant and the order, and plans the rail's part of the attempt. */
  plan(order: Order, merchant: Merchant, request: RailStart<R>): RailPlan<R, StartError>
  /** How long the customer has to approve. */
  approvalWindowMs: number
  /** How a new attempt resolves by itself, by the rail's scenario catalogue; null waits for the customer or QA. */
  autoOutcome(part: RailPart<R>, now: Date): AutoOutcome | null
  /** The simulated app or bank page for this attempt (same origin as the page). */
  simulatorPath(attempt: RailAttempt<R>): string
  /** While pending: authorised by the customer and waiting only for the bank (order status AUTHORIZING). */
  awaitingBank(attempt: RailAttempt<R>): boolean
  /** The attempt once its mandate is registered, with what the rail records then (eNACH: the UMRN). */
  registered(attempt: RailAttempt<R>, at: Date): RailAttempt<R>
  /** NPCI's reference of the registered mandate, on rails that have one. */
  umrn(attempt: RailAttempt<R>): string | null
  /** The rail's part of the page's attempt view. */
  view(order: Order, attempt: RailAttempt<R>, merchant: Merchant): RailView<R>
}
