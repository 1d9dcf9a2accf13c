import { createHmac } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { CheckoutError, JuspayError, PluralError, ZenskarError } from '../../contract/errors'
import { SessionView } from '../../contract/session'
import { createApp, sandboxCore } from '../app'
import { MovableClock } from '../domain/clock'
import type { DialectId, EdgeError, EdgeErrorStatus } from './dialect'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { TEST_NOW } from '../testing/fixtures'

/**
 * Each merchant API dialect, through the one interface the rest of the sandbox calls
 * (sandbox/dialects/dialect.ts), and the behaviour that interface carries through the whole app.
 */

const basic = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`
const bearer = (apiKey: string) => `Bearer ${apiKey}`

function sandbox(qaEnabled = true) {
  const store = new MemoryStore()
  const deps = {
    store,
    clock: new MovableClock({ now: () => TEST_NOW }),
    merchants: loadMerchants(DEFAULT_MERCHANTS_FILE),
    log: silentLogger,
    publicOrigin: 'http://127.0.0.1:4000',
    qaEnabled,
  }
  const core = sandboxCore(deps)
  const app = createApp(deps, { templates: null, staticDir: null, core })
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init))
  return { app, deps, store, request, dialects: core.dialects }
}

/** Answers one request with whatever `respond` makes of its context. */
async function answer(respond: (c: Context) => Response): Promise<Response> {
  const app = new Hono()
  app.all('*', respond)
  return app.request('/anything', { headers: {} })
}

/** What each dialect's envelope says: its code and message, and the field it blames first. */
const read: Record<DialectId, (body: unknown) => { code: string; message: string; field: string | null }> = {
  juspay: (body) => {
    const e = JuspayError.parse(body)
    return { code: e.error_info.code, message: e.error_message, field: e.error_info.fields[0]?.field_name ?? null }
  },
  checkout: (body) => {
    const e = CheckoutError.parse(body).error
    return { code: e.code, message: e.message, field: e.param ?? null }
  },
  zenskar: (body) => ZenskarError.parse(body).error,
  // Plural's envelope has no field of its own: the message names it, "… (field reason)".
  plural: (body) => {
    const e = PluralError.parse(body)
    const named = /^(.*) \((\S+) [^)]*\)$/.exec(e.response_message)
    return { code: String(e.response_code), message: named?.[1] ?? e.response_message, field: named?.[2] ?? null }
  },
}

const EDGE_CODES: Record<DialectId, Record<EdgeErrorStatus, string>> = {
  juspay: {
    400: 'INVALID_INPUT',
    401: 'UNAUTHENTICATED',
    403: 'BAD_ORIGIN',
    404: 'RESOURCE_NOT_FOUND',
    405: 'INVALID_INPUT',
    409: 'INVALID_ACTION',
    413: 'INVALID_INPUT',
    415: 'INVALID_INPUT',
    429: 'TOO_MANY_REQUESTS',
    503: 'INTERNAL_ERROR',
  },
  checkout: {
    400: 'parameter_invalid',
    401: 'api_key_invalid',
    403: 'origin_not_allowed',
    404: 'resource_missing',
    405: 'method_not_allowed',
    409: 'unexpected_state',
    413: 'body_too_large',
    415: 'unsupported_media_type',
    429: 'rate_limit',
    503: 'service_unavailable',
  },
  zenskar: {
    400: 'field_invalid',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'body_too_large',
    415: 'unsupported_media_type',
    429: 'rate_limited',
    503: 'service_unavailable',
  },
  plural: {
    400: '12400',
    401: '12401',
    403: '12403',
    404: '12410',
    405: '12405',
    409: '12409',
    413: '12413',
    415: '12415',
    429: '12429',
    503: '12503',
  },
}

const DIALECT_IDS: readonly DialectId[] = sandbox().dialects.all().map((dialect) => dialect.id)
const STATUSES: readonly EdgeErrorStatus[] = [400, 401, 403, 404, 405, 409, 413, 415, 429, 503]

describe('Dialect.error', () => {
  it.each(DIALECT_IDS.flatMap((id) => STATUSES.map((status) => [id, status] as const)))('%s answers a %i in its envelope', async (id, status) => {
    const dialect = sandbox().dialects.byId(id)
    const error: EdgeError = { status, message: 'Something is off.', fields: [{ name: 'payer_vpa', reason: 'is wrong' }] }
    const res = await answer((c) => dialect.error(c, error))
    expect(res.status).toBe(status)
    expect(read[id](await res.json())).toEqual({ code: EDGE_CODES[id][status], message: 'Something is off.', field: 'payer_vpa' })
  })
})

describe('Dialect.authenticate', () => {
  const headers: Record<DialectId, (apiKey: string) => Record<string, string>> = {
    juspay: (key) => ({ authorization: basic(key) }),
    checkout: (key) => ({ authorization: bearer(key) }),
    zenskar: (key) => ({ 'x-api-key': key }),
    plural: (key) => ({ authorization: bearer(key) }),
  }
  it.each(DIALECT_IDS)('%s knows the demo merchant by its key and refuses anything else in its envelope', async (id) => {
    const dialect = sandbox().dialects.byId(id)
    const withKey = async (sent: Record<string, string>) => {
      const app = new Hono()
      let merchant: string | null = null
      app.get('/', (c) => {
        const auth = dialect.authenticate(c)
        if (!auth.ok) return auth.response
        merchant = auth.merchant.id
        return c.text('ok')
      })
      const res = await app.request('/', { headers: sent })
      return { res, merchant }
    }
    expect((await withKey(headers[id]('demo_api_key'))).merchant).toBe('demo_merchant')
    expect((await withKey(headers[id]('other_api_key'))).merchant).toBe('other_merchant')
    const otherScheme = { authorization: id === 'juspay' ? bearer('demo_api_key') : basic('demo_api_key') }
    for (const refused of [{}, headers[id]('nope'), otherScheme]) {
      const { res, merchant } = await withKey(refused)
      expect(merchant).toBeNull()
      expect(res.status).toBe(401)
      expect(read[id](await res.json()).code).toMatch(/^(UNAUTHENTICATED|api_key_missing|api_key_invalid|authorization_malformed|unauthorized|12401)$/)
    }
  })
})

describe('a path no route matches', () => {
  it.each<[string, boolean, number, string, DialectId | 'text']>([
    ['/session/x', true, 404, 'No such endpoint.', 'juspay'],
    ['/orders/a/b/c', true, 404, 'No such endpoint.', 'juspay'],
    ['/v1', true, 404, 'Unrecognised request URL.', 'checkout'],
    ['/v1/payments', true, 404, 'Unrecognised request URL.', 'checkout'],
    ['/v1/checkout/x/y', true, 404, 'No such checkout session.', 'checkout'],
    ['/checkouts/a/b', true, 404, 'No such checkout.', 'zenskar'],
    ['/api/v1/upi/x', true, 404, 'No such subscription or endpoint.', 'plural'],
    ['/api/v1/upi/subscription/v1-sub-0/x', true, 404, 'No such subscription or endpoint.', 'plural'],
    ['/demo/api/x', true, 404, 'No such endpoint.', 'juspay'],
    ['/sandbox/x', true, 404, 'No such QA endpoint.', 'juspay'],
    ['/sandbox/x', false, 404, 'No such endpoint.', 'juspay'],
    ['/sessions', true, 404, 'Not found.', 'text'],
    ['/nothing', true, 404, 'Not found.', 'text'],
  ])('%s (QA on: %s) answers %i "%s" in the %s envelope', async (path, qaEnabled, status, message, envelope) => {
    const s = sandbox(qaEnabled)
    const res = await s.request(path, { headers: { authorization: basic('demo_api_key') } })
    expect(res.status).toBe(status)
    if (envelope === 'text') {
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(await res.text()).toBe(message)
    } else {
      const body = read[envelope](await res.json())
      expect(body.message).toBe(message)
      expect(body.code).toBe({ juspay: 'RESOURCE_NOT_FOUND', checkout: 'resource_missing', zenskar: 'not_found', plural: '12410' }[envelope])
    }
  })
})

/** The documented steps, independently of the sandbox's code: encode, sort, join, encode, HMAC-SHA256, base64. */
function expectedSignature(params: Record<string, string>, key: string): string {
  const pairs = Object.entries(params)
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHmac('sha256', key).update(encodeURIComponent(pairs.map(([k, v]) => `${k}=${v}`).join('&'))).digest('base64')
}

const Envelope = z.strictObject({
  id: z.string().regex(/^evt_V2_[0-9a-f]{32}$/),
  event_name: z.string(),
  date_created: z.literal('2026-11-25T10:00:00Z'),
  content: z.strictObject({
    order: z.looseObject({ order_id: z.string(), status: z.string() }),
    mandate: z.optional(z.looseObject({ order_id: z.string() })),
    billing_execution_info: z.optional(z.looseObject({ billing_execution_info_id: z.string() })),
  }),
})

/** An order of each dialect, paid by UPI intent and approved through QA. */
async function paidOrder(s: ReturnType<typeof sandbox>, dialect: DialectId) {
  const created =
    dialect === 'zenskar'
      ? await s.request('/checkouts', {
          method: 'POST',
          headers: { 'x-api-key': 'demo_api_key', 'content-type': 'application/json' },
          body: JSON.stringify({ plan_id: 'fit_monthly', customer_id: 'c1', success_url: 'https://shop.merchant.com/welcome' }),
        })
      : dialect === 'juspay'
      ? await s.request('/session', {
          method: 'POST',
          headers: { authorization: basic('demo_api_key'), 'content-type': 'application/json' },
          body: JSON.stringify({
            order_id: 'edge-j',
            amount: '1.00',
            customer_id: 'c1',
            return_url: 'https://shop.merchant.com/return',
            'options.create_mandate': 'REQUIRED',
            'mandate.max_amount': '1000.00',
          }),
        })
      : await s.request('/v1/checkout/sessions', {
          method: 'POST',
          headers: { authorization: bearer('demo_api_key'), 'content-type': 'application/json' },
          body: JSON.stringify({
            mode: 'subscription',
            amount: 499,
            currency: 'INR',
            merchant_order_id: 'edge-c',
            customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'c1' },
            line_items: [{ quantity: 1, price_data: { unit_amount: 499, product_data: { name: 'Plan' }, recurring: { interval: 'month', interval_count: 1 } } }],
            subscription_data: {},
            success_url: 'https://shop.merchant.com/done',
          }),
        })
  expect(created.status).toBe(dialect === 'zenskar' ? 201 : 200)
  const orderId = dialect === 'zenskar' ? z.object({ id: z.string() }).parse(await created.json()).id : dialect === 'juspay' ? 'edge-j' : 'edge-c'
  const order = await s.store.orderByMerchantOrderId('demo_merchant', orderId)
  if (!order) throw new Error('the order was not stored')
  expect(order.source.dialect).toBe(dialect)
  const started = await s.request(`/api/pages/${order.id}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
    body: JSON.stringify({ rail: 'upi', channel: 'intent', setUpMandate: true }),
  })
  expect(started.status).toBe(201)
  const approved = await s.request(`/sandbox/orders/${orderId}/attempt/approve`, { method: 'POST', headers: { authorization: basic('demo_api_key') } })
  expect(approved.status).toBe(200)
  return { pageId: order.id, orderId }
}

describe.each<[DialectId, string]>([
  ['juspay', 'https://shop.merchant.com/return'],
  ['checkout', 'https://shop.merchant.com/done'],
  ['zenskar', 'https://shop.merchant.com/welcome'],
])('a paid %s order', (dialect, returnUrl) => {
  it('returns the customer with order_id, status and status_id signed with the response key', async () => {
    const s = sandbox()
    const { pageId, orderId } = await paidOrder(s, dialect)
    const view = SessionView.parse(await (await s.request(`/api/pages/${pageId}`)).json())
    if (!view.returnUrl) throw new Error('no return URL')
    const url = new URL(view.returnUrl)
    expect(`${url.origin}${url.pathname}`).toBe(returnUrl)
    const params = { order_id: orderId, status: 'CHARGED', status_id: '21' }
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ...params,
      signature: expectedSignature(params, 'demo_response_key'),
      signature_algorithm: 'HMAC-SHA256',
    })
  })

  it('reports each event in Juspay’s webhook envelope, the order rendered as it was then', async () => {
    const s = sandbox()
    const { orderId } = await paidOrder(s, dialect)
    const deliveries = await s.store.webhooksFor('demo_merchant', orderId)
    const bodies = deliveries.map((d) => Envelope.parse(d.body))
    // A plan checkout sells a plan and a subscription-mode checkout session a schedule, so their
    // registrations also start a subscription; this Juspay order sells neither.
    const billing: [string, string, null][] =
      dialect !== 'juspay'
        ? [
            ['BILLING_EXECUTION_CREATED', 'CHARGED', null],
            ['BILLING_EXECUTION_ACTIVATED', 'CHARGED', null],
          ]
        : []
    expect(bodies.map((b) => [b.event_name, b.content.order.status, b.content.mandate?.order_id ?? null])).toEqual([
      ['TXN_CREATED', 'PENDING_VBV', null],
      ['MANDATE_CREATED', 'PENDING_VBV', orderId],
      ['MANDATE_ACTIVATED', 'CHARGED', orderId],
      ...billing,
      ['ORDER_SUCCEEDED', 'CHARGED', null],
    ])
    expect(bodies.every((b) => b.content.order.order_id === orderId)).toBe(true)
    expect(deliveries.map((d) => d.id)).toEqual(bodies.map((b) => b.id))
  })
})
