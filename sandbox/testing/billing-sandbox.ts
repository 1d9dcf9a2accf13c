import { expect } from 'vitest'
import { JuspayError } from '../../contract/errors'
import type { Plan } from '../../contract/plan'
import { createApp } from '../app'
import { MovableClock } from '../domain/clock'
import type { JuspayBillingExecution } from '../dialects/juspay/billing-execution'
import { silentLogger } from '../log'
import { merchantDirectory } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { enachDetails } from './fixtures'
import { FIXED_NOW, merchants, PUBLIC_ORIGIN, type TestSandbox } from './checkout-dialect'
import { checkoutBody, postCheckout, readCheckout } from './zenskar-dialect'

/**
 * A sandbox for plan-change tests (docs/domain/billing.md#plan-changes-the-prorated-preview): the
 * clock at FIXED_NOW (10 March 2026, 10:00 IST), a Zenskar plan checkout paid then, and LATER,
 * the instant the tests preview a change at.
 */

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`
export const DEMO_AUTH = { authorization: basic('demo_api_key') }
export const OTHER_AUTH = { authorization: basic('other_api_key') }
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const DAY = 24 * 60 * MINUTE
/** 20 March 2026, 18:45:10 IST: 10 days, 8 hours, 45 minutes and 10 seconds after FIXED_NOW. */
export const LATER = 10 * DAY + (8 * 60 + 45) * MINUTE + 10 * SECOND

/** The demo merchants on FIXED_NOW; with a preview lifetime set in the merchants file, and extra plans for the demo merchant. */
export function billingSandbox(options: { previewMinutes?: number; plans?: Plan[] } = {}): TestSandbox {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => new Date(FIXED_NOW) })
  const { previewMinutes } = options
  const directory = previewMinutes === undefined ? merchants : merchantDirectory(merchants.all().map((m) => ({ ...m, billing: { previewMinutes } })))
  const app = createApp({ store, clock, merchants: directory, log: silentLogger, publicOrigin: PUBLIC_ORIGIN, qaEnabled: true }, { templates: null, staticDir: null })
  // The memory store applies a write before its promise settles, so the plans are there when this returns.
  for (const plan of options.plans ?? []) void store.insertPlan('demo_merchant', plan)
  return { app, store, clock }
}

/** A JSON POST as the demo merchant unless other headers are given. */
export const postJson = (s: TestSandbox, path: string, body: unknown, headers: Record<string, string> = DEMO_AUTH) =>
  Promise.resolve(s.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }))

/** How the customer pays on the page: a UPI intent, or an eNACH mandate with the bank's details. */
export type PayBy = 'upi' | 'enach'

/** The customer starts paying on the page (a UPI intent unless `by` says eNACH). */
export async function startPaying(s: TestSandbox, pageId: string, setUpMandate = true, by: PayBy = 'upi'): Promise<void> {
  const attempt = by === 'upi' ? { rail: 'upi', channel: 'intent', setUpMandate } : { rail: 'netbanking', setUpMandate, enach: enachDetails() }
  const started = await s.app.request(`/api/pages/${pageId}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${pageId}` },
    body: JSON.stringify(attempt),
  })
  expect(started.status).toBe(201)
}

/** QA approves or declines the attempt in progress. */
export async function decide(s: TestSandbox, orderId: string, decision: 'approve' | 'decline'): Promise<void> {
  const res = await s.app.request(`/sandbox/orders/${orderId}/attempt/${decision}`, { method: 'POST', headers: DEMO_AUTH })
  expect(res.status).toBe(200)
}

/** A Zenskar plan checkout, paid: answers the subscription (the checkout's contract_id), the registration's page id and the checkout's id. */
export async function paidPlanCheckout(s: TestSandbox, planId = 'fit_monthly', extra: Record<string, unknown> = {}, by: PayBy = 'upi') {
  const created = await readCheckout(await postCheckout(s, checkoutBody({ plan_id: planId, ...extra })))
  const pageId = new URL(created.url).pathname.split('/')[2] ?? ''
  await startPaying(s, pageId, true, by)
  await decide(s, created.id, 'approve')
  const paid = await readCheckout(await s.app.request(`/checkouts/${created.id}`, { headers: { 'x-api-key': 'demo_api_key' } }))
  expect(paid.checkout_status).toBe('contract_created')
  return { id: paid.contract_id ?? '', registrationPageId: pageId, checkoutId: created.id }
}

/** The billing execution as POST /billing/execution-info answers it. */
export const readExecution = async (s: TestSandbox, id: string) =>
  (await (await postJson(s, '/billing/execution-info', { command: 'get', billing_execution_info_id: id })).json()) as JuspayBillingExecution

/** A Juspay session paying for the preview `requestId` of subscription `id` (billing_plan_change): ₹175.60 and a new mandate unless `extra` says otherwise. */
export const planChangeSession = (id: string, requestId: string, extra: Record<string, unknown> = {}) => ({
  order_id: 'pc-1',
  amount: '175.60',
  payment_page_client_id: 'demo_merchant',
  action: 'paymentPage',
  return_url: 'https://shop.merchant.com',
  'options.create_mandate': 'REQUIRED',
  payment_rules: { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: id, request_id: requestId } } } },
  ...extra,
})

/** A refusal in Juspay's envelope: its status, code and the fields it blames, in order; answers the body for more checks. */
export async function expectJuspayError(res: Response | Promise<Response>, status: number, code: string, fields: string[] = []) {
  const response = await res
  expect(response.status).toBe(status)
  const body = JuspayError.parse(await response.json())
  expect(body.error_info.code).toBe(code)
  expect(body.error_info.fields.map((f) => f.field_name)).toEqual(fields)
  return body
}
