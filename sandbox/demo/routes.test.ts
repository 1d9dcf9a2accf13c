import { describe, expect, it, vi } from 'vitest'
import { JuspayError } from '../../contract/errors'
import { allowedHosts } from '../http/hosts'
import { secureSandbox } from '../testing/security-harness'
import { DEMO_RATE_LIMIT } from './guard'
import { embedHostApp } from './embed-host-app'

const FORM = {
  amount: '1.00',
  max_amount: '499.00',
  frequency: 'MONTHLY',
  rule_type: 'AFTER',
  rule_value: 5,
  amount_rule: 'VARIABLE',
  create_mandate: 'REQUIRED',
  description: 'Gym membership',
  action: 'paymentPage',
  auto_refund: true,
}

const JSON_TYPE = { 'content-type': 'application/json' }

/** The sandbox with the rate limit's clock in the test's hands. */
function sandbox() {
  let ms = 0
  const s = secureSandbox({ edge: { now: () => ms } })
  const post = (headers: Record<string, string>, from?: string, body: string = JSON.stringify(FORM)) =>
    s.request('/demo/api/sessions', { method: 'POST', headers, body }, from)
  return { s, post, advance: (by: number) => (ms += by) }
}

const juspayCode = async (res: Response) => JuspayError.parse(await res.json()).error_info.code

describe('POST /demo/api/sessions, which creates sessions with a key it holds for whoever asks', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp'])(
    'refuses %s with 415 and creates nothing',
    async (type) => {
      const { s, post } = sandbox()
      const res = await post({ 'content-type': type })
      expect(res.status).toBe(415)
      expect(await juspayCode(res)).toBe('INVALID_INPUT')
      expect(await s.store.size()).toBe(0)
    },
  )

  it('refuses a body without a content type with 415', async () => {
    const { s, post } = sandbox()
    expect((await post({})).status).toBe(415)
    expect(await s.store.size()).toBe(0)
  })

  it.each(['http://attacker.example', 'null', 'http://127.0.0.1:4000.attacker.example', 'http://127.0.0.1:4001'])(
    'refuses a page on origin %s with 403 and creates nothing',
    async (origin) => {
      const { s, post } = sandbox()
      const res = await post({ ...JSON_TYPE, origin, host: '127.0.0.1:4000' })
      expect(res.status).toBe(403)
      expect(await juspayCode(res)).toBe('BAD_ORIGIN')
      expect(await s.store.size()).toBe(0)
    },
  )

  it.each([
    ['the public origin', 'http://127.0.0.1:4000', '127.0.0.1:4000'],
    ['the origin of the host it was sent to', 'http://localhost:4000', 'localhost:4000'],
    ['no origin (a server, not a page)', undefined, '127.0.0.1:4000'],
  ])('creates a session for %s', async (_name, origin, host) => {
    const { s, post } = sandbox()
    const res = await post({ ...JSON_TYPE, host, ...(origin === undefined ? {} : { origin }) })
    expect(res.status).toBe(200)
    expect(await s.store.size()).toBe(1)
  })

  it(`lets a client create ${String(DEMO_RATE_LIMIT.burst)} at once, then answers 429 with Retry-After until a token is back; other clients are not held up`, async () => {
    const { s, post, advance } = sandbox()
    for (let i = 0; i < DEMO_RATE_LIMIT.burst; i += 1) expect((await post(JSON_TYPE, '203.0.113.7')).status).toBe(200)
    const limited = await post(JSON_TYPE, '203.0.113.7')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(await juspayCode(limited)).toBe('TOO_MANY_REQUESTS')
    expect(await s.store.size()).toBe(DEMO_RATE_LIMIT.burst)
    expect((await post(JSON_TYPE, '203.0.113.8')).status).toBe(200)
    advance(2_999)
    expect((await post(JSON_TYPE, '203.0.113.7')).status).toBe(429)
    advance(1)
    expect((await post(JSON_TYPE, '203.0.113.7')).status).toBe(200)
    expect((await post(JSON_TYPE, '203.0.113.7')).status).toBe(429)
  })

  it('answers 404 for the page and the API when the demo is off (SANDBOX_DEMO=off)', async () => {
    const s = secureSandbox({ edge: { demoEnabled: false } })
    expect((await s.request('/demo')).status).toBe(404)
    for (const path of ['/demo/api/sessions', '/demo/api/plans']) {
      const res = await s.request(path, { method: path.endsWith('sessions') ? 'POST' : 'GET', headers: JSON_TYPE, body: path.endsWith('sessions') ? JSON.stringify(FORM) : null })
      expect(res.status, path).toBe(404)
      expect(await juspayCode(res)).toBe('RESOURCE_NOT_FOUND')
    }
    expect(await s.store.size()).toBe(0)
  })
})

describe('the embedding demo’s POST /api/sessions', () => {
  function host() {
    let ms = 0
    const callCheckout = vi.fn((_path: string, _init: RequestInit) => Promise.resolve(Response.json({ id: 'ord' })))
    const app = embedHostApp({
      checkoutOrigin: 'http://127.0.0.1:4000',
      staticDir: '/nonexistent',
      allowedHosts: allowedHosts('http://127.0.0.1:4000'),
      callCheckout,
      now: () => ms,
    })
    const post = (headers: Record<string, string>, from = '203.0.113.7') =>
      Promise.resolve(
        app.request('/api/sessions', { method: 'POST', headers: { host: '127.0.0.1:4001', ...headers }, body: JSON.stringify({ plan: 'upi' }) }, {
          incoming: { socket: { remoteAddress: from } },
        }),
      )
    return { post, callCheckout, advance: (by: number) => (ms += by) }
  }

  it('takes JSON from its own origin only', async () => {
    const { post, callCheckout } = host()
    expect((await post({ 'content-type': 'text/plain', origin: 'http://127.0.0.1:4001' })).status).toBe(415)
    expect((await post({ ...JSON_TYPE, origin: 'http://attacker.example' })).status).toBe(403)
    expect((await post({ ...JSON_TYPE, origin: 'http://127.0.0.1:4000' })).status).toBe(403)
    expect(callCheckout).not.toHaveBeenCalled()
    expect((await post({ ...JSON_TYPE, origin: 'http://127.0.0.1:4001' })).status).toBe(200)
    expect(callCheckout).toHaveBeenCalledTimes(1)
  })

  it('is rate limited per client, with Retry-After', async () => {
    const { post, callCheckout, advance } = host()
    for (let i = 0; i < DEMO_RATE_LIMIT.burst; i += 1) expect((await post(JSON_TYPE)).status).toBe(200)
    const limited = await post(JSON_TYPE)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(await limited.json()).toEqual({ error: { message: 'Too many sessions from this client: try again later.' } })
    expect(callCheckout).toHaveBeenCalledTimes(DEMO_RATE_LIMIT.burst)
    expect((await post(JSON_TYPE, '203.0.113.9')).status).toBe(200)
    advance(3_000)
    expect((await post(JSON_TYPE)).status).toBe(200)
  })
})
