import type { Locale } from '../../contract/session'

/** The languages written right to left; the document's `dir` follows the active one. */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ur'])

export const textDirection = (locale: Locale): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr')

/**
 * Text that reads left to right whatever the language (an amount), isolated with Unicode's
 * left-to-right isolate in a right-to-left language so the sentence around it cannot reorder its
 * signs and digits; unchanged in a left-to-right language.
 */
export const leftToRight = (text: string, locale: Locale): string => (RIGHT_TO_LEFT.has(locale) ? `\u2066${text}\u2069` : text)
