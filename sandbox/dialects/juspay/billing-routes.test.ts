import { afterEach, describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../../contract/billing'
import { JuspayError } from '../../../contract/errors'
import { SessionView } from '../../../contract/session'
import { inr } from '../../../contract/money'
import { TEST_NOW, billingSession, monthlyPlan, testSandbox } from '../../testing/fixtures'
import { expectRegistrationWebhooks, startReceiver, type Receiver } from '../../testing/webhook-receiver'
import type { JuspayBillingExecution, JuspaySchedule } from './billing-execution'
import { expectJuspayError } from '../../testing/billing-sandbox'

const DAY_SECONDS = 24 * 3600
const NOW_SECONDS = TEST_NOW.getTime() / 1000
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`
const DEMO_AUTH = { authorization: basic('demo_api_key') }
const OTHER_AUTH = { authorization: basic('other_api_key') }

const receivers: Receiver[] = []
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close()
})

type Sandbox = ReturnType<typeof testSandbox>

const post = (s: Sandbox, path: string, body: unknown, headers: Record<string, string> = DEMO_AUTH) =>
  Promise.resolve(s.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }))


/** Creates the session, pays it through the page API with an intent, and approves it through the QA API. */
async function register(s: Sandbox, orderId: string, info: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const created = await post(s, '/session', billingSession(orderId, info, extra))
  expect(created.status).toBe(200)
  const { id: pageId } = (await created.json()) as { id: string }
  const started = await s.app.request(`/api/pages/${pageId}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${orderId}` },
    body: JSON.stringify({ rail: 'upi', channel: 'intent', setUpMandate: true }),
  })
  expect(started.status).toBe(201)
  const approved = await s.app.request(`/sandbox/orders/${orderId}/attempt/approve`, { method: 'POST', headers: DEMO_AUTH })
  expect(approved.status).toBe(200)
  return pageId
}

const getExecution = async (s: Sandbox, id: string, headers = DEMO_AUTH) =>
  post(s, '/billing/execution-info/', { command: 'get', billing_execution_info_id: id }, headers)

/** The schedule a billing execution carries, back in the contract's terms, to compare with the page's. */
function contractSchedule(execution: JuspayBillingExecution): PriceSchedule {
  const money = (rupees: number) => inr(Math.round(rupees * 100))
  const s: JuspaySchedule = execution.schedule
  const intro: PriceSchedule['intro'] =
    s.intro.type === 'DAYS'
      ? { type: 'DAYS', days: s.intro.days, endsOn: s.intro.ends_on }
      : s.intro.type === 'CYCLES'
        ? { type: 'CYCLES', cycles: s.intro.cycles, amount: money(s.intro.amount) }
        : s.intro.type === 'START_DATE'
          ? { type: 'START_DATE', startsOn: s.intro.starts_on }
          : { type: 'NONE' }
  return {
    plan: execution.plan_info && { id: execution.plan_info.plan_id, name: execution.plan_info.plan_name, description: execution.plan_info.plan_description },
    today: { amount: money(s.today.amount), refunded: s.today.refunded, paysFirstPeriod: s.today.pays_first_period },
    intro,
    charges: s.upcoming_charges.map((c) => ({ date: c.date, amount: money(c.amount), intro: c.intro })),
    recurring: {
      amount: money(s.recurring.amount),
      interval: s.recurring.interval as PriceSchedule['recurring']['interval'],
      ruleType: s.recurring.rule_type as PriceSchedule['recurring']['ruleType'],
      ruleValue: s.recurring.rule_value,
    },
    cap: money(s.max_amount),
  }
}

describe('Juspay Billing flows 1 and 2, end to end', () => {
  it.each<[string, Record<string, unknown>, Partial<JuspaySchedule>]>([
    [
      'flow 1: billing starts 10 days out',
      { plan_id: 'fit_monthly', billing_start_date: NOW_SECONDS + 10 * DAY_SECONDS },
      { intro: { type: 'START_DATE', starts_on: '2026-12-05' }, first_charge: { date: '2026-12-05', amount: 499, intro: false }, billing_starts_on: '2026-12-05' },
    ],
    [
      'flow 2: 14 free days',
      { plan_id: 'fit_monthly_trial' },
      { intro: { type: 'DAYS', days: 14, ends_on: '2026-12-09' }, first_charge: { date: '2027-01-05', amount: 499, intro: false }, billing_starts_on: '2027-01-05' },
    ],
    [
      'flow 2: 3 discounted cycles',
      { plan_id: 'fit_monthly_intro99' },
      {
        intro: { type: 'CYCLES', cycles: 3, amount: 99 },
        first_charge: { date: '2026-12-05', amount: 99, intro: true },
        upcoming_charges: [
          { date: '2026-12-05', amount: 99, intro: true },
          { date: '2027-01-05', amount: 99, intro: true },
          { date: '2027-02-05', amount: 99, intro: true },
          { date: '2027-03-05', amount: 499, intro: false },
        ],
        billing_starts_on: '2027-03-05',
      },
    ],
  ])('%s: the subscription both read APIs answer bills what the page showed, and the webhooks went out', async (_, info, expected) => {
    const s = testSandbox()
    const hook = await startReceiver()
    receivers.push(hook)
    const pageId = await register(s, 'bill-1', info, { 'metadata.webhook_url': hook.url })

    const order = (await (await s.app.request('/orders/bill-1', { headers: DEMO_AUTH })).json()) as Record<string, unknown>
    expect(order).toMatchObject({ status: 'CHARGED', mandate: { mandate_status: 'ACTIVE', frequency: 'MONTHLY', rule_type: 'ON', rule_value: 5, max_amount: 1000 } })
    const id = order['billing_execution_info_id']
    expect(id).toMatch(/^bei_[A-Za-z0-9]{22}$/)

    const got = await getExecution(s, String(id))
    expect(got.status).toBe(200)
    const execution = (await got.json()) as JuspayBillingExecution
    const mandateId = (order['mandate'] as { mandate_id: string }).mandate_id
    expect(execution).toMatchObject({
      billing_execution_info_id: id,
      status: 'ACTIVE',
      source_object_id: mandateId,
      customer_id: 'cust-42',
      mandate_id: mandateId,
      order_id: 'bill-1',
      date_created: '2026-11-25T10:00:00Z',
      date_activated: '2026-11-25T10:00:00Z',
      plan_info: { plan_id: info['plan_id'], plan_status: 'ACTIVE', plan_amount: 499, max_amount: 499, plan_currency: 'INR', plan_interval: 'MONTHLY', plan_rule_type: 'ON', plan_rule_value: 5, is_plan_amount_variable: false },
      schedule: { today: { amount: 1, refunded: true, pays_first_period: false }, recurring: { amount: 499, interval: 'MONTHLY', rule_type: 'ON', rule_value: 5 }, max_amount: 1000, ...expected },
    })

    const list = await s.app.request('/billing/execution-info/list/cust-42', { headers: DEMO_AUTH })
    expect(await list.json()).toEqual({ message: 'Success', merchant_id: 'demo_merchant', success: true, billing_execution_info: [execution] })

    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageId}`)).json())
    expect(view.schedule).not.toBeNull()
    expect(contractSchedule(execution)).toEqual(view.schedule)

    await expectRegistrationWebhooks(hook, s.clock, execution, id)
  })

  it('starts no subscription when the registration fails', async () => {
    const s = testSandbox()
    const created = await post(s, '/session', billingSession('bill-2', { plan_id: 'fit_monthly' }))
    const { id: pageId } = (await created.json()) as { id: string }
    await s.app.request(`/api/pages/${pageId}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      body: JSON.stringify({ rail: 'upi', channel: 'intent', setUpMandate: true }),
    })
    expect((await s.app.request('/sandbox/orders/bill-2/attempt/decline', { method: 'POST', headers: DEMO_AUTH })).status).toBe(200)
    const order = (await (await s.app.request('/orders/bill-2', { headers: DEMO_AUTH })).json()) as Record<string, unknown>
    expect(order['status']).toBe('AUTHORIZATION_FAILED')
    expect(order).not.toHaveProperty('billing_execution_info_id')
    expect(await (await s.app.request('/billing/execution-info/list/cust-42', { headers: DEMO_AUTH })).json()).toMatchObject({ billing_execution_info: [] })
  })

  it('answers a variable plan with its registration amount, and lists a customer\'s executions oldest first', async () => {
    const s = testSandbox()
    await register(s, 'bill-3', { plan_id: 'fit_monthly' })
    await register(s, 'bill-4', { plan_id: 'fit_classes_payg', plan_amount: '750.50' })
    const list = (await (await s.app.request('/billing/execution-info/list/cust-42', { headers: DEMO_AUTH })).json()) as { billing_execution_info: JuspayBillingExecution[] }
    expect(list.billing_execution_info.map((e) => [e.order_id, e.plan_info?.plan_id, e.plan_info?.plan_amount, e.plan_info?.max_amount, e.plan_info?.is_plan_amount_variable])).toEqual([
      ['bill-3', 'fit_monthly', 499, 499, false],
      ['bill-4', 'fit_classes_payg', 750.5, 2000, true],
    ])
  })
})


describe('POST /billing/execution-info', () => {
  it('answers with or without the trailing slash, and takes a form body too', async () => {
    const s = testSandbox()
    await register(s, 'bill-5', { plan_id: 'fit_monthly' })
    const id = String(((await (await s.app.request('/orders/bill-5', { headers: DEMO_AUTH })).json()) as Record<string, unknown>)['billing_execution_info_id'])
    const viaJson: unknown = await (await post(s, '/billing/execution-info', { command: 'get', billing_execution_info_id: id })).json()
    const viaForm = await s.app.request('/billing/execution-info/', {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded', 'x-merchantid': 'demo_merchant' },
      body: new URLSearchParams({ command: 'get', billing_execution_info_id: id }).toString(),
    })
    expect(viaForm.status).toBe(200)
    expect(await viaForm.json()).toEqual(viaJson)
  })

  it("reads another merchant's execution as not found", async () => {
    const s = testSandbox()
    await register(s, 'bill-6', { plan_id: 'fit_monthly' })
    const id = String(((await (await s.app.request('/orders/bill-6', { headers: DEMO_AUTH })).json()) as Record<string, unknown>)['billing_execution_info_id'])
    await expectJuspayError(getExecution(s, id, OTHER_AUTH), 404, 'RESOURCE_NOT_FOUND')
    const list = await s.app.request('/billing/execution-info/list/cust-42', { headers: OTHER_AUTH })
    expect(await list.json()).toEqual({ message: 'Success', merchant_id: 'other_merchant', success: true, billing_execution_info: [] })
  })

  it.each<[string, unknown, number, string, string[]]>([
    ['no command', { billing_execution_info_id: 'bei_x' }, 400, 'MISSING_MANDATORY_PARAMETER', ['command']],
    ['an unknown command', { command: 'migrate', billing_execution_info_id: 'bei_x' }, 400, 'INVALID_INPUT', ['command']],
    ['no id', { command: 'get' }, 400, 'MISSING_MANDATORY_PARAMETER', ['billing_execution_info_id']],
    ['an empty id', { command: 'get', billing_execution_info_id: '' }, 400, 'MISSING_MANDATORY_PARAMETER', ['billing_execution_info_id']],
    ['an id that is not a string', { command: 'get', billing_execution_info_id: 42 }, 400, 'INVALID_INPUT', ['billing_execution_info_id']],
    ['an unknown id', { command: 'get', billing_execution_info_id: 'bei_nothing' }, 404, 'RESOURCE_NOT_FOUND', []],
  ])('refuses %s', async (_, body, status, code, fields) => {
    await expectJuspayError(post(testSandbox(), '/billing/execution-info', body), status, code, fields)
  })

  it.each<[string, RequestInit, number, string]>([
    ['no credentials', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 401, 'UNAUTHENTICATED'],
    ['another merchant in x-merchantid', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json', 'x-merchantid': 'other_merchant' }, body: '{}' }, 403, 'UNAUTHORIZED'],
    ['a text body', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'text/plain' }, body: 'get' }, 415, 'INVALID_INPUT'],
    ['broken JSON', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json' }, body: '{"command":' }, 400, 'INVALID_INPUT'],
    ['GET', { headers: DEMO_AUTH }, 405, 'INVALID_INPUT'],
    ['DELETE', { method: 'DELETE', headers: DEMO_AUTH }, 405, 'INVALID_INPUT'],
  ])('refuses %s', async (_, init, status, code) => {
    const res = await testSandbox().app.request('/billing/execution-info', init)
    expect(res.status).toBe(status)
    expect(JuspayError.parse(await res.json()).error_info.code).toBe(code)
    if (status === 405) expect(res.headers.get('allow')).toBe('POST')
  })
})

describe('GET /billing/execution-info/list/{customer_id}', () => {
  it('answers an empty list for a customer with no subscription', async () => {
    const res = await testSandbox().app.request('/billing/execution-info/list/nobody', { headers: DEMO_AUTH })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ message: 'Success', merchant_id: 'demo_merchant', success: true, billing_execution_info: [] })
  })

  it.each<[string, RequestInit, number]>([
    ['no credentials', {}, 401],
    ['POST', { method: 'POST', headers: DEMO_AUTH }, 405],
  ])('refuses %s', async (_, init, status) => {
    const res = await testSandbox().app.request('/billing/execution-info/list/cust-42', init)
    expect(res.status).toBe(status)
    JuspayError.parse(await res.json())
  })

  it('answers an unknown path under /billing in the Juspay envelope', async () => {
    await expectJuspayError(testSandbox().app.request('/billing/preview', { headers: DEMO_AUTH }), 404, 'RESOURCE_NOT_FOUND')
  })
})

describe('a refused billing registration stores nothing', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['an unknown plan', { plan_id: 'nope' }, {}, 'payment_rules.payment_flows.billing_creation.info.plan_id'],
    ['an INACTIVE plan', { plan_id: 'retired' }, {}, 'payment_rules.payment_flows.billing_creation.info.plan_id'],
    ['a start date tomorrow', { plan_id: 'fit_monthly', billing_start_date: NOW_SECONDS + DAY_SECONDS }, {}, 'payment_rules.payment_flows.billing_creation.info.billing_start_date'],
    ['a mandate below the plan', { plan_id: 'fit_monthly' }, { mandate_max_amount: '100.00' }, 'mandate.max_amount'],
    ['a ONETIME mandate', { plan_id: 'fit_monthly' }, { 'mandate.frequency': 'ONETIME' }, 'mandate.frequency'],
  ])('%s', async (_, info, extra, field) => {
    const s = testSandbox()
    const added = await post(s, '/sandbox/plans', monthlyPlan({ plan_id: 'retired', status: 'INACTIVE' }))
    expect(added.status).toBe(201)
    for (const path of ['/session', '/orders']) {
      await expectJuspayError(post(s, path, billingSession('bill-x', info, extra)), 400, 'INVALID_INPUT', [field])
    }
    expect(await s.store.size()).toBe(0)
  })

  it('a plan change of no billing execution of this merchant', async () => {
    const s = testSandbox()
    const body = { ...billingSession('bill-y', {}), payment_rules: { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: 'bei_x', request_id: 'r1' } } } } }
    const error = await expectJuspayError(post(s, '/session', body), 400, 'INVALID_INPUT', ['payment_rules.payment_flows.billing_plan_change.info.billing_execution_info_id'])
    expect(error.error_message).toContain('names no billing execution of this merchant (bei_x)')
    expect(await s.store.size()).toBe(0)
  })
})

describe('the commands refused, word for word', () => {
  const COMMANDS = '"preview_prorated_amount" or "apply_plan_change"'
  const GET_ONLY = 'must be "get": reading one billing execution is the only command this sandbox serves here'
  const SERVED = `must be ${COMMANDS}: the prorated preview of a plan change and applying one that needs no payment are the commands this sandbox serves at POST /billing`

  it.each<[string, string, Record<string, unknown>, string, string, string]>([
    ['no command', '/billing/execution-info', { billing_execution_info_id: 'bei_x' }, 'MISSING_MANDATORY_PARAMETER', 'command', 'is required ("get")'],
    ['a null command', '/billing/execution-info', { command: null, billing_execution_info_id: 'bei_x' }, 'MISSING_MANDATORY_PARAMETER', 'command', 'is required ("get")'],
    ['an empty command', '/billing/execution-info', { command: '', billing_execution_info_id: 'bei_x' }, 'MISSING_MANDATORY_PARAMETER', 'command', 'is required ("get")'],
    ['another command', '/billing/execution-info', { command: 'list' }, 'INVALID_INPUT', 'command', GET_ONLY],
    ['no id', '/billing/execution-info', { command: 'get' }, 'MISSING_MANDATORY_PARAMETER', 'billing_execution_info_id', 'is required'],
    ['a null id', '/billing/execution-info', { command: 'get', billing_execution_info_id: null }, 'MISSING_MANDATORY_PARAMETER', 'billing_execution_info_id', 'is required'],
    ['an empty id', '/billing/execution-info', { command: 'get', billing_execution_info_id: '' }, 'MISSING_MANDATORY_PARAMETER', 'billing_execution_info_id', 'is required'],
    ['an id that is a number', '/billing/execution-info', { command: 'get', billing_execution_info_id: 42 }, 'INVALID_INPUT', 'billing_execution_info_id', 'must be a string'],
    ['no command at POST /billing', '/billing', { billing_execution_info_id: 'bei_x' }, 'MISSING_MANDATORY_PARAMETER', 'command', `is required (${COMMANDS})`],
    ['a null command at POST /billing', '/billing', { command: null }, 'MISSING_MANDATORY_PARAMETER', 'command', `is required (${COMMANDS})`],
    ['an empty command at POST /billing', '/billing', { command: '' }, 'MISSING_MANDATORY_PARAMETER', 'command', `is required (${COMMANDS})`],
    ['another command at POST /billing', '/billing', { command: 'get' }, 'INVALID_INPUT', 'command', SERVED],
  ])('refuses %s', async (_, path, body, code, field, reason) => {
    const error = await expectJuspayError(post(testSandbox(), path, body), 400, code, [field])
    expect(error.error_message).toBe(`Invalid request: ${field} ${reason}.`)
    expect(error.error_info.fields).toEqual([{ field_name: field, reason }])
  })

  it('allows only GET on a customer\'s list', async () => {
    const res = await testSandbox().app.request('/billing/execution-info/list/cust-42', { method: 'DELETE', headers: DEMO_AUTH })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET')
  })
})
