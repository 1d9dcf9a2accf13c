import type { AttemptStatus, FailureReason } from '../../contract/attempt'
import type { AccountType, AuthMode } from '../../contract/enach'
import type { UpiChannel } from '../../contract/instrument'
import type { Rail } from '../../contract/rail'
import type { BankScenario } from '../../contract/scenarios'
import type { BankDecline } from '../../contract/scenarios'

/** How a pending attempt resolves by itself (magic VPAs), unless someone acts first. */
export type AutoOutcome = { kind: 'approve' | 'decline' | 'expire'; at: string }

/** Where the customer is on the simulated bank's pages: credentials, then OTP, then the consent screen. */
export type BankStep = 'credentials' | 'otp' | 'consent'

/** Before the customer authorises at the bank, then while the bank confirms (NetbankingAttemptDetail.stage). */
export type BankStage = 'awaiting_customer' | 'awaiting_bank'

/** The debtor account of an eNACH mandate, as far as the sandbox may keep it: never the full number. */
export interface EnachAccount {
  /** 'X' for every character but the last four, e.g. XXXXXX1111. */
  masked: string
  last4: string
  ifsc: string
  accountType: AccountType
  holderName: string
}

/** The bank side of a net banking attempt: an eNACH registration, or a plain payment when `account` is null. */
export interface BankAttempt {
  bankCode: string
  bankName: string
  authMode: AuthMode
  /** What the bank answers once the customer authorises, read from the account number at start. */
  scenario: BankScenario
  step: BankStep
  stage: BankStage
  otpFailures: number
  account: EnachAccount | null
  /** NPCI's mandate reference, set when the registration succeeds. */
  umrn: string | null
}

/** What every attempt has, whatever its rail. */
interface AttemptBase {
  id: string
  number: number
  /** `<merchant_id>-<order_id>-<n>`, as Juspay numbers transactions. */
  txnId: string
  txnUuid: string
  idempotencyKey: string
  /** Digest of the start request, so a reused idempotency key with a different request is refused. */
  requestFingerprint: string
  setsUpMandate: boolean
  status: AttemptStatus
  failureReason: FailureReason | null
  createdAt: string
  expiresAt: string
  endedAt: string | null
  /** One-time token of the simulated app or bank page; spent once the attempt is decided there. */
  simulatorToken: string
  /** Set at start from the rail's scenario (sandbox/domain/rails/). */
  autoOutcome: AutoOutcome | null
  mandateId: string | null
  mandateToken: string | null
  /** Why the bank declined a scheduled debit's attempt (docs/domain/renewals.md#what-qa-chooses); absent on every other attempt. */
  bankDecline?: BankDecline
}

/**
 * What each rail adds to an attempt, one entry per rail: a rail in `RAILS` without an entry here
 * fails to compile (`RailPart` indexes this by every rail).
 */
interface RailFields {
  upi: {
    channel: UpiChannel
    /** The VPA a collect request went to, or the one the app approved from. */
    payerVpa: string | null
    payerName: string | null
    payerApp: string | null
  }
  netbanking: { bank: BankAttempt }
}

/** One rail's own part of an attempt, keyed by `rail`; for a union of rails, the union of their parts. */
export type RailPart<R extends Rail = Rail> = { [K in R]: { rail: K } & RailFields[K] }[R]

/** One try at paying or registering, on one rail: the common fields plus that rail's own part. */
export type RailAttempt<R extends Rail> = AttemptBase & RailPart<R>
export type Attempt = RailAttempt<Rail>
export type UpiAttempt = RailAttempt<'upi'>
export type NetbankingAttempt = RailAttempt<'netbanking'>

const isOn = <R extends Rail>(attempt: Attempt, rail: R): attempt is Extract<Attempt, { rail: R }> => attempt.rail === rail

/** The first attempt that matches, if it is on this rail: what a rail's simulator may act on. */
export function findOnRail<R extends Rail>(
  attempts: readonly Attempt[],
  rail: R,
  match: (attempt: Attempt) => boolean,
): Extract<Attempt, { rail: R }> | undefined {
  const found = attempts.find(match)
  return found && isOn(found, rail) ? found : undefined
}

type ApproveEvent = { type: 'approve'; payerApp?: string; payerVpa?: string }

export type AttemptEvent =
  | ApproveEvent
  | { type: 'decline' }
  | { type: 'reject'; reason: Extract<FailureReason, 'bank_rejected' | 'name_mismatch' | 'authentication_failed'> }
  | { type: 'expire' }
  | { type: 'cancel' }

export type TransitionResult = { ok: true; attempt: Attempt } | { ok: false; reason: 'not_pending' }

/**
 * The attempt state machine: pending is the only state that moves, and every move ends it.
 * pending --approve--> succeeded; --decline/reject--> failed; --expire--> expired; --cancel--> cancelled.
 */
export function transition(attempt: Attempt, event: AttemptEvent, now: Date): TransitionResult {
  if (attempt.status !== 'pending') return { ok: false, reason: 'not_pending' }
  const ended = { ...attempt, endedAt: now.toISOString(), autoOutcome: null }
  switch (event.type) {
    case 'approve':
      return {
        ok: true,
        attempt: { ...approvedBy(ended, event), status: 'succeeded' },
      }
    case 'decline':
      return { ok: true, attempt: { ...ended, status: 'failed', failureReason: 'declined_by_customer' } }
    case 'reject':
      return { ok: true, attempt: { ...ended, status: 'failed', failureReason: event.reason } }
    case 'expire':
      return { ok: true, attempt: { ...ended, status: 'expired', failureReason: 'approval_window_expired' } }
    case 'cancel':
      return { ok: true, attempt: { ...ended, status: 'cancelled', failureReason: 'cancelled_by_customer' } }
  }
}

/** A UPI approval names the app it came from and the VPA it paid from (collect keeps the VPA it was sent to). */
function approvedBy(attempt: Attempt, event: ApproveEvent): Attempt {
  switch (attempt.rail) {
    case 'upi':
      return { ...attempt, payerApp: event.payerApp ?? attempt.payerApp, payerVpa: attempt.payerVpa ?? event.payerVpa ?? null }
    case 'netbanking':
      return attempt
  }
}

/** What a pending attempt has become by `now` on its own: its auto outcome or its expiry. */
export function settle(attempt: Attempt, now: Date): Attempt {
  if (attempt.status !== 'pending') return attempt
  const t = now.getTime()
  const auto = attempt.autoOutcome
  const expiresAt = new Date(attempt.expiresAt).getTime()
  if (auto && new Date(auto.at).getTime() <= Math.min(t, expiresAt)) {
    const result = transition(attempt, { type: auto.kind }, new Date(auto.at))
    return result.ok ? result.attempt : attempt
  }
  if (expiresAt <= t) {
    const result = transition(attempt, { type: 'expire' }, new Date(expiresAt))
    return result.ok ? result.attempt : attempt
  }
  return attempt
}

/** The next instant at which a pending attempt changes by itself, for the scheduler. */
export function nextChangeAt(attempt: Attempt): Date | null {
  if (attempt.status !== 'pending') return null
  const expiry = new Date(attempt.expiresAt).getTime()
  const auto = attempt.autoOutcome ? new Date(attempt.autoOutcome.at).getTime() : Infinity
  return new Date(Math.min(expiry, auto))
}
