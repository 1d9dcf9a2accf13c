import { useCallback, useState, type ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import { AnnounceContext } from '../components/ui/announcer'
import { StatusRegion } from '../components/ui/status-region'
import { I18nProvider } from '../i18n/i18n-context'
import { en } from '../i18n/en'
import { hi } from '../i18n/hi'

/** The page's polite live region and the announcer its steps speak through, as the page frame provides them. */
function LiveRegion({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('')
  const announce = useCallback((next: string) => setMessage(next), [])
  return (
    <>
      <StatusRegion message={message} />
      <AnnounceContext value={announce}>{children}</AnnounceContext>
    </>
  )
}

/**
 * One part of the page rendered into the document as the page holds it: in a language (English or
 * Hindi, the real catalogs), with a query client as the page makes one, and the live region. The
 * network is whatever the test installed at the fetch boundary.
 */
export function renderInPage(node: ReactNode, locale: 'en' | 'hi' = 'en'): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider initialLocale={locale} initialCatalog={{ en, hi }[locale]}>
        <LiveRegion>{node}</LiveRegion>
      </I18nProvider>
    </QueryClientProvider>,
  )
}
