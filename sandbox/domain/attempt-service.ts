import { MAX_ATTEMPTS_PER_ORDER, type StartAttempt } from '../../contract/attempt'
import type { SandboxDeps } from '../deps'
import type { Merchant } from '../merchants'
import { upiScenario } from '../simulators/scenarios'
import { nextChangeAt, settle, transition, type Attempt, type AttemptEvent, type AutoOutcome } from './attempt'
import { applyAttempt } from './attempt-outcome'
import { alnum, hex } from './ids'
import { eligibleInstruments } from './instruments'
import { liveAttempt, sessionState, type Order } from './order'
import type { OrderEventBus } from './order-events'
import { fingerprint } from './orders'
import { verifyVpa } from './vpa'

/** How long a customer has to approve an intent, QR or collect request. */
export const APPROVAL_WINDOW_MS = 5 * 60 * 1000

export type StartError =
  | 'session_not_open'
  | 'attempt_in_progress'
  | 'too_many_attempts'
  | 'instrument_unavailable'
  | 'instrument_not_supported'
  | 'mandate_choice_invalid'
  | 'channel_required'
  | 'channel_not_allowed'
  | 'vpa_required'
  | 'vpa_invalid'
  | 'handle_not_supported'
  | 'idempotency_conflict'

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
    private readonly deps: Pick<SandboxDeps, 'store' | 'clock' | 'merchants' | 'publicOrigin'>,
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
    const requestPrint = fingerprint(request)
    const previous = current.attempts.find((a) => a.idempotencyKey === idempotencyKey)
    if (previous) {
      return previous.requestFingerprint === requestPrint
        ? { ok: true, order: current, attempt: previous, replayed: true }
        : { ok: false, error: 'idempotency_conflict', order: current }
    }
    const error = this.startError(current, merchant, request)
    if (error) return { ok: false, error, order: current }
    const attempt = this.newAttempt(current, request, idempotencyKey, requestPrint)
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

  /** Stops every timer (server shutdown, QA reset). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private startError(order: Order, merchant: Merchant, request: StartAttempt): StartError | null {
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
    if (!mandateOk) return 'mandate_choice_invalid'
    if (request.instrument !== 'upi') return 'instrument_not_supported'
    if (!request.channel) return 'channel_required'
    if (!merchant.upi.channelPolicy.allowed.includes(request.channel)) return 'channel_not_allowed'
    if (request.channel !== 'collect') return null
    if (!request.vpa) return 'vpa_required'
    const verification = verifyVpa(request.vpa)
    if (verification.status !== 'VALID') return 'vpa_invalid'
    if (request.setUpMandate && !verification.mandate_details.is_handle_supported) return 'handle_not_supported'
    return null
  }

  private newAttempt(order: Order, request: StartAttempt, idempotencyKey: string, requestPrint: string): Attempt {
    const now = this.deps.clock.now()
    const number = order.attempts.length + 1
    const vpa = request.channel === 'collect' && request.vpa ? request.vpa.trim() : null
    return {
      id: `att_${hex(12)}`,
      number,
      txnId: `${order.merchantId}-${order.orderId}-${number}`,
      txnUuid: alnum(20),
      idempotencyKey,
      requestFingerprint: requestPrint,
      instrument: request.instrument,
      channel: request.channel ?? null,
      setsUpMandate: request.setUpMandate,
      status: 'pending',
      failureReason: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + APPROVAL_WINDOW_MS).toISOString(),
      endedAt: null,
      payerVpa: vpa,
      payerName: vpa ? verifyVpa(vpa).customer_name : null,
      payerApp: null,
      simulatorToken: hex(16),
      autoOutcome: vpa ? autoOutcomeFor(vpa, now) : null,
      mandateId: null,
      mandateToken: null,
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
