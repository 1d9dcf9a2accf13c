import { describe, expect, it } from 'vitest'
import type { Plan } from '../../contract/plan'
import { billingSandbox, DEMO_AUTH, type PayBy, expectJuspayError, OTHER_AUTH, paidPlanCheckout, postJson, readExecution } from '../testing/billing-sandbox'
import type { TestSandbox } from '../testing/checkout-dialect'
import { mandateSandbox } from '../testing/mandate-sandbox'

/**
 * A subscription's scheduled debits through the QA API (docs/domain/renewals.md): the clock moved
 * through a trial, the notice, a debit, the next cycle's failure and its retries, the plan's action.
 * The checkout is paid on 10 March 2026, 10:00 IST; fit_monthly_trial bills ₹499 on the 5th after 14 free
 * days: first on 5 April.
 */

type Webhook = { event_name: string; created_at: string; body: { content: Record<string, Record<string, unknown>> } }
const IST = (text: string): number => Math.floor(Date.parse(`${text}+05:30`) / 1000)

async function moveTo(s: TestSandbox, istTime: string): Promise<void> {
  const res = await postJson(s, '/sandbox/clock', { advance_to: IST(istTime) })
  expect(res.status).toBe(200)
}

async function webhooks(s: TestSandbox, orderId: string): Promise<Webhook[]> {
  const res = await s.app.request(`/sandbox/orders/${orderId}/webhooks`, { headers: DEMO_AUTH })
  expect(res.status).toBe(200)
  return ((await res.json()) as { webhooks: Webhook[] }).webhooks
}
const names = async (s: TestSandbox, orderId: string) => (await webhooks(s, orderId)).map((w) => w.event_name)

async function orderStatus(s: TestSandbox, orderId: string) {
  const res = await s.app.request(`/orders/${orderId}`, { headers: DEMO_AUTH })
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

const nextDebit = (s: TestSandbox, mandateId: string, body: unknown, headers: Record<string, string> = DEMO_AUTH) =>
  postJson(s, `/sandbox/mandates/${mandateId}/next-debit`, body, headers)

/** A subscription paid for at checkout, once the clock moved a second, so that its first step (scheduling the first debit) has run. */
async function subscribed(s: TestSandbox, planId = 'fit_monthly_trial', by: PayBy = 'upi') {
  const { id, checkoutId } = await paidPlanCheckout(s, planId, {}, by)
  expect((await postJson(s, '/sandbox/clock', { advance_by_seconds: 1 })).status).toBe(200)
  const execution = await readExecution(s, id)
  return { id, checkoutId, mandateId: execution.mandate_id }
}

describe('scheduled debits (docs/domain/renewals.md)', () => {
  it('debits after a 14-day trial: announced, noticed, then charged as a new order; the next cycle is scheduled', async () => {
    const s = billingSandbox()
    const { id } = await subscribed(s)
    const first = `${id}_1`
    expect(await names(s, first)).toEqual(['BILLING_TXN_SCHEDULED'])

    await moveTo(s, '2026-04-03T05:59:59')
    expect(await names(s, first)).toEqual(['BILLING_TXN_SCHEDULED'])
    await moveTo(s, '2026-04-03T06:00:00')
    expect(await names(s, first)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED'])
    await moveTo(s, '2026-04-03T18:00:00')
    const noticed = await webhooks(s, first)
    expect(noticed.map((w) => w.event_name)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED'])
    expect(noticed[2]?.body.content['notification']).toMatchObject({
      object: 'notification',
      status: 'SUCCESS',
      source_object: 'MANDATE',
      source_info: { amount: '499.00', txn_date: String(IST('2026-04-05T06:00:00')) },
    })
    expect((await orderStatus(s, first))['status']).toBe('NEW')

    await moveTo(s, '2026-04-05T06:00:00')
    expect(await names(s, first)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_SUCCEEDED', 'ORDER_SUCCEEDED'])
    expect(await orderStatus(s, first)).toMatchObject({ order_id: first, status: 'CHARGED', amount: 499, txn_id: `demo_merchant-${first}-1`, billing_execution_info_id: id })
    expect(await names(s, `${id}_2`)).toEqual(['BILLING_TXN_SCHEDULED'])
    expect((await readExecution(s, id)).status).toBe('ACTIVE')
  })

  it("refuses QA's expiry on a scheduled debit, which keeps its date and is charged at it", async () => {
    const s = billingSandbox()
    const { id } = await subscribed(s)
    const first = `${id}_1`
    const before = await orderStatus(s, first)
    const refused = await expectJuspayError(s.app.request(`/sandbox/orders/${first}/expire`, { method: 'POST', headers: DEMO_AUTH }), 409, 'INVALID_ACTION')
    expect(refused.error_message).toContain('a debit on a mandate')
    expect(await orderStatus(s, first)).toEqual(before)
    await moveTo(s, '2026-04-05T06:00:00')
    expect((await orderStatus(s, first))['status']).toBe('CHARGED')
  })

  it('a plan change is prorated over the cycle the latest debit paid, and refused while the next one is unpaid', async () => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    const preview = (requestId: string) =>
      postJson(s, '/billing', { command: 'preview_prorated_amount', billing_execution_info_id: id, request_id: requestId, updated_fields: { plan_id: 'fit_monthly_plus', plan_amount: 799 } })
    await expectJuspayError(preview('before'), 400, 'INVALID_ACTION', ['billing_execution_info_id'])

    await moveTo(s, '2026-04-20T00:00:00')
    const res = await preview('paid')
    expect(res.status).toBe(200)
    // The cycle debited on 5 April runs to the next debit, 5 May (IST midnights): 30 days, 15 of them left.
    expect(await res.json()).toMatchObject({
      current_plan: { plan_id: 'fit_monthly_trial', plan_amount: 499, period_start: '2026-04-04T18:30:00Z', period_end: '2026-05-04T18:30:00Z' },
      cycle_seconds: 30 * 86400,
      remaining_seconds: 15 * 86400,
      next_invoice: { date: '2026-05-05' },
    })

    expect((await nextDebit(s, mandateId, { outcome: 'failure', reason: 'insufficient_funds' })).status).toBe(200)
    await moveTo(s, '2026-05-05T08:00:00')
    expect((await readExecution(s, id)).status).toBe('PAST_DUE')
    const pastDue = await expectJuspayError(preview('past-due'), 400, 'INVALID_ACTION', ['billing_execution_info_id'])
    expect(pastDue.error_message).toContain('is PAST_DUE')
    // The retries run out and the plan skips the cycle: ACTIVE again, but no cycle is paid.
    await moveTo(s, '2026-05-06T00:00:00')
    expect((await readExecution(s, id)).status).toBe('ACTIVE')
    const unpaid = await expectJuspayError(preview('unpaid'), 400, 'INVALID_ACTION', ['billing_execution_info_id'])
    expect(unpaid.error_message).toContain('ended on 2026-05-05')
  })

  it("refuses the merchant's own debit in a month the subscription's debit already took", async () => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    await moveTo(s, '2026-04-05T06:00:00')
    const mandate = (await (await s.app.request(`/mandates/${mandateId}`, { headers: DEMO_AUTH })).json()) as { customer_id: string }
    const txnDate = IST('2026-04-20T10:00:00')
    await moveTo(s, '2026-04-19T08:00:00')
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
    const noticed = await s.app.request(`/mandates/${mandateId}`, form({ command: 'pre_debit_notify', object_reference_id: 'extra1', source_info: JSON.stringify({ amount: '100.00', txn_date: String(txnDate) }) }))
    expect(noticed.status).toBe(200)
    const { id: notificationId } = (await noticed.json()) as { id: string }
    const fields = { 'order.order_id': 'extra-april', 'order.amount': '100.00', 'order.customer_id': mandate.customer_id, mandate_id: mandateId, 'mandate.notification_id': notificationId, 'mandate.execution_date': String(txnDate), merchant_id: 'demo_merchant', format: 'json' }
    const body = await expectJuspayError(s.app.request('/txns', form(fields)), 400, 'INVALID_ACTION')
    expect(body.error_message).toContain(`(2026-04, order ${id}_1)`)
  })

  it('debits an eNACH mandate without a pre-debit notice, from its bank account', async () => {
    const s = billingSandbox()
    const { id } = await subscribed(s, 'fit_monthly_trial', 'enach')
    const first = `${id}_1`
    await moveTo(s, '2026-04-05T05:59:59')
    expect(await names(s, first)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED'])
    await moveTo(s, '2026-04-05T06:00:00')
    expect(await names(s, first)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'ORDER_SUCCEEDED'])
    expect(await orderStatus(s, first)).toMatchObject({ status: 'CHARGED', payment_method_type: 'NB', amount: 499 })
    expect((await readExecution(s, id)).status).toBe('ACTIVE')
  })

  it('a debit declined because the mandate was revoked at the bank revokes it and cancels the subscription, without retries', async () => {
    const s = billingSandbox()
    const { id, checkoutId, mandateId } = await subscribed(s)
    expect((await nextDebit(s, mandateId, { outcome: 'failure', reason: 'mandate_revoked_at_bank' })).status).toBe(200)
    await moveTo(s, '2026-04-05T06:00:00')
    expect((await names(s, `${id}_1`)).slice(-1)).toEqual(['ORDER_FAILED'])
    const mandate = (await (await s.app.request(`/mandates/${mandateId}`, { headers: DEMO_AUTH })).json()) as { status: string }
    expect(mandate.status).toBe('REVOKED')
    expect((await readExecution(s, id)).status).toBe('CANCELLED')
    expect(await names(s, checkoutId)).toContain('BILLING_EXECUTION_DEACTIVATED')
    await moveTo(s, '2026-06-01T00:00:00')
    expect((await s.app.request(`/sandbox/orders/${id}_2/webhooks`, { headers: DEMO_AUTH })).status).toBe(404)
  })

  it('retries a failed debit at +1 h, then outside peak hours, then applies the plan\'s action (SKIP) when the retries run out', async () => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    await moveTo(s, '2026-04-05T06:00:00')
    const chosen = await nextDebit(s, mandateId, { outcome: 'failure', reason: 'insufficient_funds' })
    expect(chosen.status).toBe(200)
    expect(await chosen.json()).toMatchObject({ mandate_id: mandateId, billing_execution_info_id: id, next_debit: { outcome: 'failure', reason: 'insufficient_funds' }, scheduled: { cycle: 2, order_id: `${id}_2`, date: '2026-05-05' } })

    await moveTo(s, '2026-05-05T06:00:00')
    const second = `${id}_2`
    expect((await names(s, second)).slice(-2)).toEqual(['ORDER_FAILED', 'BILLING_RETRY_TXN_SCHEDULED'])
    expect(await orderStatus(s, second)).toMatchObject({ status: 'AUTHORIZATION_FAILED', resp_code: 'INSUFFICIENT_FUNDS' })
    expect((await readExecution(s, id)).status).toBe('PAST_DUE')

    await moveTo(s, '2026-05-05T23:00:00')
    const failed = await webhooks(s, second)
    expect(failed.map((w) => w.event_name).slice(3)).toEqual([
      'ORDER_FAILED', 'BILLING_RETRY_TXN_SCHEDULED',
      'ORDER_FAILED', 'BILLING_RETRY_TXN_SCHEDULED',
      'ORDER_FAILED', 'BILLING_RETRY_TXN_SCHEDULED',
      'ORDER_FAILED', 'BILLING_TXN_RETRY_EXCEEDED',
    ])
    const attemptsAt = failed.filter((w) => w.event_name === 'ORDER_FAILED').map((w) => w.created_at)
    expect(attemptsAt.map((at) => Math.floor(Date.parse(at) / 1000))).toEqual(
      ['06:00', '07:00', '13:00', '16:00'].map((t) => IST(`2026-05-05T${t}:00`)),
    )
    expect((await orderStatus(s, second))['txn_id']).toBe(`demo_merchant-${second}-4`)
    // fit_monthly_trial skips the cycle: the subscription is ACTIVE again, and the next cycle is scheduled.
    expect((await readExecution(s, id)).status).toBe('ACTIVE')
    expect(await names(s, `${id}_3`)).toEqual(['BILLING_TXN_SCHEDULED'])

    const timeline = (await (await s.app.request(`/sandbox/subscriptions/${id}/timeline`, { headers: DEMO_AUTH })).json()) as { timeline: { at: string; event: string }[] }
    const events = timeline.timeline.map((l) => l.event)
    expect(events).toContain('retry_scheduled')
    expect(events).toContain('retries_exhausted')
    expect(timeline.timeline.map((l) => Date.parse(l.at))).toEqual([...timeline.timeline.map((l) => Date.parse(l.at))].sort((a, b) => a - b))
    const byMandate = await s.app.request(`/sandbox/mandates/${mandateId}/timeline`, { headers: DEMO_AUTH })
    expect(((await byMandate.json()) as { timeline: unknown[] }).timeline).toHaveLength(timeline.timeline.length)
  })

  it('a plan whose action is REVOKE revokes the mandate and cancels the subscription when the retries run out', async () => {
    const plan: Plan = {
      plan_id: 'revoking',
      name: 'Revoking',
      description: '',
      status: 'ACTIVE',
      amount: { type: 'FIXED', paise: 29900 },
      currency: 'INR',
      interval: 'MONTHLY',
      max_amount: 100000,
      intro: { type: 'DAYS', days: 3 },
      on_failure: 'REVOKE',
    }
    const s = billingSandbox({ plans: [plan] })
    const { id, mandateId } = await subscribed(s, 'revoking')
    expect((await nextDebit(s, mandateId, { outcome: 'failure', reason: 'account_closed' })).status).toBe(200)
    await moveTo(s, '2026-03-13T23:00:00')
    // An account closed is not retried.
    expect((await names(s, `${id}_1`)).slice(-2)).toEqual(['ORDER_FAILED', 'BILLING_TXN_RETRY_EXCEEDED'])
    expect((await orderStatus(s, `${id}_1`))['resp_code']).toBe('ACCOUNT_CLOSED')
    expect((await readExecution(s, id)).status).toBe('CANCELLED')
    const mandate = await s.app.request(`/mandates/${mandateId}`, { headers: DEMO_AUTH })
    expect(((await mandate.json()) as { status: string }).status).toBe('REVOKED')
    await moveTo(s, '2026-06-01T00:00:00')
    expect((await s.app.request(`/sandbox/orders/${id}_2/webhooks`, { headers: DEMO_AUTH })).status).toBe(404)
  })

  it('skips the debits of a paused mandate, and debits again once it is resumed', async () => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
    const paused = await s.app.request(`/mandates/${mandateId}`, form({ command: 'pause', pause_start_date: String(IST('2026-03-11T00:00:00')), pause_end_date: String(IST('2026-04-10T00:00:00')) }))
    expect(paused.status).toBe(200)
    await moveTo(s, '2026-04-05T07:00:00')
    expect(await names(s, `${id}_1`)).toEqual(['BILLING_TXN_SCHEDULED', 'BILLING_TXN_TO_BE_EXECUTED', 'NOTIFICATION_FAILED', 'ORDER_FAILED'])
    expect((await orderStatus(s, `${id}_1`))['status']).toBe('JUSPAY_DECLINED')
    expect((await readExecution(s, id)).status).toBe('PAUSED')
    expect((await s.app.request(`/mandates/${mandateId}`, form({ command: 'activate' }))).status).toBe(200)
    await moveTo(s, '2026-05-05T07:00:00')
    expect((await names(s, `${id}_2`)).at(-1)).toBe('ORDER_SUCCEEDED')
    expect((await readExecution(s, id)).status).toBe('ACTIVE')
  })

  it('stops once the mandate is revoked: the subscription is cancelled and nothing more is scheduled', async () => {
    const s = billingSandbox()
    const { id, checkoutId, mandateId } = await subscribed(s)
    const revoked = await s.app.request(`/mandates/${mandateId}`, { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=revoke' })
    expect(revoked.status).toBe(200)
    await moveTo(s, '2026-05-01T00:00:00')
    // The cycle scheduled before the revocation is declined at its next step.
    expect(await names(s, `${id}_1`)).toEqual(['BILLING_TXN_SCHEDULED', 'ORDER_FAILED'])
    expect((await orderStatus(s, `${id}_1`))['status']).toBe('JUSPAY_DECLINED')
    expect((await readExecution(s, id)).status).toBe('CANCELLED')
    expect(await names(s, checkoutId)).toContain('BILLING_EXECUTION_DEACTIVATED')
    expect((await s.app.request(`/sandbox/orders/${id}_2/webhooks`, { headers: DEMO_AUTH })).status).toBe(404)
  })
})

describe('mandate expiry (docs/domain/renewals.md#the-subscriptions-status)', () => {
  it('expires a registered mandate at its end_date: MANDATE_EXPIRED with the whole mandate, and it is final', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const mandateId = order.mandateId ?? ''
    const endsAt = Number((await s.read(mandateId)).body['end_date'])
    const move = (to: number) =>
      s.request('/sandbox/clock', { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ advance_to: to }) })
    // The clock moves at most ten years at a time.
    for (let now = Math.floor(Date.now() / 1000); now < endsAt - 1; now = Math.min(endsAt - 1, now + 9 * 366 * 24 * 3600)) {
      expect((await move(Math.min(endsAt - 1, now + 9 * 366 * 24 * 3600))).res.status).toBe(200)
    }
    expect((await s.read(mandateId)).body['status']).toBe('ACTIVE')
    expect((await move(endsAt)).res.status).toBe(200)
    expect((await s.read(mandateId)).body['status']).toBe('EXPIRED')
    expect((await s.webhooks(order.orderId)).at(-1)).toEqual(['MANDATE_EXPIRED', 'EXPIRED'])
    expect((await s.command(mandateId, { command: 'activate' })).status).toBe(400)
  })
})

describe("the merchant's cancel_recurring_transaction (docs/domain/renewals.md#cancelling-a-scheduled-debit)", () => {
  const command = (s: TestSandbox, mandateId: string, fields: Record<string, string>) =>
    s.app.request(`/mandates/${mandateId}`, { method: 'POST', headers: { ...DEMO_AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })

  it('cancels a scheduled debit: its order is declined, and the next cycle comes as usual', async () => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    const res = await command(s, mandateId, { command: 'cancel_recurring_transaction', order_id: `${id}_1` })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ order_id: `${id}_1`, txn_status: 'JUSPAY_DECLINED' })
    await moveTo(s, '2026-04-05T07:00:00')
    expect(await names(s, `${id}_1`)).toEqual(['BILLING_TXN_SCHEDULED', 'ORDER_FAILED'])
    expect(await names(s, `${id}_2`)).toEqual(['BILLING_TXN_SCHEDULED'])
    await moveTo(s, '2026-05-05T07:00:00')
    expect((await names(s, `${id}_2`)).at(-1)).toBe('ORDER_SUCCEEDED')
  })

  it('refuses within 30 minutes of the debit, for an order that is not a scheduled debit, and without an order_id, changing nothing', async () => {
    const s = billingSandbox()
    const { id, mandateId, checkoutId } = await subscribed(s)
    await moveTo(s, '2026-04-05T05:31:00')
    await expectJuspayError(command(s, mandateId, { command: 'cancel_recurring_transaction', order_id: `${id}_1` }), 400, 'INVALID_ACTION')
    await expectJuspayError(command(s, mandateId, { command: 'cancel_recurring_transaction', order_id: checkoutId }), 400, 'INVALID_INPUT', ['order_id'])
    await expectJuspayError(command(s, mandateId, { command: 'cancel_recurring_transaction', order_id: 'nope' }), 400, 'INVALID_INPUT', ['order_id'])
    await expectJuspayError(command(s, mandateId, { command: 'cancel_recurring_transaction', order_id: '<script>' }), 400, 'INVALID_INPUT', ['order_id'])
    await expectJuspayError(command(s, mandateId, { command: 'cancel_recurring_transaction' }), 400, 'MISSING_MANDATORY_PARAMETER', ['order_id'])
    expect((await orderStatus(s, `${id}_1`))['status']).toBe('NEW')
    await moveTo(s, '2026-04-05T06:00:00')
    expect((await orderStatus(s, `${id}_1`))['status']).toBe('CHARGED')
  })
})

describe('POST /sandbox/mandates/{mandate_id}/next-debit refuses bad input, changing nothing', () => {
  it.each<[string, { body: string; headers?: Record<string, string> }, number, string[]]>([
    ['no body', { body: '' }, 400, []],
    ['malformed JSON', { body: '{"outcome":', headers: { 'content-type': 'application/json' } }, 400, []],
    ['not JSON', { body: 'outcome=success', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, []],
    ['an unknown outcome', { body: '{"outcome":"maybe"}', headers: { 'content-type': 'application/json' } }, 400, ['outcome']],
    ['a failure without a reason', { body: '{"outcome":"failure"}', headers: { 'content-type': 'application/json' } }, 400, ['reason']],
    ['an unknown reason', { body: '{"outcome":"failure","reason":"<script>alert(1)</script>"}', headers: { 'content-type': 'application/json' } }, 400, ['reason']],
    ['an extra field', { body: '{"outcome":"success","reason":"insufficient_funds"}', headers: { 'content-type': 'application/json' } }, 400, ['reason']],
    ['an array', { body: '[]', headers: { 'content-type': 'application/json' } }, 400, ['body']],
    ['an oversized body', { body: JSON.stringify({ outcome: 'success', pad: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } }, 413, []],
  ])('%s', async (_, init, status, fields) => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    const before = await s.store.subscription('demo_merchant', id)
    const res = await s.app.request(`/sandbox/mandates/${mandateId}/next-debit`, { method: 'POST', ...init, headers: { ...DEMO_AUTH, ...init.headers } })
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error_info: { fields: { field_name: string }[] } }
    expect(body.error_info.fields.map((f) => f.field_name)).toEqual(fields)
    expect(await s.store.subscription('demo_merchant', id)).toEqual(before)
  })

  it('answers 401 without the API key or with a wrong one, 404 for another merchant\'s or an unknown or hostile mandate id', async () => {
    const s = billingSandbox()
    const { id, mandateId } = await subscribed(s)
    const before = await s.store.subscription('demo_merchant', id)
    const body = { outcome: 'failure', reason: 'insufficient_funds' }
    expect((await postJson(s, `/sandbox/mandates/${mandateId}/next-debit`, body, {})).status).toBe(401)
    expect((await postJson(s, `/sandbox/mandates/${mandateId}/next-debit`, body, { authorization: 'Basic bm9wZTo=' })).status).toBe(401)
    expect((await nextDebit(s, mandateId, body, OTHER_AUTH)).status).toBe(404)
    expect((await nextDebit(s, 'nosuchmandate', body)).status).toBe(404)
    expect((await nextDebit(s, encodeURIComponent('../../x<script>'), body)).status).toBe(404)
    expect((await nextDebit(s, 'x'.repeat(200), body)).status).toBe(404)
    expect(await s.store.subscription('demo_merchant', id)).toEqual(before)
    expect((await s.app.request(`/sandbox/subscriptions/${id}/timeline`, { headers: OTHER_AUTH })).status).toBe(404)
    expect((await s.app.request('/sandbox/subscriptions/bei_nope/timeline', { headers: DEMO_AUTH })).status).toBe(404)
    expect((await s.app.request(`/sandbox/mandates/${mandateId}/timeline`, { headers: OTHER_AUTH })).status).toBe(404)
  })

  it("keeps the choice on a mandate that carries no subscription, for the merchant's next debit", async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const mandateId = order.mandateId ?? ''
    const choice = { outcome: 'failure', reason: 'insufficient_funds' }
    const res = await s.request(`/sandbox/mandates/${mandateId}/next-debit`, {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(choice),
    })
    expect(res.res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ mandate_id: mandateId, billing_execution_info_id: null, next_debit: choice, status: null, scheduled: null })
    expect((await s.stored(order.id)).merchantDebits?.nextDebit).toEqual(choice)
  })

  it('keeps a success as chosen, with no reason', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const mandateId = order.mandateId ?? ''
    const res = await s.request(`/sandbox/mandates/${mandateId}/next-debit`, {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'success' }),
    })
    expect(res.res.status).toBe(200)
    expect(Object.entries((await s.stored(order.id)).merchantDebits?.nextDebit ?? {})).toEqual([['outcome', 'success']])
  })

  it('names what is missing: an unknown mandate, or a subscription id that is not one', async () => {
    const s = mandateSandbox()
    const unknown = await s.request('/sandbox/mandates/nosuchmandate/next-debit', {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'success' }),
    })
    expect(unknown.res.status).toBe(404)
    expect(JSON.parse(unknown.body)).toMatchObject({ error_message: 'No mandate with this mandate_id.' })
    const timeline = await s.request('/sandbox/subscriptions/bei_nope/timeline', { headers: DEMO_AUTH })
    expect(timeline.res.status).toBe(404)
    expect(JSON.parse(timeline.body)).toMatchObject({ error_message: 'No subscription with this billing_execution_info_id.' })
  })

  it('refuses a choice for a revoked mandate that carries no subscription (409), keeping nothing', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const mandateId = order.mandateId ?? ''
    expect((await s.command(mandateId, { command: 'revoke' })).status).toBe(200)
    const res = await s.request(`/sandbox/mandates/${mandateId}/next-debit`, {
      method: 'POST',
      headers: { ...DEMO_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'success' }),
    })
    expect(res.res.status).toBe(409)
    expect((await s.stored(order.id)).merchantDebits).toBeUndefined()
  })
})
