import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { StartAttempt } from '../../contract/attempt'
import type { Order } from '../domain/order'
import { createOrder, type OrderDraft } from '../domain/orders'
import { MAX_BODY_BYTES } from '../http/body-limit'
import { orderBilling, orderDraft } from '../testing/fixtures'
import { qaSandbox } from '../testing/qa-sandbox'

/** The plain order these tests were written against: no refund, a bare return URL. */
const PLAIN: Partial<OrderDraft> = {
  fingerprint: 'f',
  description: 'Plan',
  returnUrl: 'https://shop.merchant.com',
  metadata: {},
}


const NOW = new Date('2026-11-25T10:00:00.000Z')
const intent: StartAttempt = { rail: 'upi', channel: 'intent', setUpMandate: true }

const basic = (credentials: string): string => `Basic ${Buffer.from(credentials).toString('base64')}`
const DEMO = basic('demo_api_key:')
const OTHER = basic('other_api_key:')

const JuspayErrorBody = z.object({
  status: z.string(),
  error_code: z.string(),
  error_message: z.string(),
  error_info: z.object({
    code: z.string(),
    category: z.literal('USER_ERROR'),
    user_message: z.string(),
    developer_message: z.string(),
    request_id: z.string(),
    fields: z.array(z.object({ field_name: z.string(), reason: z.string() })),
  }),
})
const DecisionBody = z.strictObject({
  order_id: z.string(),
  attempt: z.strictObject({ number: z.int(), status: z.string(), failure_reason: z.string().nullable() }),
  status: z.string(),
  status_id: z.int(),
})
const WebhooksBody = z.strictObject({
  order_id: z.string(),
  webhooks: z.array(
    z.object({ id: z.string(), event_name: z.string(), status: z.string(), url: z.string().nullable(), refusal: z.string().optional() }),
  ),
})

function setup() {
  const { app, deps, store, merchants, attempts, webhooks, request } = qaSandbox(NOW)

  let n = 0
  const order = async (overrides: Partial<OrderDraft> = {}): Promise<Order> => {
    n += 1
    const created = await createOrder(deps, orderDraft(deps.clock.now(), { orderId: `qa-${n}`, ...PLAIN, ...overrides }))
    if (created.kind !== 'created') throw new Error('order not created')
    return created.order
  }
  const pending = async (overrides: Partial<OrderDraft> = {}): Promise<Order> => {
    const o = await order(overrides)
    const merchant = merchants.byId(o.merchantId)
    if (!merchant) throw new Error('merchant missing')
    const started = await attempts.start(o, merchant, intent, `k-${o.orderId}`)
    if (!started.ok) throw new Error(started.error)
    return started.order
  }
  /** Everything a QA request could change, to check that a refused one changed nothing. */
  const snapshot = async (orders: readonly Order[]) => ({
    size: await store.size(),
    orders: await Promise.all(orders.map((o) => store.orderById(o.id))),
    webhooks: await Promise.all(orders.map((o) => webhooks.deliveriesFor(o.merchantId, o.orderId))),
  })
  return { app, deps, store, attempts, webhooks, order, pending, request, snapshot }
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = JuspayErrorBody.parse(await response.json())
  expect(body.error_info.code).toBe(code)
  return body
}

describe('POST /sandbox/orders/:orderId/attempt/{approve,decline,expire}', () => {
  it.each([
    ['approve', 'succeeded', null, 'CHARGED', 21],
    ['decline', 'failed', 'declined_by_customer', 'AUTHORIZATION_FAILED', 27],
    ['expire', 'expired', 'approval_window_expired', 'AUTHENTICATION_FAILED', 26],
  ])('%s decides the pending attempt', async (action, attemptStatus, reason, status, statusId) => {
    const s = setup()
    const o = await s.pending()
    const response = await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/${action}`)
    expect(response.status).toBe(200)
    expect(DecisionBody.parse(await response.json())).toEqual({
      order_id: o.orderId,
      attempt: { number: 1, status: attemptStatus, failure_reason: reason },
      status,
      status_id: statusId,
    })
    expect((await s.store.orderById(o.id))?.status).toBe(status)
  })

  it('approve records the payer VPA it is given', async () => {
    const s = setup()
    const o = await s.pending()
    const response = await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '{"payer_vpa":"asha@okaxis"}' })
    expect(response.status).toBe(200)
    expect((await s.store.orderById(o.id))?.attempts[0]).toMatchObject({ rail: 'upi', payerVpa: 'asha@okaxis' })
  })

  it('accepts an empty JSON object, a charset, and the API key without a colon', async () => {
    const s = setup()
    const a = await s.pending()
    const b = await s.pending()
    const first = await s.request('POST', `/sandbox/orders/${a.orderId}/attempt/decline`, { body: '{}', type: 'application/json; charset=utf-8' })
    expect(first.status).toBe(200)
    const second = await s.request('POST', `/sandbox/orders/${b.orderId}/attempt/approve`, { auth: basic('demo_api_key') })
    expect(second.status).toBe(200)
  })

  it('finds the order id case-insensitively, as order creation does', async () => {
    const s = setup()
    const o = await s.pending({ orderId: 'Mixed-Case' })
    const response = await s.request('POST', '/sandbox/orders/mixed-case/attempt/approve')
    expect(response.status).toBe(200)
    expect(DecisionBody.parse(await response.json()).order_id).toBe('Mixed-Case')
    expect((await s.store.orderById(o.id))?.status).toBe('CHARGED')
  })

  const refusals: [string, (s: ReturnType<typeof setup>, o: Order) => Promise<Response>, number, string][] = [
    ['no Authorization header', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { auth: null }), 401, 'UNAUTHENTICATED'],
    ['a Bearer header', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { auth: 'Bearer demo_api_key' }), 401, 'UNAUTHENTICATED'],
    ['a wrong API key', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { auth: basic('nope_api_key:') }), 401, 'UNAUTHENTICATED'],
    ["another merchant's key", (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { auth: OTHER }), 404, 'RESOURCE_NOT_FOUND'],
    ['an unknown order id', (s) => s.request('POST', '/sandbox/orders/nope/attempt/decline'), 404, 'RESOURCE_NOT_FOUND'],
    ['malformed JSON', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '{"payer_vpa":' }), 400, 'INVALID_INPUT'],
    ['a JSON array', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '[]' }), 400, 'INVALID_INPUT'],
    ['an invalid VPA', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '{"payer_vpa":"not a vpa"}' }), 400, 'INVALID_INPUT'],
    ['a VPA that is not a string', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '{"payer_vpa":7}' }), 400, 'INVALID_INPUT'],
    ['an unknown field', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/decline`, { body: '{"reason":"x"}' }), 400, 'INVALID_INPUT'],
    ['a form body', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: 'payer_vpa=a@b', type: 'application/x-www-form-urlencoded' }), 415, 'INVALID_INPUT'],
    ['a text/plain body', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '{}', type: 'text/plain' }), 415, 'INVALID_INPUT'],
    [
      'a body over 64 KB',
      (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: JSON.stringify({ payer_vpa: 'a'.repeat(MAX_BODY_BYTES) }) }),
      413,
      'INVALID_INPUT',
    ],
    ['GET', (s, o) => s.request('GET', `/sandbox/orders/${o.orderId}/attempt/approve`), 405, 'INVALID_INPUT'],
    ['DELETE', (s, o) => s.request('DELETE', `/sandbox/orders/${o.orderId}/attempt/expire`), 405, 'INVALID_INPUT'],
  ]

  it.each(refusals)('refuses %s and changes nothing', async (_name, act, status, code) => {
    const s = setup()
    const o = await s.pending()
    const before = await s.snapshot([o])
    await expectError(await act(s, o), status, code)
    expect(await s.snapshot([o])).toEqual(before)
  })

  it('names the offending field of a bad body', async () => {
    const s = setup()
    const o = await s.pending()
    const response = await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`, { body: '{"payer_vpa":"x","extra":1}' })
    const body = await expectError(response, 400, 'INVALID_INPUT')
    expect(body.error_info.fields.map((f) => f.field_name).sort()).toEqual(['extra', 'payer_vpa'])
  })

  it('refuses a streamed body over 64 KB without a Content-Length', async () => {
    const s = setup()
    const o = await s.pending()
    const before = await s.snapshot([o])
    const chunk = new TextEncoder().encode(`{"payer_vpa":"${'a'.repeat(MAX_BODY_BYTES)}"}`)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk)
        controller.close()
      },
    })
    // Node needs duplex for a streamed request body; the DOM typings do not know it.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { authorization: DEMO, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    }
    const request = new Request(`http://localhost/sandbox/orders/${o.orderId}/attempt/approve`, init)
    await expectError(await Promise.resolve(s.app.request(request)), 413, 'INVALID_INPUT')
    expect(await s.snapshot([o])).toEqual(before)
  })

  it.each([
    ['GET', '/attempt/approve', 'POST'],
    ['PATCH', '/attempt/decline', 'POST'],
    ['DELETE', '/attempt/expire', 'POST'],
    ['GET', '/expire', 'POST'],
    ['HEAD', '/expire', 'POST'],
    ['POST', '/webhooks', 'GET, HEAD'],
    ['PROPFIND', '/webhooks', 'GET, HEAD'],
  ])('answers %s on the order%s with 405 and Allow: %s, acting on nothing', async (method, suffix, allow) => {
    const s = setup()
    const o = await s.pending()
    const before = await s.snapshot([o])
    const response = await s.request(method, `/sandbox/orders/${o.orderId}${suffix}`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
    if (method !== 'HEAD') await expectError(response, 405, 'INVALID_INPUT')
    expect(await s.snapshot([o])).toEqual(before)
  })

  it.each(['GET', 'PUT'])('answers %s /sandbox/reset with 405 and Allow: POST', async (method) => {
    const response = await setup().request(method, '/sandbox/reset')
    await expectError(response, 405, 'INVALID_INPUT')
    expect(response.headers.get('allow')).toBe('POST')
  })

  it('answers a path it does not have with 404 whatever the method', async () => {
    await expectError(await setup().request('PUT', '/sandbox/orders/x/attempt/approve/now'), 404, 'RESOURCE_NOT_FOUND')
  })

  it('answers 405 with an Allow header', async () => {
    const s = setup()
    const o = await s.pending()
    const response = await s.request('PUT', `/sandbox/orders/${o.orderId}/attempt/approve`)
    await expectError(response, 405, 'INVALID_INPUT')
    expect(response.headers.get('allow')).toBe('POST')
  })

  it.each([
    ['an order with no attempt', (s: ReturnType<typeof setup>) => s.order()],
    [
      'an order whose attempt is already decided',
      async (s: ReturnType<typeof setup>) => {
        const o = await s.pending()
        const decided = await s.attempts.decide(o, { type: 'approve' })
        return decided.order
      },
    ],
  ])('answers 409 for %s and changes nothing', async (_name, make) => {
    const s = setup()
    const o = await make(s)
    const before = await s.snapshot([o])
    const body = await expectError(await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`), 409, 'INVALID_ACTION')
    expect(body.error_message).toBe('No attempt is waiting for approval on this order')
    expect(await s.snapshot([o])).toEqual(before)
  })
})

describe('GET /sandbox/orders/:orderId/webhooks', () => {
  it('lists what was (or would have been) sent, in send order', async () => {
    const s = setup()
    const o = await s.pending()
    await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`)
    const response = await s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`)
    expect(response.status).toBe(200)
    const body = WebhooksBody.parse(await response.json())
    expect(body.order_id).toBe(o.orderId)
    expect(body.webhooks.map((w) => [w.event_name, w.status, w.url])).toEqual([
      ['TXN_CREATED', 'not_sent', null],
      ['MANDATE_CREATED', 'not_sent', null],
      ['MANDATE_ACTIVATED', 'not_sent', null],
      ['ORDER_SUCCEEDED', 'not_sent', null],
    ])
    expect(body.webhooks.every((w) => /^evt_V2_[0-9a-f]{32}$/.test(w.id))).toBe(true)
  })

  it('shows a refused target as refused, with the reason, and sends it nothing', async () => {
    const s = setup()
    const o = await s.pending({ metadata: { webhook_url: 'http://169.254.169.254/latest/meta-data' } })
    await s.webhooks.idle()
    const response = await s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`)
    const body = WebhooksBody.parse(await response.json())
    const reason = "host 169.254.169.254 is not on this merchant's webhook allow-list"
    expect(body.webhooks.map((w) => [w.event_name, w.status, w.url, w.refusal])).toEqual([
      ['TXN_CREATED', 'refused', 'http://169.254.169.254/latest/meta-data', reason],
      ['MANDATE_CREATED', 'refused', 'http://169.254.169.254/latest/meta-data', reason],
    ])
  })

  it('answers an empty list for an order without events', async () => {
    const s = setup()
    const o = await s.order()
    const response = await s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`)
    expect(WebhooksBody.parse(await response.json())).toEqual({ order_id: o.orderId, webhooks: [] })
  })

  it.each<[string, (s: ReturnType<typeof setup>, o: Order) => Promise<Response>, number, string]>([
    ['no auth', (s, o) => s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`, { auth: null }), 401, 'UNAUTHENTICATED'],
    ['a wrong key', (s, o) => s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`, { auth: basic('wrong_key_1:') }), 401, 'UNAUTHENTICATED'],
    ["another merchant's order", (s, o) => s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`, { auth: OTHER }), 404, 'RESOURCE_NOT_FOUND'],
    ['an unknown order', (s) => s.request('GET', '/sandbox/orders/missing/webhooks'), 404, 'RESOURCE_NOT_FOUND'],
    ['POST', (s, o) => s.request('POST', `/sandbox/orders/${o.orderId}/webhooks`), 405, 'INVALID_INPUT'],
  ])('refuses %s', async (_name, act, status, code) => {
    const s = setup()
    const o = await s.pending()
    const before = await s.snapshot([o])
    await expectError(await act(s, o), status, code)
    expect(await s.snapshot([o])).toEqual(before)
  })
})

describe('POST /sandbox/reset', () => {
  it('clears the calling merchant\'s orders, attempts and webhook records, and only theirs', async () => {
    const s = setup()
    const o = await s.pending()
    const theirs = await s.order({ merchantId: 'other_merchant', orderId: 'theirs' })
    const response = await s.request('POST', '/sandbox/reset')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ reset: true })
    expect(await s.store.size()).toBe(1)
    expect(await s.store.orderById(o.id)).toBeUndefined()
    expect(await s.store.orderById(theirs.id)).toEqual(theirs)
    expect(await s.webhooks.deliveriesFor(o.merchantId, o.orderId)).toEqual([])
    await expectError(await s.request('GET', `/sandbox/orders/${o.orderId}/webhooks`), 404, 'RESOURCE_NOT_FOUND')
  })

  it('forgets the subscriptions that registrations started', async () => {
    const s = setup()
    const customer = { id: 'cust-42', email: null, phone: null, firstName: null, lastName: null }
    const o = await s.pending({ billing: orderBilling(), customer })
    expect((await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`)).status).toBe(200)
    expect(await s.store.subscriptionsOf(o.merchantId, 'cust-42')).toHaveLength(1)
    await s.request('POST', '/sandbox/reset')
    expect(await s.store.subscriptionsOf(o.merchantId, 'cust-42')).toEqual([])
  })

  it('lets the sandbox work normally afterwards', async () => {
    const s = setup()
    await s.request('POST', '/sandbox/reset')
    const o = await s.pending()
    expect((await s.request('POST', `/sandbox/orders/${o.orderId}/attempt/approve`)).status).toBe(200)
  })

  it.each<[string, (s: ReturnType<typeof setup>) => Promise<Response>, number, string]>([
    ['no auth', (s) => s.request('POST', '/sandbox/reset', { auth: null }), 401, 'UNAUTHENTICATED'],
    ['a wrong key', (s) => s.request('POST', '/sandbox/reset', { auth: basic('wrong_key_1:') }), 401, 'UNAUTHENTICATED'],
    ['GET', (s) => s.request('GET', '/sandbox/reset'), 405, 'INVALID_INPUT'],
  ])('refuses %s and keeps everything', async (_name, act, status, code) => {
    const s = setup()
    const o = await s.pending()
    const before = await s.snapshot([o])
    await expectError(await act(s), status, code)
    expect(await s.snapshot([o])).toEqual(before)
    expect(await s.store.size()).toBe(1)
  })
})

describe('POST /sandbox/orders/:orderId/expire (session)', () => {
  it('still ends the session link', async () => {
    const s = setup()
    const o = await s.order()
    const response = await s.request('POST', `/sandbox/orders/${o.orderId}/expire`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ order_id: o.orderId, expired_at: NOW.toISOString() })
    expect((await s.store.orderById(o.id))?.expiresAt).toBe(NOW.toISOString())
  })

  it("does not touch another merchant's order", async () => {
    const s = setup()
    const o = await s.order()
    const before = await s.snapshot([o])
    await expectError(await s.request('POST', `/sandbox/orders/${o.orderId}/expire`, { auth: OTHER }), 404, 'RESOURCE_NOT_FOUND')
    expect(await s.snapshot([o])).toEqual(before)
  })
})
