import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH } from '../../http/json-depth'
import { parsePaymentRules } from './payment-rules'

const creation = (info: Record<string, unknown>, status = 'REQUIRED') => ({
  payment_flows: { billing_creation: { status, info } },
})

describe('payment_rules', () => {
  it.each([
    ['plan only', creation({ plan_id: 'sample_fixed_plan' })],
    ['variable plan with start date', creation({ plan_id: 'p', plan_amount: 499.5, billing_start_date: 1775000000 })],
    ['amount and date as strings', creation({ plan_id: 'p', plan_amount: '499.50', billing_start_date: '1775000000' })],
    ['optional status', creation({ plan_id: 'p' }, 'OPTIONAL')],
    [
      'plan change',
      { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: 'bei_1', request_id: 'req_1' } } } },
    ],
  ])('accepts %s', (_, rules) => {
    expect(parsePaymentRules(rules)).toEqual({ ok: true, value: rules })
  })

  it('accepts the same structure as a JSON string (form bodies)', () => {
    const rules = creation({ plan_id: 'p' })
    expect(parsePaymentRules(JSON.stringify(rules))).toEqual({ ok: true, value: rules })
  })

  it.each([
    ['a string that is not JSON', '{"payment_flows":', 'payment_rules'],
    ['no payment_flows', {}, 'payment_rules.payment_flows'],
    ['no flow', { payment_flows: {} }, 'payment_rules.payment_flows'],
    ['a missing plan_id', creation({}), 'payment_rules.payment_flows.billing_creation.info.plan_id'],
    ['an empty plan_id', creation({ plan_id: '' }), 'payment_rules.payment_flows.billing_creation.info.plan_id'],
    ['a bad status', creation({ plan_id: 'p' }, 'MAYBE'), 'payment_rules.payment_flows.billing_creation.status'],
    ['a bad plan_amount', creation({ plan_id: 'p', plan_amount: '4.999' }), 'payment_rules.payment_flows.billing_creation.info.plan_amount'],
    ['a bad billing_start_date', creation({ plan_id: 'p', billing_start_date: 'soon' }), 'payment_rules.payment_flows.billing_creation.info.billing_start_date'],
    ['a misspelt key', creation({ 'plan-id': 'p', plan_id: 'p' }), 'payment_rules.payment_flows.billing_creation.info'],
    ['an unknown flow', { payment_flows: { billing_pause: {} } }, 'payment_rules.payment_flows'],
    [
      'plan change without request_id',
      { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: 'x' } } } },
      'payment_rules.payment_flows.billing_plan_change.info.request_id',
    ],
    ['an array', [], 'payment_rules'],
  ])('refuses %s, naming %s', (_, rules, path) => {
    const result = parsePaymentRules(rules)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain(path)
  })

  it.each([
    ['a string that is not JSON', '{"payment_flows":', 'is a string that is not valid JSON'],
    ['a JSON string nested too deep', `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, `nests more than ${MAX_JSON_DEPTH} levels deep`],
  ])('refuses %s with that reason alone', (_, rules, reason) => {
    expect(parsePaymentRules(rules)).toEqual({ ok: false, issues: [{ path: 'payment_rules', reason }] })
  })

  it('refuses two flows at once', () => {
    const result = parsePaymentRules({
      payment_flows: {
        billing_creation: { status: 'REQUIRED', info: { plan_id: 'p' } },
        billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: 'b', request_id: 'r' } },
      },
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]?.reason).toContain('exactly one flow')
  })
})
