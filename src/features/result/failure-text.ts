import type { AttemptView } from '../../../contract/attempt'
import type { ResultKey } from '../../i18n/result-catalogs'

/** Reasons worded differently when the customer was at their bank rather than in a UPI app. */
const AT_BANK = ['declined_by_customer', 'approval_window_expired', 'authentication_failed'] as const
const atBank = (reason: string): reason is (typeof AT_BANK)[number] => (AT_BANK as readonly string[]).includes(reason)

/** The plain-words reason for an attempt that ended without success. */
export function reasonKey(attempt: AttemptView | null): ResultKey {
  const reason = attempt?.failureReason ?? null
  if (reason !== null && attempt?.rail === 'netbanking' && atBank(reason)) return `result.reason.bank.${reason}`
  if (reason !== null) return `result.reason.${reason}`
  if (attempt?.status === 'expired') return 'result.reason.approval_window_expired'
  if (attempt?.status === 'cancelled') return 'result.reason.cancelled_by_customer'
  return 'result.reason.unknown'
}

/** The failure screen's heading: what did not happen, or that nothing more can be tried. */
export function failureHeadingKey(attempt: AttemptView | null, canRetry: boolean): ResultKey {
  if (!canRetry) return 'result.failure.final'
  if (!attempt?.setsUpMandate) return 'result.failure.payment'
  return attempt.rail === 'netbanking' ? 'result.failure.enach' : 'result.failure.mandate'
}
