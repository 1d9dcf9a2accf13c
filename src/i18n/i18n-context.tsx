import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react'
import type { Locale } from '../../contract/session'
import type { Catalog, MessageKey } from './en'
import { loadCatalog } from './catalogs'
import { textDirection } from '../../contract/values'
import { translate, type MessageParams } from './translate'

export interface I18n {
  locale: Locale
  catalog: Catalog
  t: (key: MessageKey, params?: MessageParams) => string
  setLocale: (locale: Locale) => void
}

const I18nContext = createContext<I18n | null>(null)

/**
 * Holds the active locale and its catalog; sets <html lang> and <html dir> to match before the
 * browser paints, so a right-to-left language never shows a left-to-right frame. The initial
 * locale's catalog comes loaded, so the first render is in the customer's language.
 */
export function I18nProvider({
  initialLocale,
  initialCatalog,
  children,
}: {
  initialLocale: Locale
  initialCatalog: Catalog
  children: ReactNode
}) {
  const [state, setState] = useState<{ locale: Locale; catalog: Catalog }>({ locale: initialLocale, catalog: initialCatalog })
  const [wanted, setWanted] = useState<Locale>(initialLocale)

  useEffect(() => {
    let current = true
    if (state.locale === wanted) return
    loadCatalog(wanted).then(
      (catalog) => {
        if (current) setState({ locale: wanted, catalog })
      },
      // A catalog that cannot be fetched leaves the page in its language, and the choice open:
      // choosing the language again fetches it again.
      () => {
        if (current) setWanted(state.locale)
      },
    )
    return () => {
      current = false
    }
  }, [wanted, state.locale])

  useLayoutEffect(() => {
    document.documentElement.lang = state.locale
    document.documentElement.dir = textDirection(state.locale)
    // The tab's title, and through the embed bridge the host's frame title, in the same language.
    document.title = state.catalog['header.secureCheckout']
  }, [state.locale, state.catalog])

  const t = useCallback((key: MessageKey, params?: MessageParams) => translate(state.catalog, key, params), [state.catalog])
  const value = useMemo<I18n>(() => ({ locale: state.locale, catalog: state.catalog, t, setLocale: setWanted }), [state, t])
  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
