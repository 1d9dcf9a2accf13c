import type { ScheduledJob } from '../store/store'
import { clockFor } from './clock'
import type { DomainDeps } from './domain-deps'
import type { MandateActor } from './mandate-change'
import { changeMandate, registeringAttempt, type MandateCommand, type MandateTransition } from './mandate-lifecycle'
import type { Order } from './order'
import type { OrderWriter, WriteFollowUp } from './order-writer'

/** VPAs are case-insensitive: the payer index keeps them lower-cased. */
export const payerKey = (vpa: string): string => vpa.trim().toLowerCase()

/** The VPA a UPI mandate was registered from; null for any other rail, or before it was registered. */
export function mandatePayerVpa(order: Order): string | null {
  const registered = registeringAttempt(order)
  return registered?.rail === 'upi' && registered.payerVpa ? registered.payerVpa : null
}

/**
 * A registered mandate's commands after registration (pause, resume, revoke), from the merchant's
 * API or the customer's simulated UPI app or bank, written through the order writer so that the
 * merchant hears each change by webhook, in order, exactly as the order now stands.
 */
export class MandateService {
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock'>,
    private readonly writer: OrderWriter,
  ) {}

  /**
   * Indexes a mandate once the write that activated it stood, so the merchant's API finds it by id
   * and the UPI app lists it under the payer's VPA.
   */
  readonly index: WriteFollowUp = {
    plan: (write) => {
      const { order, events } = write
      const mandateId = order.mandateId
      const written = async () => {
        if (!events.includes('MANDATE_ACTIVATED') || mandateId === null) return
        const payer = mandatePayerVpa(order)
        await this.deps.store.indexMandate(order.id, mandateId, payer === null ? null : payerKey(payer))
      }
      return Promise.resolve({ jobs: [], written })
    },
  }

  /**
   * Ends a pause on its pause_end_date: a pause written with its window brings a job due then, which
   * resumes the mandate (MANDATE_ACTIVATED) if that same pause still holds it.
   */
  readonly pauses: WriteFollowUp = {
    plan: (write) => {
      const { order, events } = write
      const pause = order.mandateChange?.pause
      const jobs: ScheduledJob[] =
        events.includes('MANDATE_PAUSED') && pause
          ? [{ id: `pause_end:${order.id}`, merchantId: order.merchantId, dueAt: Date.parse(pause.endDate), kind: 'pause_end', payload: JSON.stringify({ pageId: order.id, endDate: pause.endDate }) }]
          : []
      return Promise.resolve({ jobs, written: () => Promise.resolve() })
    },
  }

  /** A pause_end job: resumes the mandate if it is still paused by the pause that scheduled it (a later pause has its own job). */
  async endPause(job: ScheduledJob): Promise<void> {
    const { pageId, endDate } = JSON.parse(job.payload) as { pageId: string; endDate: string }
    const order = await this.deps.store.orderById(pageId)
    if (order?.mandateStatus === 'PAUSED' && order.mandateChange?.pause?.endDate === endDate) await this.change(order, { kind: 'activate' }, 'pause_end')
    await this.deps.store.finishJob(job.id)
  }

  /** The registered mandate with this id, if it is this merchant's: another merchant's is not found. */
  async ofMerchant(merchantId: string, mandateId: string): Promise<Order | undefined> {
    const order = await this.deps.store.orderByMandateId(mandateId)
    return order?.merchantId === merchantId ? order : undefined
  }

  /** The orders holding the mandates this VPA registered, oldest first. */
  ofPayer(vpa: string): Promise<Order[]> {
    return this.deps.store.ordersOfPayer(payerKey(vpa))
  }

  /** Applies the command to the order's mandate as it stands when written; a refusal or a repeat writes nothing. */
  async change(order: Order, command: MandateCommand, by: MandateActor): Promise<MandateTransition> {
    // The merchant's sandbox clock (docs/domain/sandbox-clock.md): a moved clock dates the change too.
    const now = (await clockFor(this.deps, order.merchantId)).now()
    return this.writer.change(order, (current) => {
      const result = changeMandate(current, command, by, now)
      if (!result.ok || result.events.length === 0) return { write: null, answer: () => result }
      return {
        write: { order: result.order, events: result.events },
        answer: (stored): MandateTransition => ({ ok: true, order: stored, events: result.events }),
      }
    })
  }
}
