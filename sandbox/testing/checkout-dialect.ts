import type { Hono } from 'hono'
import { CheckoutError } from '../../contract/errors'
import { createApp } from '../app'
import { MovableClock, type Clock } from '../domain/clock'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type MerchantDirectory } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { CheckoutSession } from '../dialects/checkout/session-object'

export const DEMO_API_KEY = 'demo_api_key'
export const OTHER_API_KEY = 'other_api_key'
export const PUBLIC_ORIGIN = 'http://127.0.0.1:4000'

/** Tuesday 10 March 2026, 10:00 IST. */
export const FIXED_NOW = new Date('2026-03-10T04:30:00.000Z')
export const FIXED_NOW_SECONDS = FIXED_NOW.getTime() / 1000
export const fixedClock: Clock = { now: () => new Date(FIXED_NOW) }

export const merchants: MerchantDirectory = loadMerchants(DEFAULT_MERCHANTS_FILE)

export function demoMerchant() {
  const merchant = merchants.byId('demo_merchant')
  if (!merchant) throw new Error('merchants.json lost its demo merchant')
  return merchant
}

export interface TestSandbox {
  app: Hono
  store: MemoryStore
  clock: MovableClock
}

export function buildTestApp(): TestSandbox {
  const store = new MemoryStore()
  const clock = new MovableClock(fixedClock)
  const app = createApp(
    { store, clock, merchants, log: silentLogger, publicOrigin: PUBLIC_ORIGIN, qaEnabled: true },
    { templates: null, staticDir: null },
  )
  return { app, store, clock }
}

let orderCounter = 0
/** A merchant_order_id no other test uses, so tests never collide on idempotency. */
export const uniqueOrderId = (): string => `order_${String(++orderCounter)}_${String(Date.now())}`

export type Body = Record<string, unknown>

export function paymentBody(overrides: Body = {}): Body {
  return {
    mode: 'payment',
    amount: 99.99,
    currency: 'INR',
    merchant_order_id: uniqueOrderId(),
    customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust_123' },
    line_items: [{ quantity: 1, price_data: { unit_amount: 99.99, product_data: { name: 'Yoga mat' } } }],
    success_url: 'https://shop.merchant.com/done',
    cancel_url: 'https://shop.merchant.com/cart',
    ...overrides,
  }
}

export function monthlyItem(unitAmount: number | string, name = 'Monthly plan', intervalCount = 1): Body {
  return {
    quantity: 1,
    price_data: {
      unit_amount: unitAmount,
      product_data: { name },
      recurring: { interval: 'month', interval_count: intervalCount },
    },
  }
}

export function subscriptionBody(overrides: Body = {}): Body {
  return paymentBody({
    mode: 'subscription',
    amount: 499,
    line_items: [monthlyItem(499)],
    subscription_data: {},
    collection_method: 'auto_charge',
    ...overrides,
  })
}

export interface PostOptions {
  apiKey?: string | null
  headers?: Record<string, string>
  /** Sent as is instead of JSON.stringify(body). */
  rawBody?: string
}

export function postSession(app: Hono, body: unknown, options: PostOptions = {}): Promise<Response> {
  const apiKey = options.apiKey === undefined ? DEMO_API_KEY : options.apiKey
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (apiKey !== null) headers['authorization'] ??= `Bearer ${apiKey}`
  return Promise.resolve(
    app.request('/v1/checkout/sessions', { method: 'POST', headers, body: options.rawBody ?? JSON.stringify(body) }),
  )
}

export function getSession(app: Hono, id: string, apiKey = DEMO_API_KEY): Promise<Response> {
  return Promise.resolve(app.request(`/v1/checkout/sessions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } }))
}

async function json(res: Response): Promise<unknown> {
  const body: unknown = await res.json()
  return body
}

export async function readSession(res: Response): Promise<CheckoutSession> {
  return CheckoutSession.parse(await json(res))
}

export async function readError(res: Response): Promise<CheckoutError> {
  return CheckoutError.parse(await json(res))
}

/** Creates a session that must succeed and returns it. */
export async function createSession(app: Hono, body: Body): Promise<CheckoutSession> {
  const res = await postSession(app, body)
  if (res.status !== 200) throw new Error(`expected 200, got ${String(res.status)}: ${await res.text()}`)
  return readSession(res)
}
