import { describe, expect, it } from 'vitest'
import { billingSandbox, DEMO_AUTH, expectJuspayError, LATER, MINUTE, OTHER_AUTH, paidPlanCheckout, planChangeSession, postJson, readExecution } from '../../testing/billing-sandbox'
import type { TestSandbox } from '../../testing/checkout-dialect'
import { monthlyPlan } from '../../testing/fixtures'
import type { JuspayAppliedChange } from './billing-apply'
import type { JuspayBillingExecution } from './billing-execution'

/**
 * POST /billing, apply_plan_change (docs/domain/billing.md#a-net-of-zero-or-below). A Zenskar
 * checkout of fit_monthly_plus (₹799 on the 5th, its mandate capped at ₹799) is paid on 10 March
 * 2026, 10:00 IST; at 20 March 18:45:10 IST the downgrade to fit_monthly (₹499) credits ₹467.68
 * and charges ₹292.08 (billing-preview.test.ts works both out): ₹175.60 is carried forward.
 */

const apply = (id: string, requestId = 'down', extra: Record<string, unknown> = {}) => ({ command: 'apply_plan_change', billing_execution_info_id: id, request_id: requestId, ...extra })
const preview = (id: string, requestId: string, planId: string, amount: number) => ({
  command: 'preview_prorated_amount',
  billing_execution_info_id: id,
  request_id: requestId,
  updated_fields: { plan_id: planId, plan_amount: amount },
})

/** fit_monthly_plus paid, the clock at LATER, and the downgrade to fit_monthly previewed under request_id "down". */
async function previewedDowngrade(s: TestSandbox) {
  const checkout = await paidPlanCheckout(s, 'fit_monthly_plus')
  s.clock.advance(LATER)
  const res = await postJson(s, '/billing', preview(checkout.id, 'down', 'fit_monthly', 499))
  expect(await res.json()).toMatchObject({ prorated_amount: 0, carry_forward_credit: 175.6, payment_required: false })
  return checkout
}

const events = async (s: TestSandbox, orderId: string) =>
  (await s.store.webhooksFor('demo_merchant', orderId)).map((d) => d.body as { event_name: string; content: { billing_execution_info?: JuspayBillingExecution } })

async function expectRefusal(res: Response, status: number, code: string, field: string, reason: string) {
  const body = await expectJuspayError(res, status, code, [field])
  expect(body.error_info.fields[0]?.reason).toContain(reason)
}

describe('a downgrade applied without payment', () => {
  it('moves the subscription to the new plan at once and takes the credit off the next debit', async () => {
    const s = billingSandbox()
    const { id, checkoutId } = await previewedDowngrade(s)
    const res = await postJson(s, '/billing', apply(id))
    expect(res.status).toBe(200)
    const body = (await res.json()) as JuspayAppliedChange
    expect(body).toMatchObject({ status: 'APPLIED', applied_at: '2026-03-20T13:15:10Z', prorated_amount: 0, credit_held: 0, carry_forward_credit: 175.6 })
    const execution = await readExecution(s, id)
    expect(body.billing_execution_info).toEqual(execution)
    expect(execution.plan_info).toMatchObject({ plan_id: 'fit_monthly', plan_amount: 499 })
    expect(execution.credit_balance).toBe(175.6)
    // The paid cycle still ends on 5 April: ₹499 − ₹175.60 is debited then, the full ₹499 on 5 May.
    expect(execution.schedule.upcoming_charges).toEqual([
      { date: '2026-04-05', amount: 323.4, intro: false },
      { date: '2026-05-05', amount: 499, intro: false },
    ])
    expect(execution.schedule.recurring).toMatchObject({ amount: 499, rule_type: 'ON', rule_value: 5 })
    const heard = await events(s, checkoutId)
    expect(heard.at(-1)?.event_name).toBe('BILLING_EXECUTION_UPDATED')
    expect(heard.at(-1)?.content.billing_execution_info).toEqual(execution)
  })

  it('answers a repeat with the change as applied, and changes nothing more', async () => {
    const s = billingSandbox()
    const { id, checkoutId } = await previewedDowngrade(s)
    const first = (await (await postJson(s, '/billing', apply(id))).json()) as JuspayAppliedChange
    const heard = (await events(s, checkoutId)).length
    s.clock.advance(MINUTE)
    const again = await postJson(s, '/billing', apply(id))
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(first)
    expect(await events(s, checkoutId)).toHaveLength(heard)
  })

  it('pays the next change from the credit it carries: the upgrade back costs nothing and leaves no credit', async () => {
    const s = billingSandbox()
    const { id } = await previewedDowngrade(s)
    await postJson(s, '/billing', apply(id))
    const back = await postJson(s, '/billing', preview(id, 'up', 'fit_monthly_plus', 799))
    // The same instant: credit ₹292.08 for fit_monthly, charge ₹467.68 for fit_monthly_plus, ₹175.60 net, all of it held.
    expect(await back.json()).toMatchObject({ unused_credit: 292.08, new_plan_charge: 467.68, credit_held: 175.6, credit_applied: 175.6, prorated_amount: 0, carry_forward_credit: 0, payment_required: false })
    expect((await postJson(s, '/billing', apply(id, 'up'))).status).toBe(200)
    const execution = await readExecution(s, id)
    expect(execution.plan_info).toMatchObject({ plan_id: 'fit_monthly_plus', plan_amount: 799 })
    expect(execution.credit_balance).toBe(0)
    expect(execution.schedule.upcoming_charges).toEqual([{ date: '2026-04-05', amount: 799, intro: false }])
  })

  it('keeps the credit off an upgrade that costs more than it: the session pays the rest', async () => {
    const s = billingSandbox({ plans: [monthlyPlan({ plan_id: 'fit_monthly_max', amount: { type: 'FIXED', paise: 99900 }, max_amount: 99900 })] })
    const { id } = await previewedDowngrade(s)
    await postJson(s, '/billing', apply(id))
    s.clock.advance(MINUTE)
    const up = await postJson(s, '/billing', preview(id, 'up', 'fit_monthly_max', 999))
    // A minute on, 1,314,830 s of 2,246,400 remain: credit 49,900 × … = 29,206.7 → ₹292.07, charge 99,900 × … = 58,472.0 → ₹584.72;
    // the ₹292.65 net less the ₹175.60 held is ₹117.05 to pay.
    expect(await up.json()).toMatchObject({ unused_credit: 292.07, new_plan_charge: 584.72, credit_held: 175.6, credit_applied: 175.6, prorated_amount: 117.05, carry_forward_credit: 0 })
  })

  it('applies a debit day sent with the change from the debit after the paid cycle', async () => {
    const s = billingSandbox()
    const { id } = await paidPlanCheckout(s, 'fit_monthly_plus')
    s.clock.advance(LATER)
    const body = { ...preview(id, 'down', 'fit_monthly', 499), updated_fields: { plan_id: 'fit_monthly', plan_amount: 499, rule_info: { plan_rule_value: 20 } } }
    expect(await (await postJson(s, '/billing', body)).json()).toMatchObject({ new_plan: { plan_rule_value: 20 }, next_invoice: { date: '2026-04-05', amount: 499 } })
    await postJson(s, '/billing', apply(id))
    const execution = await readExecution(s, id)
    // 5 April ends the paid cycle and its debit pays the month to 5 May; the 20th nearest that is 20 April or 20 May,
    // 15 days either side, and a tie takes the later (as after a period paid at checkout).
    expect(execution.schedule.upcoming_charges).toEqual([
      { date: '2026-04-05', amount: 323.4, intro: false },
      { date: '2026-05-20', amount: 499, intro: false },
    ])
    expect(execution.schedule.recurring).toMatchObject({ rule_type: 'ON', rule_value: 20 })
  })
})

describe('apply_plan_change refused, changing nothing', () => {
  const cases: [name: string, arrange: (s: TestSandbox, id: string) => unknown, body: (id: string) => unknown, status: number, code: string, field: string, reason: string][] = [
    ['an upgrade, which needs a payment', (s, id) => postJson(s, '/billing', preview(id, 'up', 'fit_monthly_plus_more', 999)), (id) => apply(id, 'up'), 400, 'INVALID_ACTION', 'request_id', 'needs a payment of 117.07'],
    ['an expired preview', (s) => s.clock.advance(15 * MINUTE), apply, 400, 'INVALID_ACTION', 'request_id', 'expired at 2026-03-20T13:30:10.000Z'],
    ['a preview another change made stale', (s, id) => postJson(s, '/billing', apply(id, 'other')), apply, 400, 'INVALID_ACTION', 'billing_execution_info_id', 'has changed since this preview (now plan fit_monthly_lite at 299.00'],
    ['an unknown request_id', () => undefined, (id) => apply(id, 'nope'), 404, 'RESOURCE_NOT_FOUND', 'request_id', 'names no preview of billing execution'],
    ['another merchant\'s subscription', () => undefined, (id) => ({ ...apply(id), as: 'other' }), 404, 'RESOURCE_NOT_FOUND', 'billing_execution_info_id', 'names no billing execution of this merchant'],
    ['a missing request_id', () => undefined, (id) => ({ command: 'apply_plan_change', billing_execution_info_id: id }), 400, 'MISSING_MANDATORY_PARAMETER', 'request_id', 'is required'],
    ['a request_id that is not a string', () => undefined, (id) => apply(id, 7 as unknown as string), 400, 'INVALID_INPUT', 'request_id', 'must be a string'],
    ['an oversized request_id', () => undefined, (id) => apply(id, 'r'.repeat(256)), 400, 'INVALID_INPUT', 'request_id', 'at most 255 characters'],
    ['an unknown field', () => undefined, (id) => apply(id, 'down', { updated_fields: {} }), 400, 'INVALID_INPUT', 'updated_fields', 'is not a field of apply_plan_change'],
    ['a hostile request_id', () => undefined, (id) => apply(id, '<script>alert(1)</script>'), 404, 'RESOURCE_NOT_FOUND', 'request_id', 'names no preview'],
  ]

  it.each(cases)('%s', async (_name, arrange, body, status, code, field, reason) => {
    const s = billingSandbox({
      plans: [
        monthlyPlan({ plan_id: 'fit_monthly_plus_more', amount: { type: 'FIXED', paise: 99900 }, max_amount: 99900 }),
        monthlyPlan({ plan_id: 'fit_monthly_lite', amount: { type: 'FIXED', paise: 29900 }, max_amount: 29900 }),
      ],
    })
    const { id, checkoutId } = await paidPlanCheckout(s, 'fit_monthly_plus')
    s.clock.advance(LATER)
    await postJson(s, '/billing', preview(id, 'other', 'fit_monthly_lite', 299))
    expect((await postJson(s, '/billing', preview(id, 'down', 'fit_monthly', 499))).status).toBe(200)
    await arrange(s, id)
    const before = await readExecution(s, id)
    const heard = (await events(s, checkoutId)).length
    const sent = body(id) as Record<string, unknown>
    const { as, ...request } = sent
    await expectRefusal(await postJson(s, '/billing', request, as === 'other' ? OTHER_AUTH : DEMO_AUTH), status, code, field, reason)
    expect(await readExecution(s, id)).toEqual(before)
    expect(await events(s, checkoutId)).toHaveLength(heard)
  })

  it('refuses a preview a session pays for: that session applies it', async () => {
    const s = billingSandbox()
    const { id } = await paidPlanCheckout(s, 'fit_monthly')
    s.clock.advance(LATER)
    await postJson(s, '/billing', preview(id, 'up', 'fit_monthly_plus', 799))
    expect((await postJson(s, '/session', planChangeSession(id, 'up'))).status).toBe(200)
    await expectRefusal(await postJson(s, '/billing', apply(id, 'up')), 400, 'INVALID_ACTION', 'request_id', 'needs a payment of 175.60')
  })

  it('refuses a wrong API key before anything else', async () => {
    const s = billingSandbox()
    const res = await postJson(s, '/billing', apply('bei_x'), { authorization: `Basic ${Buffer.from('wrong:').toString('base64')}` })
    expect(res.status).toBe(401)
  })
})
