import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutError, JuspayError, PluralError, ZenskarError } from '../../contract/errors'
import { PageError } from '../../contract/session'
import { allowedHosts } from '../http/hosts'
import { embedHostApp } from '../demo/embed-host-app'
import type { Order } from '../domain/order'
import { MAX_BODY_BYTES } from '../http/body-limit'
import { basic, bearer, DEMO_KEY, secureSandbox, type SecureSandbox } from '../testing/security-harness'

/** How each kind of route answers a body over the limit: its own envelope, always 413. */
const ENVELOPES = {
  juspay: async (res: Response) => {
    const body = JuspayError.parse(await res.json())
    expect(body.error_info.code).toBe('INVALID_INPUT')
    expect(body.error_message).toBe('The request body is larger than 64 KB.')
  },
  checkout: async (res: Response) => {
    expect(CheckoutError.parse(await res.json()).error.code).toBe('body_too_large')
  },
  zenskar: async (res: Response) => {
    expect(ZenskarError.parse(await res.json()).error.code).toBe('body_too_large')
  },
  plural: async (res: Response) => {
    expect(PluralError.parse(await res.json()).response_code).toBe(12413)
  },
  page: async (res: Response) => {
    expect(PageError.parse(await res.json()).error.code).toBe('payload_too_large')
  },
  html: async (res: Response) => {
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toContain('<h1>This request is too large</h1>')
  },
} as const

interface World {
  s: SecureSandbox
  open: Order
  upi: { order: Order; token: string }
  bank: { order: Order; token: string }
}

interface Route {
  path: (w: World) => string
  headers: Record<string, string>
  envelope: keyof typeof ENVELOPES
}

const JSON_TYPE = { 'content-type': 'application/json' }
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' }

/** Every route of the sandbox that reads a request body, with what it needs to get as far as reading it. */
const ROUTES: Record<string, Route> = {
  'POST /session': { path: () => '/session', headers: { ...JSON_TYPE, authorization: basic(DEMO_KEY) }, envelope: 'juspay' },
  'POST /orders': { path: () => '/orders', headers: { ...FORM_TYPE, authorization: basic(DEMO_KEY) }, envelope: 'juspay' },
  'POST /billing': { path: () => '/billing', headers: { ...JSON_TYPE, authorization: basic(DEMO_KEY) }, envelope: 'juspay' },
  'POST /billing/execution-info': { path: () => '/billing/execution-info', headers: { ...JSON_TYPE, authorization: basic(DEMO_KEY) }, envelope: 'juspay' },
  'POST /v1/checkout/sessions': { path: () => '/v1/checkout/sessions', headers: { ...JSON_TYPE, authorization: bearer(DEMO_KEY) }, envelope: 'checkout' },
  'POST /checkouts': { path: () => '/checkouts', headers: { ...JSON_TYPE, 'x-api-key': DEMO_KEY }, envelope: 'zenskar' },
  'POST /checkouts/preview': { path: () => '/checkouts/preview', headers: { ...JSON_TYPE, 'x-api-key': DEMO_KEY }, envelope: 'zenskar' },
  'POST /api/v1/upi/subscription/process/payment': {
    path: () => '/api/v1/upi/subscription/process/payment',
    headers: { ...JSON_TYPE, authorization: bearer(DEMO_KEY) },
    envelope: 'plural',
  },
  'POST /api/pages/:pageId/attempts': { path: (w) => `/api/pages/${w.open.id}/attempts`, headers: { ...JSON_TYPE, 'idempotency-key': 'k' }, envelope: 'page' },
  'POST /api/pages/:pageId/vpa': { path: (w) => `/api/pages/${w.open.id}/vpa`, headers: JSON_TYPE, envelope: 'page' },
  'POST /api/checkout/lookup': { path: () => '/api/checkout/lookup', headers: JSON_TYPE, envelope: 'page' },
  'POST /sandbox/orders/:orderId/attempt/approve': {
    path: (w) => `/sandbox/orders/${w.upi.order.orderId}/attempt/approve`,
    headers: { ...JSON_TYPE, authorization: basic(DEMO_KEY) },
    envelope: 'juspay',
  },
  'POST /demo/api/sessions': { path: () => '/demo/api/sessions', headers: JSON_TYPE, envelope: 'juspay' },
  'POST /simulator/upi/:token/approve': { path: (w) => `/simulator/upi/${w.upi.token}/approve`, headers: FORM_TYPE, envelope: 'html' },
  'POST /simulator/bank/:token/credentials': { path: (w) => `/simulator/bank/${w.bank.token}/credentials`, headers: FORM_TYPE, envelope: 'html' },
}

const OVER = 'x'.repeat(MAX_BODY_BYTES + 1)

/** The body over the limit, once with its Content-Length and once streamed without one. */
const SENDS = {
  declared: (headers: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: { ...headers, 'content-length': String(OVER.length) },
    body: OVER,
  }),
  streamed: (headers: Record<string, string>): RequestInit & { duplex: 'half' } => ({
    method: 'POST',
    headers,
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < OVER.length; i += 8192) controller.enqueue(new TextEncoder().encode(OVER.slice(i, i + 8192)))
        controller.close()
      },
    }),
    duplex: 'half',
  }),
}

const snapshot = (w: World) =>
  JSON.stringify({
    size: w.s.store.size(),
    orders: [w.open, w.upi.order, w.bank.order].map((o) => w.s.store.orderById(o.id)),
    webhooks: [w.open, w.upi.order, w.bank.order].map((o) => w.s.store.webhooksFor(o.merchantId, o.orderId)),
  })

describe('a body over the one limit (64 KB)', () => {
  let w: World
  beforeAll(async () => {
    const s = secureSandbox()
    const open = await s.juspayOrder()
    const upi = await s.startAttempt((await s.juspayOrder()).id, { rail: 'upi', channel: 'intent', setUpMandate: true })
    const bank = await s.startAttempt((await s.juspayOrder()).id, {
      rail: 'netbanking',
      setUpMandate: true,
      enach: { bankCode: 'HDFC', authMode: 'netbanking', accountHolderName: 'Asha Verma', accountNumber: '4444444444', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
    })
    w = { s, open, upi: { order: upi.order, token: upi.attempt.simulatorToken }, bank: { order: bank.order, token: bank.attempt.simulatorToken } }
  })

  it.each(Object.entries(ROUTES).flatMap(([name, route]) => (['declared', 'streamed'] as const).map((send) => [name, send, route] as const)))(
    '%s (%s) is refused with 413 in its own envelope and changes nothing',
    async (_name, send, route) => {
      const before = snapshot(w)
      const res = await w.s.request(route.path(w), SENDS[send](route.headers))
      expect(res.status).toBe(413)
      await ENVELOPES[route.envelope](res)
      expect(snapshot(w)).toBe(before)
    },
  )

  it('is refused by the embedding demo merchant too, before it calls the sandbox', async () => {
    const callCheckout = vi.fn<(path: string, init: RequestInit) => Promise<Response>>()
    const host = embedHostApp({
      checkoutOrigin: 'http://127.0.0.1:4000',
      staticDir: '/nonexistent',
      allowedHosts: allowedHosts('http://127.0.0.1:4000'),
      callCheckout,
    })
    const res = await host.request('/api/sessions', SENDS.declared(JSON_TYPE))
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ error: { message: 'The request body is too large.' } })
    expect(callCheckout).not.toHaveBeenCalled()
  })
})
