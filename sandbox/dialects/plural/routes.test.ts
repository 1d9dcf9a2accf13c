import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { SessionView } from '../../../contract/session'
import { MAGIC_VPAS, SUCCESS_DELAY_MS } from '../../../contract/scenarios'
import { MAX_BODY_BYTES } from '../../http/body-limit'
import {
  buildTestApp,
  cataloguePlanBody,
  postSubscription,
  readCreated,
  readError,
  readSubscription,
  sampleBody,
  PROCESS_PAYMENT,
  type Body,
  type TestSandbox,
} from '../../testing/plural-dialect'
import { receivedInTurn, startReceiver, type Receiver } from '../../testing/webhook-receiver'
import type { PluralSubscription } from './subscription-object'

const basic = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`
const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

async function status(s: TestSandbox, id: string, apiKey = 'demo_api_key'): Promise<PluralSubscription> {
  const res = await readSubscription(s, id, apiKey)
  expect(res.status).toBe(200)
  return (await res.json()) as PluralSubscription
}

const qa = (s: TestSandbox, reference: string, decision: 'approve' | 'decline') =>
  s.app.request(`/sandbox/orders/${reference}/attempt/${decision}`, { method: 'POST', headers: { authorization: basic('demo_api_key') } })

const pageIdOf = (created: { payment_page_url: string }): string => new URL(created.payment_page_url).pathname.split('/')[2] ?? ''

describe('POST /api/v1/upi/subscription/process/payment', () => {
  it('answers the reference’s sample (dates moved) in Plural’s shape, and the collect request waits in the customer’s app', async () => {
    const s = buildTestApp()
    const res = await postSubscription(s, sampleBody())
    expect(res.status).toBe(200)
    const created = await readCreated(res)
    expect(created).toMatchObject({ plan_id: 'merch007', merchant_order_id: String(created.order_id) })
    expect(created.upi_intent_link).toBeUndefined()
    expect(await s.store.size()).toBe(1)
    const read = await status(s, created.subscription_id)
    expect(read).toMatchObject({
      subscription_id: created.subscription_id,
      order_id: created.order_id,
      client_unique_reference: 'Merchant_Plan_001',
      status: 'CREATED',
      txn_mode: 'C',
      amount: { value: 220, currency: 'INR' },
      max_limit_amount: { value: 220, currency: 'INR' },
      mandate: { status: 'CREATED', mandate_id: null, amount_limit: 'M', block_fund: 'N' },
      last_attempt: { status: 'pending', vpa: 'dhakshin@okaxis' },
    })
    const app = await s.app.request(new URL(created.upi_app_url).pathname)
    expect(app.status).toBe(200)
    expect(await app.text()).toContain('AutoPay mandate request')
  })

  it('collect: approved in the simulated UPI app, the subscription is ACTIVE with its mandate', async () => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, sampleBody()))
    const approved = await qa(s, 'Merchant_Plan_001', 'approve')
    expect(approved.status).toBe(200)
    const read = await status(s, created.subscription_id)
    expect(read).toMatchObject({ status: 'ACTIVE', mandate: { status: 'ACTIVE', mandate_id: expect.any(String) as string }, last_attempt: { status: 'succeeded' } })
    const order = await s.store.orderById(pageIdOf(created))
    const subscription = await s.store.subscription('demo_merchant', order?.billing?.subscriptionId ?? '')
    expect(subscription?.schedule).toEqual(order?.billing?.schedule)
  })

  it.each([
    [MAGIC_VPAS.success, 'ACTIVE', 'succeeded'],
    [MAGIC_VPAS.failure, 'CREATED', 'failed'],
  ])('collect to the magic %s resolves by itself: %s, the attempt %s', async (vpa, expected, attempt) => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, sampleBody({ upi_data: { txnMode: 'C', vpa } })))
    expect((await status(s, created.subscription_id)).status).toBe('CREATED')
    s.clock.advance(SUCCESS_DELAY_MS + 1)
    expect(await status(s, created.subscription_id)).toMatchObject({ status: expected, last_attempt: { status: attempt } })
  })

  it('collect never approved: EXPIRED once the four hours pass', async () => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, sampleBody({ upi_data: { txnMode: 'C', vpa: MAGIC_VPAS.pending } })))
    s.clock.advance(4 * HOUR_MS - 1)
    expect((await status(s, created.subscription_id)).status).toBe('CREATED')
    s.clock.advance(1)
    expect((await status(s, created.subscription_id)).status).toBe('EXPIRED')
  })

  it('intent with a trial plan: answers the upi://mandate link and the hosted page; approved, it is TRIAL, then ACTIVE when the trial ends', async () => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, cataloguePlanBody('fit_monthly_trial', { upi_data: { txnMode: 'I' } })))
    const link = new URL(created.upi_intent_link ?? '')
    expect(link.protocol).toBe('upi:')
    expect(Object.fromEntries(link.searchParams)).toMatchObject({
      pa: 'acmefitness@sandbox',
      am: '499.00',
      amrule: 'MAX',
      recur: 'MONTHLY',
      recurtype: 'ON',
      recurvalue: '5',
      block: 'N',
      tr: 'demo_merchant-Merchant_Plan_001-1',
      mode: '04',
    })
    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageIdOf(created)}`)).json())
    expect(view.attempt).toMatchObject({ rail: 'upi', channel: 'intent', status: 'pending' })
    expect(await qa(s, 'Merchant_Plan_001', 'approve')).toMatchObject({ status: 200 })
    const trial = await status(s, created.subscription_id)
    expect(trial).toMatchObject({ status: 'TRIAL', trial_period_in_days: 14, schedule: { today: { amount: { value: 200 }, refunded: true }, trial_ends_on: '2026-03-24' } })
    s.clock.advance(14 * DAY_MS)
    expect((await status(s, created.subscription_id)).status).toBe('ACTIVE')
  })

  it('the page shows the same price schedule a Zenskar checkout of the same plan shows', async () => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, cataloguePlanBody('fit_monthly_trial', { upi_data: { txnMode: 'I' }, endDate: '2056-03-09 18:30:00' })))
    const zenskar = await s.app.request('/checkouts', {
      method: 'POST',
      headers: { 'x-api-key': 'demo_api_key', 'content-type': 'application/json' },
      body: JSON.stringify({ plan_id: 'fit_monthly_trial', customer_id: 'c1' }),
    })
    const zenskarPage = (new URL(((await zenskar.json()) as { url: string }).url).pathname.split('/')[2]) ?? ''
    const plural = SessionView.parse(await (await s.app.request(`/api/pages/${pageIdOf(created)}`)).json()).schedule
    const other = SessionView.parse(await (await s.app.request(`/api/pages/${zenskarPage}`)).json()).schedule
    if (!plural || !other) throw new Error('a plan sold without a schedule')
    // Only the authorisation differs: Plural's is ₹2 (docs/domain/plural.md#what-is-paid-today), Zenskar's ₹1.
    expect(plural.today).toEqual({ ...other.today, amount: { minor: 200, currency: 'INR' } })
    expect({ ...plural, today: null }).toEqual({ ...other, today: null })
  })

  it('is paid by UPI only: the page offers no other rail, and refuses one', async () => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, sampleBody({ upi_data: { txnMode: 'I' } })))
    const pageId = pageIdOf(created)
    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageId}`)).json())
    expect(view.instruments.map((i) => i.rail)).toEqual(['upi'])
    await s.app.request(`/api/pages/${pageId}/attempts/${view.attempt?.id ?? ''}/cancel`, { method: 'POST' })
    const enach = await s.app.request(`/api/pages/${pageId}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-enach' },
      body: JSON.stringify({
        rail: 'netbanking',
        setUpMandate: true,
        enach: { bankCode: 'HDFC', authMode: 'netbanking', accountHolderName: 'Asha Verma', accountNumber: '1111111111', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
      }),
    })
    expect(enach.status).toBe(422)
    expect(((await enach.json()) as { error: { code: string } }).error.code).toBe('instrument_unavailable')
  })

  it('replays the same reference with the same body; refuses it with a different body; stores one subscription', async () => {
    const s = buildTestApp()
    const first = await readCreated(await postSubscription(s, sampleBody()))
    // The same body in the other version's types is the same request.
    const again = await postSubscription(s, sampleBody({ plan: { ...(sampleBody()['plan'] as Body), frequency: '1', amount: { value: '220', currency: 'INR' } } }))
    expect(again.status).toBe(200)
    expect(await readCreated(again)).toEqual(first)
    const different = await postSubscription(s, sampleBody({ quantity: 2, plan: { ...(sampleBody()['plan'] as Body), maxLimitAmount: { value: 440, currency: 'INR' } } }))
    expect(different.status).toBe(409)
    expect(await readError(different)).toEqual({
      response_code: 12409,
      response_message: expect.stringContaining('clientUniqueReference Merchant_Plan_001 is already used') as string,
    })
    expect(await s.store.size()).toBe(1)
    expect((await status(s, first.subscription_id)).quantity).toBe(1)
    expect((await s.store.orderById(pageIdOf(first)))?.attempts).toHaveLength(1)
  })

  it('keeps one merchant’s references and subscriptions from another', async () => {
    const s = buildTestApp()
    const mine = await readCreated(await postSubscription(s, sampleBody()))
    const other = { authorization: 'Bearer other_api_key', 'content-type': 'application/json' }
    const notMine = await postSubscription(s, cataloguePlanBody('fit_monthly', { merchantId: 'other_merchant', upi_data: { txnMode: 'I' } }), other)
    expect((await readError(notMine)).response_message).toContain('plan.planId fit_monthly is not a plan of this merchant')
    // This merchant allows intent and QR only (merchants.json).
    const collect = await postSubscription(s, sampleBody({ merchantId: 'other_merchant' }), other)
    expect((await readError(collect)).response_message).toBe('Invalid Upi Details: upi_data.txnMode collect is not allowed for this merchant (allowed: intent, qr).')
    const theirs = await postSubscription(s, sampleBody({ merchantId: 'other_merchant', upi_data: { txnMode: 'I' } }), other)
    expect(theirs.status).toBe(200)
    expect((await readCreated(theirs)).subscription_id).not.toBe(mine.subscription_id)
    const probed = await readSubscription(s, mine.subscription_id, 'other_api_key')
    expect(probed.status).toBe(404)
    expect(await readError(probed)).toEqual({ response_code: 12410, response_message: 'No such subscription or endpoint.' })
    expect((await qa(s, 'Merchant_Plan_001', 'approve')).status).toBe(200)
    expect((await status(s, mine.subscription_id)).status).toBe('ACTIVE')
  })
})

describe('refusals: clear, in Plural’s shape, and nothing stored', () => {
  const plan = (fields: Body): Body => ({ ...(sampleBody()['plan'] as Body), ...fields })
  it.each<[string, Body, number, number, string]>([
    ['startDate in the past', { startDate: '2026-03-08 18:30:00' }, 422, 12404, 'Create subscription failed: startDate must not be in the past'],
    ['startDate tomorrow, too soon to notify', { startDate: '2026-03-10 18:30:00' }, 422, 12404, 'startDate must be today or at least 2 days ahead'],
    ['endDate before startDate', { endDate: '2026-03-09 18:00:00' }, 422, 12404, 'endDate must be after startDate'],
    ['endDate after the plan’s', { endDate: '2026-03-20 18:30:00' }, 422, 12404, "endDate must not be after the plan's end"],
    ['endDate before the first regular debit', cataloguePlanBody('fit_monthly', { endDate: '2026-03-20 18:30:00' }), 422, 12404, 'endDate must not be before the first regular debit on 2026-04-05'],
    ['a cap below the amount', { plan: plan({ maxLimitAmount: { value: 219, currency: 'INR' } }) }, 422, 12404, 'plan.maxLimitAmount.value makes the cap ₹2.19 lower than the amount debited, ₹2.20'],
    ['a quantity above a catalogue plan’s cap', cataloguePlanBody('fit_monthly', { quantity: 2 }), 422, 12404, 'quantity makes the cap ₹499.00 lower'],
    ['a cap above UPI AutoPay’s', { plan: plan({ maxLimitAmount: { value: 10_000_001, currency: 'INR' } }) }, 422, 12404, 'above UPI AutoPay'],
    ['a debitDay a daily plan cannot have', { payments: { debitDay: 5 } }, 422, 12404, 'payments.debitDay cannot be 5 for a DAILY plan'],
    ['a debitDay a weekly plan cannot have', { plan: plan({ frequencyType: 'Week', endDate: undefined }), endDate: '2026-06-09 18:30:00', payments: { debitDay: 8 } }, 422, 12404, 'payments.debitDay must be 1 to 7 for a WEEKLY plan'],
    ['a debitDay no month has', { payments: { debitDay: 32 } }, 400, 12400, 'payments.debitDay must be at most 31'],
    ['an unknown planId', cataloguePlanBody('fit_nothing'), 422, 12404, 'plan.planId fit_nothing is not a plan of this merchant'],
    ['a planId with an inline amount', cataloguePlanBody('fit_monthly', { plan: { planId: 'fit_monthly', amount: { value: 100, currency: 'INR' } } }), 422, 12404, 'plan.amount cannot be sent with plan.planId fit_monthly'],
    ['merchantMaintainedPlan true with a planId', cataloguePlanBody('fit_monthly', { plan: { planId: 'fit_monthly', merchantMaintainedPlan: true } }), 422, 12404, 'plan.merchantMaintainedPlan is true'],
    ['an inline plan without a name', { plan: plan({ planName: undefined }) }, 400, 12400, 'plan.planName is required'],
    ['a later start with a trial', { startDate: '2026-03-14 18:30:00', endDate: '2026-03-30 18:30:00', plan: plan({ trialPeriodInDays: 3, startDate: undefined, endDate: undefined }) }, 422, 12404, 'plan.trialPeriodInDays a start after today cannot be combined'],
    ['an exact amountLimit with a larger cap', { plan: plan({ maxLimitAmount: { value: 300, currency: 'INR' } }), payments: { amountLimit: 'E' } }, 422, 12404, 'payments.amountLimit E debits exactly the amount'],
    ['blockFund Y on a recurring mandate', { payments: { blockFund: 'Y' } }, 422, 12404, 'payments.blockFund can be Y only for a one-time mandate'],
    ['autoDebit false', { autoDebit: false }, 422, 12404, 'autoDebit false'],
    ['a one-time frequency', { plan: plan({ frequencyType: 'OT' }) }, 422, 12404, 'plan.frequencyType OT is a one-time mandate'],
    ['an unknown frequencyType', { plan: plan({ frequencyType: 'Fortnight' }) }, 400, 12400, 'plan.frequencyType must be Day, Week'],
    ['collect without a VPA', { upi_data: { txnMode: 'C' } }, 422, 12408, 'Invalid Upi Details: upi_data.vpa is required for collect'],
    ['intent with a VPA', { upi_data: { txnMode: 'I', vpa: 'asha@okaxis' } }, 422, 12408, 'Invalid Upi Details: upi_data.vpa must be left out for intent'],
    ['no txnMode and no VPA', { upi_data: {} }, 422, 12408, 'Invalid Upi Details: upi_data needs txnMode I'],
    ['a VPA that does not exist', { upi_data: { vpa: MAGIC_VPAS.unknown } }, 422, 12408, 'upi_data.vpa is not a UPI ID that exists'],
    ['a VPA whose app has no AutoPay', { upi_data: { vpa: 'asha@nomandate' } }, 422, 12408, 'upi_data.vpa belongs to a UPI app that cannot set up AutoPay'],
    ['text that is not a VPA', { upi_data: { vpa: 'asha at okaxis' } }, 422, 12408, 'upi_data.vpa is not a UPI ID (name@handle)'],
    ['a txnMode Plural does not have', { upi_data: { txnMode: 'Q' } }, 400, 12400, 'upi_data.txnMode must be C (collect) or I (intent)'],
    ['another merchant’s merchantId', { merchantId: 'other_merchant' }, 403, 12403, 'merchantId does not name the merchant of this API key.'],
  ])('%s', async (_name, body, httpStatus, code, message) => {
    const s = buildTestApp()
    const res = await postSubscription(s, sampleBody(body))
    expect(res.status).toBe(httpStatus)
    const error = await readError(res)
    expect(error.response_code).toBe(code)
    expect(error.response_message).toContain(message)
    expect(await s.store.size()).toBe(0)
  })
})

describe('bad input: a clear error and nothing stored', () => {
  const headers = { authorization: 'Bearer demo_api_key', 'content-type': 'application/json' }
  const send = (s: TestSandbox, body: BodyInit, sent: Record<string, string> = headers) => s.app.request(PROCESS_PAYMENT, { method: 'POST', headers: sent, body })
  const without = (field: string): Body => Object.fromEntries(Object.entries(sampleBody()).filter(([key]) => key !== field))
  it.each<[string, () => BodyInit, Record<string, string>, number, number, string]>([
    ['no Authorization', () => JSON.stringify(sampleBody()), { 'content-type': 'application/json' }, 401, 12401, 'Send your API key as Authorization: Bearer <key>.'],
    ['an unknown key', () => JSON.stringify(sampleBody()), { ...headers, authorization: 'Bearer nope' }, 401, 12401, 'The API key is not valid.'],
    ['the key as Basic', () => JSON.stringify(sampleBody()), { ...headers, authorization: basic('demo_api_key') }, 401, 12401, 'The Authorization header is not Bearer with an API key.'],
    ['a form body', () => 'merchantId=demo_merchant', { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, 415, 12415, 'Send the request body as application/json.'],
    ['JSON that does not parse', () => '{"merchantId": "demo_merchant",}', headers, 400, 12400, 'The request body is not valid JSON.'],
    ['bytes that are not UTF-8', () => new Uint8Array([0x7b, 0xff, 0x7d]), headers, 400, 12400, 'The request body is not valid JSON.'],
    ['an array', () => JSON.stringify([sampleBody()]), headers, 400, 12400, 'The request body must be a JSON object.'],
    ['no merchantId', () => JSON.stringify(without('merchantId')), headers, 400, 12400, 'merchantId is required.'],
    ['no clientUniqueReference', () => JSON.stringify(without('clientUniqueReference')), headers, 400, 12400, 'clientUniqueReference is required.'],
    ['no plan', () => JSON.stringify(without('plan')), headers, 400, 12400, 'plan is required.'],
    ['no startDate', () => JSON.stringify(without('startDate')), headers, 400, 12400, 'startDate is required.'],
    ['no customerData', () => JSON.stringify(without('customerData')), headers, 400, 12400, 'customerData is required.'],
    ['no upi_data', () => JSON.stringify(without('upi_data')), headers, 400, 12400, 'upi_data is required.'],
    ['an ISO date', () => JSON.stringify(sampleBody({ startDate: '2026-03-09T18:30:00Z' })), headers, 400, 12400, 'startDate must be a UTC date-time "YYYY-MM-DD HH:mm:ss".'],
    ['a date that does not exist', () => JSON.stringify(sampleBody({ endDate: '2026-02-30 18:30:00' })), headers, 400, 12400, 'endDate is not a date and time that exists.'],
    ['an amount in rupees with paise', () => JSON.stringify(sampleBody({ plan: { ...(sampleBody()['plan'] as Body), amount: { value: 2.5, currency: 'INR' } } })), headers, 400, 12400, 'plan.amount.value must be a whole number.'],
    ['an amount as words', () => JSON.stringify(sampleBody({ plan: { ...(sampleBody()['plan'] as Body), amount: { value: 'two', currency: 'INR' } } })), headers, 400, 12400, 'plan.amount.value must be a whole number.'],
    ['a currency other than INR', () => JSON.stringify(sampleBody({ plan: { ...(sampleBody()['plan'] as Body), amount: { value: 220, currency: 'USD' } } })), headers, 400, 12400, 'plan.amount.currency must be INR.'],
    ['a quantity of 0', () => JSON.stringify(sampleBody({ quantity: 0 })), headers, 400, 12400, 'quantity must be at least 1.'],
    ['a field Plural does not have', () => JSON.stringify(sampleBody({ returnUrl: 'https://shop.merchant.com' })), headers, 400, 12400, 'returnUrl is not a field of this request.'],
    ['a nested unknown field', () => JSON.stringify(sampleBody({ payments: { debitDay: 1, retries: 3 } })), headers, 400, 12400, 'payments.retries is not a field of this request.'],
    ['an own __proto__ key', () => '{"__proto__": {"admin": true}, "merchantId": "demo_merchant"}', headers, 400, 12400, '__proto__ is a reserved key.'],
    ['a plan name with a bidi override', () => JSON.stringify(sampleBody({ plan: { ...(sampleBody()['plan'] as Body), planName: 'Gold\u202eplan' } })), headers, 400, 12400, 'plan.planName must not contain control or bidirectional-override characters.'],
    ['a reference with markup', () => JSON.stringify(sampleBody({ clientUniqueReference: '<script>alert(1)</script>' })), headers, 400, 12400, 'clientUniqueReference must be 1 to 64 letters'],
    ['an e-mail that is not one', () => JSON.stringify(sampleBody({ customerData: { countryCode: '91', customerMobile: '9444600695', customerEmail: '[email protected]' } })), headers, 400, 12400, 'customerData.customerEmail must be an e-mail address.'],
    ['a callbackUrl with credentials', () => JSON.stringify(sampleBody({ callbackUrl: 'https://u:p@shop.merchant.com/hooks' })), headers, 400, 12400, 'callbackUrl must be an absolute http(s) URL without credentials.'],
    ['a callbackUrl off the webhook allow-list', () => JSON.stringify(sampleBody({ callbackUrl: 'http://169.254.169.254/latest' })), headers, 400, 12400, "callbackUrl names a host that is not on this merchant's webhook allow-list"],
    ['a body over the limit', () => JSON.stringify(sampleBody({ plan: { ...(sampleBody()['plan'] as Body), notes: 'x'.repeat(MAX_BODY_BYTES) } })), headers, 413, 12413, `The request body must be at most ${MAX_BODY_BYTES} bytes.`],
  ])('%s', async (_name, body, sent, httpStatus, code, message) => {
    const s = buildTestApp()
    const res = await send(s, body(), sent)
    expect(res.status).toBe(httpStatus)
    const error = await readError(res)
    expect(error.response_code).toBe(code)
    expect(error.response_message).toContain(message)
    expect(await s.store.size()).toBe(0)
  })
})

describe('hostile text that is allowed', () => {
  it('keeps markup in a plan name as text: the page receives the characters, never markup', async () => {
    const s = buildTestApp()
    const name = '<img src=x onerror=alert(1)> "Gold" & \'plan\''
    const created = await readCreated(await postSubscription(s, sampleBody({ plan: { ...(sampleBody()['plan'] as Body), planName: name } })))
    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageIdOf(created)}`)).json())
    expect(view.schedule?.plan?.name).toBe(name)
    expect(view.description).toBe(name)
  })
})

describe('GET /api/v1/upi/subscription/{id} and other methods', () => {
  it('reads an unknown or malformed id as missing, and needs the key', async () => {
    const s = buildTestApp()
    for (const id of ['v1-sub-00000000000000000000000000000000', 'not-an-id', 'ordeh_00000000000000000000000000000000']) {
      const res = await readSubscription(s, id)
      expect(res.status).toBe(404)
      expect((await readError(res)).response_code).toBe(12410)
    }
    const juspay = await s.app.request('/session', {
      method: 'POST',
      headers: { authorization: basic('demo_api_key'), 'content-type': 'application/json' },
      body: JSON.stringify({ order_id: 'j-1', amount: '1.00', customer_id: 'c1', 'options.create_mandate': 'REQUIRED', 'mandate.max_amount': '100.00' }),
    })
    const pageId = ((await juspay.json()) as { id: string }).id
    // A Juspay order's page id under Plural's prefix is no Plural subscription.
    expect((await readSubscription(s, pageId.replace('ordeh_', 'v1-sub-'))).status).toBe(404)
    expect((await s.app.request('/api/v1/upi/subscription/v1-sub-00000000000000000000000000000000')).status).toBe(401)
  })

  it('refuses other methods with Allow', async () => {
    const s = buildTestApp()
    const get = await s.app.request(PROCESS_PAYMENT, { headers: { authorization: 'Bearer demo_api_key' } })
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect(await readError(get)).toEqual({ response_code: 12405, response_message: 'GET is not allowed here; use POST.' })
    const del = await s.app.request('/api/v1/upi/subscription/v1-sub-00000000000000000000000000000000', { method: 'DELETE', headers: { authorization: 'Bearer demo_api_key' } })
    expect(del.status).toBe(405)
    expect(del.headers.get('allow')).toBe('GET')
    expect(await readError(del)).toEqual({ response_code: 12405, response_message: 'DELETE is not allowed here; use GET.' })
  })
})

describe('callbacks', () => {
  let hook: Receiver | null = null
  afterEach(async () => {
    await hook?.close()
    hook = null
  })

  it('sends each event to callbackUrl in the documented shape, signed with the response key', async () => {
    hook = await startReceiver()
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, cataloguePlanBody('fit_monthly_trial', { callbackUrl: hook.url, upi_data: { vpa: 'asha@okaxis' } })))
    await qa(s, 'Merchant_Plan_001', 'approve')
    const receiver = hook
    await receivedInTurn(receiver, s.clock, 6)
    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as { event_id: string; event_type: string; subscription: PluralSubscription })
    expect(bodies.map((b) => [b.event_type, b.subscription.status])).toEqual([
      ['SUBSCRIPTION_PAYMENT_INITIATED', 'CREATED'],
      ['SUBSCRIPTION_MANDATE_CREATED', 'CREATED'],
      ['SUBSCRIPTION_MANDATE_ACTIVATED', 'TRIAL'],
      ['SUBSCRIPTION_STARTED', 'TRIAL'],
      ['SUBSCRIPTION_ACTIVATED', 'TRIAL'],
      ['SUBSCRIPTION_PAYMENT_SUCCEEDED', 'TRIAL'],
    ])
    expect(bodies.every((b) => b.subscription.subscription_id === created.subscription_id)).toBe(true)
    for (const request of receiver.requests) {
      const body = JSON.parse(request.body) as { event_id: string }
      expect(request.headers['x-webhook-id']).toBe(body.event_id)
      expect(request.headers['x-webhook-signature']).toBe(`sha256=${createHmac('sha256', 'demo_response_key').update(request.body).digest('hex')}`)
    }
    const listed = await s.app.request('/sandbox/orders/Merchant_Plan_001/webhooks', { headers: { authorization: basic('demo_api_key') } })
    const deliveries = ((await listed.json()) as { webhooks: { body: { event_type: string } }[] }).webhooks
    expect(deliveries.map((d) => d.body.event_type)).toEqual(bodies.map((b) => b.event_type))
  })
})

describe('what a subscription request stores (docs/domain/plural.md#from-request-to-mandate)', () => {
  it('the customer as sent, the phone with its country code and blank names as none; UPI only; the callback URL; the refunded authorisation', async () => {
    const s = buildTestApp()
    const body = cataloguePlanBody('fit_monthly_trial', {
      enableNotification: undefined,
      upi_data: { txnMode: 'I' },
      callbackUrl: 'http://127.0.0.1:9/plural/hooks',
      customerData: { firstName: '  Dhakshin ', lastName: '  ', countryCode: '91', customerMobile: '9444600695', customerEmail: 'dhakshin@example.com' },
    })
    const created = await readCreated(await postSubscription(s, body))
    const order = await s.store.orderById(pageIdOf(created))
    expect(order).toMatchObject({
      orderId: 'Merchant_Plan_001',
      currency: 'INR',
      customer: { id: null, email: 'dhakshin@example.com', phone: '+919444600695', firstName: 'Dhakshin', lastName: null },
      returnUrl: null,
      udf: [],
      metadata: { auto_refund_post_success: 'true', webhook_url: 'http://127.0.0.1:9/plural/hooks' },
      createMandate: 'REQUIRED',
      preferredRail: 'upi',
      rails: ['upi'],
      lineItems: [{ quantity: 1, amount: { minor: 49900, currency: 'INR' } }],
      source: { dialect: 'plural', planId: 'fit_monthly_trial', txnMode: 'I', quantity: 1, trialPeriodInDays: 14, enableNotification: false },
    })
    expect((await status(s, created.subscription_id)).enable_notification).toBe(false)
  })

  it('no metadata when today pays the first period and no callback URL is sent', async () => {
    const s = buildTestApp()
    const created = await readCreated(await postSubscription(s, cataloguePlanBody('fit_monthly', { upi_data: { txnMode: 'I' } })))
    const order = await s.store.orderById(pageIdOf(created))
    expect(order?.metadata).toStrictEqual({})
    expect(order?.customer).toEqual({ id: null, email: 'dhakshin@example.com', phone: '+919444600695', firstName: 'Dhakshin', lastName: 'K' })
  })

  it('a customer sent without names has none', async () => {
    const s = buildTestApp()
    const customerData = { countryCode: '91', customerMobile: '9444600695', customerEmail: 'dhakshin@example.com' }
    const created = await readCreated(await postSubscription(s, cataloguePlanBody('fit_monthly', { upi_data: { txnMode: 'I' }, customerData })))
    expect((await s.store.orderById(pageIdOf(created)))?.customer).toMatchObject({ firstName: null, lastName: null })
  })

  it('a body whose bytes are not UTF-8 is not JSON, even where the bad byte sits inside a name', async () => {
    const s = buildTestApp()
    const [before = '', after = ''] = JSON.stringify(sampleBody()).split('Dhakshin')
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from('Dhak'), Buffer.from([0xff]), Buffer.from(after)])
    const res = await s.app.request(PROCESS_PAYMENT, { method: 'POST', headers: { authorization: 'Bearer demo_api_key', 'content-type': 'application/json' }, body: bytes })
    expect(res.status).toBe(400)
    expect(await readError(res)).toEqual({ response_code: 12400, response_message: 'The request body is not valid JSON.' })
    expect(await s.store.size()).toBe(0)
  })

  it.each(['application/json; charset=utf-8', 'Application/JSON', 'application/json ; charset=UTF-8'])('takes the media type %s as JSON', async (type) => {
    const s = buildTestApp()
    const res = await s.app.request(PROCESS_PAYMENT, { method: 'POST', headers: { authorization: 'Bearer demo_api_key', 'content-type': type }, body: JSON.stringify(sampleBody()) })
    expect(res.status).toBe(200)
  })

  it('answers a path under /api/v1/upi that is no endpoint with 404 in Plural’s shape', async () => {
    const s = buildTestApp()
    const res = await s.app.request('/api/v1/upi/subscription/v1-sub-00000000000000000000000000000000/cancel', { method: 'POST', headers: { authorization: 'Bearer demo_api_key' } })
    expect(res.status).toBe(404)
    expect(await readError(res)).toEqual({ response_code: 12410, response_message: 'No such subscription or endpoint.' })
  })
})

describe('a replay after the clock has moved', () => {
  it('answers the same subscription, though the request’s start date is now in the past', async () => {
    const s = buildTestApp()
    const first = await readCreated(await postSubscription(s, sampleBody()))
    s.clock.advance(2 * DAY_MS)
    // Sent fresh, the same dates would be refused: the start is no longer today.
    const fresh = await postSubscription(s, sampleBody({ clientUniqueReference: 'Merchant_Plan_002' }))
    expect((await readError(fresh)).response_message).toContain('startDate must not be in the past')
    const again = await postSubscription(s, sampleBody())
    expect(again.status).toBe(200)
    expect(await readCreated(again)).toEqual(first)
    expect(await s.store.size()).toBe(1)
  })
})
