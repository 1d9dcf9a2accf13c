import { describe, expect, it } from 'vitest'
import { PageError, SessionView } from '../../../contract/session'
import { MAGIC_VPAS, SUCCESS_DELAY_MS } from '../../../contract/scenarios'
import { MAX_BODY_BYTES } from '../../http/body-limit'
import { createApp } from '../../app'
import { silentLogger } from '../../log'
import { merchantDirectory } from '../../merchants'
import { merchants, PUBLIC_ORIGIN } from '../../testing/checkout-dialect'
import { monthlyPlan } from '../../testing/fixtures'
import type { Estimates } from './checkout-object'
import {
  buildTestApp,
  checkoutBody,
  postCheckout,
  readCheckout,
  readError,
  zenskarHeaders,
  type Body,
  type TestSandbox,
} from '../../testing/zenskar-dialect'

/** FIXED_NOW is Tuesday 10 March 2026, 10:00 IST; the demo plans debit ON the 5th (monthly) or the 1st (yearly). */
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`

async function addPlan(s: TestSandbox, plan: Body): Promise<void> {
  const res = await s.app.request('/sandbox/plans', {
    method: 'POST',
    headers: { authorization: basic('demo_api_key'), 'content-type': 'application/json' },
    body: JSON.stringify({ ...monthlyPlan({ name: 'Studio pass', description: 'Any class, any day.', max_amount: 200000 }), ...plan }),
  })
  expect(res.status).toBe(201)
}

const pageOf = (checkout: { url: string }) => new URL(checkout.url).pathname.split('/')[2] ?? ''

describe('POST /checkouts', () => {
  it('creates an open checkout for a plan, with its hosted page and estimates, and stores the order', async () => {
    const s = buildTestApp()
    const res = await postCheckout(s, checkoutBody())
    expect(res.status).toBe(201)
    const checkout = await readCheckout(res)
    expect(checkout).toMatchObject({
      checkout_status: 'open',
      plan_id: 'fit_monthly',
      customer_id: 'cust_42',
      start_date: '2026-03-10',
      end_date: null,
      expires_at: '2026-03-11T04:30:00.000Z',
      success_url: 'https://shop.merchant.com/welcome',
      cancel_url: 'https://shop.merchant.com/plans',
      product_overrides: [],
      contract_id: null,
      estimates: {
        current_invoice: { total: 499, currency: 'INR', date: '2026-03-10', authorisation: null },
        next_invoice: { total: 499, currency: 'INR', date: '2026-04-05' },
      },
      created_at: '2026-03-10T04:30:00.000Z',
      updated_at: '2026-03-10T04:30:00.000Z',
    })
    expect(checkout.url).toMatch(/^http:\/\/127\.0\.0\.1:4000\/orders\/ordeh_[0-9a-f]{32}\/payment-page$/)
    expect(await s.store.size()).toBe(1)

    const order = await s.store.orderById(pageOf(checkout))
    expect(order).toMatchObject({
      orderId: checkout.id,
      amountMinor: 49900,
      chargedTodayMinor: 49900,
      returnUrl: 'https://shop.merchant.com/welcome',
      customer: { id: 'cust_42', email: null, phone: null, firstName: null, lastName: null },
      udf: [],
      metadata: {},
      createMandate: 'REQUIRED',
      mandate: { maxAmount: { minor: 49900 }, amountRule: 'VARIABLE', frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 5 },
      billing: { plan: { plan_id: 'fit_monthly' }, subscriptionId: null },
    })

    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageOf(checkout)}`)).json())
    expect(view.schedule).toEqual(order?.billing?.schedule)
    expect(view.cancelUrl).toBe('https://shop.merchant.com/plans')
  })

  it.each<[string, Body, Pick<Estimates, 'current_invoice' | 'next_invoice'>]>([
    [
      'a plan with no introductory period: today pays the first month',
      { plan_id: 'fit_monthly' },
      { current_invoice: { total: 499, currency: 'INR', date: '2026-03-10', authorisation: null }, next_invoice: { total: 499, currency: 'INR', date: '2026-04-05' } },
    ],
    [
      'a yearly plan ON the 1st',
      { plan_id: 'fit_yearly' },
      { current_invoice: { total: 4999, currency: 'INR', date: '2026-03-10', authorisation: null }, next_invoice: { total: 4999, currency: 'INR', date: '2027-03-01' } },
    ],
    [
      '14 free days: a refunded ₹1 today, nothing paid for the period, full price from the next debit day',
      { plan_id: 'fit_monthly_trial' },
      {
        current_invoice: { total: 0, currency: 'INR', date: '2026-03-10', authorisation: { total: 1, currency: 'INR', refunded: true } },
        next_invoice: { total: 499, currency: 'INR', date: '2026-04-05' },
      },
    ],
    [
      'three months at ₹99: today is the first',
      { plan_id: 'fit_monthly_intro99' },
      { current_invoice: { total: 99, currency: 'INR', date: '2026-03-10', authorisation: null }, next_invoice: { total: 99, currency: 'INR', date: '2026-04-05' } },
    ],
    [
      'a later start date: a refunded ₹1 today, billing from the first debit day on or after it',
      { plan_id: 'fit_monthly', start_date: '2026-04-20' },
      {
        current_invoice: { total: 0, currency: 'INR', date: '2026-03-10', authorisation: { total: 1, currency: 'INR', refunded: true } },
        next_invoice: { total: 499, currency: 'INR', date: '2026-05-05' },
      },
    ],
  ])('%s', async (_name, body, estimates) => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody(body)))
    expect(created.estimates).toEqual(estimates)
    // A refunded authorisation is marked on the order as a Juspay registration's is (docs/domain/zenskar.md#what-is-paid-today).
    expect((await s.store.orderById(pageOf(created)))?.metadata).toEqual(estimates.current_invoice.authorisation ? { auto_refund_post_success: 'true' } : {})
    const preview = await postCheckout(s, checkoutBody(body), '/checkouts/preview')
    expect(preview.status).toBe(200)
    expect(await preview.json()).toEqual({ estimates })
    expect(await s.store.size()).toBe(1)
  })

  it('multiplies the plan by the quantity override, within the plan’s max_amount', async () => {
    const s = buildTestApp()
    await addPlan(s, { plan_id: 'studio' })
    const checkout = await readCheckout(await postCheckout(s, checkoutBody({ plan_id: 'studio', product_overrides: [{ product_id: 'studio', quantity: 4 }] })))
    expect(checkout.product_overrides).toEqual([{ product_id: 'studio', quantity: 4 }])
    expect(checkout.estimates.current_invoice.total).toBe(1996)
    expect(checkout.estimates.next_invoice).toEqual({ total: 1996, currency: 'INR', date: '2026-04-05' })
    expect((await s.store.orderById(pageOf(checkout)))?.lineItems).toEqual([{ name: 'Studio pass', quantity: 4, amount: { minor: 199600, currency: 'INR' } }])
  })

  it('takes an end date as the mandate’s end, and an expiry up to 30 days ahead', async () => {
    const s = buildTestApp()
    const checkout = await readCheckout(await postCheckout(s, checkoutBody({ end_date: '2027-03-09', expires_at: '2026-03-12T10:00:00+05:30' })))
    expect(checkout).toMatchObject({ end_date: '2027-03-09', expires_at: '2026-03-12T04:30:00.000Z' })
    expect((await s.store.orderById(pageOf(checkout)))?.mandate?.endDate).toBe('2027-03-09T18:29:59.000Z')
  })

  it('accepts an organisation header naming the merchant', async () => {
    const s = buildTestApp()
    expect((await postCheckout(s, checkoutBody(), '/checkouts', zenskarHeaders('demo_api_key', { organisation: 'demo_merchant' }))).status).toBe(201)
  })
})

describe('bad input: a clear error naming the field, and nothing stored', () => {
  const long = (n: number) => `https://shop.merchant.com/${'a'.repeat(n - 'https://shop.merchant.com/'.length)}`
  it.each<[string, unknown, number, string, string | null]>([
    ['a body that is not JSON', '{"plan_id": ', 400, 'invalid_json', null],
    ['an array', [], 400, 'field_invalid', null],
    ['no plan_id', { customer_id: 'c' }, 400, 'field_missing', 'plan_id'],
    ['no customer_id', { plan_id: 'fit_monthly' }, 400, 'field_missing', 'customer_id'],
    ['plan_id with markup', checkoutBody({ plan_id: '<script>alert(1)</script>' }), 400, 'field_invalid', 'plan_id'],
    ['plan_id of 65 characters', checkoutBody({ plan_id: 'p'.repeat(65) }), 400, 'field_invalid', 'plan_id'],
    ['plan_id a number', checkoutBody({ plan_id: 42 }), 400, 'field_invalid', 'plan_id'],
    ['customer_id with a line break', checkoutBody({ customer_id: 'c\nX-Injected: 1' }), 400, 'field_invalid', 'customer_id'],
    ['customer_id with a bidi override', checkoutBody({ customer_id: 'c\u202e1' }), 400, 'field_invalid', 'customer_id'],
    ['an unknown field', checkoutBody({ coupon: 'FREE' }), 400, 'field_unknown', 'coupon'],
    ['a __proto__ key', JSON.parse('{"plan_id":"fit_monthly","customer_id":"c","__proto__":{"x":1}}') as unknown, 400, 'field_invalid', '__proto__'],
    ['contract_id (plan change)', checkoutBody({ contract_id: 'c1' }), 400, 'not_supported', 'contract_id'],
    ['product_quantities (quantity update)', { product_quantities: [], customer_id: 'c' }, 400, 'not_supported', 'product_quantities'],
    ['a guest checkout', checkoutBody({ customer_id: undefined, business_entity_id: 'be_1' }), 400, 'not_supported', 'business_entity_id'],
    ['guest_checkout', checkoutBody({ guest_checkout: true }), 400, 'not_supported', 'guest_checkout'],
    ['an unknown plan', checkoutBody({ plan_id: 'gold' }), 400, 'plan_not_found', 'plan_id'],
    ['a variable plan', checkoutBody({ plan_id: 'fit_classes_payg' }), 400, 'plan_not_supported', 'plan_id'],
    ['start_date that is no date', checkoutBody({ start_date: '2026-02-30' }), 400, 'field_invalid', 'start_date'],
    ['start_date as a date-time', checkoutBody({ start_date: '2026-03-20T00:00:00Z' }), 400, 'field_invalid', 'start_date'],
    ['start_date in the past', checkoutBody({ start_date: '2026-03-09' }), 400, 'field_invalid', 'start_date'],
    ['start_date tomorrow, too soon to notify a debit', checkoutBody({ start_date: '2026-03-11' }), 400, 'field_invalid', 'start_date'],
    ['start_date over a year ahead', checkoutBody({ start_date: '2027-03-11' }), 400, 'field_invalid', 'start_date'],
    ['start_date with a plan that has its own free days', checkoutBody({ plan_id: 'fit_monthly_trial', start_date: '2026-03-20' }), 400, 'intro_conflict', 'start_date'],
    ['end_date before start_date', checkoutBody({ end_date: '2026-03-10' }), 400, 'field_invalid', 'end_date'],
    ['end_date before the first charge', checkoutBody({ end_date: '2026-04-01' }), 400, 'field_invalid', 'end_date'],
    ['end_date over 30 years ahead', checkoutBody({ end_date: '2056-03-11' }), 400, 'field_invalid', 'end_date'],
    ['expires_at in the past', checkoutBody({ expires_at: '2026-03-10T04:29:59Z' }), 400, 'field_invalid', 'expires_at'],
    ['expires_at beyond 30 days', checkoutBody({ expires_at: '2026-04-09T04:30:01Z' }), 400, 'field_invalid', 'expires_at'],
    ['expires_at without a zone', checkoutBody({ expires_at: '2026-03-11T10:00:00' }), 400, 'field_invalid', 'expires_at'],
    ['expires_at in UNIX seconds', checkoutBody({ expires_at: 1773203400 }), 400, 'field_invalid', 'expires_at'],
    ['success_url on a host not allowed', checkoutBody({ success_url: 'https://evil.example/ok' }), 400, 'url_not_allowed', 'success_url'],
    ['cancel_url on a host not allowed', checkoutBody({ cancel_url: 'https://evil.example/no' }), 400, 'url_not_allowed', 'cancel_url'],
    ['cancel_url javascript:', checkoutBody({ cancel_url: 'javascript:alert(1)' }), 400, 'field_invalid', 'cancel_url'],
    ['success_url with credentials', checkoutBody({ success_url: 'https://u:p@shop.merchant.com/' }), 400, 'field_invalid', 'success_url'],
    ['success_url empty', checkoutBody({ success_url: '' }), 400, 'field_invalid', 'success_url'],
    ['success_url of 2084 characters', checkoutBody({ success_url: long(2084) }), 400, 'field_invalid', 'success_url'],
    ['product_overrides not a list', checkoutBody({ product_overrides: { quantity: 2 } }), 400, 'field_invalid', 'product_overrides'],
    ['two overrides', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1 }, { product_id: 'fit_monthly', quantity: 1 }] }), 400, 'field_invalid', 'product_overrides'],
    ['an override that sets nothing', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly' }] }), 400, 'field_invalid', 'product_overrides[0]'],
    ['an override without product_id', checkoutBody({ product_overrides: [{ quantity: 1 }] }), 400, 'field_missing', 'product_overrides[0].product_id'],
    ['an override of another product', checkoutBody({ product_overrides: [{ product_id: 'fit_yearly', quantity: 1 }] }), 400, 'field_invalid', 'product_overrides[0].product_id'],
    ['quantity 0', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly', quantity: 0 }] }), 400, 'field_invalid', 'product_overrides[0].quantity'],
    ['quantity 1.5', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly', quantity: 1.5 }] }), 400, 'field_invalid', 'product_overrides[0].quantity'],
    ['quantity above the plan’s max_amount', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly', quantity: 2 }] }), 400, 'amount_above_max', 'product_overrides[0].quantity'],
    ['is_enabled false on the only product', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly', is_enabled: false }] }), 400, 'field_invalid', 'product_overrides[0].is_enabled'],
    ['an unknown override field', checkoutBody({ product_overrides: [{ product_id: 'fit_monthly', price: 1 }] }), 400, 'field_unknown', 'product_overrides[0].price'],
  ])('%s', async (_name, body, status, code, field) => {
    for (const path of ['/checkouts', '/checkouts/preview']) {
      const s = buildTestApp()
      const res = await postCheckout(s, body, path)
      expect(res.status).toBe(status)
      const error = await readError(res)
      expect({ code: error.code, field: error.field }).toEqual({ code, field })
      expect(error.message.length).toBeGreaterThan(10)
      expect(await s.store.size()).toBe(0)
    }
  })

  it('an INACTIVE plan cannot be sold', async () => {
    const s = buildTestApp()
    await addPlan(s, { plan_id: 'retired', status: 'INACTIVE' })
    const res = await postCheckout(s, checkoutBody({ plan_id: 'retired' }))
    expect(res.status).toBe(400)
    expect(await readError(res)).toMatchObject({ code: 'plan_inactive', field: 'plan_id' })
    expect(await s.store.size()).toBe(0)
  })

  const ORGANISATION_MISMATCH = 'The organisation header does not name the organisation of this API key. Send your merchant id, or leave the header out.'
  it.each<[string, Record<string, string>, string | null, number, string, string]>([
    ['no API key', { 'content-type': 'application/json' }, null, 401, 'unauthorized', 'Send your API key in the x-api-key header.'],
    ['an empty API key', zenskarHeaders(''), null, 401, 'unauthorized', 'Send your API key in the x-api-key header.'],
    ['an unknown API key', zenskarHeaders('nope'), null, 401, 'unauthorized', 'The API key is not valid.'],
    ['the key as Basic auth instead of x-api-key', { authorization: basic('demo_api_key'), 'content-type': 'application/json' }, null, 401, 'unauthorized', 'Send your API key in the x-api-key header.'],
    ['another organisation', zenskarHeaders('demo_api_key', { organisation: 'other_merchant' }), 'organisation', 401, 'organisation_mismatch', ORGANISATION_MISMATCH],
    ['an empty organisation', zenskarHeaders('demo_api_key', { organisation: '' }), 'organisation', 401, 'organisation_mismatch', ORGANISATION_MISMATCH],
    ['a body that is not JSON by its type', zenskarHeaders('demo_api_key', { 'content-type': 'text/plain' }), null, 415, 'unsupported_media_type', 'Send the request body as application/json.'],
    ['no content type', { 'x-api-key': 'demo_api_key' }, null, 415, 'unsupported_media_type', 'Send the request body as application/json.'],
  ])('%s', async (_name, headers, field, status, code, message) => {
    const s = buildTestApp()
    const res = await postCheckout(s, checkoutBody(), '/checkouts', headers)
    expect(res.status).toBe(status)
    expect(await readError(res)).toEqual({ code, field, message })
    expect(await s.store.size()).toBe(0)
  })

  it.each(['application/json; charset=utf-8', 'Application/JSON', 'application/json ; charset=UTF-8'])('takes the media type %s as JSON', async (type) => {
    const s = buildTestApp()
    expect((await postCheckout(s, checkoutBody(), '/checkouts', zenskarHeaders('demo_api_key', { 'content-type': type }))).status).toBe(201)
  })

  it('a body that is not UTF-8 is not JSON, even where the bad bytes sit inside a string', async () => {
    const s = buildTestApp()
    const bytes = Buffer.concat([Buffer.from('{"plan_id":"fit_monthly","customer_id":"cust'), Buffer.from([0xff]), Buffer.from('"}')])
    const res = await s.app.request('/checkouts', { method: 'POST', headers: zenskarHeaders(), body: bytes })
    expect(res.status).toBe(400)
    expect(await readError(res)).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON.', field: null })
    expect(await s.store.size()).toBe(0)
  })

  it('a body over the limit is refused before it is read', async () => {
    const s = buildTestApp()
    const res = await postCheckout(s, JSON.stringify(checkoutBody({ padding: 'x'.repeat(MAX_BODY_BYTES) })))
    expect(res.status).toBe(413)
    expect(await readError(res)).toEqual({ code: 'body_too_large', message: `The request body must be at most ${MAX_BODY_BYTES} bytes.`, field: null })
    expect(await s.store.size()).toBe(0)
  })
})

describe('GET /checkouts/{id}', () => {
  it('reads the merchant’s own checkout; another merchant’s, an unknown id and a malformed one read as missing', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody()))
    const read = await s.app.request(`/checkouts/${created.id}`, { headers: { 'x-api-key': 'demo_api_key' } })
    expect(read.status).toBe(200)
    expect(await readCheckout(read)).toEqual(created)
    for (const [id, key] of [
      [created.id, 'other_api_key'],
      ['00000000-0000-4000-8000-000000000000', 'demo_api_key'],
      ['not-a-uuid', 'demo_api_key'],
    ] as const) {
      const res = await s.app.request(`/checkouts/${id}`, { headers: { 'x-api-key': key } })
      expect(res.status).toBe(404)
      expect(await readError(res)).toEqual({ code: 'not_found', message: 'No such checkout.', field: null })
    }
  })

  it('refuses other methods with Allow, and needs the key', async () => {
    const s = buildTestApp()
    const put = await s.app.request('/checkouts', { method: 'PUT', headers: { 'x-api-key': 'demo_api_key' } })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('POST')
    expect(await readError(put)).toEqual({ code: 'method_not_allowed', message: 'PUT is not allowed here; use POST.', field: null })
    const putPreview = await s.app.request('/checkouts/preview', { method: 'PUT', headers: { 'x-api-key': 'demo_api_key' } })
    expect(putPreview.status).toBe(405)
    expect(putPreview.headers.get('allow')).toBe('POST')
    expect(await readError(putPreview)).toEqual({ code: 'method_not_allowed', message: 'PUT is not allowed here; use POST.', field: null })
    const getPreview = await s.app.request('/checkouts/preview', { headers: { 'x-api-key': 'demo_api_key' } })
    expect(getPreview.status).toBe(405)
    expect(getPreview.headers.get('allow')).toBe('POST')
    expect(await readError(getPreview)).toEqual({ code: 'method_not_allowed', message: 'GET is not allowed here; use POST.', field: null })
    const del = await s.app.request('/checkouts/00000000-0000-4000-8000-000000000000', { method: 'DELETE', headers: { 'x-api-key': 'demo_api_key' } })
    expect(del.status).toBe(405)
    expect(del.headers.get('allow')).toBe('GET')
    expect((await s.app.request('/checkouts/00000000-0000-4000-8000-000000000000')).status).toBe(401)
  })
})

describe('checkout_status over time', () => {
  const intent = { rail: 'upi', channel: 'collect', vpa: MAGIC_VPAS.pending, setUpMandate: true }
  const attempt = (s: TestSandbox, pageId: string, body: unknown, key: string) =>
    s.app.request(`/api/pages/${pageId}/attempts`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) })
  const status = async (s: TestSandbox, id: string) =>
    (await readCheckout(await s.app.request(`/checkouts/${id}`, { headers: { 'x-api-key': 'demo_api_key' } }))).checkout_status

  it('open → pending while the customer approves → payment_succeeded → contract_created once the subscription exists', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody()))
    const pageId = pageOf(created)
    expect((await attempt(s, pageId, intent, 'k-1')).status).toBe(201)
    expect(await status(s, created.id)).toBe('pending')
    const approved = await s.app.request(`/sandbox/orders/${created.id}/attempt/approve`, { method: 'POST', headers: { authorization: basic('demo_api_key') } })
    expect(approved.status).toBe(200)
    // The registration started the subscription at once (sandbox/domain/subscriptions.ts): contract_id names it.
    const paid = await readCheckout(await s.app.request(`/checkouts/${created.id}`, { headers: { 'x-api-key': 'demo_api_key' } }))
    expect(paid.updated_at >= paid.created_at).toBe(true)
    const subscriptionId = (await s.store.orderById(pageId))?.billing?.subscriptionId
    expect(subscriptionId).toMatch(/^bei_/)
    expect(paid).toMatchObject({ checkout_status: 'contract_created', contract_id: subscriptionId })

    const view = SessionView.parse(await (await s.app.request(`/api/pages/${pageId}`)).json())
    expect(view.returnUrl).toMatch(/^https:\/\/shop\.merchant\.com\/welcome\?/)
    expect(new URL(view.returnUrl ?? '').searchParams.get('order_id')).toBe(created.id)
  })

  it('a plan made INACTIVE after the checkout was created: the checkout is paid as shown, a new one is refused', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody({ plan_id: 'fit_monthly_trial' })))
    // The merchants file is edited and the sandbox restarted on the same store: the plan is now INACTIVE.
    const edited = merchantDirectory(
      merchants.all().map((m) => ({ ...m, plans: m.plans.map((p) => (p.plan_id === 'fit_monthly_trial' ? { ...p, status: 'INACTIVE' as const } : p)) })),
    )
    const restarted: TestSandbox = { ...s, app: createApp({ store: s.store, clock: s.clock, merchants: edited, log: silentLogger, publicOrigin: PUBLIC_ORIGIN, qaEnabled: true }, { templates: null, staticDir: null }) }

    const refused = await postCheckout(restarted, checkoutBody({ plan_id: 'fit_monthly_trial' }))
    expect(refused.status).toBe(400)
    expect((await readError(refused)).code).toBe('plan_inactive')

    const pageId = pageOf(created)
    expect((await attempt(restarted, pageId, intent, 'k-1')).status).toBe(201)
    await restarted.app.request(`/sandbox/orders/${created.id}/attempt/approve`, { method: 'POST', headers: { authorization: basic('demo_api_key') } })
    const order = await s.store.orderById(pageId)
    const subscription = await s.store.subscription('demo_merchant', order?.billing?.subscriptionId ?? '')
    expect(subscription?.plan).toMatchObject({ plan_id: 'fit_monthly_trial', status: 'ACTIVE' })
    expect(subscription?.schedule).toEqual(order?.billing?.schedule)
    expect(created.estimates.next_invoice?.date).toBe(subscription?.schedule.charges[0]?.date)
  })

  it('a failed attempt leaves it open for another', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody()))
    await attempt(s, pageOf(created), { ...intent, vpa: MAGIC_VPAS.failure }, 'k-1')
    s.clock.advance(SUCCESS_DELAY_MS + 1)
    expect(await status(s, created.id)).toBe('open')
  })

  it('expires at expires_at, after which the page refuses to pay it', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody({ expires_at: '2026-03-10T05:30:00Z' })))
    s.clock.advance(60 * 60 * 1000 - 1)
    expect(await status(s, created.id)).toBe('open')
    s.clock.advance(1)
    expect(await status(s, created.id)).toBe('expired')
    const refused = await attempt(s, pageOf(created), intent, 'k-1')
    expect(refused.status).toBe(409)
    expect(PageError.parse(await refused.json()).error.code).toBe('session_not_open')
  })

  it('is cancelled by the customer’s Cancel on the page', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody()))
    s.clock.advance(60_000)
    const cancelled = await s.app.request(`/api/pages/${pageOf(created)}/cancel`, { method: 'POST' })
    expect(SessionView.parse(await cancelled.json())).toMatchObject({ state: 'cancelled', cancelUrl: 'https://shop.merchant.com/plans' })
    const read = await readCheckout(await s.app.request(`/checkouts/${created.id}`, { headers: { 'x-api-key': 'demo_api_key' } }))
    expect(read).toMatchObject({ checkout_status: 'cancelled', updated_at: '2026-03-10T04:31:00.000Z' })
  })

  it('the estimates stay as created, even after the plan’s day has passed', async () => {
    const s = buildTestApp()
    const created = await readCheckout(await postCheckout(s, checkoutBody()))
    s.clock.advance(20 * 60 * 60 * 1000)
    expect((await readCheckout(await s.app.request(`/checkouts/${created.id}`, { headers: { 'x-api-key': 'demo_api_key' } }))).estimates).toEqual(created.estimates)
  })
})
