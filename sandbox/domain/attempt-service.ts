import { createHmac, randomBytes } from 'node:crypto'
import { MAX_ATTEMPTS_PER_ORDER, type StartAttempt } from '../../contract/attempt'
import type { DomainDeps } from './domain-deps'
import type { Merchant } from '../merchants'
import { upiScenario } from '../simulators/scenarios'
import {
  nextChangeAt,
  settle,
  transition,
  type Attempt,
  type AttemptEvent,
  type AutoOutcome,
  type BankAttempt,
  type BankStep,
} from './attempt'
import { applyAttempt } from './attempt-outcome'
import { planBankAttempt, type BankStartError } from './bank-attempt'
import { alnum, hex } from './ids'
import { eligibleInstruments } from './instruments'
import { liveAttempt, sessionState, type Order } from './order'
import type { OrderEventBus } from './order-events'
import { fingerprint } from './orders'
import { verifyVpa } from './vpa'

/** How long a customer has to approve an intent, QR or collect request. */
export const APPROVAL_WINDOW_MS = 5 * 60 * 1000
/** eNACH takes longer: log in at the bank, an OTP, then the bank's confirmation. */
export const ENACH_APPROVAL_WINDOW_MS = 30 * 60 * 1000
/** The third wrong OTP at the simulated bank fails the attempt. */
export const MAX_OTP_FAILURES = 3

/**
 * Keys the stored request fingerprint: an eNACH request carries a full account number, and a plain
 * digest of a short number could be reversed by trying them all. Per process, like the memory store.
 */
const FINGERPRINT_KEY = randomBytes(32)
const requestFingerprint = (request: StartAttempt): string =>
  createHmac('sha256', FINGERPRINT_KEY).update(fingerprint(request)).digest('hex')

export type StartError =
  | 'session_not_open'
  | 'attempt_in_progress'
  | 'too_many_attempts'
  | 'instrument_unavailable'
  | 'mandate_choice_invalid'
  | 'channel_required'
  | 'channel_not_allowed'
  | 'vpa_required'
  | 'vpa_invalid'
  | 'handle_not_supported'
  | 'idempotency_conflict'
  | BankStartError

type Checked = { ok: true; bank: BankAttempt | null } | { ok: false; error: StartError }

export type StartResult =
  | { ok: true; order: Order; attempt: Attempt; replayed: boolean }
  | { ok: false; error: StartError; order: Order }

export type DecideResult = { ok: true; order: Order; attempt: Attempt } | { ok: false; error: 'no_pending_attempt'; order: Order }

/**
 * Starts and decides attempts, applies what time has made due, stores the result and tells the
 * live stream and webhooks. Everything runs synchronously between awaits, so two requests for one
 * order cannot interleave a read and a write.
 */
export class AttemptService {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'merchants' | 'publicOrigin'>,
    private readonly bus: OrderEventBus,
  ) {}

  /** The order with any due auto-outcome or expiry applied. */
  refresh(order: Order): Order {
    const live = liveAttempt(order)
    if (!live) return order
    const settled = settle(live, this.deps.clock.now())
    return settled === live ? order : this.commit(order, settled, false)
  }

  start(order: Order, merchant: Merchant, request: StartAttempt, idempotencyKey: string): StartResult {
    const current = this.refresh(order)
    const requestPrint = requestFingerprint(request)
    const previous = current.attempts.find((a) => a.idempotencyKey === idempotencyKey)
    if (previous) {
      return previous.requestFingerprint === requestPrint
        ? { ok: true, order: current, attempt: previous, replayed: true }
        : { ok: false, error: 'idempotency_conflict', order: current }
    }
    const checked = this.check(current, merchant, request)
    if (!checked.ok) return { ok: false, error: checked.error, order: current }
    const attempt = this.newAttempt(current, request, idempotencyKey, requestPrint, checked.bank)
    this.deps.store.indexToken(attempt.simulatorToken, current.id)
    const stored = this.commit(current, attempt, true)
    return { ok: true, order: stored, attempt, replayed: false }
  }

  /** Decides the pending attempt (simulated app, bank, QA API, or the customer cancelling). */
  decide(order: Order, event: AttemptEvent, attemptId?: string): DecideResult {
    const current = this.refresh(order)
    const live = liveAttempt(current)
    if (!live || (attemptId !== undefined && live.id !== attemptId)) {
      return { ok: false, error: 'no_pending_attempt', order: current }
    }
    const result = transition(live, event, this.deps.clock.now())
    if (!result.ok) return { ok: false, error: 'no_pending_attempt', order: current }
    const stored = this.commit(current, result.attempt, false)
    const decided = stored.attempts.find((a) => a.id === live.id) ?? result.attempt
    return { ok: true, order: stored, attempt: decided }
  }

  /** The customer got past one step at the simulated bank (credentials, then OTP); merchants hear nothing. */
  advanceBankStep(order: Order, attemptId: string, step: BankStep): DecideResult {
    return this.updateBank(order, attemptId, (bank) => ({ ...bank, step }))
  }

  /** The customer authorised at the bank, which has yet to answer: pending, now awaiting the bank. */
  authenticate(order: Order, attemptId: string): DecideResult {
    return this.updateBank(order, attemptId, (bank) => ({ ...bank, stage: 'awaiting_bank' }))
  }

  /** Counts a wrong OTP; the third one fails the attempt (authentication_failed). */
  recordOtpFailure(order: Order, attemptId: string): DecideResult {
    const counted = this.updateBank(order, attemptId, (bank) => ({ ...bank, otpFailures: bank.otpFailures + 1 }))
    if (!counted.ok || (counted.attempt.bank?.otpFailures ?? 0) < MAX_OTP_FAILURES) return counted
    return this.decide(counted.order, { type: 'reject', reason: 'authentication_failed' }, attemptId)
  }

  /** Stops every timer (server shutdown, QA reset). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  /** Changes the bank side of the pending net banking attempt without deciding it. */
  private updateBank(order: Order, attemptId: string, change: (bank: BankAttempt) => BankAttempt): DecideResult {
    const current = this.refresh(order)
    const live = liveAttempt(current)
    if (!live?.bank || live.id !== attemptId) return { ok: false, error: 'no_pending_attempt', order: current }
    const updated: Attempt = { ...live, bank: change(live.bank) }
    return { ok: true, order: this.commit(current, updated, false), attempt: updated }
  }

  private check(order: Order, merchant: Merchant, request: StartAttempt): Checked {
    const error = this.commonError(order, merchant, request)
    if (error) return { ok: false, error }
    if (request.instrument === 'netbanking') return planBankAttempt(order, merchant, request)
    const upi = upiError(merchant, request)
    return upi ? { ok: false, error: upi } : { ok: true, bank: null }
  }

  private commonError(order: Order, merchant: Merchant, request: StartAttempt): StartError | null {
    if (liveAttempt(order)) return 'attempt_in_progress'
    if (order.attempts.length >= MAX_ATTEMPTS_PER_ORDER) return 'too_many_attempts'
    if (sessionState(order, this.deps.clock.now()) !== 'open') return 'session_not_open'
    const instrument = eligibleInstruments({
      merchantInstruments: merchant.instruments,
      createMandate: order.createMandate,
      mandate: order.mandate,
      enachMaxMinor: Math.max(...Object.values(merchant.enachLimitsMinor)),
    }).find((i) => i.kind === request.instrument)
    if (!instrument?.available) return 'instrument_unavailable'
    const mandateOk =
      instrument.mandate === 'required' ? request.setUpMandate : instrument.mandate === 'optional' || !request.setUpMandate
    return mandateOk ? null : 'mandate_choice_invalid'
  }

  private newAttempt(
    order: Order,
    request: StartAttempt,
    idempotencyKey: string,
    requestPrint: string,
    bank: BankAttempt | null,
  ): Attempt {
    const now = this.deps.clock.now()
    const number = order.attempts.length + 1
    const upi = request.instrument === 'upi'
    const vpa = upi && request.channel === 'collect' && request.vpa ? request.vpa.trim() : null
    const window = bank ? ENACH_APPROVAL_WINDOW_MS : APPROVAL_WINDOW_MS
    return {
      id: `att_${hex(12)}`,
      number,
      txnId: `${order.merchantId}-${order.orderId}-${number}`,
      txnUuid: alnum(20),
      idempotencyKey,
      requestFingerprint: requestPrint,
      instrument: request.instrument,
      channel: upi ? (request.channel ?? null) : null,
      setsUpMandate: request.setUpMandate,
      status: 'pending',
      failureReason: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + window).toISOString(),
      endedAt: null,
      payerVpa: vpa,
      payerName: vpa ? verifyVpa(vpa).customer_name : null,
      payerApp: null,
      simulatorToken: hex(16),
      autoOutcome: vpa ? autoOutcomeFor(vpa, now) : null,
      mandateId: null,
      mandateToken: null,
      bank,
    }
  }

  private commit(order: Order, attempt: Attempt, isNew: boolean): Order {
    const applied = applyAttempt(order, attempt, isNew)
    this.deps.store.updateOrder(applied.order)
    this.schedule(applied.order)
    this.bus.publish({ order: applied.order, events: applied.events })
    return applied.order
  }

  /** Wakes up when the pending attempt is due to change by itself, so the page hears of it. */
  private schedule(order: Order): void {
    const existing = this.timers.get(order.id)
    if (existing) clearTimeout(existing)
    this.timers.delete(order.id)
    const live = liveAttempt(order)
    const due = live ? nextChangeAt(live) : null
    if (!due) return
    const delay = Math.max(0, due.getTime() - this.deps.clock.now().getTime())
    const timer = setTimeout(() => {
      this.timers.delete(order.id)
      const fresh = this.deps.store.orderById(order.id)
      if (fresh) this.refresh(fresh)
    }, delay + 5)
    timer.unref()
    this.timers.set(order.id, timer)
  }
}

function upiError(merchant: Merchant, request: StartAttempt): StartError | null {
  if (!request.channel) return 'channel_required'
  if (!merchant.upi.channelPolicy.allowed.includes(request.channel)) return 'channel_not_allowed'
  if (request.channel !== 'collect') return null
  if (!request.vpa) return 'vpa_required'
  const verification = verifyVpa(request.vpa)
  if (verification.status !== 'VALID') return 'vpa_invalid'
  if (request.setUpMandate && !verification.mandate_details.is_handle_supported) return 'handle_not_supported'
  return null
}

function autoOutcomeFor(vpa: string, now: Date): AutoOutcome | null {
  const scenario = upiScenario(vpa)
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString()
  switch (scenario.kind) {
    case 'approve_after_delay':
      return { kind: 'approve', at: at(scenario.delayMs) }
    case 'decline':
      return { kind: 'decline', at: at(scenario.delayMs) }
    case 'expire_after':
      return { kind: 'expire', at: at(scenario.windowMs) }
    default:
      return null
  }
}
