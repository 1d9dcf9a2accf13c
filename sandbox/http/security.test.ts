import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { pageCsp, setPageHeaders, withBaseHeaders } from './security'

describe('pageCsp', () => {
  it('allows no inline script and frames only from the merchant origins', () => {
    const csp = pageCsp(['https://shop.example.com', 'http://localhost:*'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain('frame-ancestors https://shop.example.com http://localhost:*')
  })
  it("refuses all framing when the merchant allows none", () => {
    expect(pageCsp([])).toContain("frame-ancestors 'none'")
  })
  it('names every kind of resource, the rest refused by default, with the inlined styles by hash and the images a merchant allows', () => {
    expect(pageCsp(['https://shop.example.com'], ['https://cdn.example.com'], ["'sha256-abc='"]).split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'sha256-abc='",
      "img-src 'self' data: https://cdn.example.com",
      "connect-src 'self'",
      "font-src 'self'",
      "manifest-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      'frame-ancestors https://shop.example.com',
    ])
  })
})

describe('withBaseHeaders, on an answer made without Node', () => {
  const app = new Hono()
  app.use(async (c, next) => {
    await next()
    withBaseHeaders(c)
  })
  app.get('/json', (c) => c.json({ ok: true }))
  app.get('/page', (c) => {
    setPageHeaders(c, ['https://shop.example.com'])
    return c.html('<p>page</p>')
  })
  app.get('/asset', async (c, next) => {
    await next()
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  app.get('/asset', (c) => c.body('asset'))
  app.get('/raw', () => new Response('built without the context', { headers: { 'Cache-Control': 'max-age=60' } }))

  const base = (res: Response) => ({
    nosniff: res.headers.get('X-Content-Type-Options'),
    referrer: res.headers.get('Referrer-Policy'),
    permissions: res.headers.get('Permissions-Policy'),
  })
  const expectedBase = {
    nosniff: 'nosniff',
    referrer: 'no-referrer',
    permissions: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  }

  it.each(['/json', '/page', '/asset', '/raw', '/missing'])('%s carries the base headers', async (path) => {
    expect(base(await app.request(path))).toEqual(expectedBase)
  })

  it('gives an API answer the strict default CSP and no-store', async () => {
    const res = await app.request('/json')
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it("keeps the page's own CSP", async () => {
    const res = await app.request('/page')
    expect(res.headers.get('Content-Security-Policy')).toBe(pageCsp(['https://shop.example.com']))
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it("keeps a Cache-Control set after the response, and one a handler's own Response carries", async () => {
    expect((await app.request('/asset')).headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const raw = await app.request('/raw')
    expect(raw.headers.get('Cache-Control')).toBe('max-age=60')
    expect(raw.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
  })
})
