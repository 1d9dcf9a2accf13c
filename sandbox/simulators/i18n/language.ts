import type { Context } from 'hono'
import { html } from 'hono/html'
import type { Locale } from '../../../contract/session'
import { LANGUAGE_NAMES, LOCALES, SIMULATOR_LANGUAGE_PARAM, textDirection } from '../../../contract/values'
import { preferredLocale } from '../../http/accept-language'
import type { Html } from './translate'

/** The query parameter that carries the customer's pick (on the page, or the switcher here) through every form and redirect. */
export const LANGUAGE_PARAM = SIMULATOR_LANGUAGE_PARAM

/** The language a simulator page speaks, and whether the customer picked it (then every link keeps it). */
export interface Language {
  locale: Locale
  chosen: Locale | null
}

const isLocale = (value: string | undefined): value is Locale => (LOCALES as readonly (string | undefined)[]).includes(value)

/**
 * As the page chooses (docs/i18n.md): the customer's pick on this screen, else the session's
 * language (the order the screen belongs to), else Accept-Language, else English.
 */
export function requestLanguage(c: Context, sessionLanguage: Locale | null): Language {
  const picked = c.req.query(LANGUAGE_PARAM)
  const chosen = isLocale(picked) ? picked : null
  return { locale: chosen ?? sessionLanguage ?? preferredLocale(c.req.header('accept-language')), chosen }
}

/** A simulator path with the customer's pick kept on it (nothing added when they picked none). */
export function keepLanguage(path: string, chosen: Locale | null): string {
  if (chosen === null) return path
  return `${path}${path.includes('?') ? '&' : '?'}${LANGUAGE_PARAM}=${chosen}`
}

/** The switcher's name, in the page's language. */
const LABEL: Readonly<Record<Locale, string>> = {
  en: 'Language',
  hi: 'भाषा',
  ur: 'زبان',
  bn: 'ভাষা',
  mr: 'भाषा',
  ta: 'மொழி',
  te: 'భాష',
  gu: 'ભાષા',
  kn: 'ಭಾಷೆ',
  ml: 'ഭാഷ',
  or: 'ଭାଷା',
  pa: 'ਭਾਸ਼ਾ',
}

/**
 * The switcher without script: a link per language to the same screen in that language, each
 * named in its own script and marked with its `lang`, the current one with aria-current.
 */
export function languageLinks(current: Locale, href: (locale: Locale) => string): Html {
  const link = (locale: Locale) =>
    html`<li><a href="${href(locale)}" lang="${locale}" hreflang="${locale}" dir="${textDirection(locale)}"${locale === current ? html` aria-current="true"` : null}>${LANGUAGE_NAMES[locale]}</a></li>`
  return html`<nav class="languages" aria-label="${LABEL[current]}"><ul>${LOCALES.map(link)}</ul></nav>`
}
