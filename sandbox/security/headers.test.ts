import { beforeAll, describe, expect, it } from 'vitest'
import { basic, bearer, DEMO_KEY, juspayBody, OTHER_KEY, pluralBody, secureSandbox, type SecureSandbox } from '../testing/security-harness'

type Kind = 'page' | 'api' | 'simulator' | 'stylesheet'
interface Route {
  name: string
  kind: Kind
  path: string
  init?: RequestInit
}

const DEMO_ANCESTORS = 'frame-ancestors http://localhost:* http://127.0.0.1:*'
const GLOBEX_ORIGIN = 'https://media.globex.example'
const GLOBEX_LOGO = 'https://cdn.globex.example/logo.svg'

/** The directives a policy sets, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name, values]),
  )
}

/** Every <script> element of a document: its attributes and what it holds. */
function scripts(html: string): { attrs: string; content: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({ attrs: m[1] ?? '', content: m[2] ?? '' }))
}

describe('security headers', () => {
  let s: SecureSandbox
  const routes: Route[] = []

  beforeAll(async () => {
    // other_merchant frames from its own origin and shows a logo, so its policy differs from the demo's.
    s = secureSandbox({
      customise: (m) => (m.id === 'other_merchant' ? { ...m, framingOrigins: [GLOBEX_ORIGIN], brand: { ...m.brand, logoUrl: GLOBEX_LOGO } } : m),
    })
    const order = await s.juspayOrder(DEMO_KEY)
    const session = await s.checkoutSession(DEMO_KEY)
    const upi = await s.startAttempt((await s.juspayOrder(DEMO_KEY)).id, { rail: 'upi', channel: 'intent', setUpMandate: true })
    const bank = await s.startAttempt((await s.juspayOrder(DEMO_KEY)).id, {
      rail: 'netbanking',
      setUpMandate: true,
      enach: {
        bankCode: 'HDFC',
        authMode: 'netbanking',
        accountHolderName: 'Asha Verma',
        accountNumber: '1111111111',
        ifsc: 'HDFC0001234',
        accountType: 'SAVINGS',
      },
    })
    const qa = { authorization: basic(DEMO_KEY) }
    const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    routes.push(
      { name: 'payment page', kind: 'page', path: `/orders/${order.id}/payment-page` },
      { name: 'payment page, unknown id', kind: 'page', path: '/orders/ordeh_00000000000000000000000000000000/payment-page' },
      { name: 'client-secret page', kind: 'page', path: '/checkout' },
      { name: 'client-secret page of a session', kind: 'page', path: `/checkout/${session.id}` },
      { name: 'demo merchant page', kind: 'page', path: '/demo' },
      { name: 'POST /session', kind: 'api', path: '/session', init: json(juspayBody(), { authorization: basic(DEMO_KEY) }) },
      { name: 'POST /session, bad auth', kind: 'api', path: '/session', init: json(juspayBody(), { authorization: 'Basic !!' }) },
      {
        name: 'POST /orders (form)',
        kind: 'api',
        path: '/orders',
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(DEMO_KEY) },
          body: new URLSearchParams(Object.entries(juspayBody()).map(([k, v]) => [k, String(v)])).toString(),
        },
      },
      { name: 'GET /orders/:id (status)', kind: 'api', path: `/orders/${order.orderId}`, init: { headers: qa } },
      { name: 'POST /v1/checkout/sessions', kind: 'api', path: '/v1/checkout/sessions', init: json({}, { authorization: bearer(DEMO_KEY) }) },
      { name: 'GET /v1/checkout/sessions/:id', kind: 'api', path: `/v1/checkout/sessions/${session.id}`, init: { headers: { authorization: bearer(DEMO_KEY) } } },
      { name: 'POST /api/v1/upi/subscription/process/payment', kind: 'api', path: '/api/v1/upi/subscription/process/payment', init: json(pluralBody(), { authorization: bearer(DEMO_KEY) }) },
      { name: 'POST /api/v1/upi/subscription/process/payment, refused', kind: 'api', path: '/api/v1/upi/subscription/process/payment', init: json({}, { authorization: bearer(DEMO_KEY) }) },
      { name: 'GET /api/v1/upi/subscription/:id, missing', kind: 'api', path: '/api/v1/upi/subscription/v1-sub-00000000000000000000000000000000', init: { headers: { authorization: bearer(DEMO_KEY) } } },
      { name: 'GET /api/pages/:id', kind: 'api', path: `/api/pages/${order.id}` },
      { name: 'POST /api/pages/:id/vpa', kind: 'api', path: `/api/pages/${order.id}/vpa`, init: json({ vpa: 'success@upi' }) },
      { name: 'POST /api/checkout/lookup', kind: 'api', path: '/api/checkout/lookup', init: json({ client_secret: session.clientSecret }) },
      { name: 'POST /api/pages/:id/attempts, refused', kind: 'api', path: `/api/pages/${order.id}/attempts`, init: json({}) },
      { name: 'GET /sandbox/orders/:id/webhooks', kind: 'api', path: `/sandbox/orders/${order.orderId}/webhooks`, init: { headers: qa } },
      { name: 'POST /sandbox/orders/:id/attempt/approve, nothing pending', kind: 'api', path: `/sandbox/orders/${order.orderId}/attempt/approve`, init: { method: 'POST', headers: qa } },
      { name: 'GET /healthz', kind: 'api', path: '/healthz' },
      { name: 'simulated UPI app', kind: 'simulator', path: `/simulator/upi/${upi.attempt.simulatorToken}` },
      { name: 'simulated UPI app, unknown token', kind: 'simulator', path: `/simulator/upi/${'0'.repeat(32)}` },
      { name: 'simulated bank', kind: 'simulator', path: `/simulator/bank/${bank.attempt.simulatorToken}` },
      { name: 'simulated bank, wrong credentials', kind: 'simulator', path: `/simulator/bank/${bank.attempt.simulatorToken}/credentials`, init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'user_id=&password=' } },
      { name: 'simulated UPI app stylesheet', kind: 'stylesheet', path: '/simulator/upi/assets/app.css' },
      { name: 'simulated bank stylesheet', kind: 'stylesheet', path: '/simulator/bank/assets/bank.css' },
    )
  })

  const each = (kinds: Kind[], check: (res: Response, route: Route) => Promise<void> | void) => async () => {
    const selected = routes.filter((r) => kinds.includes(r.kind))
    expect(selected.length).toBeGreaterThan(0)
    for (const route of selected) {
      const res = await s.request(route.path, route.init)
      try {
        await check(res, route)
      } catch (error) {
        throw new Error(`${route.name} (${route.path}): ${error instanceof Error ? error.message : String(error)}`, { cause: error })
      }
    }
  }

  it(
    'every response says nosniff, no referrer and a locked-down Permissions-Policy',
    each(['page', 'api', 'simulator', 'stylesheet'], (res) => {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      const permissions = res.headers.get('permissions-policy') ?? ''
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`)
    }),
  )

  it(
    'every response has a CSP without unsafe-inline or unsafe-eval, no base URI, and a frame-ancestors',
    each(['page', 'api', 'simulator', 'stylesheet'], (res) => {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic/)
      const d = directives(csp)
      for (const [name, sources] of d) expect(sources, name).not.toContain('*')
      expect(d.get('default-src')).toEqual(["'none'"])
      expect(d.get('base-uri')).toEqual(["'none'"])
      expect(d.has('frame-ancestors')).toBe(true)
    }),
  )

  it(
    'pages run only their own scripts and styles, and post forms only to this origin',
    each(['page'], (res) => {
      const d = directives(res.headers.get('content-security-policy') ?? '')
      expect(d.get('script-src')).toEqual(["'self'"])
      expect(d.get('style-src')).toEqual(["'self'"])
      expect(d.get('connect-src')).toEqual(["'self'"])
      expect(d.get('form-action')).toEqual(["'self'"])
    }),
  )

  it(
    'the simulated app and bank run no script at all and are never framed',
    each(['simulator'], async (res) => {
      const d = directives(res.headers.get('content-security-policy') ?? '')
      expect(d.has('script-src')).toBe(false)
      expect(d.get('frame-ancestors')).toEqual(["'none'"])
      expect(await res.text()).not.toMatch(/<script/i)
    }),
  )

  it(
    'APIs answer with a policy that allows nothing and is never framed',
    each(['api'], (res) => {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
    }),
  )

  it(
    'nothing that may carry session data is stored by a cache',
    each(['page', 'api', 'simulator'], (res) => {
      expect(res.headers.get('cache-control')).toBe('no-store')
    }),
  )

  it(
    'the stylesheets, which hold no session data, are cacheable',
    each(['stylesheet'], (res) => {
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
    }),
  )

  it(
    'page HTML has no inline script, handler or style: only external scripts and the JSON boot data',
    each(['page'], async (res) => {
      const html = await res.text()
      const found = scripts(html)
      expect(found.length).toBeGreaterThan(0)
      for (const { attrs, content } of found) {
        const isData = /\btype="application\/json"/.test(attrs) && /\bid="boot-data"/.test(attrs)
        const isExternal = /\bsrc="\/[^"]*"/.test(attrs) && content.trim() === ''
        expect(isData || isExternal, `<script${attrs}>${content.slice(0, 60)}`).toBe(true)
        if (isData) expect(() => JSON.parse(content) as unknown).not.toThrow()
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i)
      expect(html).not.toMatch(/<style\b|\sstyle\s*=/i)
      expect(html).not.toMatch(/javascript:/i)
    }),
  )

  describe('frame-ancestors follows the merchant of the order', () => {
    const csp = async (path: string) => (await s.request(path)).headers.get('content-security-policy') ?? ''

    it('the demo merchant is framed by its loopback origins, other_merchant only by its own', async () => {
      const demo = await s.juspayOrder(DEMO_KEY)
      const other = await s.juspayOrder(OTHER_KEY, { return_url: 'http://localhost:3000/done' })
      const demoCsp = await csp(`/orders/${demo.id}/payment-page`)
      const otherCsp = await csp(`/orders/${other.id}/payment-page`)
      expect(demoCsp).toContain(DEMO_ANCESTORS)
      expect(directives(otherCsp).get('frame-ancestors')).toEqual([GLOBEX_ORIGIN])
      expect(otherCsp).not.toContain('localhost')
    })

    it('an order page admits its merchant logo and no other image origin', async () => {
      const other = await s.juspayOrder(OTHER_KEY, { return_url: 'http://localhost:3000/done' })
      const demo = await s.juspayOrder(DEMO_KEY)
      expect(directives(await csp(`/orders/${other.id}/payment-page`)).get('img-src')).toEqual(["'self'", 'data:', 'https://cdn.globex.example'])
      expect(directives(await csp(`/orders/${demo.id}/payment-page`)).get('img-src')).toEqual(["'self'", 'data:'])
    })

    it('a checkout session page carries its own merchant', async () => {
      const demo = await s.checkoutSession(DEMO_KEY)
      const other = await s.checkoutSession(OTHER_KEY, { success_url: 'http://localhost:3000/done' })
      expect(await csp(`/checkout/${demo.id}`)).toContain(DEMO_ANCESTORS)
      expect(directives(await csp(`/checkout/${other.id}`)).get('frame-ancestors')).toEqual([GLOBEX_ORIGIN])
    })

    it.each([
      ['an unknown page id', '/orders/ordeh_00000000000000000000000000000000/payment-page'],
      ['a malformed page id', '/orders/not-a-page/payment-page'],
      ['the client-secret page with no session named', '/checkout'],
      ['an unknown checkout session', '/checkout/cs_000000000000000000000000'],
      ['the demo merchant page', '/demo'],
    ])('%s cannot be framed by anyone', async (_name, path) => {
      expect(directives(await csp(path)).get('frame-ancestors')).toEqual(["'none'"])
    })
  })

  it('the live event stream is no-store and nosniff', async () => {
    const order = await s.juspayOrder(DEMO_KEY)
    const res = await s.request(`/api/pages/${order.id}/events`)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    await res.body?.cancel()
  })
})
