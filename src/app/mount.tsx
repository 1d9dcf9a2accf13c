import { createRoot } from 'react-dom/client'
import { loadCatalog } from '../i18n/catalogs'
import { recallLocale } from '../lib/locale-memory'
import { readBoot } from '../features/session/api/boot'
import { resolveEntry } from '../features/session/entry'
import { App } from './app'
import { initialLocale } from './initial-locale'
import { sessionSource } from './session-source'
import { preloadDisclosure } from './lazy-parts'

/** Reads the boot data and the address once, loads the starting language, and renders. */
export async function mountCheckout(root: HTMLElement): Promise<void> {
  const boot = readBoot(document)
  const { entry, replaceUrl } = resolveEntry(window.location)
  // A client secret in the query string moves to the fragment, so it stays out of logs and Referers.
  if (replaceUrl) window.history.replaceState(window.history.state, '', replaceUrl)
  const source = sessionSource(entry, boot)
  // The disclosure's code is preloaded by the HTML alongside this script: with a mandate to disclose,
  // the first paint waits for it (it has usually arrived first) so the terms show with the options.
  // If it cannot be fetched, the page renders without waiting and the disclosure loads on its own.
  const disclosure =
    boot?.kind === 'session' && boot.view.mandate && boot.view.state === 'open' ? preloadDisclosure().catch(() => undefined) : undefined
  const sessionLanguage = boot?.kind === 'session' ? boot.view.language : null
  const locale = initialLocale(recallLocale(), sessionLanguage, document.documentElement.getAttribute('lang'))
  // English is bundled and resolves at once; Hindi is one small chunk, fetched before the first paint in Hindi.
  const [catalog] = await Promise.all([loadCatalog(locale), disclosure])
  createRoot(root).render(<App source={source} locale={locale} catalog={catalog} />)
}
