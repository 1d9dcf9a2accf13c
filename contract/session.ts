import * as z from 'zod/mini'
import { Money } from './money'
import { PlanChangeView, PriceSchedule } from './billing'
import { CreateMandate, MandateTerms } from './mandate'
import { Instrument, UpiChannelPolicy } from './instrument'
import { Rail } from './rail'
import { MandateStatus, OrderStatus } from './status'
import { AttemptView } from './attempt'
import { BRAND_COLOR_PATTERN, Theme } from './appearance'
import { CLIENT_SECRET_PATTERN, LOCALES, PAGE_ID_PATTERN } from './values'

/** Per auth mode, the highest mandate amount the merchant lets that mode authorise. */
export const EnachLimits = z.object({ netbanking: Money, debit_card: Money, aadhaar: Money })
export type EnachLimits = z.infer<typeof EnachLimits>

export { CLIENT_SECRET_PATTERN, LOCALES, PAGE_ID_PATTERN }
export const Locale = z.enum(LOCALES)
export type Locale = z.infer<typeof Locale>

export const PageId = z.string().check(z.regex(PAGE_ID_PATTERN))

export const ClientSecret = z.string().check(z.regex(CLIENT_SECRET_PATTERN))

export const SessionState = z.enum(['open', 'expired', 'completed', 'cancelled'])
export type SessionState = z.infer<typeof SessionState>

export const LineItem = z.object({
  name: z.string(),
  quantity: z.int().check(z.positive()),
  amount: Money,
})
export type LineItem = z.infer<typeof LineItem>

export const Outcome = z.object({
  status: OrderStatus,
  statusId: z.int(),
  mandateStatus: z.nullable(MandateStatus),
  mandateId: z.nullable(z.string()),
  completedAt: z.iso.datetime(),
  /** First date a recurring debit may fall on; null for one-time and as-presented mandates. */
  firstDebitDate: z.nullable(z.iso.datetime()),
  /** The sandbox's simulated UPI app listing the mandates of the VPA that approved this one; null for any other rail. */
  mandatesUrl: z.nullable(z.string()),
})
export type Outcome = z.infer<typeof Outcome>

/** Everything the page needs to render, normalised from any merchant dialect, in one response. */
export const SessionView = z.object({
  pageId: PageId,
  orderId: z.string(),
  state: SessionState,
  status: OrderStatus,
  statusId: z.int(),
  merchant: z.object({
    name: z.string(),
    brandColor: z.string().check(z.regex(BRAND_COLOR_PATTERN)),
    logoUrl: z.nullable(z.string()),
    /** The merchant's theme for its pages; light when absent. A framing host may override it at run time. */
    theme: z.optional(Theme),
  }),
  amount: Money,
  /** What the customer pays today: the order amount, or a discounted first period. */
  chargedToday: Money,
  /** The registration charge is refunded once the mandate is active. */
  registrationRefunded: z.boolean(),
  description: z.nullable(z.string()),
  customer: z.nullable(
    z.object({
      name: z.nullable(z.string()),
      email: z.nullable(z.string()),
      phone: z.nullable(z.string()),
    }),
  ),
  lineItems: z.array(LineItem),
  /** What a subscription will charge and when; null when the session sells none. */
  schedule: z.nullable(PriceSchedule),
  /** What a plan-change session pays for; null for every other session. */
  planChange: z.nullable(PlanChangeView),
  createMandate: z.nullable(CreateMandate),
  mandate: z.nullable(MandateTerms),
  instruments: z.array(Instrument),
  preferredRail: z.nullable(Rail),
  upiChannelPolicy: UpiChannelPolicy,
  /** The most each eNACH auth mode may authorise for this merchant (docs/domain/enach.md#limits); null when eNACH is not offered. */
  enachLimits: z.nullable(EnachLimits),
  language: z.nullable(Locale),
  expiresAt: z.iso.datetime(),
  /**
   * The sandbox's time when the view was made, on the merchant's clock (which QA may move): the
   * page counts down to expiresAt and the attempt's expiry from it, not from the device's clock.
   */
  serverNow: z.iso.datetime(),
  outcome: z.nullable(Outcome),
  /** The latest attempt, pending or ended; null before the first. */
  attempt: z.nullable(AttemptView),
  attemptsLeft: z.int().check(z.nonnegative()),
  /** return_url with the signed result (order_id, status, status_id, signature) once there is one to report. */
  returnUrl: z.nullable(z.string()),
  /** Where the page's Cancel leaves to (the merchant's cancel_url); null when the merchant gave none, and then there is no Cancel. */
  cancelUrl: z.nullable(z.string()),
})
export type SessionView = z.infer<typeof SessionView>

/** Error body of the page API. */
export const PAGE_ERROR_CODES = [
  'not_found',
  'malformed',
  'unsupported_media_type',
  'payload_too_large',
  'internal',
  'session_not_open',
  'attempt_in_progress',
  'too_many_attempts',
  'instrument_unavailable',
  'mandate_choice_invalid',
  'channel_required',
  'channel_not_allowed',
  'vpa_required',
  'vpa_invalid',
  'handle_not_supported',
  'idempotency_conflict',
  'idempotency_key_required',
  'no_pending_attempt',
  'enach_details_required',
  'bank_required',
  'bank_unknown',
  'auth_mode_unsupported',
  'ifsc_bank_mismatch',
  'amount_above_mode_limit',
  'cancel_unavailable',
  'too_many_streams',
] as const
export type PageErrorCode = (typeof PAGE_ERROR_CODES)[number]
export const PageError = z.object({
  error: z.object({ code: z.enum(PAGE_ERROR_CODES), message: z.string() }),
})
export type PageError = z.infer<typeof PageError>

/** Body of POST /api/checkout/lookup: the client secret travels in the body, never in a URL. */
export const ClientSecretLookup = z.object({ client_secret: ClientSecret })

/** How often the page reads the session while an attempt is pending and it cannot use the event stream. */
export const POLL_INTERVAL_MS = 2000
