import { fileURLToPath } from 'node:url'
import type { StartAttempt } from '../../contract/attempt'
import { createApp, type AppOptions } from '../app'
import type { SandboxDeps } from '../deps'
import { MovableClock } from '../domain/clock'
import type { Order } from '../domain/order'
import { loadTemplates, type PageTemplates } from '../http/page-html'
import { jsonLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, merchantDirectory, type Merchant } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { TEST_NOW } from './fixtures'

/**
 * The page's own HTML sources (index.html, demo.html at the repository root): the built page is
 * made from them, so they are what the sandbox serves once built, and they exist before a build.
 */
function sourceTemplates(): PageTemplates {
  const templates = loadTemplates(fileURLToPath(new URL('../../', import.meta.url)))
  if (!templates) throw new Error('index.html and demo.html are missing from the repository root')
  return templates
}

export const DEMO_KEY = 'demo_api_key'
export const OTHER_KEY = 'other_api_key'

export const basic = (apiKey: string): string => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`
export const bearer = (apiKey: string): string => `Bearer ${apiKey}`

export interface SecureSandboxOptions {
  qaEnabled?: boolean
  /** Changes any merchant of sandbox/merchants.json before the app is built. */
  customise?: (merchant: Merchant) => Merchant
  /** The app's edge settings (demo on or off, the rate limits and their clock). */
  edge?: Pick<AppOptions, 'demoEnabled' | 'now' | 'limits'>
}

/** A Juspay-style mandate session body for POST /session; tests override what they look at. */
export function juspayBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: `ord-${Math.random().toString(36).slice(2, 12)}`,
    amount: '1.00',
    customer_id: 'cust-42',
    customer_email: 'asha@example.com',
    customer_phone: '9876543210',
    first_name: 'Asha',
    last_name: 'Verma',
    return_url: 'https://shop.merchant.com/return',
    action: 'paymentPage',
    description: 'Acme Fitness monthly membership',
    'options.create_mandate': 'REQUIRED',
    'mandate.max_amount': '1000.00',
    'mandate.frequency': 'MONTHLY',
    'mandate.rule_type': 'AFTER',
    'mandate.rule_value': '5',
    ...overrides,
  }
}

/** A checkout-session subscription body for POST /v1/checkout/sessions. */
export function checkoutBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mode: 'subscription',
    amount: 499,
    currency: 'INR',
    merchant_order_id: `sub-${Math.random().toString(36).slice(2, 12)}`,
    customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust-42' },
    line_items: [
      {
        quantity: 1,
        price_data: { unit_amount: 499, product_data: { name: 'Monthly plan' }, recurring: { interval: 'month', interval_count: 1 } },
      },
    ],
    subscription_data: {},
    success_url: 'https://shop.merchant.com/done',
    ...overrides,
  }
}

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

/** Plural's startDate and endDate (`YYYY-MM-DD HH:mm:ss`, UTC) for a year from the start of `now`'s day in India. */
export function pluralDates(now: Date): { startDate: string; endDate: string } {
  const day = new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - IST_OFFSET_MS)
  const end = new Date(start)
  end.setUTCFullYear(end.getUTCFullYear() + 1)
  const format = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ')
  return { startDate: format(start), endDate: format(end) }
}

/** A Plural subscription body for POST /api/v1/upi/subscription/process/payment: fit_monthly by intent, from TEST_NOW's day for a year. */
export function pluralBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    merchantId: 'demo_merchant',
    clientUniqueReference: `plural-${Math.random().toString(36).slice(2, 12)}`,
    plan: { planId: 'fit_monthly', merchantMaintainedPlan: false },
    ...pluralDates(TEST_NOW),
    customerData: { firstName: 'Asha', lastName: 'Verma', countryCode: '91', customerMobile: '9876543210', customerEmail: 'asha@example.com' },
    upi_data: { txnMode: 'I' },
    ...overrides,
  }
}

const record = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`)
  return Object.fromEntries(Object.entries(value))
}

export async function jsonOf(res: Response): Promise<Record<string, unknown>> {
  return record(await res.json())
}

/**
 * The whole sandbox in-process, as sandbox/server.ts builds it: the real app, the page's HTML,
 * every merchant of merchants.json, a clock fixed at TEST_NOW and a logger that keeps its lines.
 */
export function secureSandbox(options: SecureSandboxOptions = {}) {
  const lines: string[] = []
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => TEST_NOW })
  const customise = options.customise ?? ((m: Merchant) => m)
  const deps: SandboxDeps = {
    store,
    clock,
    merchants: merchantDirectory(loadMerchants(DEFAULT_MERCHANTS_FILE).all().map(customise)),
    log: jsonLogger((line) => lines.push(line)),
    publicOrigin: 'http://127.0.0.1:4000',
    qaEnabled: options.qaEnabled ?? true,
  }
  const app = createApp(deps, { templates: sourceTemplates(), staticDir: null, ...options.edge })
  /** A request from a client at `from` (a socket's remote address); without it, in-process, as the sandbox calls itself. */
  const request = (path: string, init?: RequestInit, from?: string): Promise<Response> =>
    Promise.resolve(app.request(path, init, from === undefined ? undefined : { incoming: { socket: { remoteAddress: from } } }))

  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  const stored = async (pageId: string): Promise<Order> => {
    const order = await store.orderById(pageId)
    if (!order) throw new Error(`no order ${pageId}`)
    return order
  }

  /** POST /session with the merchant's key; answers the stored order. */
  async function juspayOrder(apiKey = DEMO_KEY, overrides: Record<string, unknown> = {}): Promise<Order> {
    const res = await postJson('/session', juspayBody(overrides), { authorization: basic(apiKey) })
    const body = await jsonOf(res)
    if (res.status !== 200) throw new Error(`POST /session answered ${res.status}: ${JSON.stringify(body)}`)
    return stored(String(body['id']))
  }

  /** POST /v1/checkout/sessions with the merchant's key; answers the session object and its order. */
  async function checkoutSession(apiKey = DEMO_KEY, overrides: Record<string, unknown> = {}) {
    const res = await postJson('/v1/checkout/sessions', checkoutBody(overrides), { authorization: bearer(apiKey) })
    const session = await jsonOf(res)
    if (res.status !== 200) throw new Error(`POST /v1/checkout/sessions answered ${res.status}: ${JSON.stringify(session)}`)
    const order = await store.orderByCheckoutSessionId(String(session['id']))
    if (!order) throw new Error('the checkout session has no order')
    return { id: String(session['id']), clientSecret: String(session['client_secret']), order }
  }

  /** Starts an attempt through the page API; answers the order as stored afterwards and its newest attempt. */
  async function startAttempt(pageId: string, attempt: StartAttempt, key = `key-${Math.random().toString(36).slice(2)}`) {
    const res = await postJson(`/api/pages/${pageId}/attempts`, attempt, { 'idempotency-key': key })
    if (res.status !== 201) throw new Error(`starting the attempt answered ${res.status}: ${await res.text()}`)
    const order = await stored(pageId)
    const latest = order.attempts.at(-1)
    if (!latest) throw new Error('no attempt was stored')
    return { order, attempt: latest }
  }

  return { app, deps, store, clock, lines, request, postJson, stored, juspayOrder, checkoutSession, startAttempt }
}

export type SecureSandbox = ReturnType<typeof secureSandbox>
