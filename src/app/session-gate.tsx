import { useEffect, useMemo } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { isUnexpectedSessionError, sessionQueries } from '../features/session/api/session-queries'
import { SessionLoadError } from '../features/session/api/session-load-error'
import { useI18n } from '../i18n/i18n-context'
import { recallLocale } from '../lib/locale-memory'
import { sandboxOffset, SandboxClockOffset } from '../lib/sandbox-clock'
import { CheckoutScreen } from './checkout-screen'
import { screenForView, type Screen } from './screen'
import type { SessionSource } from './session-source'
import type { SessionControl } from './session-control'

/** When this document (and any boot data in it) arrived. */
const BOOTED_AT = Date.now()

/** When the boot data arrived: in the browser, with the document; on the server, which made it for this very render, now. */
const bootArrivedAt = (): number => (typeof document === 'undefined' ? Date.now() : BOOTED_AT)

/** Turns where the session comes from into the screen to show. */
export function SessionGate({ source }: { source: SessionSource }) {
  if (source.kind === 'failed') return <CheckoutScreen screen={{ name: source.failure === 'not_found' ? 'notFound' : 'malformed' }} />
  return <LoadedSession source={source} />
}

function LoadedSession({ source }: { source: Exclude<SessionSource, { kind: 'failed' }> }) {
  const options =
    source.kind === 'page' ? sessionQueries.byPage(source.pageId) : sessionQueries.byCheckoutSession(source.sessionId, source.secret)
  const initialData = source.kind === 'page' ? (source.initialData ?? undefined) : undefined
  const query = useQuery({
    ...options,
    initialData,
    // Boot data came with this very document: it is fresh, so the first render needs no request.
    ...(initialData ? { initialDataUpdatedAt: bootArrivedAt(), staleTime: 60_000 } : {}),
    throwOnError: isUnexpectedSessionError,
  })

  const client = useQueryClient()
  const [, kind, id] = options.queryKey
  const { refetch } = query
  const control = useMemo<SessionControl>(() => {
    const queryKey = ['session', kind, id] as const
    return {
      // A read still on its way is awaited, not cancelled: on a server slower than the polling
      // interval, each poll cancelling the last would mean no read ever completes.
      refetch: () => void refetch({ cancelRefetch: false }),
      write: (view) => client.setQueryData(queryKey, view),
    }
  }, [client, refetch, kind, id])

  const { setLocale } = useI18n()
  const sessionLanguage = query.data?.language ?? null
  useEffect(() => {
    // The session's language applies once it is known, unless the customer already picked one.
    if (sessionLanguage && !recallLocale()) setLocale(sessionLanguage)
  }, [sessionLanguage, setLocale])

  let screen: Screen
  if (query.data) screen = screenForView(query.data)
  else if (query.error instanceof SessionLoadError && query.error.failure !== 'invalid_response') {
    const failure = query.error.failure
    screen =
      failure === 'not_found'
        ? { name: 'notFound' }
        : failure === 'malformed'
          ? { name: 'malformed' }
          : { name: 'unreachable', retry: () => void query.refetch(), retrying: query.isFetching }
  } else screen = { name: 'loading' }
  // Countdowns run on the sandbox's clock, learnt from the latest view's serverNow as it arrived.
  const offset = query.data ? sandboxOffset(query.data.serverNow, query.dataUpdatedAt) : 0
  return (
    <SandboxClockOffset value={offset}>
      <CheckoutScreen screen={screen} control={control} />
    </SandboxClockOffset>
  )
}
