import type { BootPayload } from './boot'
import type { Locale } from './session'

/**
 * The seam between the sandbox and the page's server renderer (`src/ssr.tsx`, built by
 * `vite build --ssr` into `dist/ssr/`): what the sandbox knows of the request, and the first
 * screen the renderer draws from it with the page's own components
 * (docs/decisions/0014-server-rendered-first-screen.md). Types, and where a language's catalog is:
 * the sandbox loads the built renderer at start.
 */
export interface FirstScreenRequest {
  /** The same payload the document carries as data, so the page hydrates from what was rendered. */
  boot: BootPayload
  /** The language to render in (session language, then Accept-Language); written into `<html lang>`. */
  locale: Locale
  /** The request's User-Agent: the UPI channel offered depends on the device. */
  userAgent: string
  /** The request's query string (`?upi_channel=…` may override the channel), with its `?`, or empty. */
  search: string
}

export interface FirstScreen {
  /** The markup of the page's root element. */
  html: string
  /** A style sheet of what the markup takes from the session (the merchant's colours), to inline beside the page's own. */
  css: string
  /** The theme to put on `<html data-theme>` before any script runs; null when it follows the device. */
  theme: 'light' | 'dark' | null
  /** Source paths (as the client build's manifest names them) of the lazy modules this screen shows, to preload with the entry. */
  modules: string[]
}

/** Null when the first screen is not server-rendered (a rail's step, after a reload mid-payment): the browser renders it. */
export type RenderFirstScreen = (request: FirstScreenRequest) => Promise<FirstScreen | null>

/**
 * The source path (as the client build's manifest names it) of a language's main catalog, English
 * included (src/i18n/catalogs.ts loads each from its folder lazily; the entry holds none): the page
 * waits for it before its first render, so the server preloads it with the entry.
 */
export const catalogModule = (locale: Locale): string => `src/i18n/${locale}/index.ts`
