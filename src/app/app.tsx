import { StrictMode, useEffect } from 'react'
import { QueryClientProvider, QueryErrorResetBoundary, type QueryClient } from '@tanstack/react-query'
import type { Locale } from '../../contract/session'
import type { Catalog } from '../i18n/en'
import { I18nProvider, useI18n } from '../i18n/i18n-context'
import { retryFailedParts } from '../lib/retryable-lazy'
import { ErrorBoundary } from './error-boundary'
import { CrashScreen } from './crash-screen'
import { SessionGate } from './session-gate'
import type { SessionSource } from './session-source'

interface AppProps {
  source: SessionSource
  /** The language of the first render, with its catalog already loaded (for a hydration, the one the server rendered in). */
  locale: Locale
  catalog: Catalog
  /** The language the customer wants when it is not the first render's: a choice remembered in this tab, which the server cannot know. */
  switchTo?: Locale | null
  /** One per page in the browser, one per request on the server: a cache is never shared between customers. */
  queryClient: QueryClient
}

/** Providers, the root error boundary, and the session gate. */
export function App({ source, locale, catalog, switchTo = null, queryClient }: AppProps) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider initialLocale={locale} initialCatalog={catalog}>
          {switchTo && switchTo !== locale && <SwitchLanguage to={switchTo} />}
          <QueryErrorResetBoundary>
            {({ reset }) => (
              <ErrorBoundary
                onReset={() => {
                  retryFailedParts()
                  reset()
                }}
                fallback={(retry) => <CrashScreen onRetry={retry} />}
              >
                <SessionGate source={source} />
              </ErrorBoundary>
            )}
          </QueryErrorResetBoundary>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>
  )
}

/** Moves to the customer's language once the page has hydrated in the server's. */
function SwitchLanguage({ to }: { to: Locale }) {
  const { setLocale } = useI18n()
  useEffect(() => setLocale(to), [to, setLocale])
  return null
}
