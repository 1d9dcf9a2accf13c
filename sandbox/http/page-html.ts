import { createHash } from 'node:crypto'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as z from 'zod'
import { BOOT_ELEMENT_ID, BootPayload, EMBED_BOOT_ELEMENT_ID, type EmbedBoot } from '../../contract/boot'
import { catalogModule, type FirstScreen, type RenderFirstScreen } from '../../contract/first-screen'
import type { Locale } from '../../contract/session'
import { textDirection } from '../../contract/values'

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
  /** The checkout document, its style sheet inlined (built page) or linked (the repository's source). */
  checkout: string
  demo: string
  /** CSP hashes (`'sha256-…'`) of the style elements inlined into the checkout document. */
  styleHashes: readonly string[]
  /** Source module → the chunks it takes (its own and those it imports), from the build's manifest; empty for source templates. */
  chunks: ReadonlyMap<string, readonly string[]>
}

/** A style element's CSP source expression. */
export const styleHash = (css: string): string => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g

/**
 * The page's style sheets, inlined: a linked sheet blocks the first paint for a round trip of its
 * own, and the page's is small (about 3.5 KB gzip). The CSP allows each by its hash.
 */
function inlineStyleSheets(html: string, pageDir: string): { html: string; hashes: string[] } {
  const hashes: string[] = []
  const inlined = html.replace(STYLESHEET_LINK, (link, file: string) => {
    const path = join(pageDir, file)
    if (!existsSync(path)) return link
    const css = readFileSync(path, 'utf8')
    hashes.push(styleHash(css))
    return `<style>${css}</style>`
  })
  return { html: inlined, hashes }
}

const Manifest = z.record(z.string(), z.object({ file: z.string(), imports: z.optional(z.array(z.string())) }))

/** For each module the client build names in its manifest, the files of its chunk and of every chunk it imports statically. */
function chunksByModule(pageDir: string): Map<string, string[]> {
  const path = join(pageDir, '.vite/manifest.json')
  if (!existsSync(path)) return new Map()
  const manifest = Manifest.parse(JSON.parse(readFileSync(path, 'utf8')))
  const files = (key: string, seen: Set<string>): string[] => {
    const entry = manifest[key]
    if (!entry || seen.has(key)) return []
    seen.add(key)
    return [entry.file, ...(entry.imports ?? []).flatMap((imported) => files(imported, seen))]
  }
  return new Map(Object.keys(manifest).map((key) => [key, files(key, new Set())]))
}

/** Reads the built HTML once; null when the page has not been built (tests of the APIs alone). */
export function loadTemplates(pageDir: string): PageTemplates | null {
  const checkout = join(pageDir, 'index.html')
  const demo = join(pageDir, 'demo.html')
  if (!existsSync(checkout) || !existsSync(demo)) return null
  const styled = inlineStyleSheets(readFileSync(checkout, 'utf8'), pageDir)
  return { checkout: styled.html, demo: readFileSync(demo, 'utf8'), styleHashes: styled.hashes, chunks: chunksByModule(pageDir) }
}

/** The page's server renderer (dist/ssr/ssr.js, `vite build --ssr`); null when it has not been built. */
export async function loadFirstScreenRenderer(ssrDir: string): Promise<RenderFirstScreen | null> {
  const path = join(ssrDir, 'ssr.js')
  if (!existsSync(path)) return null
  const module = (await import(pathToFileURL(path).href)) as { renderFirstScreen?: RenderFirstScreen }
  if (typeof module.renderFirstScreen !== 'function') throw new Error(`${path} exports no renderFirstScreen`)
  return module.renderFirstScreen
}

const ROOT_ELEMENT = '<div id="root"></div>'

/** Module preloads in `document`'s head for the chunks `modules` take that it does not load already. */
function withPreloads(document: string, modules: readonly string[], chunks: PageTemplates['chunks']): string {
  const files = new Set(modules.flatMap((module) => chunks.get(module) ?? []))
  const preloads = [...files]
    .map((file) => `/${file}`)
    .filter((href) => !document.includes(`"${href}"`))
    .map((href) => `<link rel="modulepreload" crossorigin href="${href}">`)
  return document.replace('</head>', () => `${preloads.join('')}</head>`)
}

/**
 * The checkout document with a preload of its language's catalog, which the page waits for before
 * it renders (the entry holds none): fetched with the entry, not after it has run, whether or not
 * the server draws the first screen.
 */
export function withLanguage(document: string, lang: Locale, chunks: PageTemplates['chunks']): string {
  return withPreloads(document, [catalogModule(lang)], chunks)
}

/**
 * The checkout document with its first screen drawn in: the markup in the root element, the
 * session's colours as a style element (its hash for the CSP is returned), the theme on `<html>`,
 * and a module preload for each chunk the screen's lazy parts and language need that the document
 * does not load already, so the page hydrates after the entry's one round trip.
 */
export function withFirstScreen(document: string, screen: FirstScreen, chunks: PageTemplates['chunks']): { html: string; styleHash: string } {
  const theme = screen.theme ? ` data-theme="${screen.theme}"` : ''
  // Replaced through functions: a replacement string would read `$&`, `$'` … in merchant text as patterns.
  const drawn = document
    .replace('<html ', () => `<html${theme} `)
    .replace('</head>', () => `<style>${screen.css}</style></head>`)
    .replace(ROOT_ELEMENT, () => `<div id="root">${screen.html}</div>`)
  const html = withPreloads(drawn, screen.modules, chunks)
  return { html, styleHash: styleHash(screen.css) }
}

const dataElement = (id: string, value: unknown) => `<script type="application/json" id="${id}">${scriptSafeJson(value)}</script>`

/**
 * The checkout page with its boot payload and accepted embedding inlined as data (not script), and
 * `lang` and `dir` set (a right-to-left language is laid out so from the first paint). The payload
 * is checked against the contract here, where it is made: the page reads it without a schema, to
 * keep zod out of its first load. A payload that breaks the contract is a sandbox bug and throws.
 */
export function renderCheckout(template: string, boot: BootPayload | null, lang: Locale, embed: EmbedBoot | null = null): string {
  const withLang = template.replace(/<html lang="[^"]*"/, `<html lang="${lang}" dir="${textDirection(lang)}"`)
  if (boot) {
    const checked = BootPayload.safeParse(boot)
    if (!checked.success) throw new Error(`boot payload breaks the contract: ${checked.error.message}`)
  }
  const data = (boot ? dataElement(BOOT_ELEMENT_ID, boot) : '') + (embed ? dataElement(EMBED_BOOT_ELEMENT_ID, embed) : '')
  // Through a function: as a replacement string, a `$'` or `$&` in merchant text would be read as a pattern.
  return data ? withLang.replace('</head>', () => `${data}</head>`) : withLang
}
