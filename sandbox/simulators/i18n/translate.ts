import { html } from 'hono/html'
import type { Locale } from '../../../contract/session'
import { textDirection } from '../../../contract/values'

/** Markup from `html` (already escaped), so a merchant's text can stay isolated inside a sentence. */
export type Html = ReturnType<typeof html>

/** One simulator's words in one language: `{name}` marks where a value goes. */
export type Catalog<K extends string> = Readonly<Record<K, string>>

type Value = string | number | Html

const PLACEHOLDER = /\{(\w+)\}/g

/** The `{name}` placeholders of a template, each once, sorted (what the parity test compares). */
export const placeholders = (template: string): string[] =>
  [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))].sort()

/** The template cut at its placeholders: text, value, text, … (a placeholder with no value stays as written). */
function fill<V extends Value>(template: string, values: Readonly<Record<string, V>>): (string | V)[] {
  return template.split(PLACEHOLDER).map((part, i) => (i % 2 === 0 ? part : (values[part] ?? `{${part}}`)))
}

/**
 * A simulator's words in the language of the request: plain text for a title or an attribute,
 * markup for the page (the template's own text escaped, markup values kept, strings escaped).
 */
export class Translator<K extends string> {
  readonly dir: 'ltr' | 'rtl'
  private readonly plurals: Intl.PluralRules

  constructor(
    readonly locale: Locale,
    private readonly catalog: Catalog<K>,
  ) {
    this.dir = textDirection(locale)
    this.plurals = new Intl.PluralRules(`${locale}-IN`)
  }

  text(key: K, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(this.catalog[key], values).join('')
  }

  html(key: K, values: Readonly<Record<string, Value>> = {}): Html {
    return html`${fill(this.catalog[key], values)}`
  }

  /**
   * The CLDR plural class of a count in this language, as the catalogs name their forms
   * (`….one`, `….other`): every language here has only those two for cardinals.
   */
  plural(count: number): 'one' | 'other' {
    return this.plurals.select(count) === 'one' ? 'one' : 'other'
  }

  /**
   * Text that reads left to right whatever the language (an amount, an account number), isolated
   * in a right-to-left page so the sentence around it cannot reorder its signs and digits.
   */
  leftToRight(value: string): string | Html {
    return this.dir === 'rtl' ? html`<bdi dir="ltr">${value}</bdi>` : value
  }
}
