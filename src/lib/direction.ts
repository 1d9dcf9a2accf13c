import type { Locale } from '../../contract/session'
import { textDirection } from '../../contract/values'

/**
 * Text that reads left to right whatever the language (an amount), isolated with Unicode's
 * left-to-right isolate in a right-to-left language so the sentence around it cannot reorder its
 * signs and digits; unchanged in a left-to-right language.
 */
export const leftToRight = (text: string, locale: Locale): string => (textDirection(locale) === 'rtl' ? `\u2066${text}\u2069` : text)
