import type { IstDate, PriceSchedule } from '../../contract/billing'
import type { CreateMandate, MandateTerms } from '../../contract/mandate'
import type { Plan } from '../../contract/plan'
import type { Rail } from '../../contract/rail'
import type { Locale, LineItem } from '../../contract/session'
import type { MandateStatus, OrderStatus } from '../../contract/status'
import { MAX_ATTEMPTS_PER_ORDER } from '../../contract/attempt'
import type { Attempt } from './attempt'
import type { MandateChange } from './mandate-change'
import type { MerchantDebits } from './merchant-debits'
import type { OrderDebit } from './renewal'

export interface Customer {
  id: string | null
  email: string | null
  phone: string | null
  firstName: string | null
  lastName: string | null
}

/** Where the order came from, so each dialect can answer in its own shape. */
export type OrderSource =
  | {
      dialect: 'juspay'
      action: string
      paymentPageClientId: string | null
      /** `options.get_upi_deep_links` as sent, echoed in the session's SDK payload. */
      getUpiDeepLinks: boolean | null
    }
  | {
      dialect: 'checkout'
      sessionId: string
      clientSecret: string
      mode: 'payment' | 'subscription'
      cancelUrl: string | null
      raw: unknown
    }
  | {
      dialect: 'zenskar'
      /** The checkout's id, also the order's merchant order id (docs/domain/zenskar.md). */
      checkoutId: string
      planId: string
      customerId: string
      /** `YYYY-MM-DD`, as accepted (the default filled in). */
      startDate: string
      endDate: string | null
      successUrl: string | null
      cancelUrl: string | null
      /** The overrides as accepted, echoed on every read. */
      productOverrides: { product_id: string; quantity?: number; is_enabled?: boolean }[]
    }
  | {
      dialect: 'plural'
      /** Plural's numeric order id, also its merchant_order_id as text (docs/domain/plural.md#ids). */
      pluralOrderId: number
      /** The plan_id answered: the catalogue plan's id or the inline plan's merchantPlanId. */
      planId: string
      /** `C` collect or `I` intent, as the request chose it. */
      txnMode: 'C' | 'I'
      quantity: number
      trialPeriodInDays: number
      /** `YYYY-MM-DD HH:mm:ss` (UTC), as sent. */
      startDate: string
      endDate: string
      enableNotification: boolean
    }

/** The arithmetic of a plan change over the current cycle (sandbox/domain/proration.ts), all in paise. */
export interface Proration {
  cycleSeconds: number
  remainingSeconds: number
  /** The current plan's amount for the unused time, rounded half-up to a paisa. */
  unusedCreditMinor: number
  /** The new plan's amount for the remaining time, rounded half-up to a paisa. */
  newPlanChargeMinor: number
  /** The credit the subscription held before the change, and how much of it this change takes off what is due. */
  heldCreditMinor: number
  creditAppliedMinor: number
  /** What is due now: the charge less the credit and the held credit applied, never below zero. */
  proratedMinor: number
  /** The credit the subscription holds once the change is applied: what the held credit and this change leave over, carried to the next invoices. */
  carryForwardMinor: number
}

/**
 * The prorated preview an order pays for, as it stood when the order was created
 * (sandbox/domain/plan-change.ts makes and stores it; docs/domain/billing.md#plan-changes-paying-for-one).
 */
export interface PlanChangeQuote {
  subscriptionId: string
  requestId: string
  /** The instant priced, to the second, and until when the quote may be paid. */
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

/** What an order that pays for a plan change carries besides the new plan and schedule. */
export interface PlanChangeBilling {
  preview: PlanChangeQuote
  from: { planId: string; name: string }
  to: { planId: string; name: string }
  /** The new plan's amount does not fit the current mandate: the order registers a new one, and the old is revoked once it is active. */
  newMandate: boolean
  /** When the change was applied to the subscription; null until the payment (and the new mandate) succeeded. */
  appliedAt: string | null
  /** Set when the change was applied onto this order's new mandate: the page id of the order holding the mandate it replaced, which is to be revoked. */
  replaces?: string
}

/** What the order sells when it starts a subscription (docs/domain/billing.md#the-price-schedule). */
export interface OrderBilling {
  /** The plan as it stood when the session was created; null for a checkout session's discount period. */
  plan: Plan | null
  /** Computed once, when the session was created: what the page shows is what is billed. */
  schedule: PriceSchedule
  /**
   * The subscription the registration created (Juspay's billing_execution_info_id); null until then.
   * A plan change's order names the subscription it changes from the start.
   */
  subscriptionId: string | null
  /**
   * Set when the order pays for a plan change (Juspay's billing_plan_change): the preview it pays
   * for; `plan` is then the new plan and `schedule` the subscription's schedule once changed.
   */
  planChange: PlanChangeBilling | null
  /**
   * Set on the order that started a subscription by the write that told the merchant the
   * subscription ended (BILLING_EXECUTION_DEACTIVATED), so it is told once; absent before.
   */
  deactivated?: true
}

/**
 * The one domain model every dialect maps into. Amounts are integer paise.
 * `fingerprint` is a canonical digest of the creating request, used to answer a repeated
 * merchant order id with the same order (same body) or an error (different body).
 */
export interface Order {
  id: string
  merchantId: string
  orderId: string
  fingerprint: string
  createdAt: string
  expiresAt: string
  amountMinor: number
  chargedTodayMinor: number
  currency: string
  customer: Customer
  description: string | null
  returnUrl: string | null
  udf: string[]
  metadata: Record<string, string>
  createMandate: CreateMandate | null
  mandate: MandateTerms | null
  paymentRules: unknown
  billing: OrderBilling | null
  lineItems: LineItem[]
  preferredRail: Rail | null
  /** The rails the order may be paid on when its API allows fewer than the merchant offers (Plural's UPI subscriptions); null for all of them. */
  rails: readonly Rail[] | null
  language: Locale | null
  clientAuthToken: string
  clientAuthTokenExpiresAt: string
  status: OrderStatus
  source: OrderSource
  /** Every try at paying, oldest first; at most one is pending. */
  attempts: Attempt[]
  mandateStatus: MandateStatus | null
  mandateId: string | null
  mandateToken: string | null
  /**
   * The last change to the registered mandate after its registration (a pause, a resume, a
   * revocation) and who made it; null until one (sandbox/domain/mandate-lifecycle.ts).
   */
  mandateChange: MandateChange | null
  /** Paise refunded so far (the registration charge, when auto-refunded). */
  refundedMinor: number
  /** When the customer cancelled the open session on the page (its Cancel, back to cancel_url); null otherwise. */
  cancelledAt: string | null
  /** How many times the order was written; the store writes only from the revision read (Store.updateOrder). */
  revision: number
  /** Set on a subscription's scheduled debit (sandbox/domain/renewals.ts); absent on every order a merchant created. */
  debit?: OrderDebit
  /** On a registered mandate's order: the merchant's own notices and debits on it (sandbox/domain/mandate-debits.ts); absent until the first. */
  merchantDebits?: MerchantDebits
  /** Set on a debit the merchant presented with POST /txns: the mandate's order, the notice it used, and when it runs. */
  execution?: OrderExecution
}

/** What a merchant's debit (POST /txns) carries besides the order itself. */
export interface OrderExecution {
  /** The page id of the order that holds the mandate. */
  mandatePageId: string
  noticeId: string | null
  /** The transaction's ids, answered when the debit is presented and kept by the transaction made when it runs. */
  txnId: string
  txnUuid: string
  /** When the debit runs on the merchant's clock (ISO-8601): the execution_date, or when it was presented if that is later. */
  runsAt: string
}

export const liveAttempt = (order: Order): Attempt | undefined => order.attempts.find((a) => a.status === 'pending')
export const latestAttempt = (order: Order): Attempt | undefined => order.attempts.at(-1)

/**
 * A session is completed once charged, or once its attempts are used up; it is cancelled once the
 * customer cancelled it on the page; it expires at its expiry unless an attempt is still pending
 * (the customer is approving right now). A failed attempt leaves it open for a retry.
 */
export function sessionState(order: Order, now: Date): 'open' | 'expired' | 'completed' | 'cancelled' {
  if (order.status === 'CHARGED') return 'completed'
  if (order.cancelledAt !== null) return 'cancelled'
  const until = openUntil(order)
  if (until === Number.NEGATIVE_INFINITY) return 'completed'
  return until <= now.getTime() ? 'expired' : 'open'
}

/**
 * Until when (epoch ms) the session is open, whatever the time now: never again once completed or
 * cancelled (-Infinity), for as long as an attempt is pending (Infinity), else until its expiry.
 */
export function openUntil(order: Order): number {
  if (order.status === 'CHARGED' || order.cancelledAt !== null) return Number.NEGATIVE_INFINITY
  if (liveAttempt(order) !== undefined) return Number.POSITIVE_INFINITY
  if (order.attempts.length >= MAX_ATTEMPTS_PER_ORDER) return Number.NEGATIVE_INFINITY
  return new Date(order.expiresAt).getTime()
}

/** Where the page's Cancel takes the customer: the cancel_url the merchant's dialect carried, if any. */
export function cancelUrlOf(order: Order): string | null {
  switch (order.source.dialect) {
    case 'juspay':
    case 'plural':
      return null
    case 'checkout':
    case 'zenskar':
      return order.source.cancelUrl
  }
}
