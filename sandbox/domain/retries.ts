/**
 * When a failed debit is tried again (docs/domain/renewals.md#retries). Pure.
 *
 * NPCI allows one attempt and three retries per execution [3P, NPCI's circular of May 2025];
 * Juspay's silent retry waits 1 h, then 3 h, then 3 h (its fourth, 3 h more, is past NPCI's three
 * retries) [D]. No AutoPay execution may run in NPCI's peak hours, 10:00–13:00 and 17:00–21:30
 * IST [3P]: a retry that lands in one moves to the window's end [I].
 */

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS
const IST_OFFSET_MS = (5 * 60 + 30) * MINUTE_MS

/** The wait before each retry, after the attempt before it. */
export const RETRY_DELAYS_MS: readonly number[] = [1 * HOUR_MS, 3 * HOUR_MS, 3 * HOUR_MS]
/** One attempt and three retries. */
export const MAX_DEBIT_ATTEMPTS = RETRY_DELAYS_MS.length + 1

/** NPCI's peak windows, in minutes after midnight IST: [from, to). */
export const PEAK_WINDOWS_IST: readonly (readonly [number, number])[] = [
  [10 * 60, 13 * 60],
  [17 * 60, 21 * 60 + 30],
]

/** The instant itself when outside the peak windows; else the end of the window it falls in. */
export function outsidePeak(at: Date): Date {
  const ist = at.getTime() + IST_OFFSET_MS
  const midnight = Math.floor(ist / DAY_MS) * DAY_MS
  const minute = (ist - midnight) / MINUTE_MS
  const window = PEAK_WINDOWS_IST.find(([from, to]) => minute >= from && minute < to)
  return window ? new Date(midnight + window[1] * MINUTE_MS - IST_OFFSET_MS) : at
}

/**
 * When attempt `attempt + 1` runs, after attempt `attempt` (1 is the debit itself) ran at `at`;
 * null once the retries are used up.
 */
export function retryAt(attempt: number, at: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempt - 1]
  return delay === undefined ? null : outsidePeak(new Date(at.getTime() + delay))
}
