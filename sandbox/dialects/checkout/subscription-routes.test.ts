import { afterEach, describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../../contract/billing'
import { CheckoutError } from '../../../contract/errors'
import { inr } from '../../../contract/money'
import { SessionView } from '../../../contract/session'
import { billingSession, testSandbox } from '../../testing/fixtures'
import { expectRegistrationWebhooks, startReceiver, type Receiver } from '../../testing/webhook-receiver'
import { monthlyItem, subscriptionBody, paymentBody, type Body } from '../../testing/checkout-dialect'
import { CheckoutSession } from './session-object'
import { CheckoutSubscription } from './subscription-object'

type Sandbox = ReturnType<typeof testSandbox>

const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
const DEMO = bearer('demo_api_key')
const OTHER = bearer('other_api_key')
const DEMO_BASIC = { authorization: `Basic ${Buffer.from('demo_api_key:').toString('base64')}` }

/** What this test reads of Juspay's billing execution (a dialect never imports another: the shape is spelt here). */
interface JuspayExecution {
  billing_execution_info_id: string
  plan_info: unknown
  schedule: { upcoming_charges: { date: string; amount: number; intro: boolean }[] }
}

const receivers: Receiver[] = []
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close()
})

/** ₹99 for the first 3 months (today's among them), then ₹499 a month. */
const discountBody = (overrides: Body = {}): Body =>
  subscriptionBody({
    amount: 499,
    line_items: [monthlyItem(499, 'Acme Fitness Monthly')],
    subscription_data: { discount_period_config: { discount_period_count: 3, discount_period_amount: 99 } },
    ...overrides,
  })

async function create(s: Sandbox, body: Body, headers = DEMO): Promise<CheckoutSession> {
  const res = await s.app.request('/v1/checkout/sessions', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  expect(res.status).toBe(200)
  return CheckoutSession.parse(await res.json())
}

const readSession = async (s: Sandbox, id: string, headers = DEMO) =>
  CheckoutSession.parse(await (await s.app.request(`/v1/checkout/sessions/${id}`, { headers })).json())

const getSubscription = (s: Sandbox, id: string, headers: Record<string, string> = DEMO, method = 'GET') =>
  Promise.resolve(s.app.request(`/v1/subscriptions/${id}`, { method, headers }))

/** Opens the session's page, starts a UPI intent registration on it, and lets QA decide it. */
async function pay(s: Sandbox, session: CheckoutSession, decision: 'approve' | 'decline' | 'expire'): Promise<string> {
  const looked = await s.app.request('/api/checkout/lookup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_secret: session.client_secret }),
  })
  const { pageId } = SessionView.parse(await looked.json())
  const started = await s.app.request(`/api/pages/${pageId}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${session.id}` },
    body: JSON.stringify({ rail: 'upi', channel: 'intent', setUpMandate: true }),
  })
  expect(started.status).toBe(201)
  const decided = await s.app.request(`/sandbox/orders/${session.merchant_order_id}/attempt/${decision}`, { method: 'POST', headers: DEMO_BASIC })
  expect(decided.status).toBe(200)
  return pageId
}

/** The schedule the checkout dialect answers, back in the contract's terms, to compare with the page's. */
function contractSchedule(subscription: CheckoutSubscription): PriceSchedule {
  const money = (major: number) => inr(Math.round(major * 100))
  const { schedule, discount_period_config: discount } = subscription
  return {
    plan: null,
    today: { amount: money(schedule.today.amount), refunded: schedule.today.refunded, paysFirstPeriod: schedule.today.pays_first_period },
    intro: discount ? { type: 'CYCLES', cycles: discount.discount_period_count, amount: money(discount.discount_period_amount) } : { type: 'NONE' },
    charges: schedule.upcoming_charges.map((c) => ({ date: c.date, amount: money(c.amount), intro: c.discount_period })),
    recurring: {
      amount: money(schedule.recurring.amount),
      interval: schedule.recurring.frequency as PriceSchedule['recurring']['interval'],
      ruleType: schedule.recurring.rule_type as PriceSchedule['recurring']['ruleType'],
      ruleValue: schedule.recurring.rule_value,
    },
    cap: money(schedule.max_amount),
  }
}

async function expectMissing(res: Response | Promise<Response>) {
  const response = await res
  expect(response.status).toBe(404)
  expect(CheckoutError.parse(await response.json()).error).toEqual({
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: 'No such subscription.',
    param: 'id',
  })
}

describe('a subscription-mode checkout session starts a subscription', () => {
  it('starts one when paid, with the schedule the page showed, named on the session and readable in both dialects', async () => {
    const s = testSandbox()
    const hook = await startReceiver()
    receivers.push(hook)
    const session = await create(s, discountBody({ metadata: { webhook_url: hook.url } }))
    expect(session.subscription).toBeNull()
    const pageId = await pay(s, session, 'approve')

    const paid = await readSession(s, session.id)
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' })
    expect(paid.subscription).toMatch(/^bei_[A-Za-z0-9]{22}$/)
    const id = String(paid.subscription)

    const res = await getSubscription(s, id)
    expect(res.status).toBe(200)
    const subscription = CheckoutSubscription.parse(await res.json())
    expect(subscription).toEqual({
      id,
      object: 'subscription',
      livemode: false,
      status: 'active',
      checkout_session: session.id,
      merchant_order_id: session.merchant_order_id,
      currency: 'INR',
      customer: { email: 'asha@example.com', name: 'Asha Verma', merchant_customer_id: 'cust_123' },
      collection_method: 'auto_charge',
      recurring: { amount: 499, interval: 'month', interval_count: 1 },
      discount_period_config: { discount_period_count: 3, discount_period_amount: 99 },
      metadata: { webhook_url: hook.url },
      created: 1_795_600_800,
      schedule: {
        today: { amount: 99, refunded: false, pays_first_period: true },
        upcoming_charges: [
          { date: '2026-12-25', amount: 99, discount_period: true },
          { date: '2027-01-25', amount: 99, discount_period: true },
          { date: '2027-02-25', amount: 499, discount_period: false },
        ],
        first_regular_charge: { date: '2027-02-25', amount: 499 },
        recurring: { amount: 499, frequency: 'MONTHLY', rule_type: 'ON', rule_value: 25 },
        max_amount: 499,
      },
    })

    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageId}`)).json())
    expect(view.schedule).not.toBeNull()
    expect(contractSchedule(subscription)).toEqual(view.schedule)

    const execution = await s.app.request('/billing/execution-info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...DEMO_BASIC },
      body: JSON.stringify({ command: 'get', billing_execution_info_id: id }),
    })
    expect(execution.status).toBe(200)
    const juspay = (await execution.json()) as JuspayExecution
    expect(juspay).toMatchObject({ billing_execution_info_id: id, status: 'ACTIVE', customer_id: 'cust_123', order_id: session.merchant_order_id, plan_info: null })
    expect(juspay.schedule.upcoming_charges).toEqual(subscription.schedule.upcoming_charges.map((c) => ({ date: c.date, amount: c.amount, intro: c.discount_period })))

    await expectRegistrationWebhooks(hook, s.clock, juspay, id)
  })

  it('starts one without a discount period too: today pays the first month, the next debit is the second', async () => {
    const s = testSandbox()
    const session = await create(s, subscriptionBody())
    await pay(s, session, 'approve')
    const id = String((await readSession(s, session.id)).subscription)
    const subscription = CheckoutSubscription.parse(await (await getSubscription(s, id)).json())
    expect(subscription.discount_period_config).toBeNull()
    expect(subscription.schedule).toMatchObject({
      today: { amount: 499, refunded: false, pays_first_period: true },
      upcoming_charges: [{ date: '2026-12-25', amount: 499, discount_period: false }],
      first_regular_charge: { date: '2026-12-25', amount: 499 },
    })
  })

  it.each(['decline', 'expire'] as const)('starts none when the registration fails (%s)', async (decision) => {
    const s = testSandbox()
    const session = await create(s, discountBody())
    await pay(s, session, decision)
    expect((await readSession(s, session.id)).subscription).toBeNull()
    expect(await s.store.subscriptionsOf('demo_merchant', 'cust_123')).toEqual([])
  })

  it('starts none for a session that expired unpaid, and none for a payment', async () => {
    const s = testSandbox()
    const expired = await create(s, discountBody())
    const ended = await s.app.request(`/sandbox/orders/${expired.merchant_order_id}/expire`, { method: 'POST', headers: DEMO_BASIC })
    expect(ended.status).toBe(200)
    expect(await readSession(s, expired.id)).toMatchObject({ status: 'expired', subscription: null })

    const payment = await create(s, paymentBody())
    const looked = await s.app.request('/api/checkout/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_secret: payment.client_secret }),
    })
    const { pageId } = SessionView.parse(await looked.json())
    await s.app.request(`/api/pages/${pageId}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-payment' },
      body: JSON.stringify({ rail: 'upi', channel: 'intent', setUpMandate: false }),
    })
    await s.app.request(`/sandbox/orders/${payment.merchant_order_id}/attempt/approve`, { method: 'POST', headers: DEMO_BASIC })
    expect(await readSession(s, payment.id)).toMatchObject({ status: 'complete', payment_status: 'paid', subscription: null })
    expect(await s.store.subscriptionsOf('demo_merchant', 'cust_123')).toEqual([])
  })
})

describe('GET /v1/subscriptions/:id refusals', () => {
  async function paidSubscription(s: Sandbox): Promise<string> {
    const session = await create(s, discountBody())
    await pay(s, session, 'approve')
    return String((await readSession(s, session.id)).subscription)
  }

  it("answers another merchant's subscription exactly like a missing one, and changes nothing", async () => {
    const s = testSandbox()
    const id = await paidSubscription(s)
    const before = JSON.stringify({ size: await s.store.size(), subscription: await s.store.subscription('demo_merchant', id) })
    await expectMissing(getSubscription(s, id, OTHER))
    await expectMissing(getSubscription(s, 'bei_0000000000000000000000'))
    expect(JSON.stringify({ size: await s.store.size(), subscription: await s.store.subscription('demo_merchant', id) })).toBe(before)
  })

  it.each([
    ['too short', 'bei_abc'],
    ['the wrong prefix', 'sub_0000000000000000000000'],
    ['punctuation', 'bei_00000000000000000000.0'],
    ['a checkout session id', 'cs_000000000000000000000000'],
    ['an encoded path', 'bei_%2E%2E%2Fsessions'],
  ])('answers a malformed id (%s) with 404', async (_, id) => {
    await expectMissing(getSubscription(testSandbox(), id))
  })

  it('answers a subscription started through another API with 404: it is read there', async () => {
    const s = testSandbox()
    const created = await s.app.request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...DEMO_BASIC },
      body: JSON.stringify(billingSession('bill-juspay', { plan_id: 'fit_monthly' })),
    })
    expect(created.status).toBe(200)
    const { id: pageId } = (await created.json()) as { id: string }
    await s.app.request(`/api/pages/${pageId}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-juspay' },
      body: JSON.stringify({ rail: 'upi', channel: 'intent', setUpMandate: true }),
    })
    await s.app.request('/sandbox/orders/bill-juspay/attempt/approve', { method: 'POST', headers: DEMO_BASIC })
    const [juspay] = await s.store.subscriptionsOf('demo_merchant', 'cust-42')
    expect(juspay).toBeDefined()
    await expectMissing(getSubscription(s, juspay?.id ?? ''))
  })

  it('needs the API key as a Bearer token', async () => {
    const s = testSandbox()
    const id = await paidSubscription(s)
    for (const [headers, code] of [
      [{}, 'api_key_missing'],
      [bearer('wrong_key'), 'api_key_invalid'],
      [DEMO_BASIC, 'authorization_malformed'],
    ] as const) {
      const res = await getSubscription(s, id, headers)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mandate-checkout"')
      expect(CheckoutError.parse(await res.json()).error.code).toBe(code)
    }
  })

  it('answers other methods with 405 and Allow: GET, and the list path with 404, storing nothing', async () => {
    const s = testSandbox()
    const id = await paidSubscription(s)
    const before = await s.store.size()
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await getSubscription(s, id, DEMO, method)
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('GET')
      expect(CheckoutError.parse(await res.json()).error.code).toBe('method_not_allowed')
    }
    const list = await s.app.request('/v1/subscriptions', { headers: DEMO })
    expect(list.status).toBe(404)
    expect(CheckoutError.parse(await list.json()).error.code).toBe('resource_missing')
    expect(await s.store.size()).toBe(before)
    expect(await s.store.subscriptionsOf('demo_merchant', 'cust_123')).toHaveLength(1)
  })
})
