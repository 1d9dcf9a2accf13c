import { useCallback } from 'react'
import type { Locale } from '../../contract/session'
import { useI18n } from './i18n-context'
import { format, type MessageParams } from './translate'

/** `t` for a catalog that loads with its part of the page (UPI rail, final screens), in the active language. */
export function useAreaText<K extends string>(catalogs: Readonly<Record<Locale, Readonly<Record<K, string>>>>) {
  const { locale } = useI18n()
  const catalog = catalogs[locale]
  const t = useCallback((key: K, params?: MessageParams) => format(catalog[key], params), [catalog])
  return { t, locale, catalog }
}
