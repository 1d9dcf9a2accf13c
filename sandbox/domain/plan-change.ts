import type { IstDate } from '../../contract/billing'
import { istDate, prorate, type Cycle, type Proration } from './proration'
import type { Subscription } from './subscriptions'

/**
 * A prorated preview of a plan change (docs/domain/billing.md#plan-changes-the-prorated-preview):
 * what moving a subscription to another plan now would cost, frozen when it is made and kept per
 * merchant under the merchant's (billing_execution_info_id, request_id), so a repeat answers it
 * unchanged.
 */
export interface PlanChangePreview {
  merchantId: string
  subscriptionId: string
  requestId: string
  /** The request's canonical digest: the same request_id with another body is a conflict. */
  fingerprint: string
  /** The instant the proration was computed at, to the whole second. */
  prorationAt: string
  expiresAt: string
  current: { planId: string; amountMinor: number; periodStart: string; periodEnd: string }
  next: { planId: string; amountMinor: number; ruleValue: number | null }
  proration: Proration
  /** The first invoice after the change: the next cycle, at the new plan's amount. */
  nextInvoice: { date: IstDate; amountMinor: number }
  /** The new plan's amount fits under the subscription's mandate cap. */
  mandateSufficient: boolean
}

export type InsertPreviewResult = { inserted: true } | { inserted: false; existing: PlanChangePreview }

export interface PreviewTerms {
  subscription: Subscription & { plan: NonNullable<Subscription['plan']> }
  cycle: Cycle
  requestId: string
  fingerprint: string
  now: Date
  lifetimeMinutes: number
  next: { planId: string; amountMinor: number; ruleValue: number | null }
}

const MINUTE_MS = 60 * 1000

/** Builds the preview; the instant is taken to the whole second, so the answer's proration_at reproduces the arithmetic. */
export function planChangePreview(terms: PreviewTerms): PlanChangePreview {
  const { subscription, cycle, next } = terms
  const at = new Date(Math.floor(terms.now.getTime() / 1000) * 1000)
  return {
    merchantId: subscription.merchantId,
    subscriptionId: subscription.id,
    requestId: terms.requestId,
    fingerprint: terms.fingerprint,
    prorationAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + terms.lifetimeMinutes * MINUTE_MS).toISOString(),
    current: {
      planId: subscription.plan.plan_id,
      amountMinor: subscription.planAmountMinor,
      periodStart: cycle.start.toISOString(),
      periodEnd: cycle.end.toISOString(),
    },
    next,
    proration: prorate({ cycle, at, currentMinor: subscription.planAmountMinor, newMinor: next.amountMinor }),
    nextInvoice: { date: istDate(cycle.end), amountMinor: next.amountMinor },
    mandateSufficient: next.amountMinor <= subscription.schedule.cap.minor,
  }
}
