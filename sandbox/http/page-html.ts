import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { BOOT_ELEMENT_ID, BootPayload, EMBED_BOOT_ELEMENT_ID, type EmbedBoot } from '../../contract/boot'
import type { Locale } from '../../contract/session'

/** Bidi controls: escaped too, so merchant text cannot reorder what view-source or a log viewer shows. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** JSON safe to place inside a <script type="application/json"> element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export interface PageTemplates {
  checkout: string
  demo: string
}

/** Reads the built HTML once; null when the page has not been built (tests of the APIs alone). */
export function loadTemplates(pageDir: string): PageTemplates | null {
  const checkout = join(pageDir, 'index.html')
  const demo = join(pageDir, 'demo.html')
  if (!existsSync(checkout) || !existsSync(demo)) return null
  return { checkout: readFileSync(checkout, 'utf8'), demo: readFileSync(demo, 'utf8') }
}

const dataElement = (id: string, value: unknown) => `<script type="application/json" id="${id}">${scriptSafeJson(value)}</script>`

/**
 * The checkout page with its boot payload and accepted embedding inlined as data (not script), and
 * `lang` set. The payload is checked against the contract here, where it is made: the page reads
 * it without a schema, to keep zod out of its first load. A payload that breaks the contract is a
 * sandbox bug and throws.
 */
export function renderCheckout(template: string, boot: BootPayload | null, lang: Locale, embed: EmbedBoot | null = null): string {
  const withLang = template.replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
  if (boot) {
    const checked = BootPayload.safeParse(boot)
    if (!checked.success) throw new Error(`boot payload breaks the contract: ${checked.error.message}`)
  }
  const data = [boot && dataElement(BOOT_ELEMENT_ID, boot), embed && dataElement(EMBED_BOOT_ELEMENT_ID, embed)].filter(Boolean).join('')
  return data ? withLang.replace('</head>', `${data}</head>`) : withLang
}
