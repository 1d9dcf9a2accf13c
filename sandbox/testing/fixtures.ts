import type { EnachDetails } from '../../contract/enach'
import type { Frequency, MandateTerms } from '../../contract/mandate'
import type { Plan } from '../../contract/plan'
import { MAGIC_ACCOUNTS } from '../../contract/scenarios'
import { createApp, type AppOptions } from '../app'
import { MovableClock } from '../domain/clock'
import { createOrder, type OrderDraft } from '../domain/orders'
import type { Order, OrderBilling } from '../domain/order'
import { priceSchedule } from '../domain/price-schedule'
import type { SandboxDeps } from '../deps'
import type { Subscription } from '../domain/subscriptions'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { MemoryStore } from '../store/memory-store'

/** 25 Nov 2026, 10:00 UTC: every in-process test starts here. */
export const TEST_NOW = new Date('2026-11-25T10:00:00.000Z')

/** A sandbox built in-process with a movable clock, for tests that call app.request; `options` adds to the app's. */
export function testSandbox(options: Partial<AppOptions> = {}) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => TEST_NOW })
  const deps: SandboxDeps = {
    store,
    clock,
    merchants: loadMerchants(DEFAULT_MERCHANTS_FILE),
    log: silentLogger,
    publicOrigin: 'http://127.0.0.1:4000',
    qaEnabled: true,
  }
  const app = createApp(deps, { templates: null, staticDir: null, ...options })
  return { app, deps, store, clock }
}

/**
 * A valid order draft for the demo merchant: a REQUIRED monthly mandate of up to ₹1,000 with a
 * ₹1 registration charge, open for a day from `now`. Tests override what they look at.
 */
export function orderDraft(now: Date, overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    merchantId: 'demo_merchant',
    orderId: `o-${Math.random().toString(36).slice(2, 10)}`,
    fingerprint: 'seed',
    expiresAt: new Date(now.getTime() + 24 * 3600 * 1000).toISOString(),
    amountMinor: 100,
    chargedTodayMinor: 100,
    currency: 'INR',
    customer: { id: null, email: null, phone: null, firstName: null, lastName: null },
    description: 'Monthly plan',
    returnUrl: 'https://shop.merchant.com/return',
    udf: [],
    metadata: { auto_refund_post_success: 'true' },
    createMandate: 'REQUIRED',
    mandate: {
      maxAmount: { minor: 1_000_00, currency: 'INR' },
      amountRule: 'VARIABLE',
      frequency: 'MONTHLY',
      ruleType: 'AFTER',
      ruleValue: 5,
      startDate: now.toISOString(),
      endDate: '2056-11-25T10:00:00.000Z',
      blockFunds: false,
      revokableByCustomer: true,
    },
    paymentRules: null,
    billing: null,
    lineItems: [],
    preferredRail: null,
    rails: null,
    language: null,
    source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null },
    ...overrides,
  }
}

/** Creates an order straight through the domain from orderDraft. */
export async function seedOrder(deps: Pick<SandboxDeps, 'store' | 'clock'>, overrides: Partial<OrderDraft> = {}): Promise<Order> {
  const created = await createOrder(deps, orderDraft(deps.clock.now(), {
    customer: { id: 'c1', email: 'asha@example.com', phone: '9876543210', firstName: 'Asha', lastName: 'Verma' },
    ...overrides,
  }))
  if (created.kind !== 'created') throw new Error('seed order was not created')
  return created.order
}

/** eNACH registration details that the simulated bank approves; override a field to pick another outcome. */
export const enachDetails = (overrides: Partial<EnachDetails> = {}): EnachDetails => ({
  bankCode: 'HDFC',
  authMode: 'netbanking',
  accountHolderName: 'Asha Verma',
  accountNumber: MAGIC_ACCOUNTS.approved,
  ifsc: 'HDFC0001234',
  accountType: 'SAVINGS',
  ...overrides,
})

/** A VARIABLE mandate of up to `maxMinor`, on or after the 5th, valid for 30 years from the test day. */
export function mandateTerms(maxMinor: number, frequency: Frequency = 'MONTHLY'): MandateTerms {
  return {
    maxAmount: { minor: maxMinor, currency: 'INR' },
    amountRule: 'VARIABLE',
    frequency,
    ruleType: 'AFTER',
    ruleValue: 5,
    startDate: '2026-11-25T00:00:00.000Z',
    endDate: '2056-11-25T00:00:00.000Z',
    blockFunds: frequency === 'ONETIME',
    revokableByCustomer: frequency !== 'ONETIME',
  }
}

/** A valid plan: ₹499 a month on the 5th, no introductory period; override a field for another. */
export const monthlyPlan = (overrides: Partial<Plan> = {}): Plan => ({
  plan_id: 'fit_monthly',
  name: 'Monthly',
  description: 'Billed on the 5th.',
  status: 'ACTIVE',
  amount: { type: 'FIXED', paise: 49900 },
  currency: 'INR',
  interval: 'MONTHLY',
  rule_type: 'ON',
  rule_value: 5,
  max_amount: 49900,
  intro: { type: 'NONE' },
  on_failure: 'RETRY',
  ...overrides,
})

/** What a plan registration's order carries before it succeeds: the plan, its schedule from `now` (₹1 today, refunded; a ₹1,000 cap), no subscription. */
export function orderBilling(plan: Plan = monthlyPlan(), now: Date = TEST_NOW): OrderBilling {
  const schedule = priceSchedule({
    at: now,
    plan: { id: plan.plan_id, name: plan.name, description: plan.description },
    interval: plan.interval,
    ruleType: plan.rule_type ?? null,
    ruleValue: plan.rule_value ?? null,
    recurringMinor: plan.amount.type === 'FIXED' ? plan.amount.paise : plan.max_amount,
    capMinor: 1_000_00,
    today: { minor: 100, refunded: true, paysFirstPeriod: false },
    intro: plan.intro.type === 'CYCLES' ? { type: 'CYCLES', cycles: plan.intro.cycles, minor: plan.intro.paise } : plan.intro,
  })
  return { plan, schedule, subscriptionId: null, planChange: null }
}

/** A server-rendered page's text as a reader sees it: tags dropped, the escapes html`` makes undone, spaces collapsed. */
export function visibleText(page: string): string {
  return page
    .replace(/<\/?(?:bdi|span|strong)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** Juspay Billing's session for a plan: ₹1 today, refunded, the mandate's other fields taken from the plan. */
export const billingSession = (orderId: string, info: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  order_id: orderId,
  amount: '1.0',
  customer_id: 'cust-42',
  payment_page_client_id: 'demo_merchant',
  action: 'paymentPage',
  return_url: 'https://shop.merchant.com',
  'options.create_mandate': 'REQUIRED',
  mandate_max_amount: '1000.00',
  'metadata.auto_refund_post_success': 'true',
  payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info } } },
  ...extra,
})

/** A subscription of merchant m1 to fit_monthly (₹499 on the 5th) started at TEST_NOW by order ordeh_a; override what a test is about. */
export const subscriptionFixture = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: 'bei_a',
  status: 'ACTIVE',
  merchantId: 'm1',
  customerId: 'cust-1',
  plan: monthlyPlan(),
  planSnapshotAt: TEST_NOW.toISOString(),
  planAmountMinor: 49900,
  mandateId: 'M1',
  mandatePageId: 'ordeh_a',
  orderId: 'order-a',
  pageId: 'ordeh_a',
  intro: { type: 'NONE' },
  billingStartsOn: '2026-12-05',
  schedule: orderBilling().schedule,
  creditMinor: 0,
  createdAt: TEST_NOW.toISOString(),
  activatedAt: TEST_NOW.toISOString(),
  ...overrides,
})
