import { StrictMode } from 'react'
import { QueryClientProvider, QueryErrorResetBoundary } from '@tanstack/react-query'
import type { Locale } from '../../contract/session'
import type { Catalog } from '../i18n/en'
import { I18nProvider } from '../i18n/i18n-context'
import { createQueryClient } from './query-client'
import { ErrorBoundary } from './error-boundary'
import { CrashScreen } from './crash-screen'
import { SessionGate } from './session-gate'
import type { SessionSource } from './session-source'

const queryClient = createQueryClient()

/** Providers, the root error boundary, and the session gate. */
export function App({ source, locale, catalog }: { source: SessionSource; locale: Locale; catalog: Catalog }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider initialLocale={locale} initialCatalog={catalog}>
          <QueryErrorResetBoundary>
            {({ reset }) => (
              <ErrorBoundary onReset={reset} fallback={(retry) => <CrashScreen onRetry={retry} />}>
                <SessionGate source={source} />
              </ErrorBoundary>
            )}
          </QueryErrorResetBoundary>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>
  )
}
