import { startTransition } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import type { Locale } from '../../contract/session'
import { loadCatalog } from '../i18n/catalogs'
import { loadUntilLoaded } from '../lib/load-until-loaded'
import { recallLocale } from '../lib/locale-memory'
import { adoptEmbedContext } from '../lib/embedding'
import { readDocumentEmbedContext } from '../lib/read-embed-context'
import { hostAppearance } from '../lib/page-signals'
import { readBoot } from '../features/session/api/boot'
import { resolveEntry } from '../features/session/entry'
import { isBankWindow } from '../lib/navigation'
import { App } from './app'
import { readEarlyChoice } from './early-choice'
import { firstScreenParts } from './first-screen'
import { initialLocale } from './initial-locale'
import { createQueryClient } from './query-client'
import { sessionSource } from './session-source'

/**
 * Reads the boot data and the address once, loads the starting language and the lazy parts of the
 * first screen, then hydrates what the server rendered into `root`, or renders when it is empty
 * (the client-secret path, a framed page, a reload mid-payment).
 */
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
  const bridge = embed ? loadUntilLoaded(() => import('../features/embed/bridge')) : null
  // Back from the bank in the window a framed checkout opened: the frame shows the outcome, so this window closes (where the browser allows).
  if (!embed && isBankWindow()) window.close()
  // A client secret in the query string moves to the fragment, so it stays out of logs and Referers.
  if (replaceUrl) window.history.replaceState(window.history.state, '', replaceUrl)
  const source = sessionSource(entry, boot)
  const serverRendered = root.firstElementChild !== null
  const sessionLanguage = boot?.kind === 'session' ? boot.view.language : null
  const documentLang = document.documentElement.getAttribute('lang')
  const wanted = initialLocale(recallLocale(), sessionLanguage, documentLang)
  // Hydration starts in the language the server rendered (it wrote it into <html lang>); a
  // language the customer chose in this tab, which the server cannot know, follows at once.
  const locale: Locale = serverRendered ? initialLocale(null, null, documentLang) : wanted
  // The language's catalog and the first screen's lazy parts (the disclosure under the options, a
  // plan change's block, a closed session's screen) are preloaded by the HTML alongside this
  // script: the first render waits for them (they have usually arrived first), so they show with
  // the rest. A part that cannot be fetched does not hold the page; it loads on its own. The
  // words are fetched until they arrive: the page cannot say anything without them.
  const [catalog] = await Promise.all([
    loadUntilLoaded(() => loadCatalog(locale)),
    ...firstScreenParts(boot).map((part) => part.load().catch(() => undefined)),
  ])
  const app = <App source={source} locale={locale} catalog={catalog} switchTo={wanted} queryClient={createQueryClient()} />
  let reactRoot: Root | undefined
  if (serverRendered) {
    readEarlyChoice(root)
    // As a transition, hydration yields to the browser every few milliseconds instead of holding
    // the main thread for the whole tree: a tap meanwhile is handled at once (React hydrates the
    // tapped part first), and no long task delays the first input (docs/budgets.md#what-the-first-screen-costs-the-browser).
    startTransition(() => {
      reactRoot = hydrateRoot(root, app)
    })
  } else {
    reactRoot = createRoot(root)
    reactRoot.render(app)
  }
  if (embed && bridge) void bridge.then(({ startBridge }) => startBridge(embed, { unmount: () => reactRoot?.unmount() }))
}
