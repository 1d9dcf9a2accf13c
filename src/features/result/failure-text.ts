import type { AttemptView } from '../../../contract/attempt'
import type { Rail } from '../../../contract/rail'
import type { ResultKey } from '../../i18n/result-catalogs'

/**
 * How each rail words a failure: the heading when a mandate was not set up, and whether the customer
 * was at their bank (some reasons are worded for the bank rather than a UPI app).
 */
const RAIL_FAILURE = {
  upi: { mandateHeading: 'result.failure.mandate', atBank: false },
  netbanking: { mandateHeading: 'result.failure.enach', atBank: true },
} as const satisfies Record<Rail, { mandateHeading: ResultKey; atBank: boolean }>

/** Reasons worded differently when the customer was at their bank rather than in a UPI app. */
const AT_BANK = ['declined_by_customer', 'approval_window_expired', 'authentication_failed'] as const
const atBank = (reason: string): reason is (typeof AT_BANK)[number] => (AT_BANK as readonly string[]).includes(reason)

/** The plain-words reason for an attempt that ended without success. */
export function reasonKey(attempt: AttemptView | null): ResultKey {
  const reason = attempt?.failureReason ?? null
  if (reason !== null && attempt && RAIL_FAILURE[attempt.rail].atBank && atBank(reason)) return `result.reason.bank.${reason}`
  if (reason !== null) return `result.reason.${reason}`
  if (attempt?.status === 'expired') return 'result.reason.approval_window_expired'
  if (attempt?.status === 'cancelled') return 'result.reason.cancelled_by_customer'
  return 'result.reason.unknown'
}

/** The failure screen's heading: what did not happen, or that nothing more can be tried. */
export function failureHeadingKey(attempt: AttemptView | null, canRetry: boolean): ResultKey {
  if (!canRetry) return 'result.failure.final'
  if (!attempt?.setsUpMandate) return 'result.failure.payment'
  return RAIL_FAILURE[attempt.rail].mandateHeading
}
