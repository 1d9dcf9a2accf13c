import { createHmac } from 'node:crypto'
import { MAX_ATTEMPTS_PER_ORDER, type StartAttempt } from '../../contract/attempt'
import { clockFor, type Clock } from './clock'
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
import type { ScheduledJob } from '../store/store'
import type { OrderChangePlan, OrderWrite, OrderWriter, WriteFollowUp } from './order-writer'
import { fingerprint } from './orders'
import { railOf, type RailStartError } from './rails'
import { applyPlanChange, revokedMandate } from './plan-change'
import { startSubscription } from './subscriptions'
import { MAX_OTP_FAILURES } from './rails/netbanking'

/**
 * The stored request fingerprint, keyed: an eNACH request carries a full account number, and a plain
 * digest of a short number could be reversed by trying them all. The key is the merchant's response
 * key, which every instance sharing a store reads from the same merchants file and the store never
 * holds, so a retry on another instance is recognised.
 */
const requestFingerprint = (merchant: Merchant, request: StartAttempt): string =>
  createHmac('sha256', merchant.responseKey).update(fingerprint(request)).digest('hex')

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
 * Starts and decides attempts, applies what time has made due, and writes the result through the
 * order writer, which retries a decision from a fresh read when another write (on this instance or
 * another sharing the store) got there first: an attempt is started once per idempotency key and
 * decided once. An attempt's next due moment (approval window, auto-outcome) is a job stored with
 * the write, so whichever instance is up when it falls due applies it (docs/architecture.md#shared-sandbox).
 */
export class AttemptService {
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'merchants' | 'publicOrigin'>,
    private readonly writer: OrderWriter,
  ) {
  }

  /** The order with any due auto-outcome or expiry applied, on its merchant's clock. */
  async refresh(order: Order): Promise<Order> {
    const clock = await this.clockOf(order)
    return this.writer.change(order, (current) => {
      const live = liveAttempt(current)
      const settled = live ? settle(live, clock.now()) : live
      if (!live || settled === live || !settled) return { write: null, answer: () => current }
      return this.commitPlan(current, settled, false, clock, (stored) => stored)
    })
  }

  /** Refreshes the order with this page id, when the store still has it (a job fell due). */
  async refreshById(pageId: string): Promise<void> {
    const order = await this.deps.store.orderById(pageId)
    if (order) await this.refresh(order)
  }

  async start(order: Order, merchant: Merchant, request: StartAttempt, idempotencyKey: string): Promise<StartResult> {
    const requestPrint = requestFingerprint(merchant, request)
    const clock = await this.clockOf(order)
    return this.writer.change(await this.refresh(order), async (current): Promise<OrderChangePlan<StartResult>> => {
      const previous = current.attempts.find((a) => a.idempotencyKey === idempotencyKey)
      if (previous) {
        const answer: StartResult =
          previous.requestFingerprint === requestPrint
            ? { ok: true, order: current, attempt: previous, replayed: true }
            : { ok: false, error: 'idempotency_conflict', order: current }
        return { write: null, answer: () => answer }
      }
      const error = this.commonError(current, merchant, request, clock.now())
      if (error) return { write: null, answer: () => ({ ok: false, error, order: current }) }
      const planned = railOf(request).plan(current, merchant, request)
      if (!planned.ok) return { write: null, answer: () => ({ ok: false, error: planned.error, order: current }) }
      const attempt = this.newAttempt(current, request, idempotencyKey, requestPrint, planned.part, clock.now())
      await this.deps.store.indexToken(attempt.simulatorToken, current.id)
      return this.commitPlan(current, attempt, true, clock, (stored) => ({ ok: true, order: stored, attempt, replayed: false }))
    })
  }

  /** Decides the pending attempt (simulated app, bank, QA API, or the customer cancelling). */
  async decide(order: Order, event: AttemptEvent, attemptId?: string): Promise<DecideResult> {
    const clock = await this.clockOf(order)
    return this.writer.change(await this.refresh(order), (current): Promise<OrderChangePlan<DecideResult>> | OrderChangePlan<DecideResult> => {
      const live = liveAttempt(current)
      const refused: OrderChangePlan<DecideResult> = { write: null, answer: () => ({ ok: false, error: 'no_pending_attempt', order: current }) }
      if (!live || (attemptId !== undefined && live.id !== attemptId)) return refused
      const result = transition(live, event, clock.now())
      if (!result.ok) return refused
      return this.commitPlan(current, result.attempt, false, clock, (stored) => ({
        ok: true,
        order: stored,
        attempt: stored.attempts.find((a) => a.id === live.id) ?? result.attempt,
      }))
    })
  }

  /** The customer got past one step at the simulated bank (credentials, then OTP); merchants hear nothing. */
  advanceBankStep(order: Order, attemptId: string, step: BankStep): Promise<BankStepResult> {
    return this.updateBank(order, attemptId, (bank) => ({ ...bank, step }))
  }

  /** The customer authorised at the bank, which has yet to answer: pending, now awaiting the bank. */
  authenticate(order: Order, attemptId: string): Promise<BankStepResult> {
    return this.updateBank(order, attemptId, (bank) => ({ ...bank, stage: 'awaiting_bank' }))
  }

  /** Counts a wrong OTP; the third one fails the attempt (authentication_failed). */
  async recordOtpFailure(order: Order, attemptId: string): Promise<DecideResult> {
    const counted = await this.updateBank(order, attemptId, (bank) => ({ ...bank, otpFailures: bank.otpFailures + 1 }))
    if (!counted.ok || counted.attempt.bank.otpFailures < MAX_OTP_FAILURES) return counted
    return this.decide(counted.order, { type: 'reject', reason: 'authentication_failed' }, attemptId)
  }

  /** Changes the bank side of the pending net banking attempt without deciding it. */
  private async updateBank(order: Order, attemptId: string, change: (bank: BankAttempt) => BankAttempt): Promise<BankStepResult> {
    const clock = await this.clockOf(order)
    return this.writer.change(await this.refresh(order), (current): Promise<OrderChangePlan<BankStepResult>> | OrderChangePlan<BankStepResult> => {
      const live = liveAttempt(current)
      if (live?.rail !== 'netbanking' || live.id !== attemptId) {
        return { write: null, answer: () => ({ ok: false, error: 'no_pending_attempt', order: current }) }
      }
      const updated: NetbankingAttempt = { ...live, bank: change(live.bank) }
      return this.commitPlan(current, updated, false, clock, (stored) => ({ ok: true, order: stored, attempt: updated }))
    })
  }

  /** What every rail checks before its own rules: the session, the attempts so far, eligibility and the mandate choice. */
  private commonError(order: Order, merchant: Merchant, request: StartAttempt, now: Date): StartError | null {
    if (liveAttempt(order)) return 'attempt_in_progress'
    if (order.attempts.length >= MAX_ATTEMPTS_PER_ORDER) return 'too_many_attempts'
    if (sessionState(order, now) !== 'open') return 'session_not_open'
    const instrument = eligibleInstruments(merchant, order).find((i) => i.rail === request.rail)
    if (!instrument?.available) return 'instrument_unavailable'
    const mandateOk =
      instrument.mandate === 'required' ? request.setUpMandate : instrument.mandate === 'optional' || !request.setUpMandate
    return mandateOk ? null : 'mandate_choice_invalid'
  }

  private newAttempt(order: Order, request: StartAttempt, idempotencyKey: string, requestPrint: string, part: RailPart, now: Date): Attempt {
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

  /**
   * The write an attempt's new state makes: folded into the order, starting its subscription or
   * applying the plan change it paid for. A plan change that moved the subscription to a new
   * mandate revokes the old mandate's order once this write stands, and the write stores a job that
   * revokes it too (replacedMandates), so an instance that dies in between leaves it to another.
   */
  private async commitPlan<T>(order: Order, attempt: Attempt, isNew: boolean, clock: Clock, answer: (stored: Order) => T): Promise<OrderChangePlan<T>> {
    const now = clock.now()
    const started = await startSubscription((subscription) => this.deps.store.insertSubscription(subscription), applyAttempt(order, attempt, isNew), now)
    const applied = await applyPlanChange(this.deps.store, started, now)
    return {
      write: { order: applied.order, events: applied.events },
      answer: async (stored) => {
        if (applied.revokes) await this.revoke(applied.revokes)
        return answer(stored)
      },
    }
  }

  /** The clock of the order's merchant, as it stands when an operation on the order begins. */
  private clockOf(order: Order): Promise<Clock> {
    return clockFor(this.deps, order.merchantId)
  }

  private async revoke(pageId: string): Promise<void> {
    const holder = await this.deps.store.orderById(pageId)
    if (!holder) return
    await this.writer.change(holder, (current) => ({ write: revokedMandate(current), answer: () => undefined }))
  }

  /**
   * The write that applied a plan change onto a new mandate stores the old mandate's revocation as a
   * job, due at once: done already by the answer when its instance lives (revoking a revoked
   * mandate changes nothing), it is what revokes it when that instance died first.
   */
  readonly replacedMandates: WriteFollowUp = {
    plan: ({ order, events }: OrderWrite, now: Date) => {
      const replaces = order.billing?.planChange?.replaces
      const jobs: ScheduledJob[] =
        replaces && events.includes('BILLING_EXECUTION_UPDATED')
          ? [{ id: replacedJobId(order.id), merchantId: order.merchantId, dueAt: now.getTime(), kind: 'mandate_replaced', payload: JSON.stringify({ pageId: replaces }) }]
          : []
      return Promise.resolve({ jobs, written: () => Promise.resolve() })
    },
  }

  /** A replaced mandate's job: its order's mandate revoked, unless it no longer is active. */
  async revokeReplaced(job: ScheduledJob): Promise<void> {
    const { pageId } = JSON.parse(job.payload) as { pageId: string }
    await this.revoke(pageId)
    await this.deps.store.finishJob(job.id)
  }

  /**
   * Each write of an order with a pending attempt stores the moment it is due to change by itself,
   * so the page hears of it (the composition root has the writer follow it).
   */
  readonly dueJobs: WriteFollowUp = {
    plan: ({ order }: OrderWrite) => {
      const live = liveAttempt(order)
      const due = live ? nextChangeAt(live) : null
      const payload = JSON.stringify({ pageId: order.id })
      const jobs: ScheduledJob[] = due ? [{ id: dueJobId(order.id), merchantId: order.merchantId, dueAt: due.getTime(), kind: 'attempt_due', payload }] : []
      return Promise.resolve({ jobs, written: () => Promise.resolve() })
    },
  }
}

/** One due job per order: a later write's replaces an earlier one's. */
const dueJobId = (pageId: string): string => `attempt_due:${pageId}`
const replacedJobId = (pageId: string): string => `mandate_replaced:${pageId}`

/** The page id an attempt_due job names. */
export function dueJobPageId(payload: string): string | null {
  const parsed: unknown = JSON.parse(payload)
  return typeof parsed === 'object' && parsed !== null && 'pageId' in parsed && typeof parsed.pageId === 'string' ? parsed.pageId : null
}
