import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, test } from 'vitest'
import * as z from 'zod'
import { JuspayError } from '../../contract/errors'
import { basicAuth } from '../testing/juspay-dialect'
import { testSandbox } from '../testing/fixtures'
import { openApiDocument } from './document'
import { OPERATIONS } from './operations'
import { JuspayOrderCreated, JuspayOrderStatus, JuspaySession, QaClock, QaDecision, QaPlans, QaReset, QaWebhooks } from './shapes'

/** The app with every route it can have: QA on, the demo on, and a static folder (/embed.js, /assets). */
const sandbox = () => testSandbox({ staticDir: mkdtempSync(join(tmpdir(), 'openapi-static-')) })

/** Hono's `:name` and `:name{regex}` as OpenAPI's `{name}`. */
const openApiPath = (honoPath: string): string => honoPath.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, '{$1}')

/** A request path for a route pattern, each parameter filled in. */
const concrete = (honoPath: string): string => honoPath.replace(/:([A-Za-z_]+)(\{([^}|]*)[^}]*\})?/g, (_, name: string, _re, first?: string) => first ?? `x-${name}`)

const describedKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`

const AUTH = { authorization: basicAuth('demo_api_key') }

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1 by the OpenAPI Initiative\'s schema', async () => {
    const validator = new Validator()
    const result = await validator.validate(openApiDocument('http://127.0.0.1:4000'))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  test('describes every route the app serves: add an entry to OPERATIONS (sandbox/openapi/operations.ts) for a new one', async () => {
    const { app } = sandbox()
    const described = new Set(OPERATIONS.map((op) => describedKey(op.method, op.path)))
    // A concrete method on a concrete path; ALL and wildcard routes are middleware and catch-alls.
    const candidates = new Map(app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => [describedKey(r.method, openApiPath(r.path)), r]))
    const undescribed: string[] = []
    for (const [key, route] of candidates) {
      if (described.has(key)) continue
      // A method registered only to refuse it (405 with Allow) is not a route to describe.
      const res = await app.request(concrete(route.path), { method: route.method })
      if (res.status !== 405) undescribed.push(key)
    }
    expect(undescribed).toEqual([])
    expect(candidates.size).toBeGreaterThan(OPERATIONS.length)
  })

  test('describes no route the app does not serve', () => {
    const { app } = sandbox()
    const registered = new Set(app.routes.map((r) => describedKey(r.method, openApiPath(r.path))))
    expect(OPERATIONS.map((op) => describedKey(op.method, op.path)).filter((key) => !registered.has(key))).toEqual([])
  })

  test('is served at GET /openapi.json, cacheable, with the strict headers of every JSON answer', async () => {
    const { app } = testSandbox()
    const res = await app.request('/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(await res.json()).toEqual(openApiDocument('http://127.0.0.1:4000'))
  })

  test('documents form-encoded bodies where a route takes them, and each API\'s own error envelope', () => {
    const doc = openApiDocument('http://127.0.0.1:4000') as { paths: Record<string, Record<string, { requestBody?: { content: object }; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>> }
    expect(Object.keys(doc.paths['/orders']?.['post']?.requestBody?.content ?? {})).toEqual(['application/json', 'application/x-www-form-urlencoded'])
    expect(Object.keys(doc.paths['/session']?.['post']?.requestBody?.content ?? {})).toEqual(['application/json'])
    const refusal = (path: string, method: string, status: string) => doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema.$ref
    expect(refusal('/session', 'post', '400')).toBe('#/components/schemas/juspay-error')
    expect(refusal('/v1/checkout/sessions', 'post', '400')).toBe('#/components/schemas/checkout-error')
    expect(refusal('/checkouts', 'post', '400')).toBe('#/components/schemas/zenskar-error')
    expect(refusal('/api/v1/upi/subscription/process/payment', 'post', '422')).toBe('#/components/schemas/plural-error')
    expect(refusal('/sandbox/clock', 'post', '400')).toBe('#/components/schemas/qa-error')
    expect(refusal('/api/pages/{pageId}', 'get', '404')).toBe('#/components/schemas/page-api-error')
  })
})

describe('the shapes it describes are the sandbox\'s real answers', () => {
  const session = {
    order_id: 'openapi-1',
    amount: '1.00',
    customer_id: 'cust-1',
    return_url: 'https://shop.merchant.com/return',
    'options.create_mandate': 'REQUIRED',
    'mandate.max_amount': '1000.00',
  }

  test('Juspay: session, form-encoded order, order status, and a refusal', async () => {
    const { app } = testSandbox()
    const post = (path: string, type: string, body: string) => app.request(path, { method: 'POST', headers: { ...AUTH, 'content-type': type }, body })
    z.parse(JuspaySession, await (await post('/session', 'application/json', JSON.stringify(session))).json())
    z.parse(JuspayOrderCreated, await (await post('/orders', 'application/x-www-form-urlencoded', new URLSearchParams({ ...session, order_id: 'openapi-2' }).toString())).json())
    z.parse(JuspayOrderStatus, await (await app.request('/orders/openapi-1', { headers: AUTH })).json())
    const refused = await post('/session', 'application/json', '{}')
    expect(refused.status).toBe(400)
    z.parse(JuspayError, await refused.json())
  })

  test('QA: decision, webhooks, plans, clock, reset', async () => {
    const { app } = testSandbox()
    const qa = (method: string, path: string, body?: unknown) =>
      app.request(`/sandbox${path}`, { method, headers: { ...AUTH, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    await app.request('/session', { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(session) })
    const page = (await (await app.request('/orders/openapi-1', { headers: AUTH })).json()) as { id: string }
    const started = await app.request(`/api/pages/${page.id}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body: JSON.stringify({ rail: 'upi', channel: 'collect', vpa: 'success@upi', setUpMandate: true }),
    })
    expect(started.status).toBe(201)
    z.parse(QaDecision, await (await qa('POST', '/orders/openapi-1/attempt/approve')).json())
    z.parse(QaWebhooks, await (await qa('GET', '/orders/openapi-1/webhooks')).json())
    z.parse(QaPlans, await (await qa('GET', '/plans')).json())
    z.parse(QaClock, await (await qa('POST', '/clock', { advance_by_seconds: 60 })).json())
    z.parse(QaReset, await (await qa('POST', '/reset')).json())
  })
})
