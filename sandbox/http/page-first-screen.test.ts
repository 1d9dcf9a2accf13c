import { describe, expect, it, vi } from 'vitest'
import type { FirstScreen, FirstScreenRequest, RenderFirstScreen } from '../../contract/first-screen'
import { createApp } from '../app'
import { MovableClock } from '../domain/clock'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { seedOrder, TEST_NOW } from '../testing/fixtures'
import { styleHash } from './page-html'

const TEMPLATE = '<!doctype html><html lang="en"><head><title>checkout</title></head><body><div id="root"></div></body></html>'
const PAGE_STYLE = "'sha256-page'"
const SCREEN: FirstScreen = { html: '<h1>drawn</h1>', css: ':root{--brand:#0f766e}', theme: 'light', modules: ['src/b.tsx'] }

function sandboxWith(renderFirstScreen: RenderFirstScreen) {
  const deps = {
    store: new MemoryStore(),
    clock: new MovableClock({ now: () => TEST_NOW }),
    merchants: loadMerchants(DEFAULT_MERCHANTS_FILE),
    log: silentLogger,
    publicOrigin: 'http://127.0.0.1:4000',
    qaEnabled: true,
  }
  const templates = {
    checkout: TEMPLATE,
    demo: TEMPLATE,
    styleHashes: [PAGE_STYLE],
    chunks: new Map([
      ['src/b.tsx', ['assets/b-1.js']],
      ['src/i18n/ur/index.ts', ['assets/ur-1.js']],
    ]),
  }
  return { deps, app: createApp(deps, { templates, staticDir: null, renderFirstScreen }) }
}

const styleSrc = (res: Response) => /style-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]

describe('the payment page drawn by the server', () => {
  it('carries the first screen, its preloads, and a CSP that allows exactly the style elements it inlines', async () => {
    const render = vi.fn<RenderFirstScreen>(() => Promise.resolve(SCREEN))
    const { deps, app } = sandboxWith(render)
    const order = await seedOrder(deps)
    const res = await app.request(`/orders/${order.id}/payment-page?upi_channel=collect`, {
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14)', 'accept-language': 'hi-IN,hi' },
    })
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('<div id="root"><h1>drawn</h1></div>')
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/b-1.js">')
    expect(styleSrc(res)).toBe(`'self' ${PAGE_STYLE} ${styleHash(SCREEN.css)}`)
    const [request] = render.mock.calls[0] ?? []
    expect(request).toMatchObject<Partial<FirstScreenRequest>>({ locale: 'hi', userAgent: 'Mozilla/5.0 (Linux; Android 14)', search: '?upi_channel=collect' })
    expect(request?.boot).toMatchObject({ kind: 'session', view: { pageId: order.id } })
  })

  it('renders in the language Accept-Language asks for, right to left for Urdu, with its catalog preloaded once', async () => {
    const render = vi.fn<RenderFirstScreen>(({ locale }) => Promise.resolve({ ...SCREEN, modules: [`src/i18n/${locale}/index.ts`] }))
    const { deps, app } = sandboxWith(render)
    const order = await seedOrder(deps)
    const html = await (await app.request(`/orders/${order.id}/payment-page`, { headers: { 'accept-language': 'ur-PK,ur;q=0.9,en;q=0.8' } })).text()
    expect(html).toContain(' lang="ur" dir="rtl">')
    expect(render.mock.calls[0]?.[0].locale).toBe('ur')
    expect(html.match(/href="\/assets\/ur-1\.js"/g)).toHaveLength(1)
  })

  it('preloads the catalog of the language a page the browser renders starts in', async () => {
    const { deps, app } = sandboxWith(() => Promise.resolve(null))
    const order = await seedOrder(deps)
    const html = await (await app.request(`/orders/${order.id}/payment-page`, { headers: { 'accept-language': 'ur' } })).text()
    expect(html).toContain('<div id="root"></div>')
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/ur-1.js">')
    const clientSecret = await (await app.request('/checkout', { headers: { 'accept-language': 'ur' } })).text()
    expect(clientSecret).toContain('<html lang="ur" dir="rtl"')
    expect(clientSecret).toContain('<link rel="modulepreload" crossorigin href="/assets/ur-1.js">')
  })

  it('draws a link that matches no session too, answered 404', async () => {
    const { app } = sandboxWith(() => Promise.resolve(SCREEN))
    const res = await app.request(`/orders/ordeh_${'0'.repeat(32)}/payment-page`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('<h1>drawn</h1>')
  })

  it("leaves a host's frame to the browser, which applies the host's appearance as it renders", async () => {
    const render = vi.fn<RenderFirstScreen>(() => Promise.resolve(SCREEN))
    const { deps, app } = sandboxWith(render)
    const order = await seedOrder(deps)
    const res = await app.request(`/orders/${order.id}/payment-page?embed_instance=abcdef123456&embed_origin=${encodeURIComponent('http://localhost:4401')}`)
    expect(await res.text()).toContain('<div id="root"></div>')
    expect(render).not.toHaveBeenCalled()
    expect(styleSrc(res)).toBe(`'self' ${PAGE_STYLE}`)
  })

  it('serves the page for the browser to render when the renderer fails or declines', async () => {
    for (const render of [() => Promise.reject(new Error('boom')), () => Promise.resolve(null)]) {
      const { deps, app } = sandboxWith(render)
      const order = await seedOrder(deps)
      const res = await app.request(`/orders/${order.id}/payment-page`)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('<div id="root"></div>')
      expect(html).toContain('id="boot-data"')
      expect(styleSrc(res)).toBe(`'self' ${PAGE_STYLE}`)
    }
  })
})
