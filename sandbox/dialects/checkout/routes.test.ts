import { describe, expect, it } from 'vitest'
import { SessionView } from '../../../contract/session'
import { CLIENT_SECRET_PATTERN } from '../../../contract/session'
import { MAX_BODY_BYTES } from '../../http/body-limit'
import {
  buildTestApp,
  createSession,
  DEMO_API_KEY,
  FIXED_NOW_SECONDS,
  getSession,
  monthlyItem,
  OTHER_API_KEY,
  paymentBody,
  postSession,
  PUBLIC_ORIGIN,
  readError,
  readSession,
  subscriptionBody,
  type TestSandbox,
} from '../../testing/checkout-dialect'

const HOUR_MS = 3_600_000

/** Runs a request that must fail and checks it stored nothing. */
async function expectRejected(sandbox: TestSandbox, send: () => Promise<Response>, status: number) {
  const before = await sandbox.store.size()
  const res = await send()
  expect(res.status).toBe(status)
  const body = await readError(res)
  expect(await sandbox.store.size()).toBe(before)
  return body.error
}

async function lookup(sandbox: TestSandbox, clientSecret: string): Promise<SessionView> {
  const res = await sandbox.app.request('/api/checkout/lookup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_secret: clientSecret }),
  })
  expect(res.status).toBe(200)
  const body: unknown = await res.json()
  return SessionView.parse(body)
}

describe('POST /v1/checkout/sessions', () => {
  it('creates an open, unpaid payment session with a page URL', async () => {
    const sandbox = buildTestApp()
    const res = await postSession(sandbox.app, paymentBody({ merchant_order_id: 'order_1', metadata: { plan: 'gold' } }))
    expect(res.status).toBe(200)
    const session = await readSession(res)
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      mode: 'payment',
      amount: 99.99,
      currency: 'INR',
      merchant_order_id: 'order_1',
      metadata: { plan: 'gold' },
      success_url: 'https://shop.merchant.com/done',
      cancel_url: 'https://shop.merchant.com/cart',
      subscription_data: null,
      created: FIXED_NOW_SECONDS,
      expires_at: FIXED_NOW_SECONDS + 24 * 3600,
    })
    expect(session.id).toMatch(/^cs_[A-Za-z0-9]{24}$/)
    expect(session.client_secret).toMatch(CLIENT_SECRET_PATTERN)
    expect(session.client_secret.startsWith(`${session.id}_secret_`)).toBe(true)
    expect(session.url).toBe(`${PUBLIC_ORIGIN}/checkout#client_secret=${session.client_secret}`)
    expect(session.line_items).toEqual([{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: 'Yoga mat' } } }])
    expect(await sandbox.store.size()).toBe(1)
  })

  it('answers amounts given as strings with numbers', async () => {
    const { app } = buildTestApp()
    const session = await createSession(app, paymentBody({ amount: '10', line_items: [{ quantity: 2, price_data: { unit_amount: '5.00', product_data: { name: 'x' } } }] }))
    expect(session.amount).toBe(10)
    expect(session.line_items[0]?.price_data.unit_amount).toBe(5)
  })

  it('accepts return_url as the return URL', async () => {
    const { app } = buildTestApp()
    const session = await createSession(app, paymentBody({ success_url: undefined, return_url: 'http://localhost:3000/back' }))
    expect(session.success_url).toBe('http://localhost:3000/back')
  })

  it('keeps an expires_at inside the window', async () => {
    const { app } = buildTestApp()
    const session = await createSession(app, paymentBody({ expires_at: FIXED_NOW_SECONDS + 3600 }))
    expect(session.expires_at).toBe(FIXED_NOW_SECONDS + 3600)
  })

  it('creates a subscription whose mandate the page shows', async () => {
    const sandbox = buildTestApp()
    const session = await createSession(
      sandbox.app,
      subscriptionBody({
        amount: 99.99,
        line_items: [monthlyItem(99.99, 'Monthly plan')],
        subscription_data: { discount_period_config: { discount_period_count: 1, discount_period_amount: 0.01 } },
        metadata: { language: 'hi' },
      }),
    )
    expect(session.subscription_data).toEqual({ discount_period_config: { discount_period_count: 1, discount_period_amount: 0.01 } })
    const view = await lookup(sandbox, session.client_secret)
    expect(view).toMatchObject({
      state: 'open',
      amount: { minor: 9_999, currency: 'INR' },
      chargedToday: { minor: 1, currency: 'INR' },
      createMandate: 'REQUIRED',
      description: 'Monthly plan',
      language: 'hi',
      lineItems: [{ name: 'Monthly plan', quantity: 1, amount: { minor: 9_999, currency: 'INR' } }],
      customer: { name: 'Asha Verma', email: 'a***@example.com' },
    })
    expect(view.mandate).toEqual({
      maxAmount: { minor: 9_999, currency: 'INR' },
      amountRule: 'VARIABLE',
      frequency: 'MONTHLY',
      ruleType: 'ON',
      ruleValue: 10,
      startDate: '2026-03-10T04:30:00.000Z',
      endDate: '2056-03-10T04:30:00.000Z',
      blockFunds: false,
      revokableByCustomer: true,
    })
    expect(view.instruments.map((i) => [i.rail, i.mandate, i.available])).toEqual([
      ['upi', 'required', true],
      ['netbanking', 'required', true],
    ])
  })

  it('gives a payment session no mandate on the page', async () => {
    const sandbox = buildTestApp()
    const session = await createSession(sandbox.app, paymentBody())
    const view = await lookup(sandbox, session.client_secret)
    expect(view).toMatchObject({ createMandate: null, mandate: null, chargedToday: { minor: 9_999 } })
  })

  describe('stores hostile strings verbatim', () => {
    const hostile = [
      ['HTML', '<img src=x onerror=alert(1)>'],
      ['script', '</script><script>alert("x")</script>'],
      ['bidi override', 'Plan \u202Eevil\u202C'],
      ['emoji', '🧘‍♀️ Yoga 🇮🇳'],
      ['quotes and backslashes', `"'\\\`\${x}`],
    ]
    it.each(hostile)('%s', async (_name, text) => {
      const sandbox = buildTestApp()
      const body = paymentBody({
        description: text,
        line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: text } } }],
        customer: { email: 'a@example.com', name: text, merchant_customer_id: 'c1' },
        metadata: { note: text },
      })
      const created = await createSession(sandbox.app, body)
      const read = await readSession(await getSession(sandbox.app, created.id))
      for (const session of [created, read]) {
        expect(session.line_items[0]?.price_data.product_data.name).toBe(text)
        expect(session.customer?.name).toBe(text)
        expect(session.metadata['note']).toBe(text)
        expect(session.description).toBe(text)
      }
      const view = await lookup(sandbox, created.client_secret)
      expect(view.description).toBe(text)
      expect(view.lineItems[0]?.name).toBe(text)
    })
  })
})

describe('control characters, and tabs or line breaks where one line is expected, refused as the Juspay dialect refuses them', () => {
  const item = (name: string) => [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name } } }]
  const customer = (name: string) => ({ email: 'a@example.com', name, merchant_customer_id: 'c1' })
  it.each([
    ['NUL in the description', { description: 'a\u0000b' }, 'description'],
    ['ESC in the description', { description: 'a\u001bb' }, 'description'],
    ['C1 NEL in a metadata value', { metadata: { note: 'a\u0085b' } }, 'metadata[note]'],
    ['a line break in a metadata key', { metadata: { 'a\nb': 'x' } }, 'metadata[a\nb]'],
    ['NUL in an item name', { line_items: item('a\u0000b') }, 'line_items[0][price_data][product_data][name]'],
    ['a line break in an item name', { line_items: item('Plan\nB') }, 'line_items[0][price_data][product_data][name]'],
    ['a tab in the customer name', { customer: customer('Asha\tVerma') }, 'customer[name]'],
    ['a broken surrogate in the customer name', { customer: customer('a\ud800b') }, 'customer[name]'],
    ['a tab inside success_url', { success_url: 'http://localhost:3000/do\tne' }, 'success_url'],
    ['a line break inside return_url', { success_url: undefined, return_url: 'http://localhost:3000/\nback' }, 'return_url'],
    ['a CR inside cancel_url', { cancel_url: 'http://local\rhost:3000/no' }, 'cancel_url'],
  ])('%s', async (_name, overrides, param) => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, paymentBody(overrides)), 400)
    expect(error.param).toBe(param)
    expect(error.message).toMatch(/must not contain control characters|must be valid Unicode text/)
  })

  it('still takes tabs and line breaks in the description and metadata values', async () => {
    const { app } = buildTestApp()
    const session = await createSession(app, paymentBody({ description: 'Line one\n\tLine two', metadata: { note: 'a\r\nb' } }))
    expect(session.description).toBe('Line one\n\tLine two')
    expect(session.metadata['note']).toBe('a\r\nb')
  })
})

describe('return URLs kept in the parsed URL’s normalised form, not as sent', () => {
  it.each([
    ['HTTP://LOCALHOST:3000/Done?x=1', 'http://localhost:3000/Done?x=1'],
    ['http://localhost:3000', 'http://localhost:3000/'],
    ['http://localhost:80/a/../b', 'http://localhost/b'],
    ['http://localhost:3000/a b', 'http://localhost:3000/a%20b'],
  ])('%s is kept as %s', async (sent, normalised) => {
    const { app } = buildTestApp()
    const session = await createSession(app, paymentBody({ success_url: sent, cancel_url: sent }))
    expect(session.success_url).toBe(normalised)
    expect(session.cancel_url).toBe(normalised)
  })
})

describe('POST /v1/checkout/sessions errors', () => {
  const documented: [name: string, body: Record<string, unknown>, message: string, param: string][] = [
    ['mode missing', paymentBody({ mode: undefined }), 'mode required', 'mode'],
    ['amount differs from the items', paymentBody({ amount: 100 }), 'amount not equals to item lines', 'amount'],
    ['subscription without subscription_data', subscriptionBody({ subscription_data: undefined }), 'subscription_data required', 'subscription_data'],
    ['currency other than INR', paymentBody({ currency: 'USD' }), 'Only INR', 'currency'],
    ['subscription without a recurring price', subscriptionBody({ line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'x' } } }] }), 'recurring price', 'line_items'],
    ['expires_at too soon', paymentBody({ expires_at: FIXED_NOW_SECONDS + 60 }), '30 minutes and 24 hours', 'expires_at'],
    ['expires_at too late', paymentBody({ expires_at: FIXED_NOW_SECONDS + 25 * 3600 }), '30 minutes and 24 hours', 'expires_at'],
    ['return host not allowed', paymentBody({ success_url: 'https://attacker.example/' }), 'not an allowed return host', 'success_url'],
    ['unknown payment method', paymentBody({ payment_method_types: ['card'] }), 'Invalid payment_method_types[0]', 'payment_method_types[0]'],
  ]
  it.each(documented)('%s → 400', async (_name, body, message, param) => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, body), 400)
    expect(error.type).toBe('invalid_request_error')
    expect(error.message).toContain(message)
    expect(error.param).toBe(param)
  })

  const authCases: [name: string, header: string | null, code: string][] = [
    ['no Authorization header', null, 'api_key_missing'],
    ['Basic instead of Bearer', `Basic ${Buffer.from(`${DEMO_API_KEY}:`).toString('base64')}`, 'authorization_malformed'],
    ['Bearer without a key', 'Bearer ', 'authorization_malformed'],
    ['Bearer with two words', `Bearer ${DEMO_API_KEY} extra`, 'authorization_malformed'],
    ['unknown key', 'Bearer not_a_real_key', 'api_key_invalid'],
    ['key in the wrong case', `Bearer ${DEMO_API_KEY.toUpperCase()}`, 'api_key_invalid'],
  ]
  it.each(authCases)('%s → 401', async (_name, header, code) => {
    const sandbox = buildTestApp()
    const headers: Record<string, string> = header === null ? {} : { authorization: header }
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, paymentBody(), { apiKey: null, headers }), 401)
    expect(error).toMatchObject({ type: 'authentication_error', code })
  })

  it('checks the key before reading the body', async () => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, null, { apiKey: null, rawBody: '{oops' }), 401)
    expect(error.code).toBe('api_key_missing')
  })

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form encoding', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', { 'content-type': '' }],
    ['a JSON look-alike', { 'content-type': 'application/jsonp' }],
  ])('%s → 415', async (_name, headers) => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, paymentBody(), { headers }), 415)
    expect(error.code).toBe('unsupported_media_type')
  })

  it('accepts a charset on the JSON content type', async () => {
    const { app } = buildTestApp()
    const res = await postSession(app, paymentBody(), { headers: { 'content-type': 'application/json; charset=utf-8' } })
    expect(res.status).toBe(200)
  })

  it.each([
    ['a trailing comma', '{"mode": "payment",}'],
    ['truncated JSON', '{"mode": "pay'],
    ['an empty body', ''],
    ['invalid UTF-8', '\udc00'],
  ])('%s → 400 invalid_json', async (_name, rawBody) => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, null, { rawBody }), 400)
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' })
  })

  it('answers JSON that is not an object with 400', async () => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, [1, 2]), 400)
    expect(error.message).toBe('The request body must be a JSON object.')
  })

  it.each([
    ['arrays', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
    ['objects in metadata', `{"metadata":${'{"a":'.repeat(9_000)}1${'}'.repeat(9_001)}`],
  ])('answers deeply nested %s with 400, not a crash', async (_name, rawBody) => {
    const sandbox = buildTestApp()
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, null, { rawBody }), 400)
    expect(error.type).toBe('invalid_request_error')
  })

  it('refuses a body above 64 KB', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody({ description: 'x'.repeat(MAX_BODY_BYTES) })
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, body), 413)
    expect(error.code).toBe('body_too_large')
  })

  it('refuses a declared Content-Length above 64 KB before reading', async () => {
    const sandbox = buildTestApp()
    const headers = { 'content-length': String(MAX_BODY_BYTES + 1) }
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, paymentBody(), { headers }), 413)
    expect(error.code).toBe('body_too_large')
  })

  it('counts bytes, not characters', async () => {
    const sandbox = buildTestApp()
    // 22,000 three-byte characters are 66 KB of UTF-8 but only 22,000 UTF-16 units.
    const body = paymentBody({ description: '₹'.repeat(22_000) })
    await expectRejected(sandbox, () => postSession(sandbox.app, body), 413)
  })

  it('accepts a body just under 64 KB as far as size goes', async () => {
    const sandbox = buildTestApp()
    const base = JSON.stringify(paymentBody({ metadata: { pad: '' } }))
    const padding = MAX_BODY_BYTES - Buffer.byteLength(base) - 1
    const rawBody = base.replace('"pad":""', `"pad":"${'x'.repeat(padding)}"`)
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, null, { rawBody }), 400)
    expect(error.param).toBe('metadata[pad]')
  })
})

describe('idempotency on merchant_order_id', () => {
  it('replays the same session for the same body', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody()
    const first = await createSession(sandbox.app, body)
    const again = await createSession(sandbox.app, body)
    expect(again).toEqual(first)
    expect(await sandbox.store.size()).toBe(1)
  })

  it('treats another spelling of the same request as the same request', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody({ amount: 99.99, currency: 'INR' })
    const first = await createSession(sandbox.app, body)
    const respelled = Object.fromEntries(Object.entries({ ...body, amount: '99.99', currency: 'inr' }).reverse())
    const again = await createSession(sandbox.app, respelled)
    expect(again.id).toBe(first.id)
    expect(await sandbox.store.size()).toBe(1)
  })

  it('refuses a different body under the same merchant_order_id', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody()
    await createSession(sandbox.app, body)
    const changed = { ...body, metadata: { plan: 'other' } }
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, changed), 400)
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'idempotency_conflict', param: 'merchant_order_id' })
  })

  it('treats merchant_order_id case-insensitively, as the store does', async () => {
    const sandbox = buildTestApp()
    await createSession(sandbox.app, paymentBody({ merchant_order_id: 'Order_A' }))
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, paymentBody({ merchant_order_id: 'order_a' })), 400)
    expect(error.code).toBe('idempotency_conflict')
  })

  it('replays even after the clock has left the expires_at window', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody({ expires_at: FIXED_NOW_SECONDS + 1800 })
    const first = await createSession(sandbox.app, body)
    sandbox.clock.advance(10 * 60 * 1000)
    const again = await createSession(sandbox.app, body)
    expect(again.id).toBe(first.id)
  })

  it('keeps merchants apart: the same merchant_order_id is free for another merchant', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody({ payment_method_types: undefined })
    const mine = await createSession(sandbox.app, body)
    const res = await postSession(sandbox.app, body, { apiKey: OTHER_API_KEY })
    expect(res.status).toBe(400)
    expect((await readError(res)).error.code).toBe('url_not_allowed')
    const theirs = await readSession(
      await postSession(sandbox.app, { ...body, success_url: 'http://localhost:8080/ok', cancel_url: undefined }, { apiKey: OTHER_API_KEY }),
    )
    expect(theirs.id).not.toBe(mine.id)
    expect(await sandbox.store.size()).toBe(2)
  })
})

describe('GET /v1/checkout/sessions/:id', () => {
  it('returns the session with its client secret to its merchant', async () => {
    const { app } = buildTestApp()
    const created = await createSession(app, paymentBody())
    const res = await getSession(app, created.id)
    expect(res.status).toBe(200)
    expect(await readSession(res)).toEqual(created)
  })

  it("answers another merchant's session like a missing one", async () => {
    const { app } = buildTestApp()
    const created = await createSession(app, paymentBody())
    const theirs = await getSession(app, created.id, OTHER_API_KEY)
    const missing = await getSession(app, 'cs_AAAAAAAAAAAAAAAAAAAAAAAA', OTHER_API_KEY)
    expect(theirs.status).toBe(404)
    expect(missing.status).toBe(404)
    expect(await readError(theirs)).toEqual(await readError(missing))
  })

  it.each(['cs_short', 'ordeh_0123456789abcdef0123456789abcdef', '%3Cscript%3E'])('answers a malformed id %s with 404', async (id) => {
    const { app } = buildTestApp()
    const res = await getSession(app, id)
    expect(res.status).toBe(404)
    expect((await readError(res)).error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' })
  })

  it('needs the API key', async () => {
    const { app } = buildTestApp()
    const created = await createSession(app, paymentBody())
    const res = await app.request(`/v1/checkout/sessions/${created.id}`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toContain('Bearer')
  })

  it('reports expiry as the clock moves, without an error', async () => {
    const sandbox = buildTestApp()
    const created = await createSession(sandbox.app, paymentBody({ expires_at: FIXED_NOW_SECONDS + 3600 }))

    sandbox.clock.advance(HOUR_MS - 1000)
    expect((await readSession(await getSession(sandbox.app, created.id))).status).toBe('open')

    sandbox.clock.advance(1000)
    const expired = await readSession(await getSession(sandbox.app, created.id))
    expect(expired).toMatchObject({ status: 'expired', payment_status: 'unpaid' })
    expect((await lookup(sandbox, created.client_secret)).state).toBe('expired')
  })

  it('reports a charged order as complete and paid', async () => {
    const sandbox = buildTestApp()
    const created = await createSession(sandbox.app, paymentBody())
    const order = await sandbox.store.orderByCheckoutSessionId(created.id)
    if (!order) throw new Error('session not stored')
    await sandbox.store.updateOrder({ ...order, status: 'CHARGED' })
    const read = await readSession(await getSession(sandbox.app, created.id))
    expect(read).toMatchObject({ status: 'complete', payment_status: 'paid' })
  })
})

describe('methods and paths', () => {
  it.each([
    ['GET', '/v1/checkout/sessions', 'POST'],
    ['PUT', '/v1/checkout/sessions', 'POST'],
    ['DELETE', '/v1/checkout/sessions/cs_AAAAAAAAAAAAAAAAAAAAAAAA', 'GET'],
    ['POST', '/v1/checkout/sessions/cs_AAAAAAAAAAAAAAAAAAAAAAAA', 'GET'],
    ['PATCH', '/v1/checkout/sessions/cs_AAAAAAAAAAAAAAAAAAAAAAAA', 'GET'],
  ])('%s %s → 405', async (method, path, allow) => {
    const sandbox = buildTestApp()
    const error = await expectRejected(
      sandbox,
      () => Promise.resolve(sandbox.app.request(path, { method, headers: { authorization: `Bearer ${DEMO_API_KEY}` } })),
      405,
    )
    expect(error.code).toBe('method_not_allowed')
    const res = await sandbox.app.request(path, { method })
    expect(res.headers.get('allow')).toBe(allow)
  })

  it('answers an unknown path under /v1/checkout with 404 in the envelope', async () => {
    const { app } = buildTestApp()
    const res = await app.request('/v1/checkout/nothing-here')
    expect(res.status).toBe(404)
    expect((await readError(res)).error.code).toBe('resource_missing')
  })
})

describe('refusals word for word (docs/domain/checkout-session.md#errors)', () => {
  it.each<[string, string | null, string, string]>([
    ['no Authorization header', null, 'api_key_missing', 'Send your API key as Authorization: Bearer <api key>.'],
    ['Basic instead of Bearer', `Basic ${Buffer.from(`${DEMO_API_KEY}:`).toString('base64')}`, 'authorization_malformed', 'The Authorization header must be Bearer <api key>.'],
    ['an unknown key', 'Bearer not_a_real_key', 'api_key_invalid', 'The API key is not valid.'],
  ])('%s: 401 naming the Bearer scheme', async (_name, header, code, message) => {
    const { app } = buildTestApp()
    const res = await postSession(app, paymentBody(), { apiKey: null, headers: header === null ? {} : { authorization: header } })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mandate-checkout"')
    expect((await readError(res)).error).toStrictEqual({ type: 'authentication_error', code, message })
  })

  it('a session that is not there names the id', async () => {
    const { app } = buildTestApp()
    expect((await readError(await getSession(app, 'cs_AAAAAAAAAAAAAAAAAAAAAAAA'))).error).toStrictEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: 'No such checkout session.',
      param: 'id',
    })
  })

  it('a method a path does not take, with the one it does', async () => {
    const { app } = buildTestApp()
    const res = await app.request('/v1/checkout/sessions', { method: 'PUT', headers: { authorization: `Bearer ${DEMO_API_KEY}` } })
    expect((await readError(res)).error).toStrictEqual({ type: 'invalid_request_error', code: 'method_not_allowed', message: 'PUT is not allowed here; use POST.' })
  })

  it('a merchant_order_id used with another body, naming it', async () => {
    const sandbox = buildTestApp()
    const body = paymentBody({ merchant_order_id: 'order_conflict_1' })
    await createSession(sandbox.app, body)
    const error = await expectRejected(sandbox, () => postSession(sandbox.app, { ...body, description: 'Another mat' }), 400)
    expect(error).toStrictEqual({
      type: 'invalid_request_error',
      code: 'idempotency_conflict',
      message: 'merchant_order_id order_conflict_1 was already used with a different request. Send the same body to get the same session, or use a new merchant_order_id.',
      param: 'merchant_order_id',
    })
  })

  it('an unknown path under /v1/checkout', async () => {
    const { app } = buildTestApp()
    expect((await readError(await app.request('/v1/checkout/nothing-here'))).error).toStrictEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: 'No such checkout session.',
      param: 'id',
    })
  })
})
