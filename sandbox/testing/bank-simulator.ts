import { SessionView } from '../../contract/session'
import type { EnachDetails } from '../../contract/enach'
import { createApp } from '../app'
import type { SandboxDeps } from '../deps'
import { MovableClock } from '../domain/clock'
import type { OrderDraft } from '../domain/orders'
import { jsonLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, merchantDirectory, type Merchant } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { enachDetails, seedOrder, TEST_NOW } from './fixtures'
import { BANK_OTP } from '../../contract/scenarios'

export const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

const json = (body: unknown, key: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'idempotency-key': key },
  body: JSON.stringify(body),
})

export const basic = (apiKey: string): string => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`

/** The credentials that pass the first step for each auth mode. */
export const GOOD_CREDENTIALS = {
  netbanking: { user_id: 'asha.verma', password: 'S3cr3t-pass!' },
  debit_card: { card_number: '4242 4242 4242 4242', expiry: '12/29' },
  aadhaar: { aadhaar: '2345 6789 0123' },
} as const

/**
 * The whole sandbox in-process (createApp), as testSandbox() builds it, but with a logger that
 * keeps every line so tests can check what was logged. `customise` changes the demo merchant.
 */
export function bankSandbox(customise: (merchant: Merchant) => Merchant = (m) => m) {
  const lines: string[] = []
  const bodies: string[] = []
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => TEST_NOW })
  const merchants = merchantDirectory(
    loadMerchants(DEFAULT_MERCHANTS_FILE)
      .all()
      .map((m) => (m.id === 'demo_merchant' ? customise(m) : m)),
  )
  const deps: SandboxDeps = {
    store,
    clock,
    merchants,
    log: jsonLogger((line) => lines.push(line)),
    publicOrigin: 'http://127.0.0.1:4000',
    qaEnabled: true,
  }
  const app = createApp(deps, { templates: null, staticDir: null })

  /** app.request that also keeps every response body, for the "never leaks" checks. */
  async function request(path: string, init?: RequestInit): Promise<{ res: Response; body: string }> {
    const res = await app.request(path, init)
    const body = await res.text()
    bodies.push(body)
    return { res, body }
  }

  const order = (overrides: Partial<OrderDraft> = {}) => seedOrder(deps, overrides)

  /** Starts an attempt through the page API; answers the response, the view and the attempt's bank token. */
  async function start(pageId: string, body: unknown, key = 'key-1') {
    const { res, body: text } = await request(`/api/pages/${pageId}/attempts`, json(body, key))
    const parsed = SessionView.safeParse(JSON.parse(text))
    const token = (await store.orderById(pageId))?.attempts.at(-1)?.simulatorToken ?? ''
    return { res, text, view: parsed.success ? parsed.data : null, token }
  }

  const startEnach = (pageId: string, overrides: Partial<EnachDetails> = {}, key = 'key-1') =>
    start(pageId, { rail: 'netbanking', setUpMandate: true, enach: enachDetails(overrides) }, key)

  /** Passes the credentials and OTP steps, leaving the consent screen. */
  async function toConsent(token: string, mode: keyof typeof GOOD_CREDENTIALS = 'netbanking') {
    const login = await request(`/simulator/bank/${token}/credentials`, form(GOOD_CREDENTIALS[mode]))
    const otp = await request(`/simulator/bank/${token}/otp`, form({ otp: BANK_OTP }))
    return [login.res.status, otp.res.status]
  }

  const qa = (orderId: string, decision: 'approve' | 'decline' | 'expire') =>
    request(`/sandbox/orders/${orderId}/attempt/${decision}`, { method: 'POST', headers: { authorization: basic('demo_api_key') } })

  async function orderStatus(orderId: string): Promise<Record<string, unknown>> {
    const { body } = await request(`/orders/${orderId}`, { headers: { authorization: basic('demo_api_key') } })
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed !== 'object' || parsed === null) throw new Error('order status is not an object')
    return Object.fromEntries(Object.entries(parsed))
  }

  const current = async (pageId: string) => {
    const found = await store.orderById(pageId)
    if (!found) throw new Error('order vanished')
    return found
  }

  return { app, deps, store, clock, lines, bodies, request, order, start, startEnach, toConsent, qa, orderStatus, current }
}

export const statusRegion = (body: string): string => /<div role="status"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1] ?? ''
