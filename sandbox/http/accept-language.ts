import { LOCALES } from '../../contract/values'
import type { Locale } from '../../contract/session'

/** The language when a request names none the sandbox speaks (or refuses every one it does). */
export const DEFAULT_LOCALE: Locale = 'en'

/**
 * How much of the header is read. Browsers send a handful of ranges in well under 200 bytes; a
 * header built to be long costs no more than this, and the range cut off at the limit is dropped.
 */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 1024

/** A language range (RFC 4647: `*` or 1–8 letters, then subtags of 1–8 letters or digits). */
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/
/** A quality value (RFC 9110 §12.4.2): 0 to 1 with at most three decimals. */
const QUALITY = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/

interface Range {
  /** The primary language subtag, lower case, or `*`. */
  language: string
  quality: number
  position: number
}

/** One `range;q=…` element, or null when it is malformed (such an element is ignored, not fatal). */
function parseRange(element: string, position: number): Range | null {
  const [tag = '', ...params] = element.split(';').map((part) => part.trim().toLowerCase())
  if (!RANGE.test(tag)) return null
  let quality = 1
  for (const param of params) {
    const [name = '', value = ''] = param.split('=', 2).map((part) => part.trim())
    if (name !== 'q') continue
    if (!QUALITY.test(value)) return null
    quality = Number(value)
  }
  return { language: tag.split('-', 1)[0] ?? '', quality, position }
}

const isLocale = (language: string): language is Locale => (LOCALES as readonly string[]).includes(language)

/**
 * The supported language a request's `Accept-Language` prefers (RFC 9110 §12.5.4): every range
 * with its quality, a region or script ignored (`ta-IN`, `pa-Guru-IN` and `ur-PK` are Tamil,
 * Punjabi and Urdu), the highest quality winning and the earlier range breaking a tie. `q=0`
 * refuses a language; `*` stands for any language no range names, English first. A language
 * named by several ranges takes its best quality. No header, nothing supported, or everything
 * refused: English. Malformed ranges are skipped; at most the first 1 KB is read.
 */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) return DEFAULT_LOCALE
  const truncated = acceptLanguage.length > MAX_ACCEPT_LANGUAGE_LENGTH
  const elements = acceptLanguage.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH).split(',')
  if (truncated) elements.pop()
  const ranges = elements.map(parseRange).filter((range): range is Range => range !== null)

  const best = new Map<Locale, { quality: number; position: number }>()
  for (const { language, quality, position } of ranges) {
    if (!isLocale(language)) continue
    const known = best.get(language)
    if (!known || quality > known.quality) best.set(language, { quality, position: known?.position ?? position })
  }
  const wildcard = ranges.find((range) => range.language === '*')
  if (wildcard) {
    const unnamed = [DEFAULT_LOCALE, ...LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)].find((locale) => !best.has(locale))
    if (unnamed) best.set(unnamed, { quality: wildcard.quality, position: wildcard.position })
  }

  let chosen: { locale: Locale; quality: number; position: number } | null = null
  for (const [locale, { quality, position }] of best) {
    if (quality <= 0) continue
    if (!chosen || quality > chosen.quality || (quality === chosen.quality && position < chosen.position)) chosen = { locale, quality, position }
  }
  return chosen?.locale ?? DEFAULT_LOCALE
}
