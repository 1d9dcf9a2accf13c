import type { Hono } from 'hono'
import { createApp } from '../app'
import type { Clock } from '../domain/clock'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type Merchant } from '../merchants'
import { MemoryStore } from '../store/memory-store'

/** 12:00 IST on 10 March 2026: every test sees the same "now". */
export const NOW = new Date('2026-03-10T06:30:00.000Z')
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000)
export const DAY_SECONDS = 24 * 60 * 60
export const fixedClock: Clock = { now: () => new Date(NOW) }

export const PUBLIC_ORIGIN = 'http://127.0.0.1:4000'
export const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)

export function merchant(id: 'demo_merchant' | 'other_merchant'): Merchant {
  const found = merchants.byId(id)
  if (!found) throw new Error(`merchants.json has no ${id}`)
  return found
}

export const DEMO = merchant('demo_merchant')
export const OTHER = merchant('other_merchant')

export interface TestSandbox {
  app: Hono
  store: MemoryStore
}

export function buildSandbox(): TestSandbox {
  const store = new MemoryStore()
  const app = createApp(
    { store, clock: fixedClock, merchants, log: silentLogger, publicOrigin: PUBLIC_ORIGIN, qaEnabled: true },
    { templates: null, staticDir: null },
  )
  return { app, store }
}

/** `Basic base64(key:)` as documented, or `Basic base64(key)` as some SDKs send it. */
export function basicAuth(apiKey: string, form: 'with-colon' | 'bare' = 'with-colon'): string {
  return `Basic ${Buffer.from(form === 'with-colon' ? `${apiKey}:` : apiKey).toString('base64')}`
}

export const demoHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  authorization: basicAuth(DEMO.apiKey),
  ...extra,
})

export async function postJson(
  sandbox: TestSandbox,
  path: string,
  body: unknown,
  headers: Record<string, string> = demoHeaders(),
): Promise<Response> {
  return sandbox.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export async function postForm(
  sandbox: TestSandbox,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = demoHeaders(),
): Promise<Response> {
  return sandbox.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}

export async function getOrder(sandbox: TestSandbox, orderId: string, headers = demoHeaders()): Promise<Response> {
  return sandbox.app.request(`/orders/${encodeURIComponent(orderId)}`, { headers })
}

/** Reads a JSON response body as plain data for assertions. */
export async function json(res: Response): Promise<Record<string, unknown>> {
  const body: unknown = await res.json()
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('expected a JSON object')
  return Object.fromEntries(Object.entries(body))
}

/** The field names of a Juspay error envelope, for asserting which fields were blamed. */
export async function errorFields(res: Response): Promise<string[]> {
  const body = await json(res)
  const info = body['error_info']
  if (typeof info !== 'object' || info === null || !('fields' in info) || !Array.isArray(info.fields)) return []
  return info.fields.map((field: unknown) =>
    typeof field === 'object' && field !== null && 'field_name' in field ? String(field.field_name) : '',
  )
}

/** A minimal valid mandate session for the demo merchant. */
export function mandateSession(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: 'ord_1',
    amount: '1.00',
    customer_id: 'cust_1',
    return_url: 'https://shop.merchant.com/return',
    payment_page_client_id: 'demo_merchant',
    action: 'paymentPage',
    'options.create_mandate': 'REQUIRED',
    'mandate.max_amount': '1000.00',
    ...overrides,
  }
}
