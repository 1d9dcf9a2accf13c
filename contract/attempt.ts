import * as z from 'zod/mini'
import { UpiChannel } from './instrument'
import { Frequency } from './mandate'
import { NetbankingAttemptDetail, EnachDetails } from './enach'

export const ATTEMPT_STATUSES = ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const
export const AttemptStatus = z.enum(ATTEMPT_STATUSES)
export type AttemptStatus = z.infer<typeof AttemptStatus>

export const FAILURE_REASONS = [
  'declined_by_customer',
  'bank_rejected',
  'name_mismatch',
  'approval_window_expired',
  'cancelled_by_customer',
  'authentication_failed',
] as const
export const FailureReason = z.enum(FAILURE_REASONS)
export type FailureReason = z.infer<typeof FailureReason>

/**
 * The parameters of an NPCI mandate URI (`upi://mandate?…`, docs/domain/upi.md#mandate-uri) exactly as the
 * sandbox issues them for one attempt. The page builds the URI from these; it never invents them.
 */
export const MandateUriParams = z.object({
  kind: z.literal('mandate'),
  pa: z.string(),
  pn: z.string(),
  mc: z.string().check(z.regex(/^\d{4}$/)),
  tr: z.string(),
  tid: z.string(),
  am: z.string().check(z.regex(/^\d+\.\d{2}$/)),
  amrule: z.enum(['MAX', 'EXACT']),
  cu: z.literal('INR'),
  mn: z.string(),
  tn: z.string(),
  validitystart: z.string().check(z.regex(/^\d{8}$/)),
  validityend: z.string().check(z.regex(/^\d{8}$/)),
  recur: Frequency,
  recurtype: z.nullable(z.enum(['ON', 'BEFORE', 'AFTER'])),
  recurvalue: z.nullable(z.string().check(z.regex(/^\d{1,2}$/))),
  rev: z.enum(['Y', 'N']),
  block: z.enum(['Y', 'N']),
  purpose: z.string().check(z.regex(/^\d{2}$/)),
  txnType: z.literal('CREATE'),
  mode: z.string().check(z.regex(/^\d{2}$/)),
})
export type MandateUriParams = z.infer<typeof MandateUriParams>

/** A one-off payment URI (`upi://pay?…`) for an OPTIONAL session whose customer did not opt in. */
export const PayUriParams = z.object({
  kind: z.literal('pay'),
  pa: z.string(),
  pn: z.string(),
  mc: z.string().check(z.regex(/^\d{4}$/)),
  tr: z.string(),
  tid: z.string(),
  am: z.string().check(z.regex(/^\d+\.\d{2}$/)),
  cu: z.literal('INR'),
  tn: z.string(),
  mode: z.string().check(z.regex(/^\d{2}$/)),
})
export type PayUriParams = z.infer<typeof PayUriParams>

export const UpiUriParams = z.discriminatedUnion('kind', [MandateUriParams, PayUriParams])
export type UpiUriParams = z.infer<typeof UpiUriParams>

const attemptCommon = {
  id: z.string(),
  number: z.int().check(z.gte(1)),
  setsUpMandate: z.boolean(),
  status: AttemptStatus,
  failureReason: z.nullable(FailureReason),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  endedAt: z.nullable(z.iso.datetime()),
}

export const UpiAttemptView = z.object({
  ...attemptCommon,
  rail: z.literal('upi'),
  channel: UpiChannel,
  upi: z.object({
    /** Present for intent and QR; collect needs no URI. */
    uri: z.nullable(UpiUriParams),
    payerVpa: z.nullable(z.string()),
    payerName: z.nullable(z.string()),
    /** The sandbox's simulated UPI app for this attempt (one-time link), standing in for the real app. */
    simulatorUrl: z.string(),
  }),
})
export type UpiAttemptView = z.infer<typeof UpiAttemptView>

export const NetbankingAttemptView = z.object({
  ...attemptCommon,
  rail: z.literal('netbanking'),
  netbanking: NetbankingAttemptDetail,
})
export type NetbankingAttemptView = z.infer<typeof NetbankingAttemptView>

/** One try at paying or registering, as the page sees it: what is common, plus its rail's own part. */
export const AttemptView = z.discriminatedUnion('rail', [UpiAttemptView, NetbankingAttemptView])
export type AttemptView = z.infer<typeof AttemptView>

export const StartUpiAttempt = z.object({
  rail: z.literal('upi'),
  /** Optional in the shape so that a missing channel gets its own refusal (`channel_required`). */
  channel: z.optional(UpiChannel),
  vpa: z.optional(z.string().check(z.maxLength(256))),
  setUpMandate: z.boolean(),
})
export type StartUpiAttempt = z.infer<typeof StartUpiAttempt>

export const StartNetbankingAttempt = z.object({
  rail: z.literal('netbanking'),
  /** eNACH registration details (with a mandate). */
  enach: z.optional(EnachDetails),
  /** The bank for a plain net banking payment (without a mandate). */
  bankCode: z.optional(z.string().check(z.regex(/^[A-Z]{4}$/))),
  setUpMandate: z.boolean(),
})
export type StartNetbankingAttempt = z.infer<typeof StartNetbankingAttempt>

/** Body of POST /api/pages/{pageId}/attempts, one shape per rail; the Idempotency-Key header makes retries safe. */
export const StartAttempt = z.discriminatedUnion('rail', [StartUpiAttempt, StartNetbankingAttempt])
export type StartAttempt = z.infer<typeof StartAttempt>

/** Verify VPA answer (shape in docs/domain/upi.md#verify-vpa). */
export const VpaVerification = z.object({
  vpa: z.string(),
  status: z.enum(['VALID', 'INVALID']),
  customer_name: z.nullable(z.string()),
  mandate_details: z.object({ is_handle_supported: z.boolean() }),
})
export type VpaVerification = z.infer<typeof VpaVerification>

export const MAX_ATTEMPTS_PER_ORDER = 25

/** VPA syntax both sides check (docs/domain/upi.md#vpa-syntax): handle@psp, one @, no spaces; a PSP lookup decides the rest. */
export const VPA_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}[a-zA-Z0-9]@[a-zA-Z][a-zA-Z0-9]{1,63}$/
