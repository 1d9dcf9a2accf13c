import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nProvider } from '../i18n/i18n-context'
import { en } from '../i18n/en'
import { hi } from '../i18n/hi'

/**
 * A component's HTML as the server would render it, in a language, for component tests in
 * Vitest's Node environment (no DOM): what it says and which elements say it. English and Hindi,
 * whose main catalogs load without awaiting; the other languages' catalogs are checked key for key.
 */
export function renderHtml(node: ReactNode, locale: 'en' | 'hi' = 'en'): string {
  return renderToStaticMarkup(
    <I18nProvider initialLocale={locale} initialCatalog={{ en, hi }[locale]}>
      {node}
    </I18nProvider>,
  )
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&amp;': '&' }

/** The text of an HTML fragment: tags dropped, React's escapes read back. */
export const textOf = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|#x27|amp);/g, (entity) => ENTITIES[entity] ?? entity)

/** The text of each element `tag` in the HTML, in order (elements of that tag must not nest). */
export const textsOf = (html: string, tag: string): string[] =>
  [...html.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g'))].map((match) => textOf(match[0]))
