import { createHmac, randomBytes } from 'node:crypto'
import { MAX_ATTEMPTS_PER_ORDER, type StartAttempt } from '../../contract/attempt'
import type { DomainDeps } from './domain-deps'
import type { Merchant } from '../merchants'
import {
  nextChangeAt,
  settle,
  transition,
  type Attempt,
  type AttemptEvent,
  type BankAttempt,
  type BankStep,
  type NetbankingAttempt,
  type RailPart,
} from './attempt'
import { applyAttempt } from './attempt-outcome'
import { alnum, hex } from './ids'
import { eligibleInstruments } from './instruments'
import { liveAttempt, sessionState, type Order } from './order'
import type { OrderEventBus } from './order-events'
import { fingerprint } from './orders'
import { railOf, type RailStartError } from './rails'
import { applyPlanChange } from './plan-change'
import { startSubscription } from './subscriptions'
import { MAX_OTP_FAILURES } from './rails/netbanking'

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
  | 'idempotency_conflict'
  | RailStartError

export type StartResult =
  | { ok: true; order: Order; attempt: Attempt; replayed: boolean }
  | { ok: false; error: StartError; order: Order }

export type DecideResult = { ok: true; order: Order; attempt: Attempt } | { ok: false; error: 'no_pending_attempt'; order: Order }

/** A step at the simulated bank: the net banking attempt as it now stands. */
type BankStepResult = { ok: true; order: Order; attempt: NetbankingAttempt } | { ok: false; error: 'no_pending_attempt'; order: Order }

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
    const error = this.commonError(current, merchant, request)
    if (error) return { ok: false, error, order: current }
    const planned = railOf(request).plan(current, merchant, request)
    if (!planned.ok) return { ok: false, error: planned.error, order: current }
    const attempt = this.newAttempt(current, request, idempotencyKey, requestPrint, planned.part)
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
  advanceBankStep(order: Order, attemptId: string, step: BankStep): BankStepResult {
    return this.updateBank(order, attemptId, (bank) => ({ ...bank, step }))
  }

  /** The customer authorised at the bank, which has yet to answer: pending, now awaiting the bank. */
  authenticate(order: Order, attemptId: string): BankStepResult {
    return this.updateBank(order, attemptId, (bank) => ({ ...bank, stage: 'awaiting_bank' }))
  }

  /** Counts a wrong OTP; the third one fails the attempt (authentication_failed). */
  recordOtpFailure(order: Order, attemptId: string): DecideResult {
    const counted = this.updateBank(order, attemptId, (bank) => ({ ...bank, otpFailures: bank.otpFailures + 1 }))
    if (!counted.ok || counted.attempt.bank.otpFailures < MAX_OTP_FAILURES) return counted
    return this.decide(counted.order, { type: 'reject', reason: 'authentication_failed' }, attemptId)
  }

  /** Stops every timer (server shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  /** Stops the timers of orders the store forgot (a merchant's QA reset). */
  forget(orderIds: readonly string[]): void {
    for (const id of orderIds) {
      clearTimeout(this.timers.get(id))
      this.timers.delete(id)
    }
  }

  /** Changes the bank side of the pending net banking attempt without deciding it. */
  private updateBank(order: Order, attemptId: string, change: (bank: BankAttempt) => BankAttempt): BankStepResult {
    const current = this.refresh(order)
    const live = liveAttempt(current)
    if (live?.rail !== 'netbanking' || live.id !== attemptId) return { ok: false, error: 'no_pending_attempt', order: current }
    const updated: NetbankingAttempt = { ...live, bank: change(live.bank) }
    return { ok: true, order: this.commit(current, updated, false), attempt: updated }
  }

  /** What every rail checks before its own rules: the session, the attempts so far, eligibility and the mandate choice. */
  private commonError(order: Order, merchant: Merchant, request: StartAttempt): StartError | null {
    if (liveAttempt(order)) return 'attempt_in_progress'
    if (order.attempts.length >= MAX_ATTEMPTS_PER_ORDER) return 'too_many_attempts'
    if (sessionState(order, this.deps.clock.now()) !== 'open') return 'session_not_open'
    const instrument = eligibleInstruments(merchant, order).find((i) => i.rail === request.rail)
    if (!instrument?.available) return 'instrument_unavailable'
    const mandateOk =
      instrument.mandate === 'required' ? request.setUpMandate : instrument.mandate === 'optional' || !request.setUpMandate
    return mandateOk ? null : 'mandate_choice_invalid'
  }

  private newAttempt(order: Order, request: StartAttempt, idempotencyKey: string, requestPrint: string, part: RailPart): Attempt {
    const now = this.deps.clock.now()
    const number = order.attempts.length + 1
    const rules = railOf(part)
    return {
      id: `att_${hex(12)}`,
      number,
      txnId: `${order.merchantId}-${order.orderId}-${number}`,
      txnUuid: alnum(20),
      idempotencyKey,
      requestFingerprint: requestPrint,
      ...part,
      setsUpMandate: request.setUpMandate,
      status: 'pending',
      failureReason: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + rules.approvalWindowMs).toISOString(),
      endedAt: null,
      simulatorToken: hex(16),
      autoOutcome: rules.autoOutcome(part, now),
      mandateId: null,
      mandateToken: null,
    }
  }

  private commit(order: Order, attempt: Attempt, isNew: boolean): Order {
    const now = this.deps.clock.now()
    const started = startSubscription((subscription) => this.deps.store.insertSubscription(subscription), applyAttempt(order, attempt, isNew), now)
    const applied = applyPlanChange(this.deps.store, started, now)
    this.deps.store.updateOrder(applied.order)
    this.schedule(applied.order)
    this.bus.publish({ order: applied.order, events: applied.events })
    if (applied.revoked) this.bus.publish(applied.revoked)
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
