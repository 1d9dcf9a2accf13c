import { describe, expect, it } from 'vitest'
import { JuspayError } from '../../../contract/errors'
import { PAGE_ID_PATTERN } from '../../../contract/session'
import {
  DAY_SECONDS,
  DEMO,
  NOW_SECONDS,
  OTHER,
  PUBLIC_ORIGIN,
  basicAuth,
  buildSandbox,
  demoHeaders,
  errorFields,
  getOrder,
  json,
  mandateSession,
  postForm,
  postJson,
  type TestSandbox,
} from '../../testing/juspay-dialect'
import { summarize } from './routes'

/** The mandate session sample of the captured Juspay page (see docs/domain/juspay.md#published-samples), as printed: note the trailing comma. */
const REFERENCE_SESSION_SAMPLE = `{
    "amount":"10.00",
    "order_id":"yourUniqueOrderId",
    "customer_id":"yourUniqueCustId",
    "customer_phone":"customer_phone",
    "customer_email":"customer_email",
    "payment_page_client_id":"client_id",
    "return_url": "https://shop.merchant.com",
    "action":"paymentPage",
    "options.create_mandate":"OPTIONAL/REQUIRED",
    "mandate.max_amount":"1000.00",
}`

/** The same sample with its placeholders filled in and the trailing comma removed. */
const REFERENCE_SESSION_FIXED = {
  amount: '10.00',
  order_id: 'yourUniqueOrderId',
  customer_id: 'yourUniqueCustId',
  customer_phone: '9876543210',
  customer_email: 'dummyemail@gmail.com',
  payment_page_client_id: 'client_id',
  return_url: 'https://shop.merchant.com',
  action: 'paymentPage',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
}

/** Reference 001's eNACH sample, with its 2022 dates moved to today. */
const REFERENCE_ENACH_FIXED = {
  amount: '10.00',
  order_id: 'yourUniqueOrderId',
  customer_id: 'yourUniqueCustId',
  customer_phone: '9876543210',
  customer_email: 'dummyemail@gmail.com',
  payment_page_client_id: 'picasso',
  return_url: 'https://shop.merchant.com',
  action: 'enach',
  service: 'in.juspay.ec',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.start_date': String(NOW_SECONDS),
  'mandate.end_date': String(NOW_SECONDS + 21 * DAY_SECONDS),
}

/** Sends a request that must fail and checks it left nothing in the store and used the Juspay envelope. */
async function expectFailure(sandbox: TestSandbox, request: () => Response | Promise<Response>, status: number): Promise<Response> {
  const before = await sandbox.store.size()
  const res = await request()
  expect(res.status).toBe(status)
  expect(JuspayError.safeParse(await res.clone().json()).success).toBe(true)
  expect(await sandbox.store.size()).toBe(before)
  return res
}

async function errorCode(res: Response): Promise<unknown> {
  const parsed = JuspayError.parse(await res.json())
  return parsed.error_info.code
}

describe('authentication', () => {
  it.each([
    ['base64(key:)', basicAuth(DEMO.apiKey)],
    ['base64(key)', basicAuth(DEMO.apiKey, 'bare')],
  ])('accepts %s', async (_, authorization) => {
    const sandbox = buildSandbox()
    const res = await postJson(sandbox, '/session', mandateSession(), { authorization })
    expect(res.status).toBe(200)
  })

  it('accepts and ignores version, x-routing-id and a matching x-merchantid', async () => {
    const sandbox = buildSandbox()
    const headers = demoHeaders({ version: '2019-05-07', 'x-routing-id': 'cust_1', 'x-merchantid': DEMO.id })
    expect((await postJson(sandbox, '/session', mandateSession(), headers)).status).toBe(200)
    expect((await getOrder(sandbox, 'ord_1', headers)).status).toBe(200)
  })

  const failures: [string, Record<string, string>, number][] = [
    ['a missing header', {}, 401],
    ['a garbled header', { authorization: 'Basic %%%not-base64' }, 401],
    ['a bearer token', { authorization: `Bearer ${DEMO.apiKey}` }, 401],
    ['an empty key', { authorization: basicAuth('') }, 401],
    ['an unknown key', { authorization: basicAuth('no_such_key') }, 401],
    ['another merchant in x-merchantid', demoHeaders({ 'x-merchantid': OTHER.id }), 403],
    ['a differently cased x-merchantid', demoHeaders({ 'x-merchantid': 'DEMO_MERCHANT' }), 403],
  ]

  it.each(failures)('refuses POST /session with %s', async (_, headers, status) => {
    const sandbox = buildSandbox()
    await expectFailure(sandbox, () => postJson(sandbox, '/session', mandateSession(), headers), status)
  })

  it.each(failures)('refuses POST /orders with %s', async (_, headers, status) => {
    const sandbox = buildSandbox()
    await expectFailure(sandbox, () => postForm(sandbox, '/orders', { order_id: 'o1', amount: '1' }, headers), status)
  })

  it.each(failures)('refuses GET /orders/:order_id with %s', async (_, headers, status) => {
    const sandbox = buildSandbox()
    await postJson(sandbox, '/session', mandateSession())
    await expectFailure(sandbox, () => getOrder(sandbox, 'ord_1', headers), status)
  })

  it('answers 401 with UNAUTHENTICATED and 403 with UNAUTHORIZED', async () => {
    const sandbox = buildSandbox()
    expect(await errorCode(await postJson(sandbox, '/session', {}, {}))).toBe('UNAUTHENTICATED')
    expect(await errorCode(await postJson(sandbox, '/session', {}, demoHeaders({ 'x-merchantid': OTHER.id })))).toBe('UNAUTHORIZED')
  })
})

describe('POST /session', () => {
  it('answers a mandate session in Juspay shape', async () => {
    const sandbox = buildSandbox()
    const res = await postJson(
      sandbox,
      '/session',
      mandateSession({ first_name: 'Asha', 'mandate.frequency': 'MONTHLY', 'mandate.rule_value': 5, 'options.get_upi_deep_links': true }),
    )
    expect(res.status).toBe(200)
    const body = await json(res)
    const id = String(body['id'])
    expect(id).toMatch(PAGE_ID_PATTERN)
    expect(body).toMatchObject({
      status: 'NEW',
      order_id: 'ord_1',
      payment_links: { web: `${PUBLIC_ORIGIN}/orders/${id}/payment-page`, expiry: '2026-03-11T06:30:00Z' },
      order_expiry: '2026-03-11T06:30:00Z',
      sdk_payload: {
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
        service: 'in.juspay.hyperpay',
        expiry: '2026-03-10T06:45:00Z',
        payload: {
          clientId: 'demo_merchant',
          amount: '1.00',
          merchantId: 'demo_merchant',
          clientAuthToken: expect.stringMatching(/^tkn_[0-9a-f]{32}$/) as string,
          clientAuthTokenExpiry: '2026-03-10T06:45:00Z',
          environment: 'sandbox',
          action: 'paymentPage',
          customerId: 'cust_1',
          orderId: 'ord_1',
          returnUrl: 'https://shop.merchant.com/return',
          currency: 'INR',
          firstName: 'Asha',
          displayBusinessAs: DEMO.name,
          'options.createMandate': 'REQUIRED',
          'options.getUpiDeepLinks': 'true',
          'mandate.maxAmount': '1000.00',
          'mandate.startDate': String(NOW_SECONDS),
          'mandate.endDate': String(NOW_SECONDS + (30 * 365 + 8) * DAY_SECONDS),
          'mandate.frequency': 'MONTHLY',
          'mandate.amountRule': 'VARIABLE',
          'mandate.ruleType': 'AFTER',
          'mandate.ruleValue': '5',
          'mandate.blockFunds': 'false',
          'mandate.revokableByCustomer': 'true',
        },
      },
    })
    expect(await sandbox.store.size()).toBe(1)
  })

  it('answers the reference sample as printed with a clear 400 about the trailing comma', async () => {
    const sandbox = buildSandbox()
    const res = await expectFailure(sandbox, () => postJson(sandbox, '/session', REFERENCE_SESSION_SAMPLE), 400)
    const body = JuspayError.parse(await res.json())
    expect(body.error_message).toContain('not valid JSON')
    expect(body.error_message).toContain('trailing comma before line 12, column 1')
  })

  it('accepts the reference sample once fixed up', async () => {
    const sandbox = buildSandbox()
    const res = await postJson(sandbox, '/session', REFERENCE_SESSION_FIXED)
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({ order_id: 'yourUniqueOrderId', sdk_payload: { payload: { clientId: 'client_id' } } })
  })

  it('accepts the reference eNACH sample with its dates moved to today, preferring net banking', async () => {
    const sandbox = buildSandbox()
    const res = await postJson(sandbox, '/session', REFERENCE_ENACH_FIXED)
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({ sdk_payload: { payload: { action: 'enach', 'mandate.endDate': String(NOW_SECONDS + 21 * DAY_SECONDS) } } })
    expect((await sandbox.store.orderByMerchantOrderId(DEMO.id, 'yourUniqueOrderId'))?.preferredRail).toBe('netbanking')
  })

  it('refuses the eNACH sample with its original 2022 dates', async () => {
    const sandbox = buildSandbox()
    const res = await expectFailure(
      sandbox,
      () => postJson(sandbox, '/session', { ...REFERENCE_ENACH_FIXED, 'mandate.start_date': '1644420442', 'mandate.end_date': '1646234827' }),
      400,
    )
    expect(await errorFields(res)).toEqual(['mandate.start_date'])
  })

  it.each<[string, string | Record<string, unknown>, string[]]>([
    ['a JSON array', '[]', []],
    ['an empty body', '', []],
    ['missing required fields', {}, ['order_id', 'amount']],
    ['USD', mandateSession({ currency: 'USD' }), ['currency']],
    ['a return_url off the allow-list', mandateSession({ return_url: 'https://evil.example.com/' }), ['return_url']],
    ['conflicting spellings', mandateSession({ mandate_max_amount: '2000.00' }), ['mandate.max_amount']],
    ['mandate fields without create_mandate', { order_id: 'o', amount: '1', mandate: { max_amount: '5' } }, ['options.create_mandate']],
    ['a bad payment_rules path', mandateSession({ payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: {} } } } }), ['payment_rules.payment_flows.billing_creation.info.plan_id']],
  ])('refuses %s with 400 naming the fields', async (_, body, fields) => {
    const sandbox = buildSandbox()
    const res = await expectFailure(sandbox, () => postJson(sandbox, '/session', body), 400)
    expect(await errorFields(res)).toEqual(fields)
  })

  it('refuses a form body with 415', async () => {
    const sandbox = buildSandbox()
    await expectFailure(sandbox, () => postForm(sandbox, '/session', { order_id: 'o', amount: '1' }), 415)
  })

  it.each(['text/plain', 'multipart/form-data; boundary=x'])('refuses Content-Type %s with 415', async (contentType) => {
    const sandbox = buildSandbox()
    const request = () => sandbox.app.request('/session', {
      method: 'POST',
      headers: { ...demoHeaders(), 'content-type': contentType },
      body: JSON.stringify(mandateSession()),
    })
    await expectFailure(sandbox, request, 415)
  })

  it('refuses a body over 64 KB with 413', async () => {
    const sandbox = buildSandbox()
    await expectFailure(sandbox, () => postJson(sandbox, '/session', mandateSession({ description: 'x'.repeat(70 * 1024) })), 413)
  })

  it('refuses an oversized streamed body (no Content-Length) with 413', async () => {
    const sandbox = buildSandbox()
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 100) controller.enqueue(chunk)
        else controller.close()
      },
    })
    // Node's fetch needs `duplex` for a streamed body; the DOM typings do not know it yet.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { ...demoHeaders(), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    }
    const request = new Request(`${PUBLIC_ORIGIN}/session`, init)
    await expectFailure(sandbox, () => sandbox.app.request(request), 413)
    expect(sent).toBeLessThan(100)
  })

  it('stores hostile strings verbatim and answers them as data', async () => {
    const sandbox = buildSandbox()
    const hostile = {
      description: '<img src=x onerror=alert(1)>\n"quotes" & \'apostrophes\'',
      first_name: '\u202Egnp.exe',
      last_name: '🧘‍♀️ Verma',
      udf6: '<script>alert(1)</script>',
      udf7: '{{constructor.constructor("x")()}}',
      udf8: "'; DROP TABLE orders; --",
    }
    expect((await postJson(sandbox, '/session', mandateSession(hostile))).status).toBe(200)
    const stored = await sandbox.store.orderByMerchantOrderId(DEMO.id, 'ord_1')
    expect(stored?.description).toBe(hostile.description)
    expect(stored?.customer).toMatchObject({ firstName: hostile.first_name, lastName: hostile.last_name })
    expect(await json(await getOrder(sandbox, 'ord_1'))).toMatchObject({ udf6: hostile.udf6, udf7: hostile.udf7, udf8: hostile.udf8 })
  })

  it('works for the demo merchant backend, which calls it in-process', async () => {
    const sandbox = buildSandbox()
    const res = await sandbox.app.request('/demo/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        amount: '1.00',
        max_amount: '499.00',
        frequency: 'MONTHLY',
        rule_type: 'ON',
        rule_value: 5,
        amount_rule: 'VARIABLE',
        create_mandate: 'REQUIRED',
        description: 'Gym membership',
        action: 'paymentPage',
        auto_refund: true,
      }),
    })
    expect(res.status).toBe(200)
    expect(await sandbox.store.size()).toBe(1)
  })

  const demoPlanSession = (sandbox: ReturnType<typeof buildSandbox>, plan: Record<string, unknown>) =>
    sandbox.app.request('/demo/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...plan,
        amount: '1.00',
        max_amount: '1.00',
        frequency: 'DAILY',
        rule_type: 'ON',
        amount_rule: 'FIXED',
        create_mandate: 'OPTIONAL',
        description: 'Gym membership',
        action: 'paymentPage',
        auto_refund: true,
      }),
    })

  it('lists the demo merchant’s active plans for its form', async () => {
    const sandbox = buildSandbox()
    const res = await sandbox.app.request('/demo/api/plans')
    expect(res.status).toBe(200)
    const { plans } = (await res.json()) as { plans: { plan_id: string; variable: boolean }[] }
    expect(plans.map((p) => p.plan_id)).toEqual(['fit_monthly', 'fit_yearly', 'fit_monthly_trial', 'fit_monthly_intro99', 'fit_classes_payg', 'fit_monthly_plus'])
    expect(plans.find((p) => p.plan_id === 'fit_classes_payg')?.variable).toBe(true)
  })

  it('sells a plan from the demo form: the plan sets the mandate, whatever the mandate fields said', async () => {
    const sandbox = buildSandbox()
    const res = await demoPlanSession(sandbox, { plan_id: 'fit_monthly_trial' })
    expect(res.status).toBe(200)
    const { order_id } = (await res.json()) as { order_id: string }
    const order = await sandbox.store.orderByMerchantOrderId('demo_merchant', order_id)
    expect(order?.billing?.plan?.plan_id).toBe('fit_monthly_trial')
    expect(order?.mandate).toMatchObject({ frequency: 'MONTHLY', ruleValue: 5, maxAmount: { minor: 49_900 } })
    expect(order?.createMandate).toBe('REQUIRED')
  })

  it('passes a variable plan’s amount, and the sandbox’s refusal of a missing one names the field', async () => {
    const sandbox = buildSandbox()
    expect((await demoPlanSession(sandbox, { plan_id: 'fit_classes_payg', plan_amount: '799.00' })).status).toBe(200)
    const refused = await demoPlanSession(sandbox, { plan_id: 'fit_classes_payg' })
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as { error_info: { fields: { field_name: string }[] } }
    expect(body.error_info.fields.map((f) => f.field_name)).toContain('payment_rules.payment_flows.billing_creation.info.plan_amount')
    expect(await sandbox.store.size()).toBe(1)
  })
})

describe('POST /orders', () => {
  const formFields = {
    order_id: 'form_1',
    amount: '1.00',
    customer_id: 'cust_1',
    return_url: 'http://127.0.0.1:8080/return',
    'options.create_mandate': 'REQUIRED',
    mandate_max_amount: '499.00',
    'mandate.amount_rule': 'VARIABLE',
    'mandate.frequency': 'ONETIME',
    'mandate.block_funds': 'true',
    'mandate.revokable_by_customer': 'false',
    'metadata.auto_refund_post_success': 'true',
  }

  it('accepts a form body, answering without an SDK payload', async () => {
    const sandbox = buildSandbox()
    const res = await postForm(sandbox, '/orders', formFields)
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(Object.keys(body).sort()).toEqual(['id', 'order_expiry', 'order_id', 'payment_links', 'status'])
    const stored = await sandbox.store.orderByMerchantOrderId(DEMO.id, 'form_1')
    expect(stored?.mandate).toMatchObject({ frequency: 'ONETIME', blockFunds: true, revokableByCustomer: false })
    expect(stored?.metadata).toEqual({ auto_refund_post_success: 'true' })
  })

  it('accepts payment_rules as a JSON string in a form body', async () => {
    const sandbox = buildSandbox()
    const rules = { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_classes_payg', plan_amount: 499 } } } }
    const res = await postForm(sandbox, '/orders', {
      order_id: 'form_2',
      amount: '1.00',
      customer_id: 'cust_1',
      'options.create_mandate': 'REQUIRED',
      mandate_max_amount: '2000.00',
      payment_rules: JSON.stringify(rules),
    })
    expect(res.status).toBe(200)
    const stored = await sandbox.store.orderByMerchantOrderId(DEMO.id, 'form_2')
    expect(stored?.paymentRules).toEqual(rules)
    expect(stored?.billing?.schedule.recurring.amount.minor).toBe(49900)
  })

  it('accepts a JSON body too', async () => {
    const sandbox = buildSandbox()
    expect((await postJson(sandbox, '/orders', mandateSession())).status).toBe(200)
  })

  it('refuses a form field sent twice', async () => {
    const sandbox = buildSandbox()
    const request = () => sandbox.app.request('/orders', {
      method: 'POST',
      headers: { ...demoHeaders(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'order_id=a&amount=1&amount=2',
    })
    const res = await expectFailure(sandbox, request, 400)
    expect(await errorFields(res)).toEqual(['amount'])
  })

  it('refuses payment_rules that are not JSON', async () => {
    const sandbox = buildSandbox()
    const res = await expectFailure(sandbox, () => postForm(sandbox, '/orders', { ...formFields, payment_rules: '{payment_flows' }), 400)
    expect(await errorFields(res)).toEqual(['payment_rules'])
  })
})

describe('idempotency', () => {
  it('replays the same order for the same body, in any spelling or encoding', async () => {
    const sandbox = buildSandbox()
    const first = await json(await postJson(sandbox, '/session', mandateSession({ 'mandate.frequency': 'WEEKLY', 'mandate.rule_value': 2 })))
    const again = await json(await postJson(sandbox, '/session', mandateSession({ 'mandate.frequency': 'WEEKLY', 'mandate.rule_value': 2 })))
    const respelt = await json(
      await postJson(sandbox, '/session', {
        ...mandateSession(),
        'mandate.max_amount': undefined,
        mandate: { max_amount: 1000, frequency: 'WEEKLY', rule_value: '2' },
      }),
    )
    const form = await json(
      await postForm(sandbox, '/orders', {
        order_id: 'ord_1',
        amount: '1',
        customer_id: 'cust_1',
        return_url: 'https://shop.merchant.com/return',
        payment_page_client_id: 'demo_merchant',
        action: 'paymentPage',
        'options.create_mandate': 'REQUIRED',
        mandate_max_amount: '1000',
        mandate_frequency: 'WEEKLY',
        mandate_rule_value: '2',
      }),
    )
    expect(again['id']).toBe(first['id'])
    expect(respelt['id']).toBe(first['id'])
    expect(form['id']).toBe(first['id'])
    expect(await sandbox.store.size()).toBe(1)
  })

  it('refuses the same order_id with a different body, keeping the first order', async () => {
    const sandbox = buildSandbox()
    await postJson(sandbox, '/session', mandateSession())
    const res = await expectFailure(sandbox, () => postJson(sandbox, '/session', mandateSession({ amount: '2.00' })), 400)
    const body = JuspayError.parse(await res.json())
    expect(body.error_info.code).toBe('ALREADY_EXISTS')
    expect(body.error_message).toContain('already exists with different details')
    expect(body.error_info.fields.map((f) => f.field_name)).toEqual(['order_id'])
    expect((await sandbox.store.orderByMerchantOrderId(DEMO.id, 'ord_1'))?.amountMinor).toBe(100)
  })

  it('keeps order ids per merchant', async () => {
    const sandbox = buildSandbox()
    await postJson(sandbox, '/session', mandateSession())
    const other = await postJson(sandbox, '/session', mandateSession({ return_url: 'http://localhost:3000/r', amount: '5.00' }), {
      authorization: basicAuth(OTHER.apiKey),
    })
    expect(other.status).toBe(200)
    expect(await sandbox.store.size()).toBe(2)
  })
})

describe('GET /orders/:order_id', () => {
  it('answers the Juspay order status with a CREATED mandate block', async () => {
    const sandbox = buildSandbox()
    const created = await json(
      await postJson(sandbox, '/session', mandateSession({ customer_email: 'a@example.com', customer_phone: '9876543210', udf2: 'x', 'metadata.k': 'v' })),
    )
    const res = await getOrder(sandbox, 'ord_1')
    expect(res.status).toBe(200)
    const link = `${PUBLIC_ORIGIN}/orders/${String(created['id'])}/payment-page`
    expect(await json(res)).toEqual({
      order_id: 'ord_1',
      id: created['id'],
      merchant_id: 'demo_merchant',
      customer_id: 'cust_1',
      customer_email: 'a@example.com',
      customer_phone: '9876543210',
      status: 'NEW',
      status_id: 10,
      amount: 1,
      currency: 'INR',
      date_created: '2026-03-10T06:30:00Z',
      return_url: 'https://shop.merchant.com/return',
      product_id: '',
      payment_links: { web: link, iframe: link, mobile: link },
      udf1: '',
      udf2: 'x',
      udf3: '',
      udf4: '',
      udf5: '',
      udf6: '',
      udf7: '',
      udf8: '',
      udf9: '',
      udf10: '',
      refunded: false,
      amount_refunded: 0,
      effective_amount: 1,
      order_expiry: '2026-03-11T06:30:00Z',
      metadata: { k: 'v' },
      mandate: {
        mandate_status: 'CREATED',
        mandate_type: 'EMANDATE',
        start_date: String(NOW_SECONDS),
        end_date: String(NOW_SECONDS + (30 * 365 + 8) * DAY_SECONDS),
        revokable_by_customer: true,
        block_fund: false,
        max_amount: 1000,
        frequency: 'ASPRESENTED',
        amount_rule: 'VARIABLE',
      },
    })
  })

  it('has no mandate block for a plain payment', async () => {
    const sandbox = buildSandbox()
    await postJson(sandbox, '/orders', { order_id: 'plain_1', amount: 499.5 })
    const body = await json(await getOrder(sandbox, 'plain_1'))
    expect(body['amount']).toBe(499.5)
    expect(body).not.toHaveProperty('mandate')
  })

  it('answers 404 for an unknown order', async () => {
    const sandbox = buildSandbox()
    const res = await expectFailure(sandbox, () => getOrder(sandbox, 'nope'), 404)
    expect(await errorCode(res)).toBe('RESOURCE_NOT_FOUND')
  })

  it("answers 404 for another merchant's order, revealing nothing", async () => {
    const sandbox = buildSandbox()
    await postJson(sandbox, '/session', mandateSession())
    const res = await getOrder(sandbox, 'ord_1', { authorization: basicAuth(OTHER.apiKey) })
    expect(res.status).toBe(404)
    expect(JSON.stringify(await res.json())).not.toContain('ordeh_')
  })
})

describe('methods', () => {
  it.each([
    ['GET', '/session', 'POST'],
    ['PUT', '/session', 'POST'],
    ['DELETE', '/session', 'POST'],
    ['GET', '/orders', 'POST'],
    ['PATCH', '/orders', 'POST'],
    ['PUT', '/orders/x', 'GET'],
    ['POST', '/orders/x', 'GET'],
    ['DELETE', '/orders/x', 'GET'],
  ])('%s %s answers 405 in the Juspay envelope, allowing %s', async (method, path, allowed) => {
    const sandbox = buildSandbox()
    const res = await expectFailure(sandbox, () => sandbox.app.request(path, { method, headers: demoHeaders() }), 405)
    expect(res.headers.get('allow')).toBe(allowed)
  })
})

describe('the refusals word for word', () => {
  const refusal = async (res: Response | Promise<Response>) => {
    const answer = await res
    const error = JuspayError.parse(await answer.json())
    return { status: answer.status, message: error.error_message, code: error.error_info.code, fields: error.error_info.fields }
  }

  it.each<[string, number, string]>([
    ['one field', 1, 'Invalid request: f1 is bad.'],
    ['three fields', 3, 'Invalid request: f1 is bad; f2 is bad; f3 is bad.'],
    ['four fields: three shown', 4, 'Invalid request: f1 is bad; f2 is bad; f3 is bad (and 1 more).'],
    ['six fields', 6, 'Invalid request: f1 is bad; f2 is bad; f3 is bad (and 3 more).'],
  ])('summarize: %s', (_name, count, expected) => {
    const fields = Array.from({ length: count }, (_, i) => ({ field_name: `f${i + 1}`, reason: 'is bad' }))
    expect(summarize(fields)).toBe(expected)
  })

  it('x-merchantid of another merchant', async () => {
    const sandbox = buildSandbox()
    expect(await refusal(postJson(sandbox, '/session', mandateSession(), demoHeaders({ 'x-merchantid': OTHER.id })))).toMatchObject({
      status: 403,
      code: 'UNAUTHORIZED',
      message: 'The x-merchantid header does not match the merchant of this API key.',
    })
  })

  it('a body over the limit', async () => {
    const sandbox = buildSandbox()
    expect(await refusal(postJson(sandbox, '/session', mandateSession({ description: 'x'.repeat(70 * 1024) })))).toMatchObject({
      status: 413,
      code: 'INVALID_INPUT',
      message: 'The request body is larger than 64 KB.',
    })
  })

  it('an order id reused with other details', async () => {
    const sandbox = buildSandbox()
    expect((await postJson(sandbox, '/session', mandateSession({ order_id: 'dup-1' }))).status).toBe(200)
    expect(await refusal(postJson(sandbox, '/session', mandateSession({ order_id: 'dup-1', amount: '2.00' })))).toEqual({
      status: 400,
      code: 'ALREADY_EXISTS',
      message: 'An order with order_id dup-1 already exists with different details. Use a new order_id, or repeat the original request exactly to get the same order back.',
      fields: [{ field_name: 'order_id', reason: 'is already used by an order with different details' }],
    })
  })

  it('an unknown order, and a method the path does not take', async () => {
    const sandbox = buildSandbox()
    expect(await refusal(getOrder(sandbox, 'nope'))).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No order with this order_id.' })
    const put = await sandbox.app.request('/session', { method: 'PUT', headers: demoHeaders() })
    expect(put.headers.get('allow')).toBe('POST')
    expect(await refusal(put)).toMatchObject({ status: 405, code: 'INVALID_INPUT', message: 'PUT is not supported here; use POST.' })
  })
})
