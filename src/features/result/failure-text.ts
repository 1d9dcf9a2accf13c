import type { AttemptView } from '../../../contract/attempt'
import type { ResultKey } from '../../i18n/result-catalogs'

/** The plain-words reason for an attempt that ended without success. */
export function reasonKey(attempt: AttemptView | null): ResultKey {
  const reason = attempt?.failureReason ?? null
  if (reason !== null) return `result.reason.${reason}`
  if (attempt?.status === 'expired') return 'result.reason.approval_window_expired'
  if (attempt?.status === 'cancelled') return 'result.reason.cancelled_by_customer'
  return 'result.reason.unknown'
}

/** The failure screen's heading: what did not happen, or that nothing more can be tried. */
export function failureHeadingKey(attempt: AttemptView | null, canRetry: boolean): ResultKey {
  if (!canRetry) return 'result.failure.final'
  return attempt?.setsUpMandate ? 'result.failure.mandate' : 'result.failure.payment'
}
