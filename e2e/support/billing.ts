import { expect, type APIRequestContext, type Locator } from '@playwright/test'
import type { Locale } from '../../contract/session'
import { DEMO_MERCHANT, basicAuth } from './merchant-api'

/** A debit as the billing-execution answer carries it (docs/domain/billing.md#subscriptions): rupees, IST date. */
interface ExecutionCharge {
  date: string
  amount: number
  intro: boolean
}

/** The part of Juspay's billing execution the journeys compare with the page. */
export interface BillingExecution {
  billing_execution_info_id: string
  status: string
  customer_id: string | null
  mandate_id: string
  order_id: string
  plan_info: { plan_id: string; plan_name: string; plan_amount: number; max_amount: number } | null
  schedule: {
    today: { amount: number; refunded: boolean; pays_first_period: boolean }
    intro: { type: string; days?: number; ends_on?: string; cycles?: number; amount?: number; starts_on?: string }
    first_charge: ExecutionCharge | null
    upcoming_charges: ExecutionCharge[]
    recurring: { amount: number; interval: string; rule_type: string | null; rule_value: number | null }
    max_amount: number
  }
  /** Credit carried from plan changes, in rupees. */
  credit_balance: number
}

const auth = { authorization: basicAuth(DEMO_MERCHANT.apiKey), 'x-merchantid': DEMO_MERCHANT.id }

/** The merchant's server reading its subscription back: POST /billing/execution-info with command get. */
export async function readExecution(request: APIRequestContext, id: string): Promise<BillingExecution> {
  const res = await request.post('/billing/execution-info', { headers: auth, data: { command: 'get', billing_execution_info_id: id } })
  expect(res.status()).toBe(200)
  return (await res.json()) as BillingExecution
}

/** The subscription a Juspay order started, named by GET /orders/{order_id}. */
export async function executionOfOrder(request: APIRequestContext, orderId: string): Promise<BillingExecution> {
  const res = await request.get(`/orders/${orderId}`, { headers: auth })
  const order = (await res.json()) as { billing_execution_info_id?: string }
  expect(order.billing_execution_info_id, 'GET /orders names the subscription').toMatch(/^bei_/)
  return readExecution(request, order.billing_execution_info_id ?? '')
}

/**
 * Rupees as a customer in India reads them (₹1,00,000.00), from the API's rupee numbers. Written
 * with Node's Intl, not the page's own formatter, so the page is checked against an independent
 * rendering.
 */
export const pageMoney = (rupees: number, locale: Locale = 'en'): string =>
  new Intl.NumberFormat(`${locale}-IN`, { style: 'currency', currency: 'INR' }).format(rupees)

/** A calendar date as "5 Jan 2027" / "5 जन॰ 2027", with no time-zone shift. */
export function pageDate(date: string, locale: Locale = 'en'): string {
  const parts = new Intl.DateTimeFormat(`${locale}-IN`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(`${date}T00:00:00Z`),
  )
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('day')} ${part('month')} ${part('year')}`
}

/** What the page's schedule region says, read before the customer pays (the screen changes after). */
export interface ShownSchedule {
  text: string
  items: string[]
  firstRegular: string | null
}

export async function readShownSchedule(region: Locator): Promise<ShownSchedule> {
  await expect(region).toBeVisible()
  const firstRegular = region.getByTestId('first-regular-debit')
  return {
    text: await region.innerText(),
    items: await region.getByRole('listitem').allInnerTexts(),
    firstRegular: (await firstRegular.count()) > 0 ? await firstRegular.innerText() : null,
  }
}

/**
 * The page's schedule said what the subscription charges: today's amount first, every debit the
 * API lists (its date and amount on one line), the first regular one on its own marked line, the
 * regular amount, and the cap last. For short schedules (the page summarises runs of more than
 * three introductory debits).
 */
export function expectScheduleShown(shown: ShownSchedule, execution: BillingExecution, locale: Locale = 'en'): void {
  const { schedule } = execution
  const money = (rupees: number) => pageMoney(rupees, locale)
  expect(shown.items[0]).toContain(money(schedule.today.amount))
  for (const charge of schedule.upcoming_charges) {
    const line = shown.items.find((item) => item.includes(pageDate(charge.date, locale)))
    expect(line, `a line for the debit on ${charge.date}`).toContain(money(charge.amount))
  }
  const regular = schedule.upcoming_charges.find((c) => !c.intro)
  expect(shown.firstRegular).toContain(regular ? pageDate(regular.date, locale) : '')
  expect(shown.firstRegular).toContain(money(regular?.amount ?? schedule.recurring.amount))
  expect(shown.items.some((item) => item !== shown.firstRegular && item.includes(money(schedule.recurring.amount)))).toBe(true)
  expect(shown.items.at(-1)).toContain(money(schedule.max_amount))
  if (execution.plan_info) expect(shown.text).toContain(execution.plan_info.plan_name)
}

/** The success screen repeats the subscription's first debit. */
export async function expectFirstDebitShown(firstDebit: Locator, execution: BillingExecution, locale: Locale = 'en'): Promise<void> {
  const first = execution.schedule.first_charge
  expect(first, 'the subscription has a first charge').not.toBeNull()
  if (!first) return
  await expect(firstDebit).toContainText(pageDate(first.date, locale))
  await expect(firstDebit).toContainText(pageMoney(first.amount, locale))
}

/** A run-time plan for one journey (POST /sandbox/plans), so journeys never share one. */
export async function addPlan(request: APIRequestContext, plan: Record<string, unknown>): Promise<void> {
  const res = await request.post('/sandbox/plans', {
    headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) },
    data: {
      description: 'Billed every month on the 5th.',
      status: 'ACTIVE',
      currency: 'INR',
      interval: 'MONTHLY',
      rule_type: 'ON',
      rule_value: 5,
      intro: { type: 'NONE' },
      on_failure: 'RETRY',
      ...plan,
    },
  })
  expect(res.status(), await res.text()).toBe(201)
}

/**
 * A subscriber with a paid cycle, made the way a merchant's customer would: a plan checkout
 * (POST /checkouts) paid through the page's API by a UPI ID the simulated bank approves. Answers
 * the subscription's billing_execution_info_id.
 */
export async function paidSubscription(request: APIRequestContext, planId: string, customerId: string): Promise<string> {
  const created = await request.post('/checkouts', {
    headers: { 'x-api-key': DEMO_MERCHANT.apiKey },
    data: { plan_id: planId, customer_id: customerId, success_url: 'http://127.0.0.1:9/welcome', cancel_url: 'http://127.0.0.1:9/plans' },
  })
  expect(created.status()).toBe(201)
  const checkout = (await created.json()) as { id: string; url: string }
  const pageId = new URL(checkout.url).pathname.split('/')[2] ?? ''
  const attempt = await request.post(`/api/pages/${pageId}/attempts`, {
    headers: { 'idempotency-key': `setup-${customerId}` },
    data: { rail: 'upi', channel: 'collect', vpa: 'success@upi', setUpMandate: true },
  })
  expect(attempt.status()).toBe(201)
  const contractId = async () => {
    const read = await request.get(`/checkouts/${checkout.id}`, { headers: { 'x-api-key': DEMO_MERCHANT.apiKey } })
    return ((await read.json()) as { contract_id: string | null }).contract_id ?? ''
  }
  await expect.poll(contractId).toMatch(/^bei_/)
  return contractId()
}

/** The preview's fields a journey uses (docs/domain/billing.md, the prorated preview). */
export interface Preview {
  billing_execution_info_id: string
  request_id: string
  prorated_amount: number
  preview_expires_at: string
  unused_credit: number
  new_plan_charge: number
  credit_held: number
  credit_applied: number
  carry_forward_credit: number
  payment_required: boolean
  next_invoice: { date: string; amount: number }
  mandate_sufficient: boolean
}

export async function previewChange(
  request: APIRequestContext,
  subscriptionId: string,
  planId: string,
  planAmount: number,
  requestId = `change-${subscriptionId}`,
): Promise<Preview> {
  const res = await request.post('/billing', {
    headers: auth,
    data: {
      command: 'preview_prorated_amount',
      billing_execution_info_id: subscriptionId,
      request_id: requestId,
      updated_fields: { plan_id: planId, plan_amount: planAmount },
    },
  })
  expect(res.status(), await res.text()).toBe(200)
  return (await res.json()) as Preview
}

/** Applies a previewed change that needs no payment (the sandbox's apply_plan_change): answers the billing execution as changed. */
export async function applyChange(request: APIRequestContext, preview: Preview): Promise<BillingExecution> {
  const res = await request.post('/billing', {
    headers: auth,
    data: { command: 'apply_plan_change', billing_execution_info_id: preview.billing_execution_info_id, request_id: preview.request_id },
  })
  expect(res.status(), await res.text()).toBe(200)
  return ((await res.json()) as { billing_execution_info: BillingExecution }).billing_execution_info
}

/** Juspay Billing flow 3's session body for a preview: the amount is the preview's, in rupees. */
export const planChangeSession = (preview: Preview, customerId: string, extra: Record<string, unknown> = {}) => ({
  amount: preview.prorated_amount.toFixed(2),
  customer_id: customerId,
  payment_rules: {
    payment_flows: {
      billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: preview.billing_execution_info_id, request_id: preview.request_id } },
    },
  },
  ...extra,
})
