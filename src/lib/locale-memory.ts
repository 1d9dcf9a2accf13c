import type { Locale } from '../../contract/session'
import { LOCALES } from '../../contract/values'

const KEY = 'checkout.locale'

/** The language the customer picked in this tab, if any. Storage can be blocked (sandboxed frames): then there is none. */
export function recallLocale(): Locale | null {
  try {
    const stored = window.sessionStorage.getItem(KEY)
    return LOCALES.find((locale) => locale === stored) ?? null
  } catch {
    return null
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.sessionStorage.setItem(KEY, locale)
  } catch {
    // Storage blocked: the choice lasts until reload, which is fine.
  }
}
