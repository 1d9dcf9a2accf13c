import type { BankDecline } from '../../contract/scenarios'
import type { ScheduledJob, Store } from '../store/store'
import { clockFor } from './clock'
import { ANNOUNCE_BEFORE_MS, executionAt, nextCharge, NOTICE_BEFORE_MS, type DueCharge } from './debit-dates'
import type { DomainDeps } from './domain-deps'
import { debitAttempt, debitOrder } from './debit-orders'
import { alnum } from './ids'
import { istDate } from './proration'
import { noDebits } from './mandate-debits'
import { registeringAttempt } from './mandate-lifecycle'
import type { MandateService } from './mandate-service'
import type { Order } from './order'
import type { OrderEventName } from './order-events'
import type { OrderWriter, WriteFollowUp } from './order-writer'
import {
  emptyRenewal,
  MAX_TIMELINE,
  RETRIABLE_DECLINES,
  type DebitChoice,
  type DebitNotification,
  type Renewal,
  type SubscriptionStatus,
  type TimelineEntry,
} from './renewal'
import { MAX_DEBIT_ATTEMPTS, retryAt } from './retries'
import type { Subscription } from './subscriptions'

/**
 * A subscription's scheduled debits on its merchant's sandbox clock (docs/domain/renewals.md).
 * One job per subscription walks each cycle through its steps, rescheduling itself: schedule (the
 * cycle's order, BILLING_TXN_SCHEDULED), announce (two days before, BILLING_TXN_TO_BE_EXECUTED),
 * notify (UPI: 36 h before, the pre-debit notice), execute (the debit, then its retries), and
 * back to schedule for the next cycle. Each step reads the subscription and its mandate as they
 * now stand, so a pause skips, a revocation or an expiry ends, and a resume carries on. A step run
 * twice (a lease that ran out), or again after its instance died part way, does what is left
 * of its work and nothing twice: a cycle's order has one merchant order id and is announced as
 * scheduled by its first write; it is announced as due and noticed once (marked on the order by
 * the write that tells the merchant); an attempt is decided once (recorded on the subscription
 * with its timeline line) and added only when the order has fewer; and each of those timeline
 * lines is written once.
 */

type Step = 'schedule' | 'announce' | 'notify' | 'execute'

/** A debit job's payload: the subscription, the step due, its cycle and, for execute, the attempt (1 is the debit, then the retries). */
interface DebitJob {
  subscriptionId: string
  step: Step
  cycle: number
  attempt: number
}

interface NextStep {
  at: number
  job: DebitJob
}

const debitJobId = (subscriptionId: string): string => `debit:${subscriptionId}`
const expiryJobId = (pageId: string): string => `mandate_expiry:${pageId}`

/** [I] A cycle's order: the subscription's id and the cycle, so a second try of a step finds the first's order. */
export const debitOrderId = (subscriptionId: string, cycle: number): string => `${subscriptionId}_${cycle}`

/** [I] A subscription sold without a plan (a checkout session's line items) halts when a debit's retries run out. */
const DEFAULT_ACTION_ON_FAILURE = 'RETRY'

const isFinal = (order: Order): boolean => order.mandateStatus === 'REVOKED' || order.mandateStatus === 'EXPIRED'

/** The subscription's state after one step, with the line its timeline gains. */
function withEntry(renewal: Renewal, entry: TimelineEntry): Renewal {
  return { ...renewal, timeline: [...renewal.timeline, entry].slice(-MAX_TIMELINE) }
}

/**
 * The same, unless the timeline already has this event for this order: for what happens once to
 * an order (a cycle's order announced, noticed or skipped; the mandate's order expired), so a step
 * run again after it wrote the order notes it once.
 */
function withEntryOnce(renewal: Renewal, entry: TimelineEntry): Renewal {
  const noted = renewal.timeline.some((t) => t.event === entry.event && t.order_id === entry.order_id)
  return noted ? renewal : withEntry(renewal, entry)
}

function withStatus(subscription: Subscription, status: SubscriptionStatus, at: string, why: string): Subscription {
  if (subscription.status === status) return subscription
  const renewal = withEntry(subscription.renewal ?? emptyRenewal(), {
    at,
    event: 'status_changed',
    cycle: subscription.renewal?.cycle ?? null,
    order_id: subscription.renewal?.due?.orderId ?? null,
    detail: `${subscription.status} → ${status}: ${why}`,
  })
  return { ...subscription, status, renewal }
}

/** A cycle's order: the amount due, on the subscription's mandate, with the cycle it debits. */
function cycleDebitOrder(holder: Order, subscription: Subscription, cycle: number, charge: DueCharge, now: Date): Order {
  const dueAt = executionAt(charge.date).toISOString()
  const billing = { plan: subscription.plan, schedule: subscription.schedule, subscriptionId: subscription.id, planChange: null }
  const fields = { orderId: debitOrderId(subscription.id, cycle), fingerprint: `debit:${subscription.id}:${cycle}`, amountMinor: charge.amountMinor, dueAt, billing, status: 'NEW' as const }
  return { ...debitOrder(holder, fields, now), debit: { subscriptionId: subscription.id, cycle, dueAt, notification: null } }
}

/** Juspay refuses to cancel a scheduled execution within 30 minutes of it [D]. */
export const CANCEL_CUTOFF_MS = 30 * 60 * 1000

export type CancelResult = { ok: true; order: Order } | { ok: false; reason: 'nothing_scheduled' | 'too_late' }

export type NextDebitResult =
  /** `subscription` is null when the mandate carries none: the choice waits for the merchant's next presented debit. */
  | { ok: true; subscription: Subscription | null }
  | { ok: false; reason: 'no_mandate' | 'no_subscription' | 'ended' }

/** A line of a timeline as QA reads it: the subscription's own lines and the webhooks of its orders. */
export type TimelineLine = TimelineEntry | { at: string; event: 'webhook'; webhook: string; order_id: string; webhook_id: string; status: string }

/** The webhooks of these orders of a merchant, as timeline lines. */
export async function ordersWebhooks(store: Pick<Store, 'webhooksFor'>, merchantId: string, orderIds: Iterable<string>): Promise<TimelineLine[]> {
  const lines: TimelineLine[] = []
  for (const orderId of orderIds) {
    for (const w of await store.webhooksFor(merchantId, orderId)) {
      lines.push({ at: w.created_at, event: 'webhook', webhook: w.event_name, order_id: orderId, webhook_id: w.id, status: w.status })
    }
  }
  return lines
}

export class Renewals {
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock'>,
    private readonly writer: OrderWriter,
    private readonly mandates: MandateService,
  ) {}

  /**
   * Starts a subscription's debits once the write that activated it stood, and schedules a newly
   * registered mandate's expiry at its end_date, both stored with that write.
   */
  readonly follow: WriteFollowUp = {
    plan: (write, now) => {
      const { order, events } = write
      const jobs: ScheduledJob[] = []
      const subscriptionId = order.billing?.subscriptionId
      if (events.includes('BILLING_EXECUTION_ACTIVATED') && subscriptionId) {
        jobs.push(this.job(order.merchantId, { at: now.getTime(), job: { subscriptionId, step: 'schedule', cycle: 1, attempt: 0 } }))
      }
      if (events.includes('MANDATE_ACTIVATED') && order.mandateChange === null && order.mandate) {
        const payload = JSON.stringify({ pageId: order.id })
        jobs.push({ id: expiryJobId(order.id), merchantId: order.merchantId, dueAt: Date.parse(order.mandate.endDate), kind: 'mandate_expiry', payload })
      }
      return Promise.resolve({ jobs, written: () => Promise.resolve() })
    },
  }

  private job(merchantId: string, next: NextStep): ScheduledJob {
    return { id: debitJobId(next.job.subscriptionId), merchantId, dueAt: next.at, kind: 'debit', payload: JSON.stringify(next.job) }
  }

  /** Runs a debit job's step and schedules the next one, or ends the job when the subscription has no more debits. */
  async run(job: ScheduledJob): Promise<void> {
    const payload = JSON.parse(job.payload) as DebitJob
    const subscription = await this.deps.store.subscription(job.merchantId, payload.subscriptionId)
    const next = subscription ? await this.step(subscription, payload, new Date(job.dueAt)) : null
    await this.deps.store.finishJob(job.id, next ? { dueAt: next.at, payload: JSON.stringify(next.job) } : undefined)
  }

  /** A mandate's end_date came: ACTIVE or PAUSED, it is EXPIRED (MANDATE_EXPIRED), and the subscription it carries is COMPLETED. */
  async expire(job: ScheduledJob): Promise<void> {
    const { pageId } = JSON.parse(job.payload) as { pageId: string }
    const order = await this.deps.store.orderById(pageId)
    if (order) {
      const expired = await this.writer.change(order, (current) => {
        if (current.mandateStatus !== 'ACTIVE' && current.mandateStatus !== 'PAUSED') return { write: null, answer: () => current }
        return { write: { order: { ...current, mandateStatus: 'EXPIRED' }, events: ['MANDATE_EXPIRED'] }, answer: (stored) => stored }
      })
      const subscriptionId = expired.billing?.subscriptionId
      const subscription = subscriptionId ? await this.deps.store.subscription(expired.merchantId, subscriptionId) : undefined
      if (subscription?.mandatePageId === expired.id) await this.ended(subscription, expired)
    }
    await this.deps.store.finishJob(job.id)
  }

  private async step(subscription: Subscription, job: DebitJob, at: Date): Promise<NextStep | null> {
    const holder = await this.deps.store.orderById(subscription.mandatePageId)
    if (!holder || (await this.ended(subscription, holder))) return null
    switch (job.step) {
      case 'schedule':
        return this.schedule(subscription, holder, job.cycle, at)
      case 'announce':
        return this.announce(subscription, holder, job.cycle, at)
      case 'notify':
        return this.notify(subscription, holder, job.cycle, at)
      case 'execute':
        return this.execute(subscription, holder, job.cycle, job.attempt, at)
    }
  }

  private now(merchantId: string): Promise<Date> {
    return clockFor(this.deps, merchantId).then((clock) => clock.now())
  }

  /** The cycle's order, once scheduled. */
  private async cycleOrder(subscription: Subscription, cycle: number): Promise<Order | undefined> {
    return this.deps.store.orderByMerchantOrderId(subscription.merchantId, debitOrderId(subscription.id, cycle))
  }

  private async schedule(subscription: Subscription, holder: Order, cycle: number, at: Date): Promise<NextStep | null> {
    const now = await this.now(subscription.merchantId)
    const renewal = subscription.renewal ?? emptyRenewal()
    let due = renewal.cycle === cycle ? renewal.due : null
    if (!due) {
      const charge = nextCharge(subscription, renewal.due?.date ?? null)
      // Past the mandate's validity nothing is scheduled: its expiry ends the subscription.
      if (!charge || !holder.mandate || executionAt(charge.date).getTime() > Date.parse(holder.mandate.endDate)) return null
      const order = cycleDebitOrder(holder, subscription, cycle, charge, now)
      due = { ...charge, orderId: order.orderId }
      const inserted = await this.deps.store.insertOrder(order)
      await this.firstWrite(inserted.inserted ? order : inserted.existing, ['BILLING_TXN_SCHEDULED'])
      const scheduled = due
      await this.updateSubscription(subscription, (s) => {
        const current = s.renewal ?? emptyRenewal()
        const entry: TimelineEntry = { at: now.toISOString(), event: 'debit_scheduled', cycle, order_id: scheduled.orderId, detail: `${scheduled.amountMinor} paise on ${scheduled.date}` }
        return { ...s, renewal: withEntry({ ...current, cycle, due: scheduled }, entry) }
      })
    }
    const executesAt = executionAt(due.date).getTime()
    return { at: Math.max(at.getTime(), executesAt - ANNOUNCE_BEFORE_MS), job: { subscriptionId: subscription.id, step: 'announce', cycle, attempt: 0 } }
  }

  private async announce(subscription: Subscription, holder: Order, cycle: number, at: Date): Promise<NextStep | null> {
    const order = await this.cycleOrder(subscription, cycle)
    if (!order?.debit) return this.nextCycle(subscription, cycle, at)
    const now = await this.now(subscription.merchantId)
    if (order.status === 'NEW') {
      await this.writer.change(order, (current) => {
        if (current.status !== 'NEW' || !current.debit || current.debit.announced) return { write: null, answer: () => undefined }
        return { write: { order: { ...current, debit: { ...current.debit, announced: true } }, events: ['BILLING_TXN_TO_BE_EXECUTED'] }, answer: () => undefined }
      })
      await this.noteOnce(subscription, { at: now.toISOString(), event: 'debit_announced', cycle, order_id: order.orderId, detail: `due at ${order.debit.dueAt}` })
    }
    const executesAt = Date.parse(order.debit.dueAt)
    const upi = registeringAttempt(holder)?.rail === 'upi'
    return upi
      ? { at: Math.max(at.getTime(), executesAt - NOTICE_BEFORE_MS), job: { subscriptionId: subscription.id, step: 'notify', cycle, attempt: 0 } }
      : { at: Math.max(at.getTime(), executesAt), job: { subscriptionId: subscription.id, step: 'execute', cycle, attempt: 1 } }
  }

  /** UPI's pre-debit notice: sent while the mandate is ACTIVE; a paused mandate's fails, and its debit will be skipped. */
  private async notify(subscription: Subscription, holder: Order, cycle: number, at: Date): Promise<NextStep | null> {
    const order = await this.cycleOrder(subscription, cycle)
    if (!order?.debit) return this.nextCycle(subscription, cycle, at)
    const now = await this.now(subscription.merchantId)
    const execute = { at: Math.max(at.getTime(), Date.parse(order.debit.dueAt)), job: { subscriptionId: subscription.id, step: 'execute' as const, cycle, attempt: 1 } }
    if (order.status !== 'NEW') return execute
    const notification = order.debit.notification ?? (await this.sendNotice(order, order.debit.dueAt, holder, now))
    if (!notification) return execute
    const sent = notification.status === 'SUCCESS'
    await this.noteOnce(subscription, {
      at: now.toISOString(),
      event: sent ? 'notice_sent' : 'notice_failed',
      cycle,
      order_id: order.orderId,
      detail: sent ? `${notification.amountMinor} paise on ${notification.txnDate}` : (notification.failure ?? ''),
    })
    return execute
  }

  /** The cycle's pre-debit notice for the debit due at `dueAt`, written on its order with its event unless one already is; answers the notice the order holds. */
  private sendNotice(order: Order, dueAt: string, holder: Order, now: Date): Promise<DebitNotification | null> {
    const sent = holder.mandateStatus === 'ACTIVE'
    const notification: DebitNotification = {
      id: `ntf_${alnum(20)}`,
      objectReferenceId: `pdn${alnum(20)}`,
      status: sent ? 'SUCCESS' : 'FAILURE',
      amountMinor: order.amountMinor,
      txnDate: dueAt,
      createdAt: now.toISOString(),
      failure: sent ? null : `The mandate is ${holder.mandateStatus ?? 'not registered'}`,
    }
    return this.writer.change(order, (current) => {
      if (!current.debit || current.debit.notification) return { write: null, answer: () => current.debit?.notification ?? null }
      const written = { ...current, debit: { ...current.debit, notification } }
      return { write: { order: written, events: [sent ? 'NOTIFICATION_SUCCEEDED' : 'NOTIFICATION_FAILED'] }, answer: () => notification }
    })
  }

  private async execute(subscription: Subscription, holder: Order, cycle: number, attempt: number, at: Date): Promise<NextStep | null> {
    const order = await this.cycleOrder(subscription, cycle)
    if (!order?.debit || order.status === 'CHARGED' || order.status === 'JUSPAY_DECLINED') return this.nextCycle(subscription, cycle, at)
    const now = await this.now(subscription.merchantId)
    const registered = registeringAttempt(holder)
    // The subscription first, here as below, so the webhooks of the order's write show its status as it now is.
    const skipped = async (why: string, status: SubscriptionStatus | null): Promise<NextStep | null> => {
      await this.updateSubscription(subscription, (s) => {
        const noted = { ...s, renewal: withEntryOnce(s.renewal ?? emptyRenewal(), { at: now.toISOString(), event: 'debit_skipped', cycle, order_id: order.orderId, detail: why }) }
        return status ? withStatus(noted, status, now.toISOString(), why) : noted
      })
      await this.decline(order)
      return this.nextCycle(subscription, cycle, at)
    }
    if (holder.mandateStatus === 'PAUSED') return skipped('the mandate is paused', 'PAUSED')
    if (!registered || holder.mandateStatus !== 'ACTIVE') return skipped(`the mandate is ${holder.mandateStatus ?? 'not registered'}`, null)
    if (registered.rail === 'upi' && order.debit.notification?.status !== 'SUCCESS') return skipped('no pre-debit notice covers it', null)

    const dueAt = order.debit.dueAt
    const isThisAttempt = (renewal: Renewal | undefined): boolean => renewal?.attempted?.cycle === cycle && renewal.attempted.attempt === attempt
    // Decided by a run of this step that stopped before ending it: the same decision, though QA's choice may have been spent.
    const recorded = isThisAttempt(subscription.renewal) ? subscription.renewal?.attempted : undefined
    const choice = subscription.renewal?.nextDebit ?? null
    const failed: BankDecline | null = recorded ? recorded.decline : choice?.outcome === 'failure' ? choice.reason : null
    const retryingAt = failed && RETRIABLE_DECLINES.includes(failed) && attempt < MAX_DEBIT_ATTEMPTS ? retryAt(attempt, at) : null
    // The payer's bank says the mandate was revoked there: no retry and no plan's action, the mandate is revoked here too and the subscription ends.
    const revokedAtBank = failed === 'mandate_revoked_at_bank'
    const events: OrderEventName[] = !failed
      ? ['ORDER_SUCCEEDED']
      : retryingAt
        ? ['ORDER_FAILED', 'BILLING_RETRY_TXN_SCHEDULED']
        : revokedAtBank
          ? ['ORDER_FAILED']
          : ['ORDER_FAILED', 'BILLING_TXN_RETRY_EXCEEDED']
    const action = subscription.plan?.on_failure ?? DEFAULT_ACTION_ON_FAILURE
    const stamp = now.toISOString()
    const attempted: TimelineEntry = {
      at: stamp,
      event: 'debit_attempted',
      cycle,
      order_id: order.orderId,
      detail: `attempt ${attempt} of ${MAX_DEBIT_ATTEMPTS}: ${failed ? `failed (${failed})` : 'succeeded'}`,
    }
    await this.updateSubscription(subscription, (s) => {
      if (isThisAttempt(s.renewal)) return s
      const noted = { ...s, renewal: { ...withEntry(s.renewal ?? emptyRenewal(), attempted), attempted: { cycle, attempt, decline: failed } } }
      if (!failed) {
        const paid = { cycle, date: istDate(new Date(dueAt)), amountMinor: order.amountMinor }
        return withStatus({ ...noted, renewal: { ...noted.renewal, nextDebit: null, paid } }, 'ACTIVE', stamp, `cycle ${cycle} paid`)
      }
      if (revokedAtBank) return { ...noted, renewal: { ...noted.renewal, nextDebit: null } }
      if (retryingAt) {
        const retry: TimelineEntry = { at: stamp, event: 'retry_scheduled', cycle, order_id: order.orderId, detail: `attempt ${attempt + 1} at ${retryingAt.toISOString()}` }
        return withStatus({ ...noted, renewal: withEntry(noted.renewal, retry) }, 'PAST_DUE', stamp, `cycle ${cycle} failed (${failed}), retrying`)
      }
      const exhausted: TimelineEntry = { at: stamp, event: 'retries_exhausted', cycle, order_id: order.orderId, detail: `the plan's action on failure: ${action}` }
      const ended = { ...noted, renewal: { ...withEntry(noted.renewal, exhausted), nextDebit: null } }
      const status: SubscriptionStatus = action === 'SKIP' ? 'ACTIVE' : action === 'RETRY' ? 'HALTED' : 'CANCELLED'
      return withStatus(ended, status, stamp, `cycle ${cycle} unpaid, ${action === 'SKIP' ? 'skipped' : action === 'RETRY' ? 'halted' : 'mandate revoked'}`)
    })
    await this.writer.change(order, (current) => {
      if (current.attempts.length >= attempt) return { write: null, answer: () => undefined }
      const made = debitAttempt(registered, current, attempt, failed, now)
      const written: Order = { ...current, attempts: [...current.attempts, made], status: failed ? 'AUTHORIZATION_FAILED' : 'CHARGED' }
      return { write: { order: written, events }, answer: () => undefined }
    })
    if (retryingAt) return { at: retryingAt.getTime(), job: { subscriptionId: subscription.id, step: 'execute', cycle, attempt: attempt + 1 } }
    if (revokedAtBank) {
      const revoked = await this.mandates.change(holder, { kind: 'revoke' }, 'payer_bank')
      await this.ended(subscription, revoked.ok ? revoked.order : holder)
      return null
    }
    if (failed && action === 'REVOKE') {
      await this.mandates.change(holder, { kind: 'revoke' }, 'merchant')
      await this.deactivate(subscription)
      return null
    }
    return this.nextCycle(subscription, cycle, at)
  }

  /** The next cycle is scheduled at once: at the moment the step that ended this one fell due, so a move of the clock runs it too. */
  private nextCycle(subscription: Subscription, cycle: number, at: Date): NextStep {
    return { at: at.getTime(), job: { subscriptionId: subscription.id, step: 'schedule', cycle: cycle + 1, attempt: 0 } }
  }

  /**
   * A revoked or expired mandate ends the subscription (CANCELLED or COMPLETED, BILLING_EXECUTION_DEACTIVATED); answers whether it has.
   * Each part is done once however often this runs (each step and the expiry job ask), so a run that stopped part way is finished by the next.
   */
  private async ended(subscription: Subscription, holder: Order): Promise<boolean> {
    if (!isFinal(holder)) return false
    const status: SubscriptionStatus = holder.mandateStatus === 'REVOKED' ? 'CANCELLED' : 'COMPLETED'
    const now = (await this.now(subscription.merchantId)).toISOString()
    await this.updateSubscription(subscription, (s) => {
      const withExpiry = holder.mandateStatus === 'EXPIRED'
        ? { ...s, renewal: withEntryOnce(s.renewal ?? emptyRenewal(), { at: now, event: 'mandate_expired', cycle: s.renewal?.cycle ?? null, order_id: holder.orderId, detail: `end_date ${holder.mandate?.endDate ?? ''}` }) }
        : s
      return withStatus(withExpiry, status, now, `the mandate is ${holder.mandateStatus ?? ''}`)
    })
    const pending = subscription.renewal?.due ? await this.cycleOrder(subscription, subscription.renewal.cycle) : undefined
    if (pending) await this.decline(pending)
    await this.deactivate(subscription)
    return true
  }

  /** A cycle's order that will not be debited (a paused mandate, no notice, the subscription ended) is declined: ORDER_FAILED. */
  private async decline(order: Order): Promise<void> {
    await this.writer.change(order, (current) =>
      current.status === 'NEW' ? { write: { order: { ...current, status: 'JUSPAY_DECLINED' }, events: ['ORDER_FAILED'] }, answer: () => undefined } : { write: null, answer: () => undefined },
    )
  }

  /** The merchant hears that the subscription ended, on the order that started it, once. */
  private async deactivate(subscription: Subscription): Promise<void> {
    const registration = await this.deps.store.orderById(subscription.pageId)
    if (!registration) return
    await this.writer.change(registration, (current) => {
      if (!current.billing || current.billing.deactivated) return { write: null, answer: () => undefined }
      return { write: { order: { ...current, billing: { ...current.billing, deactivated: true } }, events: ['BILLING_EXECUTION_DEACTIVATED'] }, answer: () => undefined }
    })
  }

  /**
   * Tells the merchant `events` with the order's first write, the one a cycle's order gets once
   * inserted: a step run again after stopping between the insert and this write makes it, and one
   * run after it finds the order past revision 0 and tells nothing twice.
   */
  private firstWrite(order: Order, events: OrderEventName[]): Promise<void> {
    return this.writer.change(order, (current) => (current.revision > 0 ? { write: null, answer: () => undefined } : { write: { order: current, events }, answer: () => undefined }))
  }

  private noteOnce(subscription: Subscription, entry: TimelineEntry): Promise<Subscription | undefined> {
    return this.updateSubscription(subscription, (s) => ({ ...s, renewal: withEntryOnce(s.renewal ?? emptyRenewal(), entry) }))
  }

  /** Applies a change to the subscription as stored now (only the subscription's one debit job and QA write it). */
  private async updateSubscription(subscription: Subscription, change: (current: Subscription) => Subscription): Promise<Subscription | undefined> {
    const current = await this.deps.store.subscription(subscription.merchantId, subscription.id)
    if (!current) return undefined
    const next = change(current)
    await this.deps.store.updateSubscription(next)
    return next
  }

  /** The subscription a merchant's mandate carries, if any. */
  private async subscriptionOfMandate(merchantId: string, mandateId: string): Promise<{ holder: Order | undefined; subscription: Subscription | undefined }> {
    const holder = await this.mandates.ofMerchant(merchantId, mandateId)
    const subscriptionId = holder?.billing?.subscriptionId
    const subscription = subscriptionId ? await this.deps.store.subscription(merchantId, subscriptionId) : undefined
    return { holder, subscription: subscription?.mandateId === mandateId ? subscription : undefined }
  }

  /**
   * The merchant's `cancel_recurring_transaction`: the scheduled debit `orderId` of the subscription
   * the mandate (`holder`) carries is not made (JUSPAY_DECLINED, ORDER_FAILED) and the next cycle
   * comes as usual; refused within 30 minutes of the debit, or when no such debit is scheduled.
   */
  async cancelScheduled(holder: Order, orderId: string): Promise<CancelResult> {
    const subscriptionId = holder.billing?.subscriptionId
    const subscription = subscriptionId ? await this.deps.store.subscription(holder.merchantId, subscriptionId) : undefined
    const order = subscription?.mandateId === holder.mandateId ? await this.deps.store.orderByMerchantOrderId(holder.merchantId, orderId) : undefined
    if (!subscription || !order?.debit || order.debit.subscriptionId !== subscription.id || order.status !== 'NEW') return { ok: false, reason: 'nothing_scheduled' }
    const now = await this.now(holder.merchantId)
    if (Date.parse(order.debit.dueAt) - now.getTime() < CANCEL_CUTOFF_MS) return { ok: false, reason: 'too_late' }
    // Noted first, as the steps do: a cancel that stopped between the two is finished by the merchant's retry, which finds the debit still scheduled.
    await this.noteOnce(subscription, { at: now.toISOString(), event: 'debit_skipped', cycle: order.debit.cycle, order_id: order.orderId, detail: 'cancelled by the merchant' })
    await this.decline(order)
    return { ok: true, order: (await this.deps.store.orderById(order.id)) ?? order }
  }

  /** The subscription the mandate `holder` holds carries, if any. */
  async carried(holder: Order): Promise<Subscription | undefined> {
    const subscriptionId = holder.billing?.subscriptionId
    const subscription = subscriptionId ? await this.deps.store.subscription(holder.merchantId, subscriptionId) : undefined
    return subscription?.mandateId === holder.mandateId ? subscription : undefined
  }

  /**
   * QA's choice for what the next debit of a merchant's mandate does: kept on the subscription the
   * mandate carries (for that debit and its retries, until its cycle ends), or, without one, on the
   * mandate for the merchant's next presented debit (sandbox/domain/mandate-executions.ts).
   */
  async chooseNextDebit(merchantId: string, mandateId: string, choice: DebitChoice): Promise<NextDebitResult> {
    const { holder, subscription } = await this.subscriptionOfMandate(merchantId, mandateId)
    if (!holder) return { ok: false, reason: 'no_mandate' }
    if (!subscription) {
      if (holder.mandateStatus !== 'ACTIVE' && holder.mandateStatus !== 'PAUSED') return { ok: false, reason: 'ended' }
      await this.writer.change(holder, (current) => ({
        write: { order: { ...current, merchantDebits: { ...(current.merchantDebits ?? noDebits()), nextDebit: choice } }, events: [] },
        answer: () => undefined,
      }))
      return { ok: true, subscription: null }
    }
    if (subscription.status === 'CANCELLED' || subscription.status === 'COMPLETED') return { ok: false, reason: 'ended' }
    const chosen = await this.updateSubscription(subscription, (s) => ({ ...s, renewal: { ...(s.renewal ?? emptyRenewal()), nextDebit: choice } }))
    return chosen ? { ok: true, subscription: chosen } : { ok: false, reason: 'no_subscription' }
  }

  /** The subscription's timeline with the webhooks of its orders, oldest first; undefined for an unknown (or another merchant's) subscription. */
  async timeline(merchantId: string, subscriptionId: string): Promise<{ subscription: Subscription; lines: TimelineLine[] } | undefined> {
    const subscription = await this.deps.store.subscription(merchantId, subscriptionId)
    if (!subscription) return undefined
    const cycles = subscription.renewal?.cycle ?? 0
    const holder = await this.deps.store.orderById(subscription.mandatePageId)
    const orderIds = new Set([subscription.orderId, ...(holder ? [holder.orderId] : []), ...Array.from({ length: cycles }, (_, i) => debitOrderId(subscription.id, i + 1))])
    const webhooks = await ordersWebhooks(this.deps.store, merchantId, orderIds)
    const lines = [...(subscription.renewal?.timeline ?? []), ...webhooks].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    return { subscription, lines }
  }

  /** The timeline of the subscription a merchant's mandate carries. */
  async mandateTimeline(merchantId: string, mandateId: string): Promise<{ subscription: Subscription; lines: TimelineLine[] } | 'no_mandate' | 'no_subscription'> {
    const { holder, subscription } = await this.subscriptionOfMandate(merchantId, mandateId)
    if (!holder) return 'no_mandate'
    if (!subscription) return 'no_subscription'
    return (await this.timeline(merchantId, subscription.id)) ?? 'no_subscription'
  }
}
