import { createRoot } from 'react-dom/client'
import { loadCatalog } from '../i18n/catalogs'
import { recallLocale } from '../lib/locale-memory'
import { adoptEmbedContext } from '../lib/embedding'
import { readDocumentEmbedContext } from '../lib/read-embed-context'
import { hostAppearance } from '../lib/page-signals'
import { readBoot } from '../features/session/api/boot'
import { resolveEntry } from '../features/session/entry'
import { isBankWindow } from '../lib/navigation'
import { App } from './app'
import { initialLocale } from './initial-locale'
import { sessionSource } from './session-source'
import { preloadDisclosure, preloadPlanChange } from './lazy-disclosure'

/** Reads the boot data and the address once, loads the starting language, and renders. */
export async function mountCheckout(root: HTMLElement): Promise<void> {
  const boot = readBoot(document)
  const { entry, replaceUrl } = resolveEntry(window.location)
  // Inside an accepted host's frame: the host's appearance applies, and the protocol's code loads alongside the first render.
  const embed = readDocumentEmbedContext()
  adoptEmbedContext(embed)
  if (embed) {
    hostAppearance.set(embed.appearance)
    document.documentElement.dataset['embedded'] = ''
  }
  const bridge = embed ? import('../features/embed/bridge') : null
  // Back from the bank in the window a framed checkout opened: the frame shows the outcome, so this window closes (where the browser allows).
  if (!embed && isBankWindow()) window.close()
  // A client secret in the query string moves to the fragment, so it stays out of logs and Referers.
  if (replaceUrl) window.history.replaceState(window.history.state, '', replaceUrl)
  const source = sessionSource(entry, boot)
  // The disclosure's code is preloaded by the HTML alongside this script: with a mandate to disclose,
  // the first paint waits for it (it has usually arrived first) so the terms show with the options.
  // If it cannot be fetched, the page renders without waiting and the disclosure loads on its own.
  const open = boot?.kind === 'session' && boot.view.state === 'open' ? boot.view : null
  const disclosure = open?.mandate ? preloadDisclosure().catch(() => undefined) : undefined
  // A plan change's block is the first thing its session shows: fetched alongside, waited for the same way.
  const planChange = open?.planChange ? preloadPlanChange().catch(() => undefined) : undefined
  const sessionLanguage = boot?.kind === 'session' ? boot.view.language : null
  const locale = initialLocale(recallLocale(), sessionLanguage, document.documentElement.getAttribute('lang'))
  // English is bundled and resolves at once; Hindi is one small chunk, fetched before the first paint in Hindi.
  const [catalog] = await Promise.all([loadCatalog(locale), disclosure, planChange])
  const reactRoot = createRoot(root)
  reactRoot.render(<App source={source} locale={locale} catalog={catalog} />)
  if (embed && bridge) void bridge.then(({ startBridge }) => startBridge(embed, { unmount: () => reactRoot.unmount() }))
}
