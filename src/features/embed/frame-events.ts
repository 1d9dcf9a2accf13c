import type { AttemptStatus } from '../../../contract/attempt'
import { SignedResult } from '../../../contract/embed'
import type { EmbedEvent } from '../../../contract/embed-api'
import type { SessionView } from '../../../contract/session'

/** What the frame has already told its host about the session, so each event goes once. */
export interface Reported {
  ready: boolean
  /** The latest attempt seen, pending or not. */
  attemptId: string | null
  /** Attempts whose failure has been reported (or predates the frame). */
  endedAttempts: readonly string[]
  /** The session's end (completed, failed for good, expired) has been reported. */
  closed: boolean
}

export const NOTHING_REPORTED: Reported = { ready: false, attemptId: null, endedAttempts: [], closed: false }

const FAILED: readonly AttemptStatus[] = ['failed', 'expired', 'cancelled']

/** The signed result parameters of the view's return URL, exactly as the redirect would carry them. */
export function signedResult(returnUrl: string | null): SignedResult | null {
  if (!returnUrl) return null
  let params: URLSearchParams
  try {
    params = new URL(returnUrl).searchParams
  } catch {
    return null
  }
  const parsed = SignedResult.safeParse({
    order_id: params.get('order_id'),
    status: params.get('status'),
    status_id: params.get('status_id'),
    signature: params.get('signature'),
    signature_algorithm: params.get('signature_algorithm'),
  })
  return parsed.success ? parsed.data : null
}

/**
 * The host's events for a new session view. The first view makes the frame `ready`, with the page's
 * language and title for the host's frame (and reports a
 * session that is already over); after it, a new pending attempt is `attempt_started` and an
 * attempt that ended without success is `failed`; the session's end is `completed`, `failed` or
 * `expired`, once. Pure: every transition is unit-tested.
 */
export function eventsForView(
  reported: Reported,
  view: SessionView,
  page: { language: string; title: string },
): { reported: Reported; events: EmbedEvent[] } {
  const events: EmbedEvent[] = []
  const attempt = view.attempt
  const first = !reported.ready
  if (first) events.push({ type: 'ready', payload: { orderId: view.orderId, ...page } })
  if (!first && attempt?.status === 'pending' && attempt.id !== reported.attemptId) {
    // The protocol's `instrument` is the rail (docs/embedding.md); only UPI has channels.
    const channel = attempt.rail === 'upi' ? attempt.channel : null
    events.push({ type: 'attempt_started', payload: { attempt: attempt.number, instrument: attempt.rail, channel } })
  }

  const newlyFailed = attempt && FAILED.includes(attempt.status) && !reported.endedAttempts.includes(attempt.id) ? attempt : null
  const failure = () =>
    ({
      type: 'failed',
      payload: { status: view.status, statusId: view.statusId, reason: attempt?.failureReason ?? null, result: signedResult(view.returnUrl) },
    }) as const
  let closed = reported.closed
  if (!closed && view.state !== 'open') {
    closed = true
    if (view.state === 'expired') events.push({ type: 'expired', payload: {} })
    else if (view.outcome) {
      const { status, statusId } = view.outcome
      events.push({ type: 'completed', payload: { status, statusId, result: signedResult(view.returnUrl) } })
    } else events.push(failure())
  } else if (newlyFailed && !first) events.push(failure())

  return {
    reported: {
      ready: true,
      attemptId: attempt?.id ?? null,
      endedAttempts: newlyFailed ? [...reported.endedAttempts, newlyFailed.id] : reported.endedAttempts,
      closed,
    },
    events,
  }
}

const SCREEN_ERRORS: ReadonlyMap<string, { code: string; message: string }> = new Map([
  ['notFound', { code: 'not_found', message: 'No checkout session exists for this link.' }],
  ['malformed', { code: 'malformed', message: 'This is not a link the checkout can open.' }],
  ['unreachable', { code: 'unreachable', message: 'The checkout could not reach its server; the customer can retry.' }],
  ['crashed', { code: 'crashed', message: 'The checkout hit an unexpected error; the customer can retry.' }],
])

/** The `error` a screen means for the host (a developer reads it, not the customer); null for the others. */
export function errorForScreen(screen: string): { code: string; message: string } | null {
  return SCREEN_ERRORS.get(screen) ?? null
}
