import { describe, expect, it } from 'vitest'
import { JuspayError } from '../../../contract/errors'
import type { Subscription } from '../../domain/subscriptions'
import { createSession, subscriptionBody, type TestSandbox } from '../../testing/checkout-dialect'
import { billingSession, monthlyPlan } from '../../testing/fixtures'
import { billingSandbox, DAY, decide, DEMO_AUTH, expectJuspayError as expectRefusal, LATER, MINUTE, OTHER_AUTH, paidPlanCheckout, postJson, SECOND, startPaying } from '../../testing/billing-sandbox'
import type { JuspayPreview } from './billing-preview'

/**
 * POST /billing, preview_prorated_amount (docs/domain/billing.md#plan-changes-the-prorated-preview).
 * The clock starts at FIXED_NOW, Tuesday 10 March 2026, 10:00 IST. A Zenskar plan checkout of
 * fit_monthly (₹499 on the 5th, no introductory period) paid then pays the first period, 10 March
 * to 5 April: 26 days, IST midnight to IST midnight, 2,246,400 seconds.
 */

const post = (s: TestSandbox, body: unknown, headers: Record<string, string> = DEMO_AUTH, path = '/billing') => postJson(s, path, body, headers)

/** The customer pays on the page with a UPI intent and QA approves it. */
async function pay(s: TestSandbox, pageId: string, merchantOrderId: string): Promise<void> {
  await startPaying(s, pageId)
  await decide(s, merchantOrderId, 'approve')
}

const sandbox = (previewMinutes?: number) => billingSandbox({ previewMinutes })
const planCheckout = async (s: TestSandbox, planId = 'fit_monthly', extra: Record<string, unknown> = {}) => (await paidPlanCheckout(s, planId, extra)).id

/** A Juspay Billing registration of a plan: ₹1 today, refunded; answers the billing execution's id. */
async function juspayRegistration(s: TestSandbox, planId: string): Promise<string> {
  const orderId = `bill-${planId}`.slice(0, 20)
  const created = await post(s, billingSession(orderId, { plan_id: planId }), DEMO_AUTH, '/session')
  expect(created.status).toBe(200)
  const { id: pageId } = (await created.json()) as { id: string }
  await pay(s, pageId, orderId)
  return (await s.store.orderById(pageId))?.billing?.subscriptionId ?? ''
}

const previewBody = (id: string, overrides: Record<string, unknown> = {}, updated: Record<string, unknown> = {}) => ({
  command: 'preview_prorated_amount',
  billing_execution_info_id: id,
  request_id: 'req-1',
  updated_fields: { plan_id: 'fit_monthly_plus', plan_amount: 799, ...updated },
  ...overrides,
})



describe('a plan checkout, paid, then an upgrade previewed', () => {
  it('prices the upgrade to fit_monthly_plus to the second over the paid first period', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    expect(id).toMatch(/^bei_[A-Za-z0-9]{22}$/)
    s.clock.advance(LATER)

    const res = await post(s, previewBody(id))
    expect(res.status).toBe(200)
    // By hand: the cycle is 10 Mar 00:00 IST → 5 Apr 00:00 IST = 26 × 86,400 = 2,246,400 s. At 20 Mar 18:45:10 IST,
    // 15 days 5:14:50 remain = 1,296,000 + 18,890 = 1,314,890 s.
    // Credit: 49,900 × 1,314,890 ÷ 2,246,400 = 29,208.07 → 29,208 p. Charge: 79,900 × 1,314,890 ÷ 2,246,400 = 46,768.03 → 46,768 p.
    // Due now: 46,768 − 29,208 = 17,560 p = ₹175.60. The mandate took the plan's max_amount, ₹499: ₹799 does not fit.
    expect(await res.json()).toEqual({
      billing_execution_info_id: id,
      request_id: 'req-1',
      prorated_amount: 175.6,
      preview_expires_at: '2026-03-20T13:30:10Z',
      proration_at: '2026-03-20T13:15:10Z',
      current_plan: { plan_id: 'fit_monthly', plan_amount: 499, period_start: '2026-03-09T18:30:00Z', period_end: '2026-04-04T18:30:00Z' },
      new_plan: { plan_id: 'fit_monthly_plus', plan_amount: 799, plan_rule_value: 5 },
      unused_credit: 292.08,
      new_plan_charge: 467.68,
      remaining_seconds: 1314890,
      cycle_seconds: 2246400,
      credit_held: 0,
      credit_applied: 0,
      carry_forward_credit: 0,
      payment_required: true,
      next_invoice: { date: '2026-04-05', amount: 799 },
      mandate_sufficient: false,
    } satisfies JuspayPreview)
  })

  it('previews a downgrade as a credit carried to the next invoice, with nothing to pay', async () => {
    const s = sandbox()
    const id = await planCheckout(s, 'fit_monthly_plus')
    s.clock.advance(LATER)
    const res = await post(s, previewBody(id, {}, { plan_id: 'fit_monthly', plan_amount: '499.00' }))
    expect(res.status).toBe(200)
    // Credit 79,900 × 1,314,890 ÷ 2,246,400 = 46,768 p; charge 49,900 × … = 29,208 p; 17,560 p carried forward.
    expect(await res.json()).toMatchObject({
      prorated_amount: 0,
      unused_credit: 467.68,
      new_plan_charge: 292.08,
      carry_forward_credit: 175.6,
      payment_required: false,
      next_invoice: { date: '2026-04-05', amount: 499 },
      mandate_sufficient: true,
    })
  })

  it('takes a variable plan at an amount within its max_amount, and echoes a debit day sent', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    const res = await post(s, previewBody(id, {}, { plan_id: 'fit_classes_payg', plan_amount: '750.50', rule_info: { plan_rule_value: 28 } }))
    expect(res.status).toBe(200)
    // At FIXED_NOW, 10:00 IST on the cycle's first day, 25 days 14 hours remain = 2,210,400 s.
    // Credit 49,900 × 2,210,400 ÷ 2,246,400 = 49,100.32 → 49,100; charge 75,050 × … = 73,847.28 → 73,847; due 24,747 p.
    expect(await res.json()).toMatchObject({
      prorated_amount: 247.47,
      unused_credit: 491,
      new_plan_charge: 738.47,
      remaining_seconds: 2210400,
      new_plan: { plan_id: 'fit_classes_payg', plan_amount: 750.5, plan_rule_value: 28 },
      next_invoice: { date: '2026-04-05', amount: 750.5 },
      mandate_sufficient: false,
    })
  })
})

describe('the preview is kept: the same request answers it unchanged', () => {
  it('answers the stored preview to the same body after the clock moved, in any key order, and refuses another body under its request_id', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    s.clock.advance(LATER)
    const first: unknown = await (await post(s, previewBody(id))).json()
    s.clock.advance(3 * DAY)
    const again = await post(s, { updated_fields: { plan_amount: 799, plan_id: 'fit_monthly_plus' }, request_id: 'req-1', billing_execution_info_id: id, command: 'preview_prorated_amount' })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(first)

    const conflict = await expectRefusal(post(s, previewBody(id, {}, { plan_id: 'fit_classes_payg', plan_amount: 500 })), 409, 'DUPLICATE_REQUEST', ['request_id'])
    expect(conflict.error_message).toBe(
      'Conflict: request_id was already used for a different preview of this billing execution (made at 2026-03-20T13:15:10.000Z); repeat that request exactly to read its preview again, or send a new request_id for a new one.',
    )
    // A new request_id is a new preview, at the new time.
    const fresh = (await (await post(s, previewBody(id, { request_id: 'req-2' }))).json()) as JuspayPreview
    expect(fresh.proration_at).toBe('2026-03-23T13:15:10Z')
  })

  it('keeps previews per merchant and subscription: the same request_id on another subscription is another preview', async () => {
    const s = sandbox()
    const a = await planCheckout(s)
    const b = await planCheckout(s)
    const first = (await (await post(s, previewBody(a))).json()) as JuspayPreview
    const second = (await (await post(s, previewBody(b))).json()) as JuspayPreview
    expect([first.billing_execution_info_id, second.billing_execution_info_id]).toEqual([a, b])
    expect((await s.store.preview('demo_merchant', a, 'req-1'))?.subscriptionId).toBe(a)
    expect((await s.store.preview('demo_merchant', b, 'req-1'))?.subscriptionId).toBe(b)
  })

  it('forgets previews on POST /sandbox/reset', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    expect((await post(s, previewBody(id))).status).toBe(200)
    expect((await s.app.request('/sandbox/reset', { method: 'POST', headers: DEMO_AUTH })).status).toBe(200)
    expect(await s.store.preview('demo_merchant', id, 'req-1')).toBeUndefined()
  })
})

describe('how long a preview holds', () => {
  it.each<[string, number | undefined, string]>([
    ['15 minutes by default', undefined, '2026-03-10T04:45:00Z'],
    ["the merchant's billing.previewMinutes", 90, '2026-03-10T06:00:00Z'],
  ])('%s', async (_name, minutes, expiresAt) => {
    const s = sandbox(minutes)
    const id = await planCheckout(s)
    const preview = (await (await post(s, previewBody(id))).json()) as JuspayPreview
    expect([preview.proration_at, preview.preview_expires_at]).toEqual(['2026-03-10T04:30:00Z', expiresAt])
  })
})

describe('refusals store nothing', () => {
  type Case = [name: string, body: (id: string) => unknown, status: number, code: string, fields: string[]]
  const cases: Case[] = [
    ['no command', (id) => ({ ...previewBody(id), command: undefined }), 400, 'MISSING_MANDATORY_PARAMETER', ['command']],
    ['an unknown command', (id) => previewBody(id, { command: 'migrate' }), 400, 'INVALID_INPUT', ['command']],
    ['no billing_execution_info_id', (id) => previewBody(id, { billing_execution_info_id: undefined }), 400, 'MISSING_MANDATORY_PARAMETER', ['billing_execution_info_id']],
    ['no request_id', (id) => previewBody(id, { request_id: '' }), 400, 'MISSING_MANDATORY_PARAMETER', ['request_id']],
    ['a request_id that is not a string', (id) => previewBody(id, { request_id: 7 }), 400, 'INVALID_INPUT', ['request_id']],
    ['no updated_fields', (id) => previewBody(id, { updated_fields: undefined }), 400, 'MISSING_MANDATORY_PARAMETER', ['updated_fields.plan_id', 'updated_fields.plan_amount']],
    ['updated_fields that is not an object', (id) => previewBody(id, { updated_fields: 'fit_monthly_plus' }), 400, 'INVALID_INPUT', ['updated_fields']],
    ['no plan_id', (id) => previewBody(id, {}, { plan_id: null }), 400, 'MISSING_MANDATORY_PARAMETER', ['updated_fields.plan_id']],
    ['no plan_amount', (id) => previewBody(id, {}, { plan_amount: undefined }), 400, 'MISSING_MANDATORY_PARAMETER', ['updated_fields.plan_amount']],
    ['a plan_amount with three decimals', (id) => previewBody(id, {}, { plan_amount: 799.005 }), 400, 'INVALID_INPUT', ['updated_fields.plan_amount']],
    ['a plan_amount of zero', (id) => previewBody(id, {}, { plan_amount: 0 }), 400, 'INVALID_INPUT', ['updated_fields.plan_amount']],
    ['an unknown field', (id) => previewBody(id, {}, { plan_name: 'Plus' }), 400, 'INVALID_INPUT', ['updated_fields.plan_name']],
    ['rule_info that is not an object', (id) => previewBody(id, {}, { rule_info: 5 }), 400, 'INVALID_INPUT', ['updated_fields.rule_info']],
    ['a plan_rule_value that is not a whole number', (id) => previewBody(id, {}, { rule_info: { plan_rule_value: '5' } }), 400, 'INVALID_INPUT', ['updated_fields.rule_info.plan_rule_value']],
    ['an unknown billing_execution_info_id', () => previewBody('bei_0000000000000000000000'), 404, 'RESOURCE_NOT_FOUND', ['billing_execution_info_id']],
    ['an unknown target plan', (id) => previewBody(id, {}, { plan_id: 'fit_nope' }), 400, 'INVALID_INPUT', ['updated_fields.plan_id']],
    ['an INACTIVE target plan', (id) => previewBody(id, {}, { plan_id: 'retired' }), 400, 'INVALID_INPUT', ['updated_fields.plan_id']],
    ['the plan already held', (id) => previewBody(id, {}, { plan_id: 'fit_monthly', plan_amount: 499 }), 400, 'INVALID_INPUT', ['updated_fields.plan_id']],
    ['a plan at another interval', (id) => previewBody(id, {}, { plan_id: 'fit_yearly', plan_amount: 4999 }), 400, 'INVALID_INPUT', ['updated_fields.plan_id']],
    ["an amount other than a FIXED plan's", (id) => previewBody(id, {}, { plan_amount: 699 }), 400, 'INVALID_INPUT', ['updated_fields.plan_amount']],
    ["an amount above a VARIABLE plan's max_amount", (id) => previewBody(id, {}, { plan_id: 'fit_classes_payg', plan_amount: '2000.01' }), 400, 'INVALID_INPUT', ['updated_fields.plan_amount']],
    ['a debit day out of the interval\'s range', (id) => previewBody(id, {}, { rule_info: { plan_rule_value: 32 } }), 400, 'INVALID_INPUT', ['updated_fields.rule_info.plan_rule_value']],
  ]

  it.each(cases)('%s', async (_name, body, status, code, fields) => {
    const s = sandbox()
    expect((await s.app.request('/sandbox/plans', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json' }, body: JSON.stringify(monthlyPlan({ plan_id: 'retired', status: 'INACTIVE' })) })).status).toBe(201)
    const id = await planCheckout(s)
    await expectRefusal(post(s, body(id)), status, code, fields)
    expect(await s.store.preview('demo_merchant', id, 'req-1')).toBeUndefined()
    // Nothing was kept under the request_id: the valid request now makes the preview.
    expect((await post(s, previewBody(id))).status).toBe(200)
  })

  it('names every problem of the amount and debit day at once', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    const error = await expectRefusal(post(s, previewBody(id, {}, { plan_amount: 800, rule_info: { plan_rule_value: 0 } })), 400, 'INVALID_INPUT', ['updated_fields.plan_amount', 'updated_fields.rule_info.plan_rule_value'])
    expect(error.error_info.fields.map((f) => f.reason)).toEqual([
      'must be 799.00, the FIXED amount of plan fit_monthly_plus; got 800.00',
      'must be between 1 and 31 with interval MONTHLY; got 0',
    ])
  })

  it("reads another merchant's billing execution as not found", async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    await expectRefusal(post(s, previewBody(id), OTHER_AUTH), 404, 'RESOURCE_NOT_FOUND', ['billing_execution_info_id'])
    expect(await s.store.preview('other_merchant', id, 'req-1')).toBeUndefined()
  })

  it('says changing the interval is not supported', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    const error = await expectRefusal(post(s, previewBody(id, {}, { plan_id: 'fit_yearly', plan_amount: 4999 })), 400, 'INVALID_INPUT', ['updated_fields.plan_id'])
    expect(error.error_info.fields[0]?.reason).toBe('names plan fit_yearly, which bills YEARLY, while this subscription bills MONTHLY; changing the billing interval is not supported: choose a MONTHLY plan')
  })
})

describe('a subscription with no paid cycle running is refused, naming its first debit', () => {
  it.each<[string, (s: TestSandbox) => Promise<string>, string]>([
    [
      '14 free days',
      (s) => planCheckout(s, 'fit_monthly_trial'),
      'billing_execution_info_id is in its introductory period (14 free days, ending 2026-03-24) and no cycle has been paid yet: its first debit is on 2026-04-05 (India time); a plan change can be previewed once a paid cycle is running',
    ],
    [
      'discounted cycles, the first paid today',
      (s) => planCheckout(s, 'fit_monthly_intro99'),
      'billing_execution_info_id is in its introductory period (3 cycles at 99.00): its first debit is on 2026-04-05 (India time), the first at the regular amount on 2026-06-05; a plan change cannot be prorated against an introductory price',
    ],
    [
      'a later start date',
      (s) => planCheckout(s, 'fit_monthly', { start_date: '2026-03-20' }),
      'billing_execution_info_id has not started billing: billing starts on 2026-03-20 and no cycle has been paid yet; its first debit is on 2026-04-05 (India time)',
    ],
    [
      "Juspay's ₹1 authorisation",
      (s) => juspayRegistration(s, 'fit_monthly'),
      'billing_execution_info_id has no paid cycle yet: its registration charged a 1.00 authorisation, refunded, and its first debit is on 2026-04-05 (India time); a plan change can be previewed once a paid cycle is running',
    ],
  ])('%s', async (_name, subscribe, reason) => {
    const s = sandbox()
    const id = await subscribe(s)
    const error = await expectRefusal(post(s, previewBody(id)), 400, 'INVALID_ACTION', ['billing_execution_info_id'])
    expect(`${error.error_info.fields[0]?.field_name ?? ''} ${error.error_info.fields[0]?.reason ?? ''}`).toBe(reason)
    expect(await s.store.preview('demo_merchant', id, 'req-1')).toBeUndefined()
  })

  it('once the paid cycle has ended and no debit has paid the next', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    // 5 April 00:00 IST is 25 days and 14 hours after FIXED_NOW; one second before, the last second of the cycle still previews.
    s.clock.advance(25 * DAY + 14 * 60 * MINUTE - SECOND)
    expect(await (await post(s, previewBody(id, { request_id: 'last' }))).json()).toMatchObject({ remaining_seconds: 1, cycle_seconds: 2246400, prorated_amount: 0, payment_required: false })
    s.clock.advance(SECOND)
    const error = await expectRefusal(post(s, previewBody(id)), 400, 'INVALID_ACTION', ['billing_execution_info_id'])
    expect(error.error_message).toContain('its paid cycle ended on 2026-04-05 and the debit for the next one has not succeeded')
  })

  it('a subscription sold without a plan', async () => {
    const s = sandbox()
    const session = await createSession(s.app, subscriptionBody())
    const order = await s.store.orderByCheckoutSessionId(session.id)
    if (!order) throw new Error('the session stored no order')
    await pay(s, order.id, order.orderId)
    const id = (await s.store.orderById(order.id))?.billing?.subscriptionId ?? ''
    const error = await expectRefusal(post(s, previewBody(id)), 400, 'INVALID_ACTION', ['billing_execution_info_id'])
    expect(error.error_message).toContain('was sold without a plan')
  })

  it('a subscription that is not ACTIVE', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    const held = await s.store.subscription('demo_merchant', id)
    if (!held) throw new Error('no subscription')
    // A status this sandbox does not produce yet (pauses and cancellations are not simulated), stored as one would be.
    const cancelled = { ...held, id: 'bei_CANCELLED0000000000000', pageId: 'ordeh_cancelled', status: 'CANCELLED' } as unknown as Subscription
    await s.store.insertSubscription(cancelled)
    const error = await expectRefusal(post(s, previewBody(cancelled.id)), 400, 'INVALID_ACTION', ['billing_execution_info_id'])
    expect(error.error_message).toBe('Invalid request: billing_execution_info_id is CANCELLED; only an ACTIVE subscription can change plan.')
  })
})

describe('the edge of POST /billing', () => {
  it.each<[string, RequestInit, number, string]>([
    ['no credentials', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 401, 'UNAUTHENTICATED'],
    ['another merchant in x-merchantid', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json', 'x-merchantid': 'other_merchant' }, body: '{}' }, 403, 'UNAUTHORIZED'],
    ['a form body', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=preview_prorated_amount' }, 415, 'INVALID_INPUT'],
    ['broken JSON', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json' }, body: '{"command":' }, 400, 'INVALID_INPUT'],
    ['a JSON array', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json' }, body: '[]' }, 400, 'INVALID_INPUT'],
    ['GET', { headers: DEMO_AUTH }, 405, 'INVALID_INPUT'],
    ['PUT', { method: 'PUT', headers: DEMO_AUTH }, 405, 'INVALID_INPUT'],
  ])('refuses %s in the Juspay envelope', async (_, init, status, code) => {
    const res = await sandbox().app.request('/billing', init)
    expect(res.status).toBe(status)
    expect(JuspayError.parse(await res.json()).error_info.code).toBe(code)
    if (status === 405) expect(res.headers.get('allow')).toBe('POST')
  })
})

describe('a preview repeated or raced', () => {
  it('answers a repeat from the stored preview even once a new one would be refused (the paid cycle over)', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    s.clock.advance(LATER)
    const first: unknown = await (await post(s, previewBody(id))).json()
    s.clock.advance(30 * DAY)
    const fresh = await post(s, previewBody(id, { request_id: 'req-late' }))
    expect(fresh.status).not.toBe(200)
    const again = await post(s, previewBody(id))
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(first)
  })

  it('keeps the first of two previews sent at once under one request_id: the other body is a conflict', async () => {
    const s = sandbox()
    const id = await planCheckout(s)
    s.clock.advance(LATER)
    const [a, b] = await Promise.all([post(s, previewBody(id)), post(s, previewBody(id, {}, { plan_id: 'fit_classes_payg', plan_amount: 500 }))])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const kept = (a.status === 200 ? a : b).clone()
    const stored = (await s.store.preview('demo_merchant', id, 'req-1'))?.next.planId
    expect(stored).toBe(((await kept.json()) as JuspayPreview).new_plan.plan_id)
  })
})
