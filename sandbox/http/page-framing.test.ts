import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { MovableClock } from '../domain/clock'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { seedOrder, TEST_NOW } from '../testing/fixtures'

const TEMPLATE = '<!doctype html><html lang="en"><head><title>checkout</title></head><body></body></html>'

function sandboxWithPage() {
  const deps = {
    store: new MemoryStore(),
    clock: new MovableClock({ now: () => TEST_NOW }),
    merchants: loadMerchants(DEFAULT_MERCHANTS_FILE),
    log: silentLogger,
    publicOrigin: 'http://127.0.0.1:4000',
    qaEnabled: true,
  }
  return { deps, app: createApp(deps, { templates: { checkout: TEMPLATE, demo: TEMPLATE, styleHashes: [], chunks: new Map() }, staticDir: null }) }
}

const frameAncestors = (res: Response) => /frame-ancestors ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]
const imgSrc = (res: Response) => /img-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]

describe('the payment page and its framing', () => {
  it("may be framed by the merchant's framing origins when opened as a plain link", async () => {
    const { deps, app } = sandboxWithPage()
    const order = await seedOrder(deps)
    const res = await app.request(`/orders/${order.id}/payment-page`)
    expect(frameAncestors(res)).toBe('http://localhost:* http://127.0.0.1:*')
    expect(await res.text()).not.toContain('embed-data')
  })

  it('is framed only by the allowed host the embed script named, and tells the page that host', async () => {
    const { deps, app } = sandboxWithPage()
    const order = await seedOrder(deps)
    const res = await app.request(`/orders/${order.id}/payment-page?embed_instance=abcdef123456&embed_origin=${encodeURIComponent('http://localhost:4401')}`)
    expect(frameAncestors(res)).toBe('http://localhost:4401')
    expect(imgSrc(res)).toBe("'self' data: http://localhost:4401")
    expect(await res.text()).toContain('<script type="application/json" id="embed-data">{"hostOrigin":"http://localhost:4401","navigateTopOnComplete":false}</script>')
  })

  it('may not be framed at all when the named host is not allowed', async () => {
    const { deps, app } = sandboxWithPage()
    const order = await seedOrder(deps)
    const res = await app.request(`/orders/${order.id}/payment-page?embed_origin=${encodeURIComponent('https://evil.example')}`)
    expect(frameAncestors(res)).toBe("'none'")
    expect(imgSrc(res)).toBe("'self' data:")
    expect(await res.text()).not.toContain('embed-data')
  })

  it("frames the client-secret page by its session's merchant, with the same check", async () => {
    const { app } = sandboxWithPage()
    const created = await app.request('/v1/checkout/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo_api_key' },
      body: JSON.stringify({
        mode: 'payment',
        amount: 99,
        currency: 'INR',
        merchant_order_id: 'framing-1',
        line_items: [{ quantity: 1, price_data: { unit_amount: 99, product_data: { name: 'Yoga mat' } } }],
        success_url: 'https://shop.merchant.com/done',
      }),
    })
    const { id } = (await created.json()) as { id: string }
    const allowed = await app.request(`/checkout/${id}?embed_origin=${encodeURIComponent('http://127.0.0.1:4401')}`)
    expect(frameAncestors(allowed)).toBe('http://127.0.0.1:4401')
    expect(await allowed.text()).toContain('"hostOrigin":"http://127.0.0.1:4401"')
    const refused = await app.request(`/checkout/${id}?embed_origin=${encodeURIComponent('http://[::1]:4401')}`)
    expect(frameAncestors(refused)).toBe("'none'")
    const unknown = await app.request(`/checkout/cs_${'A'.repeat(24)}?embed_origin=${encodeURIComponent('http://127.0.0.1:4401')}`)
    expect(frameAncestors(unknown)).toBe("'none'")
  })
})
