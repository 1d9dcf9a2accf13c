import type { IstDate, PriceSchedule, ScheduleIntro } from '../../contract/billing'
import type { Plan } from '../../contract/plan'
import { alnum } from './ids'
import type { Order } from './order'
import type { OrderEventName } from './order-events'
import type { Renewal, SubscriptionStatus } from './renewal'

/**
 * A subscription: what a successful registration of an order that sells one starts (Juspay's
 * billing execution, a checkout session's Subscription; docs/domain/billing.md#subscriptions). It
 * keeps the plan, when there is one, and the schedule the order carried, copied and never
 * recomputed, so what the page promised is what the subscription bills.
 */
export interface Subscription {
  /** Juspay's `billing_execution_info_id`. */
  id: string
  /**
   * ACTIVE from the moment the mandate is; its scheduled debits move it (docs/domain/renewals.md#the-subscriptions-status):
   * PAST_DUE while a failed debit is retried, HALTED or back to ACTIVE when the retries run out
   * (the plan's action), PAUSED with its mandate, CANCELLED once the mandate is revoked, COMPLETED once it expired.
   */
  status: SubscriptionStatus
  merchantId: string
  customerId: string | null
  /**
   * The plan as it stood when the session was created, and that instant. Null when the order sold
   * a schedule without a plan (a checkout session's line items and discount period).
   */
  plan: Plan | null
  planSnapshotAt: string
  /** The amount of each regular debit, in paise (the FIXED amount, the registration's plan_amount, or the session's recurring line items). */
  planAmountMinor: number
  mandateId: string
  /** The order (page id) that registered that mandate: the registration's, or a plan change's that registered a new one. */
  mandatePageId: string
  /** The merchant's order id of the registration, and the sandbox's id of that order. */
  orderId: string
  pageId: string
  intro: ScheduleIntro
  /** The day the first debit at the regular amount falls on; null when the merchant presents each debit (ASPRESENTED). */
  billingStartsOn: IstDate | null
  schedule: PriceSchedule
  /**
   * Credit carried from plan changes, in paise (docs/domain/billing.md#a-net-of-zero-or-below):
   * taken off the next change's payment first, and off the schedule's next debits.
   */
  creditMinor: number
  createdAt: string
  activatedAt: string
  /** Its scheduled debits; absent until the first is scheduled (sandbox/domain/renewals.ts). */
  renewal?: Renewal
}

/** Refused when the order already started one: a registration starts exactly one subscription. */
export type InsertSubscriptionResult = { inserted: true } | { inserted: false; existing: Subscription }

/** [I] `bei_` and 22 letters and digits, the length of Juspay's mandate ids: Juspay's own form was not found. */
const newSubscriptionId = (): string => `bei_${alnum(22)}`
/** The form newSubscriptionId makes: a read refuses anything else before asking the store. */
export const SUBSCRIPTION_ID_PATTERN = /^bei_[A-Za-z0-9]{22}$/

/** The events a new subscription adds, in the order merchants hear them. */
const SUBSCRIPTION_EVENTS: readonly OrderEventName[] = ['BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED']

type SubscribingOrder = Order & { billing: NonNullable<Order['billing']>; mandateId: string }

/** The registration succeeded for an order that sells a subscription (a plan or not) and has none yet. */
function startsSubscription(order: Order): order is SubscribingOrder {
  return (
    order.billing !== null &&
    order.billing.subscriptionId === null &&
    order.status === 'CHARGED' &&
    order.mandateStatus === 'ACTIVE' &&
    order.mandateId !== null
  )
}

/** The subscription a successful registration starts. */
function subscriptionFor(order: SubscribingOrder, id: string, now: Date): Subscription {
  const { plan, schedule } = order.billing
  const at = now.toISOString()
  return {
    id,
    status: 'ACTIVE',
    merchantId: order.merchantId,
    customerId: order.customer.id,
    plan,
    planSnapshotAt: order.createdAt,
    planAmountMinor: schedule.recurring.amount.minor,
    mandateId: order.mandateId,
    mandatePageId: order.id,
    orderId: order.orderId,
    pageId: order.id,
    intro: schedule.intro,
    billingStartsOn: schedule.charges.find((charge) => !charge.intro)?.date ?? null,
    schedule,
    creditMinor: 0,
    createdAt: at,
    activatedAt: at,
  }
}

/**
 * After an attempt's outcome is folded into its order: when that made the registration of an
 * order with billing succeed, starts exactly one subscription, names it on the order and adds its
 * events after the mandate's. Anything else passes through unchanged; the store refuses a second subscription for
 * one order, so a replayed outcome never makes two.
 */
export async function startSubscription(
  insert: (subscription: Subscription) => Promise<InsertSubscriptionResult>,
  applied: { order: Order; events: OrderEventName[] },
  now: Date,
): Promise<{ order: Order; events: OrderEventName[] }> {
  const { order, events } = applied
  if (!startsSubscription(order)) return applied
  const subscription = subscriptionFor(order, newSubscriptionId(), now)
  const inserted = await insert(subscription)
  const subscriptionId = inserted.inserted ? subscription.id : inserted.existing.id
  const billing = { ...order.billing, subscriptionId }
  // The write that records the subscription on the order tells merchants, even when an earlier try
  // of it stored the subscription and lost its write to another (Store.updateOrder).
  const afterMandate = events.indexOf('MANDATE_ACTIVATED') + 1
  return {
    order: { ...order, billing },
    events: [...events.slice(0, afterMandate), ...SUBSCRIPTION_EVENTS, ...events.slice(afterMandate)],
  }
}
