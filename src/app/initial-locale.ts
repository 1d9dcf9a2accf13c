import type { Locale } from '../../contract/session'
import { LOCALES } from '../../contract/values'

const asLocale = (tag: string | null | undefined): Locale | null => {
  const base = (tag ?? '').trim().toLowerCase().split('-')[0]
  return LOCALES.find((locale) => locale === base) ?? null
}

/**
 * The language to start in: the customer's own choice in this tab, else the session's language,
 * else what the server chose from Accept-Language (<html lang>), else English.
 */
export function initialLocale(remembered: Locale | null, sessionLanguage: Locale | null, documentLang: string | null): Locale {
  return remembered ?? sessionLanguage ?? asLocale(documentLang) ?? 'en'
}
