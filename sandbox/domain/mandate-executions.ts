import type { BankDecline } from '../../contract/scenarios'
import type { ScheduledJob } from '../store/store'
import { clockFor } from './clock'
import { debitAttempt, debitOrder, debitTxnIds } from './debit-orders'
import type { DomainDeps } from './domain-deps'
import { alnum } from './ids'
import {
  decideExecution,
  decideNotice,
  noDebits,
  withExecution,
  withNotice,
  type DebitRefusal,
  type ExecutionRequest,
  type NoticeRequest,
  type ScheduledDebit,
} from './mandate-debits'
import { executionAt } from './debit-dates'
import type { Subscription } from './subscriptions'
import type { MerchantDebits, MerchantExecution, MerchantNotice } from './merchant-debits'
import { registeringAttempt } from './mandate-lifecycle'
import type { MandateService } from './mandate-service'
import type { Order } from './order'
import type { OrderChangePlan, OrderWriter, WriteFollowUp } from './order-writer'
import type { TimelineEntry } from './renewal'
import { debitOrderId, ordersWebhooks, type Renewals, type TimelineLine } from './renewals'

/**
 * The merchant's own debits on a registered mandate (docs/domain/renewals.md#the-merchants-own-debits):
 * a pre-debit notice (`pre_debit_notify`), then the debit it covers (`POST /txns`), presented as a
 * new order that runs at its execution date on the merchant's clock and ends in ORDER_SUCCEEDED or
 * ORDER_FAILED. What the mandate allows is decided once, on the mandate's order as it stands when
 * written (sandbox/domain/mandate-debits.ts): two debits racing for one period or one notice get one
 * yes. A debit declined because the mandate was revoked at the payer's bank revokes it here too.
 */

export type NoticeResult = { ok: true; notice: MerchantNotice } | { ok: false; refusal: DebitRefusal }
/** `in_flight`: the same order id is being presented by a request not yet answered (a client's retry racing its first try). */
export type ExecutionRefusal = DebitRefusal | { reason: 'order_id_taken' } | { reason: 'customer_mismatch' } | { reason: 'in_flight' }
export type ExecutionResult = { ok: true; order: Order } | { ok: false; refusal: ExecutionRefusal }
type Claim = { ok: true; holder: Order } | { ok: false; refusal: ExecutionRefusal }

const executionJobId = (pageId: string): string => `execution:${pageId}`

/** What makes a repeat of the same presented debit: the same mandate, amount, notice, date and customer. */
const executionFingerprint = (holder: Order, request: ExecutionRequest, customerId: string): string =>
  `execution:${holder.mandateId ?? ''}:${request.amountMinor}:${request.noticeId ?? ''}:${request.executionDate.getTime()}:${customerId}`

/** The subscription's debit days, paid and due, as the periods they take (docs/domain/renewals.md#the-merchants-own-debits). */
function subscriptionDebits(subscription: Subscription | undefined): ScheduledDebit[] {
  const renewal = subscription?.renewal
  if (!subscription || !renewal) return []
  const days = [
    ...(renewal.paid ? [{ date: renewal.paid.date, orderId: debitOrderId(subscription.id, renewal.paid.cycle) }] : []),
    ...(renewal.due ? [{ date: renewal.due.date, orderId: renewal.due.orderId }] : []),
  ]
  return days.map((d) => ({ at: executionAt(d.date), orderId: d.orderId }))
}

const debitsOf = (order: Order): MerchantDebits => order.merchantDebits ?? noDebits()

export class MandateExecutions {
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock'>,
    private readonly writer: OrderWriter,
    private readonly mandates: MandateService,
    private readonly renewals: Renewals,
  ) {}

  /** A presented debit's TXN_CREATED write brings its job, due at its execution date. */
  readonly follow: WriteFollowUp = {
    plan: (write) => {
      const { order, events } = write
      const jobs: ScheduledJob[] =
        events.includes('TXN_CREATED') && order.execution
          ? [{ id: executionJobId(order.id), merchantId: order.merchantId, dueAt: Date.parse(order.execution.runsAt), kind: 'execution', payload: JSON.stringify({ pageId: order.id }) }]
          : []
      return Promise.resolve({ jobs, written: () => Promise.resolve() })
    },
  }

  private now(merchantId: string): Promise<Date> {
    return clockFor(this.deps, merchantId).then((clock) => clock.now())
  }

  /** The merchant's pre-debit notice on the mandate `holder` holds: NOTIFICATION_SUCCEEDED (or _FAILED) when new; a repeat answers the first. */
  async notify(holder: Order, request: NoticeRequest): Promise<NoticeResult> {
    const now = await this.now(holder.merchantId)
    const id = `ntf_${alnum(20)}`
    return this.writer.change(holder, (current): OrderChangePlan<NoticeResult> => {
      const debits = debitsOf(current)
      const decided = decideNotice(current, debits, request, now, id)
      if (!decided.ok) return { write: null, answer: () => decided }
      const answer = (): NoticeResult => ({ ok: true, notice: decided.notice })
      if (decided.repeat) return { write: null, answer }
      const order = { ...current, merchantDebits: withNotice(debits, decided.notice) }
      return { write: { order, events: [decided.notice.status === 'SUCCESS' ? 'NOTIFICATION_SUCCEEDED' : 'NOTIFICATION_FAILED'] }, answer }
    })
  }

  /**
   * A debit the merchant presents: the mandate's rules decide it (and take its period and notice);
   * then its order is stored with TXN_CREATED and its debit runs at the execution date. A repeat of
   * the same request (the same order id and terms) answers the same order; the order id of any other
   * order is refused.
   *
   * Each step can be the last a process takes (a crash, a store that fails): a repeat finishes what
   * its first try began. Finding the period taken under its own fingerprint and no order stored, it
   * stores the order; finding the order stored but not yet presented, it presents it. Each step is
   * atomic in the store (the claim written from the revision read, the order id inserted once, the
   * TXN_CREATED write from revision 0), so a repeat racing its first try, or one taking over from a
   * stopped one, still makes one order, one TXN_CREATED and one job.
   */
  async execute(holder: Order, request: ExecutionRequest, customerId: string): Promise<ExecutionResult> {
    const fingerprint = executionFingerprint(holder, request, customerId)
    const existing = await this.deps.store.orderByMerchantOrderId(holder.merchantId, request.orderId)
    if (existing) return existing.fingerprint === fingerprint ? this.present(existing) : { ok: false, refusal: { reason: 'order_id_taken' } }
    // A mandate registered without a customer_id has none to compare with.
    if (holder.customer.id !== null && customerId !== holder.customer.id) return { ok: false, refusal: { reason: 'customer_mismatch' } }
    const now = await this.now(holder.merchantId)
    const scheduled = subscriptionDebits(await this.renewals.carried(holder))
    const claimed = await this.writer.change(holder, (current): OrderChangePlan<Claim> => {
      const debits = debitsOf(current)
      const claim = debits.executions.find((e) => e.orderId === request.orderId)
      if (claim) return { write: null, answer: () => (claim.fingerprint === fingerprint ? { ok: true, holder: current } : { ok: false, refusal: { reason: 'in_flight' } }) }
      const decided = decideExecution(current, debits, request, now, scheduled)
      if (!decided.ok) return { write: null, answer: () => decided }
      const withUse = decided.notice ? withNotice(debits, decided.notice) : debits
      const order = { ...current, merchantDebits: withExecution(withUse, { ...decided.execution, fingerprint }) }
      return { write: { order, events: [] }, answer: (stored) => ({ ok: true, holder: stored }) }
    })
    if (!claimed.ok) return claimed.refusal.reason === 'in_flight' ? this.claimedByAnother(holder, request) : claimed
    const runsAt = new Date(Math.max(now.getTime(), request.executionDate.getTime())).toISOString()
    const fields = { orderId: request.orderId, fingerprint, amountMinor: request.amountMinor, dueAt: runsAt, billing: null, status: 'PENDING_VBV' as const }
    const base = debitOrder(claimed.holder, fields, now)
    const order: Order = { ...base, execution: { mandatePageId: holder.id, noticeId: request.noticeId, ...debitTxnIds(base, 1), runsAt } }
    const inserted = await this.deps.store.insertOrder(order)
    if (inserted.inserted) return this.present(order)
    // The same fingerprint names this mandate and these terms: this very debit, stored by a repeat racing this try.
    if (inserted.existing.fingerprint === fingerprint) return this.present(inserted.existing)
    await this.release(claimed.holder, request)
    return { ok: false, refusal: { reason: 'order_id_taken' } }
  }

  /**
   * The TXN_CREATED write, which stores the debit's job, made once: an order past revision 0 counts
   * as presented, and of two tries writing from revision 0 one stands. That holds because the
   * presenting write is the first a debit's order gets: until it answers, the merchant has no
   * answer naming the order. QA's routes, which find an order by its order id alone, write nothing
   * on it first: the expiry route refuses a debit, and it has no attempt for QA to decide on.
   */
  private present(order: Order): Promise<ExecutionResult> {
    return this.writer.change(order, (current): OrderChangePlan<ExecutionResult> => {
      const answer = (stored: Order): ExecutionResult => ({ ok: true, order: stored })
      return current.revision > 0 ? { write: null, answer } : { write: { order: current, events: ['TXN_CREATED'] }, answer }
    })
  }

  /** A request whose order id another request took on this mandate: taken once that one's order is stored, in flight until then. */
  private async claimedByAnother(holder: Order, request: ExecutionRequest): Promise<ExecutionResult> {
    const stored = await this.deps.store.orderByMerchantOrderId(holder.merchantId, request.orderId)
    return { ok: false, refusal: { reason: stored ? 'order_id_taken' : 'in_flight' } }
  }

  /** Gives back the period and notice a debit took when its order could not be stored. */
  private release(holder: Order, request: ExecutionRequest): Promise<void> {
    return this.writer.change(holder, (current) => {
      const debits = debitsOf(current)
      const notice = debits.notices.find((n) => n.id === request.noticeId && n.usedBy === request.orderId)
      const restored: MerchantDebits = {
        ...(notice ? withNotice(debits, { ...notice, usedBy: null }) : debits),
        executions: debits.executions.filter((e) => e.orderId !== request.orderId),
      }
      return { write: { order: { ...current, merchantDebits: restored }, events: [] }, answer: () => undefined }
    })
  }

  /**
   * An execution job: the presented debit runs, if it has not yet, and the mandate's order records
   * how it ended, if it does not yet: a job run again after its instance stopped between the two
   * (a lease that ran out) finishes the second.
   */
  async run(job: ScheduledJob): Promise<void> {
    const { pageId } = JSON.parse(job.payload) as { pageId: string }
    const order = await this.deps.store.orderById(pageId)
    if (order?.execution) {
      const ran = order.status === 'PENDING_VBV' ? await this.debit(order, order.execution.mandatePageId) : order
      await this.settle(ran, order.execution.mandatePageId)
    }
    await this.deps.store.finishJob(job.id)
  }

  /**
   * The debit, on the rail and account that registered the mandate, as QA chose (the mandate's own
   * choice, else its subscription's), or declined when the mandate is no longer ACTIVE; answers the
   * debit's order as it then stands.
   */
  private async debit(order: Order, mandatePageId: string): Promise<Order> {
    const holder = await this.deps.store.orderById(mandatePageId)
    const registered = holder ? registeringAttempt(holder) : undefined
    const now = await this.now(order.merchantId)
    if (!holder || !registered || holder.mandateStatus !== 'ACTIVE') {
      return this.writer.change(order, (current) =>
        current.status === 'PENDING_VBV' ? { write: { order: { ...current, status: 'JUSPAY_DECLINED' }, events: ['ORDER_FAILED'] }, answer: (stored) => stored } : { write: null, answer: () => current },
      )
    }
    const choice = debitsOf(holder).nextDebit ?? (await this.renewals.carried(holder))?.renewal?.nextDebit ?? null
    const decline: BankDecline | null = choice?.outcome === 'failure' ? choice.reason : null
    return this.writer.change(order, (current) => {
      if (current.status !== 'PENDING_VBV' || !current.execution) return { write: null, answer: () => current }
      const { txnId, txnUuid } = current.execution
      const made = debitAttempt(registered, current, 1, decline, now, { txnId, txnUuid })
      const written: Order = { ...current, attempts: [made], status: decline ? 'AUTHORIZATION_FAILED' : 'CHARGED' }
      return { write: { order: written, events: [decline ? 'ORDER_FAILED' : 'ORDER_SUCCEEDED'] }, answer: (stored) => stored }
    })
  }

  /** The timeline of a merchant's mandate (one that carries no subscription); undefined for an unknown one or another merchant's. */
  async mandateTimeline(merchantId: string, mandateId: string): Promise<TimelineLine[] | undefined> {
    const holder = await this.mandates.ofMerchant(merchantId, mandateId)
    return holder ? this.timeline(holder) : undefined
  }

  /**
   * The timeline of a mandate that carries no subscription (docs/domain/renewals.md#the-timeline):
   * the merchant's notices and presented debits, and every webhook of the mandate's order and of
   * those debits' orders, oldest first.
   */
  private async timeline(holder: Order): Promise<TimelineLine[]> {
    const debits = debitsOf(holder)
    const own: TimelineLine[] = [
      ...debits.notices.map((n): TimelineEntry => ({
        at: n.createdAt,
        event: n.status === 'SUCCESS' ? 'notice_sent' : 'notice_failed',
        cycle: null,
        order_id: n.usedBy,
        detail: n.status === 'SUCCESS' ? `${n.id} (${n.objectReferenceId}): ${n.amountMinor} paise on ${n.txnDate}` : `${n.id} (${n.objectReferenceId}): ${n.failure ?? ''}`,
      })),
      ...debits.executions.map((e): TimelineEntry => ({
        at: e.presentedAt,
        event: 'debit_presented',
        cycle: null,
        order_id: e.orderId,
        detail: `${e.amountMinor} paise at ${e.executionAt}: ${e.status}`,
      })),
    ]
    const webhooks = await ordersWebhooks(this.deps.store, holder.merchantId, [holder.orderId, ...debits.executions.map((e) => e.orderId)])
    return [...own, ...webhooks].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  }

  /**
   * Records on the mandate's order how a presented debit ended (a failed one gives its period back)
   * and spends QA's choice, once: only while the mandate's order still has the debit pending. A
   * decline because the payer revoked the mandate at their bank revokes it here too.
   */
  private async settle(debit: Order, mandatePageId: string): Promise<void> {
    if (debit.status === 'PENDING_VBV') return
    const holder = await this.deps.store.orderById(mandatePageId)
    if (!holder) return
    const status: MerchantExecution['status'] = debit.status === 'CHARGED' ? 'succeeded' : 'failed'
    const settled = await this.writer.change(holder, (current): OrderChangePlan<Order> => {
      const debits = debitsOf(current)
      const execution = debits.executions.find((e) => e.orderId === debit.orderId)
      if (execution?.status !== 'pending') return { write: null, answer: () => current }
      const recorded = { ...withExecution(debits, { ...execution, status }), nextDebit: null }
      return { write: { order: { ...current, merchantDebits: recorded }, events: [] }, answer: (stored) => stored }
    })
    const revokedAtBank = debit.attempts.some((a) => a.status === 'failed' && a.bankDecline === 'mandate_revoked_at_bank')
    // A revocation repeated changes nothing (sandbox/domain/mandate-lifecycle.ts), so a job run again may ask again.
    if (revokedAtBank) await this.mandates.change(settled, { kind: 'revoke' }, 'payer_bank')
  }
}
