import * as z from 'zod/mini'
import { Money } from './money'
import { FREQUENCIES, RuleType, type Frequency } from './mandate'

/**
 * The price schedule a customer is shown before committing and the sandbox bills by afterwards.
 * The sandbox computes it once, when the session is created (sandbox/domain/price-schedule.ts,
 * docs/decisions/0011-one-price-schedule.md); the page and every API answer show that same value.
 */

/** The mandate frequencies a subscription may bill at: every one but ONETIME, a single debit. */
export const BILLING_INTERVALS = FREQUENCIES.filter((f): f is Exclude<Frequency, 'ONETIME'> => f !== 'ONETIME')
export const BillingInterval = z.enum(BILLING_INTERVALS)
export type BillingInterval = z.infer<typeof BillingInterval>

/** A calendar date in India (IST), `YYYY-MM-DD`: a debit falls on a day, not an instant. */
export const IstDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))
export type IstDate = z.infer<typeof IstDate>

/** How the subscription starts below full price (docs/domain/billing.md#introductory-period). */
export const ScheduleIntro = z.discriminatedUnion('type', [
  z.object({ type: z.literal('NONE') }),
  /** Free for `days` days from the session's date; nothing is debited before `endsOn`. */
  z.object({ type: z.literal('DAYS'), days: z.int().check(z.positive()), endsOn: IstDate }),
  /** The first `cycles` periods at `amount` (0 = free), today's period counted when it is paid today. */
  z.object({ type: z.literal('CYCLES'), cycles: z.int().check(z.positive()), amount: Money }),
  /** Billing starts on a date the merchant chose at registration (Juspay's billing_start_date). */
  z.object({ type: z.literal('START_DATE'), startsOn: IstDate }),
])
export type ScheduleIntro = z.infer<typeof ScheduleIntro>

/** One future debit under the mandate. */
export const ScheduledCharge = z.object({
  date: IstDate,
  amount: Money,
  /** Part of the introductory period (a discounted cycle), not the regular price. */
  intro: z.boolean(),
})
export type ScheduledCharge = z.infer<typeof ScheduledCharge>

export const PriceSchedule = z.object({
  /** The plan sold, when there is one (a checkout session's discount period has none). */
  plan: z.nullable(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  /**
   * What is debited today, at registration: refunded once the mandate is active (an
   * authorisation), or kept, and then whether it pays the first period (a checkout's first month).
   */
  today: z.object({ amount: Money, refunded: z.boolean(), paysFirstPeriod: z.boolean() }),
  intro: ScheduleIntro,
  /**
   * The debits after today, oldest first, up to and including the first at the regular amount.
   * Empty when the merchant presents each debit (ASPRESENTED): no date can be promised.
   */
  charges: z.array(ScheduledCharge),
  /** The regular amount and how often it is debited, with the debit day when there is one. */
  recurring: z.object({
    amount: Money,
    interval: BillingInterval,
    ruleType: z.nullable(RuleType),
    ruleValue: z.nullable(z.int()),
  }),
  /** The mandate's cap: the most any one debit may be. */
  cap: Money,
})
export type PriceSchedule = z.infer<typeof PriceSchedule>

/**
 * A session that pays for a plan change (Juspay Billing's billing_plan_change), as the page shows
 * it: the plans, what is paid now and why, from when the new price applies, and how long the quote
 * holds. Mapped from the prorated preview the session pays (docs/domain/billing.md).
 */
export const PlanChangeView = z.object({
  from: z.object({ planId: z.string(), name: z.string(), amount: Money }),
  to: z.object({ planId: z.string(), name: z.string(), amount: Money }),
  interval: BillingInterval,
  /** Credit for the unused part of the current cycle on the old plan. */
  credit: Money,
  /** Charge for the same part of the cycle on the new plan. */
  charge: Money,
  /** Credit carried from an earlier plan change, taken off what is paid now; zero when there is none. */
  heldCredit: Money,
  /** What this session charges: charge − credit − heldCredit (the preview's prorated_amount). */
  payNow: Money,
  /** The part of the cycle the credit and charge cover: from the change until the cycle ends. */
  covers: z.object({ from: IstDate, until: IstDate, days: z.int().check(z.nonnegative()) }),
  /** The first debit at the new plan's amount, when the current cycle ends. */
  nextCharge: ScheduledCharge,
  /** The quote (and with it this session) holds until then. */
  quoteExpiresAt: z.iso.datetime(),
  /** The new amount does not fit the current mandate: this session registers a new one, and the old is revoked once it is active. */
  newMandate: z.boolean(),
})
export type PlanChangeView = z.infer<typeof PlanChangeView>
