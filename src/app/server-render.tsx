import { prerender } from 'react-dom/static'
import { catalogModule, type RenderFirstScreen } from '../../contract/first-screen'
import { loadCatalog } from '../i18n/catalogs'
import { App } from './app'
import { firstScreenParts, serverRenders } from './first-screen'
import { frameColours } from './page-frame'
import { PageRequestContext } from './page-request'
import { createQueryClient } from './query-client'
import { sessionSource } from './session-source'

/**
 * The server renderer (src/ssr.tsx, built by `vite build --ssr` into dist/ssr/): the first screen of a payment link,
 * drawn by the page's own components from the boot payload the document also carries, so the
 * browser shows it before any script and hydrates it without drawing it again
 * (docs/decisions/0014-server-rendered-first-screen.md). `prerender` waits for the lazy parts the
 * screen shows (the disclosure, a closed session's screen), which the browser preloads alike.
 * Null when the first screen is a rail's step, which the browser renders.
 */
export const renderFirstScreen: RenderFirstScreen = async ({ boot, locale, userAgent, search }) => {
  if (!serverRenders(boot)) return null
  const source = sessionSource({ kind: 'invalid' }, boot)
  const catalog = await loadCatalog(locale)
  const { prelude } = await prerender(
    <PageRequestContext value={{ userAgent, search }}>
      <App source={source} locale={locale} catalog={catalog} queryClient={createQueryClient()} />
    </PageRequestContext>,
  )
  const html = await new Response(prelude).text()
  const merchant = boot.kind === 'session' ? boot.view.merchant : null
  const colours = Object.entries(frameColours(merchant?.brandColor ?? null))
  const theme = merchant?.theme ?? 'light'
  return {
    html,
    css: `:root{${colours.map(([name, value]) => `${name}:${value}`).join(';')}}`,
    theme: theme === 'auto' ? null : theme,
    modules: [catalogModule(locale), ...firstScreenParts(boot).map((part) => part.module)],
  }
}
