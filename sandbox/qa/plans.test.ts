import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { JuspayError } from '../../contract/errors'
import { MAX_BODY_BYTES } from '../http/body-limit'
import { qaSandbox } from '../testing/qa-sandbox'

const basic = (credentials: string): string => `Basic ${Buffer.from(credentials).toString('base64')}`
const OTHER = basic('other_api_key:')

/** The demo merchant's plans in the merchants file. */
const FILE_PLANS = ['fit_monthly', 'fit_yearly', 'fit_monthly_trial', 'fit_monthly_intro99', 'fit_classes_payg', 'fit_monthly_plus']

const PLAN = {
  plan_id: 'qa_weekly',
  name: 'Weekly yoga',
  description: 'One class a week, billed on Mondays.',
  status: 'ACTIVE',
  amount: { type: 'FIXED', paise: 14900 },
  currency: 'INR',
  interval: 'WEEKLY',
  rule_type: 'ON',
  rule_value: 1,
  max_amount: 20000,
  intro: { type: 'CYCLES', cycles: 2, paise: 0 },
  on_failure: 'SKIP',
}

const PlanList = z.strictObject({ plans: z.array(z.object({ plan_id: z.string() })) })

function setup() {
  const { store, request } = qaSandbox(new Date('2026-11-25T10:00:00.000Z'))
  const post = (plan: unknown, auth?: string) => request('POST', '/sandbox/plans', { body: JSON.stringify(plan), ...(auth ? { auth } : {}) })
  /** Every run-time plan of both merchants, to check that a refused request stored nothing. */
  const stored = async () => ({ demo: await store.plansOf('demo_merchant'), other: await store.plansOf('other_merchant') })
  return { request, post, stored }
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = JuspayError.parse(await response.json())
  expect(body.error_info.code).toBe(code)
  return body
}

const planIds = async (response: Response): Promise<string[]> => {
  expect(response.status).toBe(200)
  return PlanList.parse(await response.json()).plans.map((p) => p.plan_id)
}

describe('QA plans', () => {
  it("lists the merchants file's plans", async () => {
    const s = setup()
    expect(await planIds(await s.request('GET', '/sandbox/plans'))).toEqual(FILE_PLANS)
    expect(await planIds(await s.request('GET', '/sandbox/plans', { auth: OTHER }))).toEqual([])
  })

  it('adds a plan, answers 201 with it, then lists and reads it', async () => {
    const s = setup()
    const created = await s.post(PLAN)
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual(PLAN)
    expect(await planIds(await s.request('GET', '/sandbox/plans'))).toEqual([...FILE_PLANS, 'qa_weekly'])
    const read = await s.request('GET', '/sandbox/plans/qa_weekly')
    expect(read.status).toBe(200)
    expect(await read.json()).toEqual(PLAN)
  })

  it('reads a plan of the merchants file', async () => {
    const read = await setup().request('GET', '/sandbox/plans/fit_monthly_intro99')
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ plan_id: 'fit_monthly_intro99', intro: { type: 'CYCLES', cycles: 3, paise: 9900 } })
  })

  it('answers an identical repeat with 200 and the plan, storing it once', async () => {
    const s = setup()
    expect((await s.post(PLAN)).status).toBe(201)
    const again = await s.post(PLAN)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(PLAN)
    expect((await s.stored()).demo).toEqual([PLAN])
  })

  it('answers a repeat of a file plan with 200, storing nothing', async () => {
    const s = setup()
    const file = (await (await s.request('GET', '/sandbox/plans/fit_monthly')).json()) as unknown
    expect((await s.post(file)).status).toBe(200)
    expect((await s.stored()).demo).toEqual([])
  })

  it.each([
    ['a run-time plan', 'qa_weekly'],
    ['a plan of the merchants file', 'fit_monthly'],
  ])('refuses a different plan with the plan_id of %s with 409, changing nothing', async (_name, planId) => {
    const s = setup()
    await s.post(PLAN)
    const before = await s.stored()
    const body = await expectError(await s.post({ ...PLAN, plan_id: planId, name: 'Another' }), 409, 'INVALID_ACTION')
    expect(body.error_message).toBe(`A different plan with plan_id ${planId} already exists; choose another plan_id.`)
    expect(body.error_info.fields).toEqual([{ field_name: 'plan_id', reason: 'is already used by another plan' }])
    expect(await s.stored()).toEqual(before)
  })

  it("keeps one merchant's plans from another", async () => {
    const s = setup()
    await s.post(PLAN)
    expect(await planIds(await s.request('GET', '/sandbox/plans', { auth: OTHER }))).toEqual([])
    await expectError(await s.request('GET', '/sandbox/plans/qa_weekly', { auth: OTHER }), 404, 'RESOURCE_NOT_FOUND')
    await expectError(await s.request('GET', '/sandbox/plans/fit_monthly', { auth: OTHER }), 404, 'RESOURCE_NOT_FOUND')
    // The other merchant may use the same plan_id for a plan of its own.
    expect((await s.post({ ...PLAN, name: 'Globex weekly' }, OTHER)).status).toBe(201)
    expect((await (await s.request('GET', '/sandbox/plans/qa_weekly')).json()) as unknown).toEqual(PLAN)
  })

  it('answers 404 in the envelope for an unknown plan_id', async () => {
    const body = await expectError(await setup().request('GET', '/sandbox/plans/nope'), 404, 'RESOURCE_NOT_FOUND')
    expect(body.error_message).toBe('No plan with this plan_id.')
  })

  it('forgets run-time plans on reset and keeps the file plans', async () => {
    const s = setup()
    await s.post(PLAN)
    expect((await s.request('POST', '/sandbox/reset')).status).toBe(200)
    expect(await planIds(await s.request('GET', '/sandbox/plans'))).toEqual(FILE_PLANS)
  })

  type Act = (s: ReturnType<typeof setup>) => Promise<Response>
  const refusals: [string, Act, number, string, string][] = [
    ['no body', (s) => s.request('POST', '/sandbox/plans'), 400, 'INVALID_INPUT', 'The request body is missing; send it as a JSON object.'],
    ['a blank body', (s) => s.request('POST', '/sandbox/plans', { body: '  ' }), 400, 'INVALID_INPUT', 'The request body is missing; send it as a JSON object.'],
    ['malformed JSON', (s) => s.request('POST', '/sandbox/plans', { body: '{"plan_id":' }), 400, 'INVALID_INPUT', 'The request body is not valid JSON.'],
    ['a JSON array', (s) => s.request('POST', '/sandbox/plans', { body: '[]' }), 400, 'INVALID_INPUT', 'Invalid request: body must be a JSON object.'],
    ['a text/plain body', (s) => s.request('POST', '/sandbox/plans', { body: JSON.stringify(PLAN), type: 'text/plain' }), 415, 'INVALID_INPUT', 'Send the request body as application/json.'],
    ['a form body', (s) => s.request('POST', '/sandbox/plans', { body: 'plan_id=x', type: 'application/x-www-form-urlencoded' }), 415, 'INVALID_INPUT', 'Send the request body as application/json.'],
    ['a body over 64 KB', (s) => s.post({ ...PLAN, description: 'd'.repeat(MAX_BODY_BYTES) }), 413, 'INVALID_INPUT', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`],
    ['no Authorization header', (s) => s.request('POST', '/sandbox/plans', { auth: null, body: JSON.stringify(PLAN) }), 401, 'UNAUTHENTICATED', 'Authorization header is missing.'],
    ['a Bearer header', (s) => s.request('POST', '/sandbox/plans', { auth: 'Bearer demo_api_key', body: JSON.stringify(PLAN) }), 401, 'UNAUTHENTICATED', 'The Authorization header is not HTTP Basic with an API key.'],
    ['a wrong API key', (s) => s.post(PLAN, basic('nope_api_key:')), 401, 'UNAUTHENTICATED', 'The API key is not valid.'],
    ['GET without credentials', (s) => s.request('GET', '/sandbox/plans', { auth: null }), 401, 'UNAUTHENTICATED', 'Authorization header is missing.'],
    ['GET one plan with a wrong key', (s) => s.request('GET', '/sandbox/plans/fit_monthly', { auth: basic('nope_api_key:') }), 401, 'UNAUTHENTICATED', 'The API key is not valid.'],
    ['an unknown field', (s) => s.post({ ...PLAN, plan_type: 'PRE_DEBIT' }), 400, 'INVALID_INPUT', 'Invalid request: plan_type is not a known field.'],
    ['a script in the name', (s) => s.post({ ...PLAN, name: 'Yoga\n<script>alert(1)</script>' }), 400, 'INVALID_INPUT', 'Invalid request: name must not contain control or bidirectional-override characters.'],
    ['a bidi override in the description', (s) => s.post({ ...PLAN, description: 'Weekly \u202e499 ₹' }), 400, 'INVALID_INPUT', 'Invalid request: description must not contain control or bidirectional-override characters.'],
    ['a bad plan_id', (s) => s.post({ ...PLAN, plan_id: '../fit_monthly' }), 400, 'INVALID_INPUT', 'Invalid request: plan_id must be 1 to 64 letters, digits, _ or -.'],
    ['a bad status', (s) => s.post({ ...PLAN, status: 'active' }), 400, 'INVALID_INPUT', 'Invalid request: status must be one of ACTIVE, INACTIVE.'],
    ['a rupee amount', (s) => s.post({ ...PLAN, amount: { type: 'FIXED', paise: '149.00' } }), 400, 'INVALID_INPUT', 'Invalid request: amount.paise must be a whole number of paise.'],
    ['a currency other than INR', (s) => s.post({ ...PLAN, currency: 'USD' }), 400, 'INVALID_INPUT', 'Invalid request: currency must be INR.'],
    ['the ONETIME interval', (s) => s.post({ ...PLAN, interval: 'ONETIME' }), 400, 'INVALID_INPUT', 'Invalid request: interval must be one of DAILY, WEEKLY, FORTNIGHTLY, MONTHLY, BIMONTHLY, QUARTERLY, HALFYEARLY, YEARLY, ASPRESENTED.'],
    ['a bad rule_type', (s) => s.post({ ...PLAN, rule_type: 'on' }), 400, 'INVALID_INPUT', 'Invalid request: rule_type must be one of ON, BEFORE, AFTER.'],
    ['a weekly debit day 8', (s) => s.post({ ...PLAN, rule_value: 8 }), 400, 'INVALID_INPUT', 'Invalid request: rule_value must be between 1 and 7 with interval WEEKLY.'],
    ['max_amount below the amount', (s) => s.post({ ...PLAN, max_amount: 14000 }), 400, 'INVALID_INPUT', 'Invalid request: max_amount must be at least the amount (14900 paise).'],
    ['bad intro days', (s) => s.post({ ...PLAN, intro: { type: 'DAYS', days: 0 } }), 400, 'INVALID_INPUT', 'Invalid request: intro.days must be at least 1.'],
    ['an intro amount above the amount', (s) => s.post({ ...PLAN, intro: { type: 'CYCLES', cycles: 2, paise: 15000 } }), 400, 'INVALID_INPUT', 'Invalid request: intro.paise must not exceed the recurring amount (14900 paise).'],
    ['a bad on_failure', (s) => s.post({ ...PLAN, on_failure: 'IGNORE' }), 400, 'INVALID_INPUT', 'Invalid request: on_failure must be one of RETRY, SKIP, REVOKE.'],
    ['PUT', (s) => s.request('PUT', '/sandbox/plans', { body: JSON.stringify(PLAN) }), 405, 'INVALID_INPUT', 'PUT is not supported here; use POST, GET, HEAD.'],
    ['POST on one plan', (s) => s.request('POST', '/sandbox/plans/qa_weekly', { body: JSON.stringify(PLAN) }), 405, 'INVALID_INPUT', 'POST is not supported here; use GET, HEAD.'],
    ['DELETE on one plan', (s) => s.request('DELETE', '/sandbox/plans/fit_monthly'), 405, 'INVALID_INPUT', 'DELETE is not supported here; use GET, HEAD.'],
  ]

  it.each(refusals)('refuses %s with a clear error and stores nothing', async (_name, act, status, code, message) => {
    const s = setup()
    const body = await expectError(await act(s), status, code)
    expect(body.error_message).toBe(message)
    expect(await s.stored()).toEqual({ demo: [], other: [] })
  })

  it("refuses another merchant's key on a plan it does not have, storing nothing", async () => {
    const s = setup()
    await expectError(await s.request('GET', '/sandbox/plans/fit_yearly', { auth: OTHER }), 404, 'RESOURCE_NOT_FOUND')
    expect(await s.stored()).toEqual({ demo: [], other: [] })
  })

  it('names every offending field', async () => {
    const s = setup()
    const body = await expectError(await s.post({ ...PLAN, name: '', max_amount: 0, extra: true }), 400, 'INVALID_INPUT')
    expect(body.error_info.fields).toEqual([
      { field_name: 'name', reason: 'must not be empty' },
      { field_name: 'max_amount', reason: 'must be at least 1 paise' },
      { field_name: 'extra', reason: 'is not a known field' },
      { field_name: 'max_amount', reason: 'must be at least the amount (14900 paise)' },
    ])
    expect(await s.stored()).toEqual({ demo: [], other: [] })
  })
})
