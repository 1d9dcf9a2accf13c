import type { Locale } from '../../contract/session'

/** Each language's name in its own script, as the switcher lists it (the same whatever the page's language). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  hi: 'हिन्दी',
}

/** The languages written right to left; the document's `dir` follows the active one. */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ur'])

export const textDirection = (locale: Locale): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr')
