import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckoutError, JuspayError, PluralError } from '../../contract/errors'
import { PageError, SessionView } from '../../contract/session'
import { basic, bearer, DEMO_KEY, jsonOf, juspayBody, OTHER_KEY, pluralBody, secureSandbox, type SecureSandbox } from '../testing/security-harness'
import { startServer, type ServerProcess } from '../testing/server-process'

const ENACH = {
  bankCode: 'HDFC',
  authMode: 'netbanking',
  accountHolderName: 'Asha Verma',
  accountNumber: '3333333333',
  ifsc: 'HDFC0001234',
  accountType: 'SAVINGS',
} as const

/** A Juspay error without its per-request id, so two answers can be compared whole. */
async function juspayErrorOf(res: Response) {
  const parsed = JuspayError.parse(await res.json())
  return { httpStatus: res.status, ...parsed, error_info: { ...parsed.error_info, request_id: '' } }
}

/** Every order as stored, to show a refused request changed nothing. */
const snapshot = async (s: SecureSandbox, pageIds: readonly string[]) => JSON.stringify(await Promise.all(pageIds.map((id) => s.store.orderById(id))))

describe('one merchant cannot reach another merchant’s orders', () => {
  let s: SecureSandbox
  let demoOrderId: string
  let demoPageId: string

  beforeAll(async () => {
    s = secureSandbox()
    const order = await s.juspayOrder(DEMO_KEY)
    await s.startAttempt(order.id, { rail: 'upi', channel: 'intent', setUpMandate: true })
    demoOrderId = order.orderId
    demoPageId = order.id
  })

  it('reading the order status with the other key answers exactly as for an order that does not exist', async () => {
    const theirs = await juspayErrorOf(await s.request(`/orders/${demoOrderId}`, { headers: { authorization: basic(OTHER_KEY) } }))
    const missing = await juspayErrorOf(await s.request('/orders/no-such-order', { headers: { authorization: basic(OTHER_KEY) } }))
    expect(theirs.httpStatus).toBe(404)
    expect(theirs.error_info.code).toBe('RESOURCE_NOT_FOUND')
    expect(theirs).toEqual(missing)
  })

  it('the owner still reads it', async () => {
    const res = await s.request(`/orders/${demoOrderId}`, { headers: { authorization: basic(DEMO_KEY) } })
    expect(res.status).toBe(200)
    expect((await jsonOf(res))['order_id']).toBe(demoOrderId)
  })

  it('x-merchantid naming another merchant than the key is refused', async () => {
    const res = await s.request(`/orders/${demoOrderId}`, { headers: { authorization: basic(OTHER_KEY), 'x-merchantid': 'demo_merchant' } })
    expect(res.status).toBe(403)
    expect((await juspayErrorOf(res)).error_info.code).toBe('UNAUTHORIZED')
  })

  it.each([
    ['approve the attempt', 'POST', 'attempt/approve'],
    ['decline the attempt', 'POST', 'attempt/decline'],
    ['expire the attempt', 'POST', 'attempt/expire'],
    ['expire the session', 'POST', 'expire'],
    ['list the webhooks', 'GET', 'webhooks'],
  ])('the QA API does not let the other key %s', async (_name, method, action) => {
    const before = await snapshot(s, [demoPageId])
    const res = await s.request(`/sandbox/orders/${demoOrderId}/${action}`, { method, headers: { authorization: basic(OTHER_KEY) } })
    expect(res.status).toBe(404)
    expect((await juspayErrorOf(res)).error_info.code).toBe('RESOURCE_NOT_FOUND')
    expect(await snapshot(s, [demoPageId])).toBe(before)
    expect((await s.stored(demoPageId)).attempts.at(-1)?.status).toBe('pending')
  })

  it('reusing the other merchant’s order_id creates the caller’s own order and leaves theirs alone', async () => {
    // An order of its own: once the other merchant holds this order_id too, the tests above that it is unknown to them no longer hold.
    const theirs = await s.juspayOrder(DEMO_KEY)
    const before = await snapshot(s, [theirs.id])
    const res = await s.postJson('/session', juspayBody({ order_id: theirs.orderId, return_url: 'http://localhost:3000/x' }), { authorization: basic(OTHER_KEY) })
    expect(res.status).toBe(200)
    const created = await jsonOf(res)
    expect(created['id']).not.toBe(theirs.id)
    expect((await s.store.orderById(String(created['id'])))?.merchantId).toBe('other_merchant')
    expect(await snapshot(s, [theirs.id])).toBe(before)
  })

  describe('checkout sessions', () => {
    it('retrieving another merchant’s session answers exactly as for a missing one', async () => {
      const session = await s.checkoutSession(DEMO_KEY)
      const theirs = await s.request(`/v1/checkout/sessions/${session.id}`, { headers: { authorization: bearer(OTHER_KEY) } })
      const missing = await s.request('/v1/checkout/sessions/cs_000000000000000000000000', { headers: { authorization: bearer(OTHER_KEY) } })
      expect(theirs.status).toBe(404)
      expect(missing.status).toBe(404)
      const theirsBody = CheckoutError.parse(await theirs.json())
      expect(theirsBody.error.code).toBe('resource_missing')
      expect(theirsBody).toEqual(CheckoutError.parse(await missing.json()))
      expect(JSON.stringify(theirsBody)).not.toContain(session.clientSecret)
    })

    it('reusing the other merchant’s merchant_order_id gets a session of one’s own', async () => {
      const mine = await s.checkoutSession(DEMO_KEY)
      const theirs = await s.checkoutSession(OTHER_KEY, { merchant_order_id: mine.order.orderId, success_url: 'http://localhost:3000/done' })
      expect(theirs.id).not.toBe(mine.id)
      expect(theirs.clientSecret).not.toBe(mine.clientSecret)
      expect(theirs.order.merchantId).toBe('other_merchant')
    })
  })

  describe('Plural subscriptions', () => {
    const PROCESS = '/api/v1/upi/subscription/process/payment'
    it('reading another merchant’s subscription answers exactly as for a missing one', async () => {
      const mine = await jsonOf(await s.postJson(PROCESS, pluralBody(), { authorization: bearer(DEMO_KEY) }))
      const id = String(mine['subscription_id'])
      const theirs = await s.request(`/api/v1/upi/subscription/${id}`, { headers: { authorization: bearer(OTHER_KEY) } })
      const missing = await s.request('/api/v1/upi/subscription/v1-sub-00000000000000000000000000000000', { headers: { authorization: bearer(OTHER_KEY) } })
      expect(theirs.status).toBe(404)
      expect(missing.status).toBe(404)
      expect(PluralError.parse(await theirs.json())).toEqual(PluralError.parse(await missing.json()))
      expect((await s.request(`/api/v1/upi/subscription/${id}`, { headers: { authorization: bearer(DEMO_KEY) } })).status).toBe(200)
    })

    it('another merchant’s key cannot create for this merchant, and reusing its reference creates the caller’s own', async () => {
      const mine = await jsonOf(await s.postJson(PROCESS, pluralBody({ clientUniqueReference: 'shared-ref' }), { authorization: bearer(DEMO_KEY) }))
      const pageId = new URL(String(mine['payment_page_url'])).pathname.split('/')[2] ?? ''
      const before = await snapshot(s, [pageId])
      const claimed = await s.postJson(PROCESS, pluralBody({ clientUniqueReference: 'shared-ref' }), { authorization: bearer(OTHER_KEY) })
      expect(claimed.status).toBe(403)
      expect(PluralError.parse(await claimed.json()).response_code).toBe(12403)
      const own = await jsonOf(await s.postJson(PROCESS, pluralBody({ clientUniqueReference: 'shared-ref', merchantId: 'other_merchant', plan: { planId: '', merchantPlanId: 'p1', planName: 'Globex monthly', frequency: 1, frequencyType: 'Month', amount: { value: 10000, currency: 'INR' } } }), { authorization: bearer(OTHER_KEY) }))
      expect(own['subscription_id']).not.toBe(mine['subscription_id'])
      expect(await snapshot(s, [pageId])).toBe(before)
    })
  })
})

describe('a client secret opens only its own session', () => {
  let s: SecureSandbox
  let a: Awaited<ReturnType<SecureSandbox['checkoutSession']>>
  let b: Awaited<ReturnType<SecureSandbox['checkoutSession']>>

  beforeAll(async () => {
    s = secureSandbox()
    a = await s.checkoutSession(DEMO_KEY)
    b = await s.checkoutSession(OTHER_KEY, { success_url: 'http://localhost:3000/done' })
  })

  const lookup = (secret: unknown) => s.postJson('/api/checkout/lookup', { client_secret: secret })

  it('each secret opens its own session', async () => {
    for (const session of [a, b]) {
      const res = await lookup(session.clientSecret)
      expect(res.status).toBe(200)
      expect(SessionView.parse(await res.json()).pageId).toBe(session.order.id)
    }
  })

  const flip = (c: string) => (c === 'a' ? 'b' : 'a')
  it.each([
    ['one character changed at the end', () => `${a.clientSecret.slice(0, -1)}${flip(a.clientSecret.slice(-1))}`],
    ['one character changed in the session id', () => `cs_${flip(a.clientSecret.charAt(3))}${a.clientSecret.slice(4)}`],
    ['its session id with another session’s secret part', () => `${a.id}_secret_${b.clientSecret.split('_secret_')[1] ?? ''}`],
    ['another session’s id with its secret part', () => `${b.id}_secret_${a.clientSecret.split('_secret_')[1] ?? ''}`],
  ])('a tampered secret (%s) opens nothing', async (_name, tampered) => {
    const res = await lookup(tampered())
    expect(res.status).toBe(404)
    expect(PageError.parse(await res.json()).error.code).toBe('not_found')
  })

  it.each([
    ['the session id alone', () => a.id],
    ['a truncated secret', () => a.clientSecret.slice(0, -1)],
    ['the secret with a suffix', () => `${a.clientSecret}x`],
    ['a number', () => 42],
    ['an array of secrets', () => [a.clientSecret]],
    ['the secret upper-cased', () => a.clientSecret.toUpperCase()],
  ])('%s is refused as malformed', async (_name, value) => {
    const res = await lookup(value())
    expect(res.status).toBe(400)
    expect(PageError.parse(await res.json()).error.code).toBe('malformed')
  })

  it('a secret in the query string is not read', async () => {
    const res = await s.request(`/api/checkout/lookup?client_secret=${a.clientSecret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(400)
  })
})

describe('a page id opens only its own page', () => {
  let s: SecureSandbox
  let a: string
  let b: string

  beforeAll(async () => {
    s = secureSandbox()
    a = (await s.juspayOrder(DEMO_KEY)).id
    b = (await s.juspayOrder(OTHER_KEY, { return_url: 'http://localhost:3000/x' })).id
  })

  it('each page id reads its own order', async () => {
    for (const id of [a, b]) expect(SessionView.parse(await (await s.request(`/api/pages/${id}`)).json()).pageId).toBe(id)
  })

  it.each([
    ['one hex digit changed', (id: string) => `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`, 404],
    ['upper-cased', (id: string) => id.toUpperCase(), 400],
    ['without its prefix', (id: string) => id.slice('ordeh_'.length), 400],
    ['the merchant’s order id instead', () => 'ord-1', 400],
  ])('a page id %s opens nothing', async (_name, change, status) => {
    for (const path of [`/api/pages/${change(a)}`, `/api/pages/${change(a)}/events`]) {
      const res = await s.request(path)
      expect(res.status).toBe(status)
      expect(PageError.safeParse(await res.json()).success).toBe(true)
    }
  })

  it('an attempt of one page cannot be cancelled through another page', async () => {
    const started = await s.startAttempt(b, { rail: 'upi', channel: 'intent', setUpMandate: true })
    const before = await snapshot(s, [a, b])
    const res = await s.request(`/api/pages/${a}/attempts/${started.attempt.id}/cancel`, { method: 'POST' })
    expect(res.status).toBe(409)
    expect(PageError.parse(await res.json()).error.code).toBe('no_pending_attempt')
    expect(await snapshot(s, [a, b])).toBe(before)
  })

  it('a simulator token opens only its own attempt, in the app it was made for', async () => {
    const upi = await s.startAttempt(a, { rail: 'upi', channel: 'intent', setUpMandate: true })
    const order = await s.juspayOrder(DEMO_KEY)
    const bank = await s.startAttempt(order.id, { rail: 'netbanking', setUpMandate: true, enach: ENACH })
    expect((await s.request(`/simulator/upi/${upi.attempt.simulatorToken}`)).status).toBe(200)
    expect((await s.request(`/simulator/bank/${bank.attempt.simulatorToken}`)).status).toBe(200)
    // A UPI token is not a bank token, nor the other way round.
    expect((await s.request(`/simulator/bank/${upi.attempt.simulatorToken}`)).status).toBe(404)
    expect((await s.request(`/simulator/upi/${bank.attempt.simulatorToken}`)).status).toBe(404)
    const tampered = `${upi.attempt.simulatorToken.slice(0, -1)}${upi.attempt.simulatorToken.endsWith('0') ? '1' : '0'}`
    expect((await s.request(`/simulator/upi/${tampered}`)).status).toBe(404)
  })
})

/** Every QA route, with the method it answers. */
const QA_ROUTES = [
  ['POST', '/sandbox/orders/ord-1/attempt/approve'],
  ['POST', '/sandbox/orders/ord-1/attempt/decline'],
  ['POST', '/sandbox/orders/ord-1/attempt/expire'],
  ['POST', '/sandbox/orders/ord-1/expire'],
  ['GET', '/sandbox/orders/ord-1/webhooks'],
  ['POST', '/sandbox/plans'],
  ['GET', '/sandbox/plans'],
  ['GET', '/sandbox/plans/fit_monthly'],
  ['POST', '/sandbox/reset'],
  ['GET', '/sandbox/reset'],
  ['GET', '/sandbox'],
  ['GET', '/sandbox/anything/else'],
] as const

describe('QA endpoints switched off by config', () => {
  it.each(QA_ROUTES)('%s %s answers 404 and acts on nothing (qaEnabled false)', async (method, path) => {
    const s = secureSandbox({ qaEnabled: false })
    const order = await s.juspayOrder(DEMO_KEY, { order_id: 'ord-1' })
    await s.startAttempt(order.id, { rail: 'upi', channel: 'intent', setUpMandate: true })
    const before = await snapshot(s, [order.id])
    for (const authorization of [basic(DEMO_KEY), undefined]) {
      const res = await s.request(path, { method, headers: authorization ? { authorization } : {} })
      expect(res.status).toBe(404)
      expect(JuspayError.parse(await res.json()).error_info.code).toBe('RESOURCE_NOT_FOUND')
    }
    expect(await s.store.size()).toBe(1)
    expect(await snapshot(s, [order.id])).toBe(before)
  })

  describe('in the real server started with SANDBOX_QA=off', () => {
    let server: ServerProcess
    beforeAll(async () => {
      server = await startServer({ SANDBOX_QA: 'off' })
    }, 90_000)
    afterAll(() => server.stop())

    it('every /sandbox route answers 404, and the order API still works', async () => {
      const auth = { authorization: basic(DEMO_KEY) }
      const created = await fetch(`${server.origin}/session`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(juspayBody({ order_id: 'ord-1' })),
      })
      expect(created.status).toBe(200)
      for (const [method, path] of QA_ROUTES) {
        const res = await fetch(`${server.origin}${path}`, { method, headers: auth })
        expect(res.status, `${method} ${path}`).toBe(404)
      }
      expect((await fetch(`${server.origin}/orders/ord-1`, { headers: auth })).status).toBe(200)
    })
  })
})

/** GET `path` from the server with the Host header given, as a page on a rebound name would send it. */
function getWithHost(origin: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers: { host } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the real server answers only the host names it is configured for (DNS rebinding)', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({ SANDBOX_ALLOWED_HOSTS: 'checkout.qa.test' })
  }, 90_000)
  afterAll(() => server.stop())

  it.each(['attacker.example', 'attacker.example:4000', '127.0.0.1.nip.io'])('refuses Host %s on every route with 421', async (host) => {
    const port = new URL(server.origin).port
    for (const path of ['/healthz', '/orders/ord-1', '/demo', '/sandbox/orders']) {
      const res = await getWithHost(server.origin, path, host.includes(':') ? host : `${host}:${port}`)
      expect(res.status, path).toBe(421)
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'host_not_allowed' } })
    }
  })

  it('serves the loopback names, and a name SANDBOX_ALLOWED_HOSTS adds, on the sandbox and its embedding demo', async () => {
    const port = Number(new URL(server.origin).port)
    for (const name of ['127.0.0.1', 'localhost', 'checkout.qa.test']) {
      expect((await getWithHost(server.origin, '/healthz', `${name}:${port}`)).status, name).toBe(200)
      const embedOrigin = `http://127.0.0.1:${port + 1}`
      expect((await getWithHost(embedOrigin, '/logo.svg', `${name}:${port + 1}`)).status, name).toBe(200)
    }
    expect((await getWithHost(`http://127.0.0.1:${port + 1}`, '/logo.svg', `attacker.example:${port + 1}`)).status).toBe(421)
  })
})

describe('the real server started with SANDBOX_DEMO=off', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({ SANDBOX_DEMO: 'off' })
  }, 90_000)
  afterAll(() => server.stop())

  it('answers 404 for the demo page and its API, opens no embedding demo, and still serves the merchant API', async () => {
    expect((await fetch(`${server.origin}/demo`)).status).toBe(404)
    const demoApi = await fetch(`${server.origin}/demo/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(demoApi.status).toBe(404)
    expect(JuspayError.parse(await demoApi.json()).error_info.code).toBe('RESOURCE_NOT_FOUND')
    const embedOrigin = `http://127.0.0.1:${Number(new URL(server.origin).port) + 1}`
    await expect(fetch(`${embedOrigin}/logo.svg`)).rejects.toThrow()
    expect(server.output()).not.toContain('demo merchant')
    const created = await fetch(`${server.origin}/session`, {
      method: 'POST',
      headers: { authorization: basic(DEMO_KEY), 'content-type': 'application/json' },
      body: JSON.stringify(juspayBody()),
    })
    expect(created.status).toBe(200)
  })
})
