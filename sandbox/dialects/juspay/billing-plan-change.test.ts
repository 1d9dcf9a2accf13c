import { describe, expect, it, vi } from 'vitest'
import { JuspayError } from '../../../contract/errors'
import { SessionView } from '../../../contract/session'
import { applyPlanChange } from '../../domain/plan-change'
import { billingSandbox, decide, DEMO_AUTH, expectJuspayError, LATER, MINUTE, OTHER_AUTH, paidPlanCheckout, planChangeSession, postJson, readExecution, startPaying } from '../../testing/billing-sandbox'
import type { TestSandbox } from '../../testing/checkout-dialect'
import { monthlyPlan } from '../../testing/fixtures'
import { mandateSession } from '../../testing/juspay-dialect'
import type { JuspayBillingExecution } from './billing-execution'

/**
 * Paying for a plan change (docs/domain/billing.md#plan-changes-paying-for-one). The clock starts at
 * FIXED_NOW, 10 March 2026 10:00 IST; a Zenskar checkout of fit_monthly (₹499 on the 5th, its
 * mandate capped at ₹499) is paid then, and at 20 March 18:45:10 IST an upgrade to
 * fit_monthly_plus (₹799) is previewed: ₹175.60 due (billing-preview.test.ts works it out), the
 * quote holding until 13:30:10Z. ₹799 does not fit a ₹499 mandate, so that change registers a new
 * one; fit_monthly_roomy, the same plan with a ₹1,000 cap, makes the same upgrade a one-off payment.
 */

const FLOW = 'payment_rules.payment_flows.billing_plan_change'

const sandbox = () => billingSandbox({ plans: [monthlyPlan({ plan_id: 'fit_monthly_roomy', max_amount: 100000 })] })
const post = postJson

/** A Zenskar plan checkout, paid; then the clock moves to LATER and a change is previewed. Answers the subscription, its registration's page id and the checkout's id. */
async function previewedUpgrade(s: TestSandbox, planId = 'fit_monthly', target = 'fit_monthly_plus', amount = 799) {
  const checkout = await paidPlanCheckout(s, planId)
  s.clock.advance(LATER)
  const preview = await post(s, '/billing', { command: 'preview_prorated_amount', billing_execution_info_id: checkout.id, request_id: 'req-1', updated_fields: { plan_id: target, plan_amount: amount } })
  expect(preview.status).toBe(200)
  return checkout
}

const changeSession = (id: string, extra: Record<string, unknown> = {}) => planChangeSession(id, 'req-1', extra)

const oneOffSession = (id: string, extra: Record<string, unknown> = {}) => changeSession(id, { 'options.create_mandate': undefined, ...extra })

async function created(s: TestSandbox, body: unknown, path = '/session'): Promise<string> {
  const res = await post(s, path, body)
  expect(res.status).toBe(200)
  return ((await res.json()) as { id: string }).id
}

/** The one field a refusal blames, and its reason. */
async function refusal(res: Response | Promise<Response>): Promise<{ field: string; reason: string }[]> {
  const error = JuspayError.parse(await (await res).json())
  return error.error_info.fields.map((f) => ({ field: f.field_name, reason: f.reason }))
}

function expectOne(fields: { field: string; reason: string }[], field: string, reason: string): void {
  expect(fields.map((f) => f.field)).toEqual([field])
  expect(fields[0]?.reason).toContain(reason)
}

const execution = readExecution

const view = async (s: TestSandbox, pageId: string) => SessionView.parse(await (await s.app.request(`/api/pages/${pageId}`)).json())

const eventsOf = async (s: TestSandbox, orderId: string) =>
  (await s.store.webhooksFor('demo_merchant', orderId)).map((d) => d.body as { event_name: string; content: { billing_execution_info?: JuspayBillingExecution; mandate?: { mandate_id: string | null; status: string | null } } })

describe('a billing_plan_change session refused, storing nothing', () => {
  it.each<[string, (id: string) => Record<string, unknown>, string, string]>([
    ['a request_id with no preview', (id) => changeSession(id, { payment_rules: { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: id, request_id: 'req-2' } } } } }), `${FLOW}.info.request_id`, 'names no preview of billing execution'],
    ['a status other than REQUIRED', (id) => changeSession(id, { payment_rules: { payment_flows: { billing_plan_change: { status: 'OPTIONAL', info: { billing_execution_info_id: id, request_id: 'req-1' } } } } }), `${FLOW}.status`, 'must be REQUIRED'],
    ["an amount other than the preview's", (id) => changeSession(id, { amount: '200.00' }), 'amount', "must equal the preview's prorated_amount (175.60); got 200.00"],
    ["another customer than the subscription's", (id) => changeSession(id, { customer_id: 'cust-7' }), 'customer_id', "must be the subscription's customer (cust_42), or left out; got cust-7"],
    ['no mandate when the new amount exceeds the mandate', (id) => oneOffSession(id), 'options.create_mandate', "must be REQUIRED: the new plan's amount (799.00) exceeds the subscription's mandate"],
    ['an OPTIONAL mandate when the new amount exceeds the mandate', (id) => changeSession(id, { 'options.create_mandate': 'OPTIONAL' }), 'options.create_mandate', 'got OPTIONAL'],
    ['a new mandate capped below the new plan', (id) => changeSession(id, { mandate_max_amount: '600.00' }), 'mandate.max_amount', 'must be at least the amount of plan fit_monthly_plus (799.00); got 600.00'],
  ])('%s', async (_, body, field, reason) => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s)
    const before = await s.store.size()
    for (const path of ['/session', '/orders']) {
      const res = await post(s, path, body(id))
      expect(res.status).toBe(400)
      const error = JuspayError.parse(await res.json())
      expect(error.error_info.fields.map((f) => f.field_name)).toEqual([field])
      expect(error.error_info.fields[0]?.reason).toContain(reason)
    }
    expect(await s.store.size()).toBe(before)
    expect((await s.store.preview('demo_merchant', id, 'req-1'))?.consumedBy).toBeNull()
  })

  it('a mandate when the new amount fits the current one: the change is a one-off payment', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s, 'fit_monthly_roomy')
    expectOne(await refusal(post(s, '/session', changeSession(id))), 'options.create_mandate', "must be left out: the new plan's amount (799.00) fits the subscription's mandate, so the change is a one-off payment")
  })

  it('an expired preview, naming its expiry', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s)
    s.clock.advance(15 * MINUTE)
    expectOne(await refusal(post(s, '/session', changeSession(id))), `${FLOW}.info.request_id`, 'names a preview that expired at 2026-03-20T13:30:10.000Z (preview_expires_at)')
  })

  it('a preview that needs no payment (a downgrade), saying so', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s, 'fit_monthly_plus', 'fit_monthly', 499)
    const fields = await refusal(post(s, '/session', oneOffSession(id, { amount: '1.00' })))
    expectOne(fields, FLOW, 'pays for a preview that needs no payment: its prorated_amount is 0.00 (a downgrade, a plan at the same price or one the held credit pays for, and 175.60 is carried to the next invoice); apply it with POST /billing, command apply_plan_change')
  })

  it("another merchant's subscription, and a preview already paid for by another order", async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s)
    const foreign = JuspayError.parse(await (await post(s, '/session', changeSession(id, { return_url: undefined, payment_page_client_id: undefined }), OTHER_AUTH)).json())
    expect(foreign.error_info.fields.map((f) => f.field_name)).toEqual([`${FLOW}.info.billing_execution_info_id`])
    await created(s, changeSession(id))
    const size = await s.store.size()
    expectOne(await refusal(post(s, '/orders', changeSession(id, { order_id: 'pc-2' }))), `${FLOW}.info.request_id`, 'names a preview already paid for by order pc-1: a preview pays for one change')
    expect(await s.store.size()).toBe(size)
  })
})

describe('a billing_plan_change session accepted', () => {
  it('shows the change instead of a schedule, holds only as long as the quote, names the subscription, and replays as the same order', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s)
    const pageId = await created(s, changeSession(id))
    expect(await created(s, changeSession(id))).toBe(pageId)
    const changed = JuspayError.parse(await (await post(s, '/session', changeSession(id, { description: 'another body' }))).json())
    expect(changed.error_info.code).toBe('ALREADY_EXISTS')
    const page = await view(s, pageId)
    expect(page.schedule).toBeNull()
    expect(page.expiresAt).toBe('2026-03-20T13:30:10.000Z')
    expect(page.createMandate).toBe('REQUIRED')
    expect(page.mandate).toMatchObject({ maxAmount: { minor: 79900 }, frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 5 })
    // 20 March through 4 April: 16 IST days, up to the debit on 5 April.
    expect(page.planChange).toEqual({
      from: { planId: 'fit_monthly', name: 'Acme Fitness Monthly', amount: { minor: 49900, currency: 'INR' } },
      to: { planId: 'fit_monthly_plus', name: 'Acme Fitness Monthly Plus', amount: { minor: 79900, currency: 'INR' } },
      interval: 'MONTHLY',
      credit: { minor: 29208, currency: 'INR' },
      charge: { minor: 46768, currency: 'INR' },
      heldCredit: { minor: 0, currency: 'INR' },
      payNow: { minor: 17560, currency: 'INR' },
      covers: { from: '2026-03-20', until: '2026-04-04', days: 16 },
      nextCharge: { date: '2026-04-05', amount: { minor: 79900, currency: 'INR' }, intro: false },
      quoteExpiresAt: '2026-03-20T13:30:10.000Z',
      newMandate: true,
    })
    const order = (await (await s.app.request('/orders/pc-1', { headers: DEMO_AUTH })).json()) as Record<string, unknown>
    expect(order['billing_execution_info_id']).toBe(id)
    expect((await s.store.preview('demo_merchant', id, 'req-1'))?.consumedBy).toEqual({ orderId: 'pc-1', pageId })
  })

  it('a one-off upgrade, once paid, moves the subscription to the new plan and amount, keeping its mandate and cycle', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s, 'fit_monthly_roomy')
    const before = await execution(s, id)
    const pageId = await created(s, oneOffSession(id))
    expect((await view(s, pageId)).planChange?.newMandate).toBe(false)
    await startPaying(s, pageId, false)
    await decide(s, 'pc-1', 'approve')
    const after = await execution(s, id)
    expect(after.plan_info).toMatchObject({ plan_id: 'fit_monthly_plus', plan_amount: 799 })
    expect(after.mandate_id).toBe(before.mandate_id)
    expect(after.schedule).toEqual({
      ...before.schedule,
      first_charge: { date: '2026-04-05', amount: 799, intro: false },
      upcoming_charges: [{ date: '2026-04-05', amount: 799, intro: false }],
      recurring: { ...before.schedule.recurring, amount: 799 },
    })
    expect((await eventsOf(s, 'pc-1')).map((e) => e.event_name)).toEqual(['TXN_CREATED', 'BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED'])
    expect((await eventsOf(s, 'pc-1'))[1]?.content.billing_execution_info).toEqual(after)
    // Exactly once: the outcome folded in again finds the change applied.
    const stored = await s.store.orderById(pageId)
    if (!stored) throw new Error('the order is gone')
    expect(stored.billing?.planChange?.appliedAt).toBe(s.clock.now().toISOString())
    expect(await applyPlanChange(s.store, { order: stored, events: ['ORDER_SUCCEEDED'] }, s.clock.now())).toEqual({ order: stored, events: ['ORDER_SUCCEEDED'], revokes: null })
    expect(await execution(s, id)).toEqual(after)
  })

  it('an upgrade with a new mandate, once it is active, debits through the new mandate and revokes the old one', async () => {
    const s = sandbox()
    const { id, registrationPageId, checkoutId } = await previewedUpgrade(s)
    const pageId = await created(s, changeSession(id))
    await startPaying(s, pageId, true)
    await decide(s, 'pc-1', 'approve')
    const newMandate = (await s.store.orderById(pageId))?.mandateId
    const after = await execution(s, id)
    expect(after).toMatchObject({ mandate_id: newMandate, source_object_id: newMandate, plan_info: { plan_id: 'fit_monthly_plus', plan_amount: 799 } })
    expect(after.schedule).toMatchObject({ upcoming_charges: [{ date: '2026-04-05', amount: 799, intro: false }], max_amount: 799 })
    expect((await eventsOf(s, 'pc-1')).map((e) => e.event_name)).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED'])
    const old = await eventsOf(s, checkoutId)
    expect(old.at(-1)?.event_name).toBe('MANDATE_REVOKED')
    expect(old.at(-1)?.content.mandate).toMatchObject({ status: 'REVOKED', mandate_id: (await s.store.orderById(registrationPageId))?.mandateId })
    expect((await s.store.orderById(registrationPageId))?.mandateStatus).toBe('REVOKED')
  })
})

describe('a billing_plan_change session that does not succeed', () => {
  it.each<[string, (s: TestSandbox) => Promise<void>]>([
    ['a declined payment', (s) => decide(s, 'pc-1', 'decline')],
    [
      'an expired session',
      async (s) => {
        const res = await s.app.request('/sandbox/orders/pc-1/attempt/expire', { method: 'POST', headers: DEMO_AUTH })
        expect(res.status).toBe(200)
        s.clock.advance(15 * MINUTE)
      },
    ],
  ])('%s leaves the subscription as it was, and the preview stays paid for by that order', async (_, end) => {
    const s = sandbox()
    const { id, registrationPageId } = await previewedUpgrade(s)
    const before = await execution(s, id)
    const pageId = await created(s, changeSession(id))
    await startPaying(s, pageId, true)
    await end(s)
    expect(await execution(s, id)).toEqual(before)
    expect((await s.store.orderById(registrationPageId))?.mandateStatus).toBe('ACTIVE')
    expect((await eventsOf(s, 'pc-1')).map((e) => e.event_name)).not.toContain('BILLING_EXECUTION_UPDATED')
    const again = JuspayError.parse(await (await post(s, '/session', changeSession(id, { order_id: 'pc-2' }))).json())
    expect(again.error_info.fields.map((f) => f.field_name)).toContain(`${FLOW}.info.request_id`)
  })
})

describe('two sessions paying for one preview at once', () => {
  it('stores one; the other is refused, naming the preview, and not stored', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s)
    const [first, second] = await Promise.all([post(s, '/session', changeSession(id)), post(s, '/session', changeSession(id, { order_id: 'pc-2' }))])
    const statuses = [first.status, second.status].sort()
    expect(statuses).toEqual([200, 400])
    const refused = first.status === 400 ? first : second
    const error = JuspayError.parse(await refused.json())
    expect(error.error_info.code).toBe('INVALID_INPUT')
    expect(error.error_info.fields).toEqual([{ field_name: `${FLOW}.info.request_id`, reason: 'names a preview another order is paying for: a preview pays for one change' }])
    expect(error.error_message).toBe(`Invalid request: ${FLOW}.info.request_id names a preview another order is paying for: a preview pays for one change.`)
    const loser = first.status === 400 ? 'pc-1' : 'pc-2'
    expect((await s.app.request(`/orders/${loser}`, { headers: DEMO_AUTH })).status).toBe(404)
  })

  it('gives the preview back when another session takes its order_id between the claim and the insert', async () => {
    const s = sandbox()
    const { id } = await previewedUpgrade(s)
    const claim = s.store.consumePreview.bind(s.store)
    let other: Response | undefined
    // The other session, for no plan change, lands just after this one claimed the preview.
    vi.spyOn(s.store, 'consumePreview').mockImplementationOnce(async (...args) => {
      const held = await claim(...args)
      other = await post(s, '/session', mandateSession({ order_id: 'pc-1' }))
      return held
    })
    await expectJuspayError(post(s, '/session', changeSession(id)), 400, 'ALREADY_EXISTS', ['order_id'])
    expect(other?.status).toBe(200)
    expect((await s.store.preview('demo_merchant', id, 'req-1'))?.consumedBy).toBeNull()
    const pageId = await created(s, changeSession(id, { order_id: 'pc-2' }))
    expect((await s.store.preview('demo_merchant', id, 'req-1'))?.consumedBy).toEqual({ orderId: 'pc-2', pageId })
  })
})
