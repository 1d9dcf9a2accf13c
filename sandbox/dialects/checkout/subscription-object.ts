import * as z from 'zod'
import type { PriceSchedule, ScheduledCharge } from '../../../contract/billing'
import type { Subscription } from '../../domain/subscriptions'
import { minorToMajor } from './amount'
import { canonicalBody } from './order-draft'
import type { CheckoutSource } from './session-object'
import { storedRequest } from './session-object'

const WireCharge = z.object({ date: z.string(), amount: z.number(), discount_period: z.boolean() })

/**
 * The Subscription a subscription-mode checkout session starts, as `GET /v1/subscriptions/{id}`
 * answers it (docs/domain/checkout-session.md#the-subscription). Amounts in major units like the
 * session object; dates are IST calendar days, `YYYY-MM-DD`.
 */
export const CheckoutSubscription = z.object({
  id: z.string(),
  object: z.literal('subscription'),
  livemode: z.literal(false),
  status: z.literal('active'),
  checkout_session: z.string(),
  merchant_order_id: z.string(),
  currency: z.string(),
  customer: z
    .object({ email: z.string(), name: z.string(), merchant_customer_id: z.string(), phone: z.string().optional() })
    .nullable(),
  collection_method: z.enum(['auto_charge', '']).nullable(),
  /** The line items' recurring price: what each regular period costs, and its cadence as the session gave it. */
  recurring: z.object({ amount: z.number(), interval: z.string(), interval_count: z.int() }),
  discount_period_config: z.object({ discount_period_count: z.int(), discount_period_amount: z.number() }).nullable(),
  metadata: z.record(z.string(), z.string()),
  created: z.int(),
  /** Sandbox extension: the price schedule the page showed, copied when the subscription started. */
  schedule: z.object({
    today: z.object({ amount: z.number(), refunded: z.boolean(), pays_first_period: z.boolean() }),
    upcoming_charges: z.array(WireCharge),
    first_regular_charge: z.object({ date: z.string(), amount: z.number() }).nullable(),
    recurring: z.object({
      amount: z.number(),
      frequency: z.string(),
      rule_type: z.string().nullable(),
      rule_value: z.int().nullable(),
    }),
    max_amount: z.number(),
  }),
})
export type CheckoutSubscription = z.infer<typeof CheckoutSubscription>

const charge = (c: ScheduledCharge): CheckoutSubscription['schedule']['upcoming_charges'][number] => ({
  date: c.date,
  amount: minorToMajor(c.amount.minor),
  discount_period: c.intro,
})

function wireSchedule(schedule: PriceSchedule): CheckoutSubscription['schedule'] {
  const regular = schedule.charges.find((c) => !c.intro)
  return {
    today: { amount: minorToMajor(schedule.today.amount.minor), refunded: schedule.today.refunded, pays_first_period: schedule.today.paysFirstPeriod },
    upcoming_charges: schedule.charges.map(charge),
    first_regular_charge: regular ? { date: regular.date, amount: minorToMajor(regular.amount.minor) } : null,
    recurring: {
      amount: minorToMajor(schedule.recurring.amount.minor),
      frequency: schedule.recurring.interval,
      rule_type: schedule.recurring.ruleType,
      rule_value: schedule.recurring.ruleValue,
    },
    max_amount: minorToMajor(schedule.cap.minor),
  }
}

const unixSeconds = (iso: string): number => Math.floor(new Date(iso).getTime() / 1000)

/** The subscription in this dialect's shape, with the parts of its session's request it echoes. */
export function toCheckoutSubscription(subscription: Subscription, source: CheckoutSource, metadata: Record<string, string>): CheckoutSubscription {
  const wire = canonicalBody(storedRequest(source))
  const recurringItem = wire.line_items.find((item) => item.price_data.recurring)?.price_data.recurring
  if (!recurringItem) throw new Error(`checkout session ${source.sessionId} started a subscription without a recurring price`)
  return {
    id: subscription.id,
    object: 'subscription',
    livemode: false,
    status: 'active',
    checkout_session: source.sessionId,
    merchant_order_id: subscription.orderId,
    currency: subscription.schedule.recurring.amount.currency,
    customer: wire.customer ?? null,
    collection_method: wire.collection_method ?? null,
    recurring: {
      amount: minorToMajor(subscription.planAmountMinor),
      interval: recurringItem.interval,
      interval_count: recurringItem.interval_count,
    },
    discount_period_config: wire.subscription_data?.discount_period_config ?? null,
    metadata,
    created: unixSeconds(subscription.createdAt),
    schedule: wireSchedule(subscription.schedule),
  }
}
