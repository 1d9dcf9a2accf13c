import { queryOptions } from '@tanstack/react-query'
import type { SessionView } from '../../../../contract/session'
import { getJson, postJson } from '../../../lib/http'
import type { HttpResult } from '../../../lib/http'
import { SessionLoadError } from './session-load-error'

/**
 * The answer's reader (the contract's schemas, with zod) is fetched alongside the request, not
 * with the first load: the first render comes from the document's boot data.
 */
async function load(request: Promise<HttpResult>): Promise<SessionView> {
  const [{ interpretSessionResponse }, answer] = await Promise.all([import('./session-response'), request])
  const result = interpretSessionResponse(answer)
  if (!result.ok) throw new SessionLoadError(result.failure, result.detail)
  return result.view
}

type SessionKey = readonly ['session', 'page' | 'checkout', string]

/**
 * Back online, the session is read again however fresh it looks: what the live stream said while
 * the network was down (an approval) may never have arrived.
 */
const REFETCH_ON_RECONNECT = 'always'

/** Server reads of the session, keyed by ids only: the client secret travels in the request body, never in a key or URL. */
export const sessionQueries = {
  byPage: (pageId: string) =>
    queryOptions({
      queryKey: ['session', 'page', pageId] as SessionKey,
      queryFn: ({ signal }) => load(getJson(`/api/pages/${encodeURIComponent(pageId)}`, signal)),
      refetchOnReconnect: REFETCH_ON_RECONNECT,
    }),
  byCheckoutSession: (sessionId: string, clientSecret: string) =>
    queryOptions({
      queryKey: ['session', 'checkout', sessionId] as SessionKey,
      queryFn: ({ signal }) => load(postJson('/api/checkout/lookup', { client_secret: clientSecret }, signal)),
      refetchOnReconnect: REFETCH_ON_RECONNECT,
    }),
}

/** Retry only what a retry can fix: an unreachable server, twice, quickly. */
export function shouldRetrySession(failureCount: number, error: unknown): boolean {
  return error instanceof SessionLoadError && error.failure === 'unreachable' && failureCount < 2
}

/** A response that breaks the contract is unexpected: it goes to the error boundary, not a screen. */
export function isUnexpectedSessionError(error: unknown): boolean {
  return !(error instanceof SessionLoadError) || error.failure === 'invalid_response'
}
