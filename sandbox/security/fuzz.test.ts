import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { CheckoutError, JuspayError, PluralError, ZenskarError } from '../../contract/errors'
import { VpaVerification } from '../../contract/attempt'
import { PageError, SessionView } from '../../contract/session'
import { CheckoutSession } from '../dialects/checkout/session-object'
import { CheckoutSubscription } from '../dialects/checkout/subscription-object'
import type { Order } from '../domain/order'
import { basic, bearer, checkoutBody, DEMO_KEY, jsonOf, juspayBody, OTHER_KEY, pluralBody, secureSandbox, type SecureSandbox } from '../testing/security-harness'

/** Deterministic: CI replays exactly these inputs; a failure prints the seed and the shrunk request. */
const SEED = 20261125
const RUNS = 30
/** A guard for a loaded 2-core CI machine, far above what a property takes; it asserts nothing about speed. */
const PROPERTY_TIMEOUT_MS = 120_000

type Dialect = 'juspay' | 'checkout' | 'zenskar' | 'plural' | 'page' | 'html' | 'text'
/** How the endpoint takes the API key: Authorization Basic or Bearer, the x-api-key header, or not at all. */
type Auth = 'basic' | 'bearer' | 'apikey' | 'none'

/** The ids a world was built with, for paths and for the store snapshot. */
interface World {
  s: SecureSandbox
  open: Order
  upi: Order
  upiToken: string
  upiAttemptId: string
  bank: Order
  bankToken: string
  bankAtOtp: Order
  bankOtpToken: string
  session: { id: string; clientSecret: string; order: Order }
  other: Order
  /** A paid plan checkout's subscription, whose plan change the preview endpoint prices. */
  subscriptionId: string
  /** What the stored preview PAY_REQUEST_ID of that subscription asks to be paid, in rupees as Juspay writes it. */
  changeAmount: string
}

/** A Zenskar plan checkout of fit_monthly, paid on the page and approved: answers its subscription's id. */
async function paidPlanCheckout(s: SecureSandbox): Promise<string> {
  const body = { plan_id: 'fit_monthly', customer_id: 'cust_1', success_url: 'https://shop.merchant.com/ok', cancel_url: 'https://shop.merchant.com/no' }
  const checkout = await jsonOf(await s.postJson('/checkouts', body, { 'x-api-key': DEMO_KEY }))
  const pageId = new URL(String(checkout['url'])).pathname.split('/')[2] ?? ''
  await s.startAttempt(pageId, { rail: 'upi', channel: 'intent', setUpMandate: true })
  const approved = await s.request(`/sandbox/orders/${String(checkout['id'])}/attempt/approve`, { method: 'POST', headers: { authorization: basic(DEMO_KEY) } })
  if (approved.status !== 200) throw new Error(`approving the plan checkout answered ${approved.status}`)
  const subscriptionId = (await s.stored(pageId)).billing?.subscriptionId
  if (!subscriptionId) throw new Error('the paid plan checkout started no subscription')
  return subscriptionId
}

/**
 * A sandbox with one of everything: an open order, a pending UPI intent attempt, a bank attempt at
 * its first step and one at the OTP step, a checkout session, another merchant's order, and a paid
 * plan checkout's subscription.
 */
async function world(): Promise<World> {
  const s = secureSandbox()
  const enach = {
    bankCode: 'HDFC',
    authMode: 'netbanking',
    accountHolderName: 'Asha Verma',
    accountNumber: '1111111111',
    ifsc: 'HDFC0001234',
    accountType: 'SAVINGS',
  } as const
  const open = await s.juspayOrder(DEMO_KEY, { order_id: 'open-1' })
  const upi = await s.startAttempt((await s.juspayOrder(DEMO_KEY, { order_id: 'upi-1' })).id, { rail: 'upi', channel: 'intent', setUpMandate: true })
  const bank = await s.startAttempt((await s.juspayOrder(DEMO_KEY, { order_id: 'bank-1' })).id, { rail: 'netbanking', setUpMandate: true, enach })
  const atOtp = await s.startAttempt((await s.juspayOrder(DEMO_KEY, { order_id: 'bank-2' })).id, { rail: 'netbanking', setUpMandate: true, enach })
  const login = await s.request(`/simulator/bank/${atOtp.attempt.simulatorToken}/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'user_id=asha&password=pw',
  })
  if (login.status !== 303) throw new Error(`the bank login answered ${login.status}`)
  const session = await s.checkoutSession(DEMO_KEY, { merchant_order_id: 'cs-1' })
  const other = await s.juspayOrder(OTHER_KEY, { order_id: 'other-1', return_url: 'http://localhost:3000/done' })
  const subscriptionId = await paidPlanCheckout(s)
  const preview = await jsonOf(
    await s.postJson(
      '/billing',
      { command: 'preview_prorated_amount', billing_execution_info_id: subscriptionId, request_id: PAY_REQUEST_ID, updated_fields: { plan_id: 'fit_monthly_plus', plan_amount: 799 } },
      { authorization: basic(DEMO_KEY) },
    ),
  )
  return {
    s,
    open,
    upi: upi.order,
    upiToken: upi.attempt.simulatorToken,
    upiAttemptId: upi.attempt.id,
    bank: bank.order,
    bankToken: bank.attempt.simulatorToken,
    bankAtOtp: await s.stored(atOtp.order.id),
    bankOtpToken: atOtp.attempt.simulatorToken,
    session,
    other,
    subscriptionId,
    changeAmount: Number(preview['prorated_amount']).toFixed(2),
  }
}

/** The request_id the preview endpoint's valid body uses. */
const PREVIEW_REQUEST_ID = 'fuzz-1'
/** The request_id of the preview the world makes for the plan-change session to pay. */
const PAY_REQUEST_ID = 'pay-1'

/** Everything a refused request must leave as it was: every order, its webhooks, how many orders there are, and the preview. */
async function snapshot(w: World, forget: (order: Order) => Order = (o) => o): Promise<string> {
  const orders = await Promise.all([w.open, w.upi, w.bank, w.bankAtOtp, w.session.order, w.other].map((o) => w.s.store.orderById(o.id)))
  return JSON.stringify({
    size: await w.s.store.size(),
    orders: orders.map((o) => (o ? forget(o) : null)),
    webhooks: await Promise.all(orders.map((o) => (o ? w.s.store.webhooksFor(o.merchantId, o.orderId) : Promise.resolve(null)))),
    preview: (await w.s.store.preview('demo_merchant', w.subscriptionId, PREVIEW_REQUEST_ID)) ?? null,
    paid: (await w.s.store.preview('demo_merchant', w.subscriptionId, PAY_REQUEST_ID)) ?? null,
    subscription: (await w.s.store.subscription('demo_merchant', w.subscriptionId)) ?? null,
  })
}

/** A wrong OTP of the right shape is counted by design (three fail the attempt): the one change a 400 may make. */
const forgetOtpFailures = (order: Order): Order => ({
  ...order,
  attempts: order.attempts.map((a) => (a.rail === 'netbanking' ? { ...a, bank: { ...a.bank, otpFailures: 0 } } : a)),
})

/** What a schema offers the checks: whether a value has its shape. */
interface Shape {
  safeParse: (v: unknown) => { success: boolean }
}

interface Endpoint {
  method: 'GET' | 'POST'
  /** The path with the world's ids; `id` replaces the endpoint's one id when the path is fuzzed. */
  path: (w: World, id?: string) => string
  auth: Auth
  /** A body the endpoint accepts, whose fields the fuzzer breaks one at a time. */
  valid?: (w: World) => Record<string, unknown>
  forget?: (order: Order) => Order
  /** Answers every id with the same page (the client-secret page renders before it knows its session). */
  servesAnyId?: true
  /** The schema every 2xx JSON answer must have. */
  answers?: Shape
}

const enachBody = {
  rail: 'netbanking',
  setUpMandate: true,
  enach: { bankCode: 'HDFC', authMode: 'netbanking', accountHolderName: 'Asha Verma', accountNumber: '2222222222', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
}

/** Every route of sandbox/app.ts and the route files it mounts (static files aside, which need a build). */
const ENDPOINTS: Record<string, Endpoint> = {
  'POST /session': { method: 'POST', path: () => '/session', auth: 'basic', valid: () => juspayBody() },
  'POST /orders': { method: 'POST', path: () => '/orders', auth: 'basic', valid: () => juspayBody() },
  'POST /session paying for a plan change': {
    method: 'POST',
    path: () => '/session',
    auth: 'basic',
    valid: (w) => ({
      order_id: 'pc-fuzz',
      amount: w.changeAmount,
      return_url: 'https://shop.merchant.com/return',
      'options.create_mandate': 'REQUIRED',
      payment_rules: { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: w.subscriptionId, request_id: PAY_REQUEST_ID } } } },
    }),
  },
  'GET /orders/:order_id': { method: 'GET', path: (w, id) => `/orders/${id ?? w.open.orderId}`, auth: 'basic' },
  'POST /billing': {
    method: 'POST',
    path: () => '/billing',
    auth: 'basic',
    valid: (w) => ({
      command: 'preview_prorated_amount',
      billing_execution_info_id: w.subscriptionId,
      request_id: PREVIEW_REQUEST_ID,
      updated_fields: { plan_id: 'fit_monthly_plus', plan_amount: 799, rule_info: { plan_rule_value: 5 } },
    }),
  },
  'POST /billing/execution-info': { method: 'POST', path: () => '/billing/execution-info', auth: 'basic', valid: () => ({ command: 'get', billing_execution_info_id: 'bei_none' }) },
  'GET /billing/execution-info/list/:customer_id': { method: 'GET', path: (_, id) => `/billing/execution-info/list/${id ?? 'cust-42'}`, auth: 'basic' },
  'POST /v1/checkout/sessions': { method: 'POST', path: () => '/v1/checkout/sessions', auth: 'bearer', valid: () => checkoutBody(), answers: CheckoutSession },
  'GET /v1/checkout/sessions/:id': { method: 'GET', path: (w, id) => `/v1/checkout/sessions/${id ?? w.session.id}`, auth: 'bearer', answers: CheckoutSession },
  'GET /v1/subscriptions/:id': { method: 'GET', path: (_, id) => `/v1/subscriptions/${id ?? 'bei_0000000000000000000000'}`, auth: 'bearer', answers: CheckoutSubscription },
  'POST /checkouts': {
    method: 'POST',
    path: () => '/checkouts',
    auth: 'apikey',
    valid: () => ({ plan_id: 'fit_monthly_trial', customer_id: 'cust_1', success_url: 'https://shop.merchant.com/ok', cancel_url: 'https://shop.merchant.com/no' }),
  },
  'POST /checkouts/preview': { method: 'POST', path: () => '/checkouts/preview', auth: 'apikey', valid: () => ({ plan_id: 'fit_monthly', customer_id: 'cust_1' }) },
  'GET /checkouts/:id': { method: 'GET', path: (_w, id) => `/checkouts/${id ?? '00000000-0000-4000-8000-000000000000'}`, auth: 'apikey' },
  'POST /api/v1/upi/subscription/process/payment': {
    method: 'POST',
    path: () => '/api/v1/upi/subscription/process/payment',
    auth: 'bearer',
    valid: () => pluralBody({ clientUniqueReference: 'fuzz-plural' }),
  },
  'GET /api/v1/upi/subscription/:id': {
    method: 'GET',
    path: (_w, id) => `/api/v1/upi/subscription/${id ?? 'v1-sub-00000000000000000000000000000000'}`,
    auth: 'bearer',
  },
  'POST /api/pages/:pageId/cancel': { method: 'POST', path: (w, id) => `/api/pages/${id ?? w.open.id}/cancel`, auth: 'none', answers: SessionView },
  'GET /api/pages/:pageId': { method: 'GET', path: (w, id) => `/api/pages/${id ?? w.open.id}`, auth: 'none', answers: SessionView },
  'POST /api/pages/:pageId/attempts': {
    method: 'POST',
    path: (w, id) => `/api/pages/${id ?? w.open.id}/attempts`,
   
    auth: 'none',
    valid: () => ({ rail: 'upi', channel: 'collect', vpa: 'pending@upi', setUpMandate: true }),
    answers: SessionView,
  },
  'POST /api/pages/:pageId/attempts (eNACH)': { method: 'POST', path: (w, id) => `/api/pages/${id ?? w.open.id}/attempts`, auth: 'none', valid: () => enachBody, answers: SessionView },
  'POST /api/pages/:pageId/attempts/:attemptId/cancel': {
    method: 'POST',
    path: (w, id) => `/api/pages/${w.upi.id}/attempts/${id ?? w.upiAttemptId}/cancel`,
   
    auth: 'none',
    answers: SessionView,
  },
  'POST /api/pages/:pageId/vpa': { method: 'POST', path: (w, id) => `/api/pages/${id ?? w.open.id}/vpa`, auth: 'none', valid: () => ({ vpa: 'asha@okaxis' }), answers: VpaVerification },
  'GET /api/pages/:pageId/events': { method: 'GET', path: (w, id) => `/api/pages/${id ?? w.open.id}/events`, auth: 'none' },
  'POST /api/checkout/lookup': { method: 'POST', path: () => '/api/checkout/lookup', auth: 'none', valid: (w) => ({ client_secret: w.session.clientSecret }), answers: SessionView },
  'POST /sandbox/orders/:orderId/attempt/approve': {
    method: 'POST',
    path: (w, id) => `/sandbox/orders/${id ?? w.upi.orderId}/attempt/approve`,
   
    auth: 'basic',
    valid: () => ({ payer_vpa: 'asha@okaxis' }),
  },
  'POST /sandbox/orders/:orderId/attempt/decline': { method: 'POST', path: (w, id) => `/sandbox/orders/${id ?? w.upi.orderId}/attempt/decline`, auth: 'basic', valid: () => ({}) },
  'POST /sandbox/orders/:orderId/attempt/expire': { method: 'POST', path: (w, id) => `/sandbox/orders/${id ?? w.upi.orderId}/attempt/expire`, auth: 'basic', valid: () => ({}) },
  'POST /sandbox/orders/:orderId/expire': { method: 'POST', path: (w, id) => `/sandbox/orders/${id ?? w.open.orderId}/expire`, auth: 'basic' },
  'GET /sandbox/orders/:orderId/webhooks': { method: 'GET', path: (w, id) => `/sandbox/orders/${id ?? w.upi.orderId}/webhooks`, auth: 'basic' },
  'POST /sandbox/reset': { method: 'POST', path: () => '/sandbox/reset', auth: 'basic' },
  'POST /demo/api/sessions': {
    method: 'POST',
    path: () => '/demo/api/sessions',
   
    auth: 'none',
    valid: () => ({
      amount: '1.00',
      max_amount: '499.00',
      frequency: 'MONTHLY',
      rule_type: 'AFTER',
      rule_value: 5,
      amount_rule: 'VARIABLE',
      create_mandate: 'REQUIRED',
      description: 'Gym',
      action: 'paymentPage',
      auto_refund: true,
    }),
  },
  'GET /simulator/upi/:token': { method: 'GET', path: (w, id) => `/simulator/upi/${id ?? w.upiToken}`, auth: 'none' },
  'POST /simulator/upi/:token/approve': {
    method: 'POST',
    path: (w, id) => `/simulator/upi/${id ?? w.upiToken}/approve`,
   
    auth: 'none',
    valid: () => ({ pin: '1234', payer_vpa: 'asha@okaxis', app: 'gpay' }),
  },
  'POST /simulator/upi/:token/decline': { method: 'POST', path: (w, id) => `/simulator/upi/${id ?? w.upiToken}/decline`, auth: 'none', valid: () => ({ app: 'gpay' }) },
  'GET /simulator/bank/:token': { method: 'GET', path: (w, id) => `/simulator/bank/${id ?? w.bankToken}`, auth: 'none' },
  'POST /simulator/bank/:token/credentials': {
    method: 'POST',
    path: (w, id) => `/simulator/bank/${id ?? w.bankToken}/credentials`,
   
    auth: 'none',
    valid: () => ({ user_id: 'asha', password: 'pw' }),
  },
  'POST /simulator/bank/:token/otp': {
    method: 'POST',
    path: (w, id) => `/simulator/bank/${id ?? w.bankOtpToken}/otp`,
   
    auth: 'none',
    valid: () => ({ otp: '123456' }),
    forget: forgetOtpFailures,
  },
  'POST /simulator/bank/:token/authorise': { method: 'POST', path: (w, id) => `/simulator/bank/${id ?? w.bankOtpToken}/authorise`, auth: 'none' },
  'POST /simulator/bank/:token/decline': { method: 'POST', path: (w, id) => `/simulator/bank/${id ?? w.bankOtpToken}/decline`, auth: 'none' },
  'GET /orders/:pageId/payment-page': { method: 'GET', path: (w, id) => `/orders/${id ?? w.open.id}/payment-page`, auth: 'none' },
  'GET /checkout/:sessionId': { method: 'GET', path: (w, id) => `/checkout/${id ?? w.session.id}`, auth: 'none', servesAnyId: true },
}

// ---- arbitraries -------------------------------------------------------------------------------

/** Characters a header value may hold (Latin-1 without controls): anything else the client refuses to send. */
const headerChar = fc.integer({ min: 0x20, max: 0xff }).filter((n) => n !== 0x7f).map((n) => String.fromCharCode(n))
const headerText = fc.string({ unit: headerChar, maxLength: 300 })

const contentTypes = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json;charset=latin1;;',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-8',
    'multipart/form-data',
    'multipart/form-data; boundary=xyz',
    'text/plain',
    'application/xml',
    'application/jsonx',
    '',
    ';',
  ),
  headerText,
)

const b64 = (text: string) => Buffer.from(text).toString('base64')
function authorizations(auth: Auth) {
  if (auth === 'apikey') {
    const wrongKey = fc.oneof(fc.constantFrom(undefined, OTHER_KEY.slice(1), '', bearer(DEMO_KEY)), headerText)
    return fc.oneof({ arbitrary: fc.constant(DEMO_KEY), weight: 3 }, { arbitrary: wrongKey, weight: 2 })
  }
  const good = auth === 'basic' ? basic(DEMO_KEY) : bearer(DEMO_KEY)
  const wrong = fc.oneof(
    fc.constantFrom(
      undefined,
      basic(OTHER_KEY),
      bearer(OTHER_KEY),
      auth === 'basic' ? bearer(DEMO_KEY) : basic(DEMO_KEY),
      `Basic ${b64(DEMO_KEY)}`,
      `Basic ${b64(':')}`,
      `Basic ${b64(':demo_api_key')}`,
      'Basic',
      'Basic !!!',
      'Basic ====',
      'Bearer',
      'Bearer  a b',
      'Digest username="x"',
    ),
    headerText.map((t) => `Basic ${b64(t)}`),
    headerText.map((t) => `Bearer ${t}`),
    headerText,
  )
  // Mostly the right key, so most requests get past authentication to the body.
  return auth === 'none' ? wrong : fc.oneof({ arbitrary: fc.constant(good), weight: 3 }, { arbitrary: wrong, weight: 2 })
}

const idempotencyKeys = fc.oneof(
  fc.constantFrom(undefined, '', 'key-1', 'k'.repeat(256), ' padded ', 'clé\u00e9'),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).filter((k) => !/[\0\r\n]/.test(k)),
)

/** Nested garbage: any JSON value, deep objects and arrays included. */
const garbage = fc.jsonValue({ maxDepth: 4 })

/** The valid body with one field broken: wrong type, garbage, removed, or an unknown field added. */
function nearValid(valid: Record<string, unknown>) {
  const keys = Object.keys(valid)
  return fc
    .tuple(fc.constantFrom(...keys, '__proto__', 'constructor', 'unknown_field'), fc.option(garbage, { nil: undefined }))
    .map(([key, value]) => {
      const body: Record<string, unknown> = { ...valid }
      if (value === undefined) Reflect.deleteProperty(body, key)
      else Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true })
      return JSON.stringify(body)
    })
}

/**
 * JSON nested a little or far deeper than any body needs (up to 20,000 levels of arrays or objects), written as
 * text: building it as a value and stringifying it would overflow this test's own stack.
 */
const deepJson = fc
  .tuple(fc.oneof(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 5_000, max: 20_000 })), fc.constantFrom(['[', ']'], ['{"a":', '}'], ['[{"b":', '}]']), fc.constantFrom('1', '"x"', '[]', '{}'))
  .map(([depth, [open = '', close = ''], core]) => open.repeat(depth) + core + close.repeat(depth))

/** The valid body with one field (a metadata key among them) set to deeply nested JSON. */
function nestedValid(valid: Record<string, unknown>) {
  const PLACE = '"__nested__"'
  return fc
    .tuple(fc.oneof(fc.constantFrom(...Object.keys(valid), 'unknown_field'), fc.constantFrom('metadata', 'metadata.note', 'payment_rules')), deepJson, fc.boolean())
    .map(([key, deep, inMetadataObject]) => {
      const body: Record<string, unknown> = { ...valid }
      Object.defineProperty(body, key, { value: inMetadataObject ? { note: '__nested__' } : '__nested__', enumerable: true, writable: true, configurable: true })
      return JSON.stringify(body).replace(PLACE, deep)
    })
}

const form = (fields: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()

function bodies(valid: Record<string, unknown> | undefined) {
  const any = [
    fc.constant(''),
    fc.json({ maxDepth: 4 }),
    garbage.map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array(bytes)),
    fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 })).map(form),
    fc.constantFrom(70_000, 140_000).map((n) => `{"description":"${'x'.repeat(n)}"}`),
    fc.constantFrom('{', '[]', 'null', '"string"', '42', '{"a":1,}', '{"__proto__":{"polluted":true}}', '\uFEFF{}'),
    deepJson,
  ]
  if (!valid) return fc.oneof(...any)
  return fc.oneof(
    ...any,
    nearValid(valid),
    nearValid(valid),
    nearValid(valid).map((json) => form(JSON.parse(json) as Record<string, unknown>)),
    nestedValid(valid),
    nestedValid(valid),
  )
}

/** A path id that is the world's own, a near miss, or nonsense. */
const ids = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e%2F%2e%2e%2Fetc', 'ordeh_' + '0'.repeat(32), 'cs_' + 'A'.repeat(24), '0'.repeat(32), 'x'.repeat(5000), '%00', '%E0%A4'),
)

const extraHeaders = fc.record(
  {
    'x-merchantid': fc.oneof(fc.constantFrom('demo_merchant', 'other_merchant'), headerText),
    'accept-language': headerText,
  },
  { requiredKeys: [] },
)

interface Sent {
  path: string
  init: RequestInit
}

function requests(endpoint: Endpoint, w: World) {
  return fc
    .record({
      id: ids,
      query: fc.option(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 })), { nil: undefined }),
      contentType: contentTypes,
      authorization: authorizations(endpoint.auth),
      idempotencyKey: idempotencyKeys,
      body: bodies(endpoint.valid?.(w)),
      extra: extraHeaders,
    })
    .map(({ id, query, contentType, authorization, idempotencyKey, body, extra }): Sent => {
      const headers: Record<string, string> = {}
      if (contentType !== undefined) headers['content-type'] = contentType
      if (authorization !== undefined) headers[endpoint.auth === 'apikey' ? 'x-api-key' : 'authorization'] = authorization
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey
      if (extra['x-merchantid'] !== undefined) headers['x-merchantid'] = extra['x-merchantid']
      if (extra['accept-language'] !== undefined) headers['accept-language'] = extra['accept-language']
      const search = query ? `?${new URLSearchParams(query).toString()}` : ''
      const init: RequestInit = { method: endpoint.method, headers }
      if (endpoint.method !== 'GET') init.body = body
      return { path: `${endpoint.path(w, id)}${search}`, init }
    })
}

// ---- the property -------------------------------------------------------------------------------

/**
 * Which dialect a request belongs to, by where it lands once the URL is normalised: the API
 * prefixes answer in their envelope whatever follows them; pages are HTML; anything else is a
 * plain 404.
 */
function dialectOf(method: string, path: string): Dialect {
  const { pathname } = new URL(path, 'http://sandbox.test')
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`)
  if (under('/v1')) return 'checkout'
  if (under('/checkouts')) return 'zenskar'
  if (under('/api/v1/upi')) return 'plural'
  if (under('/api')) return 'page'
  if (under('/simulator/upi') || under('/simulator/bank')) return 'html'
  const get = method === 'GET'
  if (get && /^\/orders\/[^/]+\/payment-page$/.test(pathname)) return 'html'
  if (['/session', '/orders', '/billing', '/sandbox', '/demo/api'].some(under)) return 'juspay'
  if (get && (pathname === '/checkout' || pathname === '/demo' || /^\/checkout\/[^/]+$/.test(pathname))) return 'html'
  return 'text'
}

const ENVELOPES: Record<Exclude<Dialect, 'html' | 'text'>, { safeParse: (v: unknown) => { success: boolean } }> = {
  juspay: JuspayError,
  checkout: CheckoutError,
  zenskar: ZenskarError,
  plural: PluralError,
  page: PageError,
}

/** Checks one answer, a 2xx JSON one against the endpoint's schema when it has one; returns a reason it is wrong, or null. */
async function problem(res: Response, dialect: Dialect, answers?: Shape): Promise<string | null> {
  if (res.status >= 500) return `answered ${res.status}: ${(await res.text()).slice(0, 200)}`
  const type = res.headers.get('content-type') ?? ''
  if (type.startsWith('text/event-stream')) {
    await res.body?.cancel()
    return res.status === 200 ? null : `an event stream with ${res.status}`
  }
  const text = await res.text()
  if (res.status >= 200 && res.status < 300 && answers && type.startsWith('application/json')) {
    return answers.safeParse(JSON.parse(text)).success ? null : `a ${res.status} answer not of its schema: ${text.slice(0, 200)}`
  }
  if (res.status < 400) return null
  if (res.headers.get('x-content-type-options') !== 'nosniff') return 'no nosniff'
  if (dialect === 'html') {
    if (!type.startsWith('text/html')) return `an HTML route answered ${type}`
    return /^<!doctype html>/i.test(text) ? null : 'not an HTML page'
  }
  if (dialect === 'text') return res.status === 404 && type.startsWith('text/plain') ? null : `answered ${res.status} ${type}`
  if (!type.startsWith('application/json')) return `answered ${type}: ${text.slice(0, 120)}`
  const parsed: unknown = JSON.parse(text)
  return ENVELOPES[dialect].safeParse(parsed).success ? null : `not the ${dialect} error envelope: ${text.slice(0, 200)}`
}

describe('malformed requests to every endpoint: never a 5xx, always the dialect’s envelope, and nothing changed', () => {
  it.each(Object.keys(ENDPOINTS))('%s', async (name) => {
    const endpoint = ENDPOINTS[name]
    if (!endpoint) throw new Error(name)
    const w = await world()
    const statuses = new Set<number>()
    await fc.assert(
      fc.asyncProperty(requests(endpoint, w), async ({ path, init }) => {
        const before = await snapshot(w, endpoint.forget)
        const res = await w.s.request(path, init)
        statuses.add(res.status)
        const wrong = await problem(res, dialectOf(endpoint.method, path), endpoint.answers)
        if (wrong) throw new Error(`${endpoint.method} ${path.slice(0, 200)}: ${wrong}`)
        if (res.status >= 400 && (await snapshot(w, endpoint.forget)) !== before) throw new Error(`a ${res.status} changed the store`)
      }),
      { seed: SEED, numRuns: RUNS },
    )
    // The checks above ran on refusals, and not only on refusals at the door.
    const seenStatuses = [...statuses].join(', ')
    if (!endpoint.servesAnyId) expect([...statuses].some((status) => status >= 400), seenStatuses).toBe(true)
    if (endpoint.auth !== 'none') expect([...statuses].some((status) => status !== 401), seenStatuses).toBe(true)
  }, PROPERTY_TIMEOUT_MS)
})

describe('deeply nested JSON in any field of a well-formed, authenticated request: never a 5xx, and nothing changed', () => {
  const jsonEndpoints = Object.entries(ENDPOINTS).flatMap(([name, endpoint]) => (endpoint.valid && endpoint.method === 'POST' ? [name] : []))

  it.each(jsonEndpoints)('%s', async (name) => {
    const endpoint = ENDPOINTS[name]
    const valid = endpoint?.valid
    if (!endpoint || !valid) throw new Error(name)
    const w = await world()
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (endpoint.auth === 'apikey') headers['x-api-key'] = DEMO_KEY
    else if (endpoint.auth !== 'none') headers['authorization'] = endpoint.auth === 'basic' ? basic(DEMO_KEY) : bearer(DEMO_KEY)
    await fc.assert(
      fc.asyncProperty(nestedValid(valid(w)), async (body) => {
        const path = endpoint.path(w)
        const before = await snapshot(w, endpoint.forget)
        const res = await w.s.request(path, { method: 'POST', headers, body })
        const wrong = await problem(res, dialectOf('POST', path), endpoint.answers)
        if (wrong) throw new Error(`POST ${path}: ${wrong}`)
        if (res.status >= 400 && (await snapshot(w, endpoint.forget)) !== before) throw new Error(`a ${res.status} changed the store`)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, PROPERTY_TIMEOUT_MS)
})

describe('any method on any endpoint path', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  }, PROPERTY_TIMEOUT_MS)

  it('answers without a 5xx, in the envelope of the path’s dialect, and changes nothing when it refuses', async () => {
    const endpoints = Object.values(ENDPOINTS)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        fc.constantFrom('', '/', '/extra', '/extra/segments'),
        fc.boolean(),
        async (endpoint, method, suffix, authenticated) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' }
          if (authenticated && endpoint.auth === 'apikey') headers['x-api-key'] = DEMO_KEY
          else if (authenticated && endpoint.auth !== 'none') headers['authorization'] = endpoint.auth === 'basic' ? basic(DEMO_KEY) : bearer(DEMO_KEY)
          const path = `${endpoint.path(w)}${suffix}`
          const init: RequestInit = { method, headers }
          if (method !== 'GET') init.body = '{}'
          const before = await snapshot(w, endpoint.forget)
          const res = await w.s.request(path, init)
          const wrong = await problem(res, dialectOf(method, path), method === endpoint.method && suffix === '' ? endpoint.answers : undefined)
          if (wrong) throw new Error(`${method} ${path}: ${wrong}`)
          if (res.status >= 400 && (await snapshot(w, endpoint.forget)) !== before) throw new Error(`${method} ${path}: a ${res.status} changed the store`)
        },
      ),
      { seed: SEED, numRuns: 100 },
    )
  }, PROPERTY_TIMEOUT_MS)
})

describe('a well-formed request to an endpoint with a schema', () => {
  /** Need what the world does not have: a checkout-session subscription, a session with a cancel_url. */
  const refusedInThisWorld = new Set(['GET /v1/subscriptions/:id', 'POST /api/pages/:pageId/cancel'])
  const succeeding = Object.entries(ENDPOINTS).flatMap(([name, endpoint]) => (endpoint.answers && !refusedInThisWorld.has(name) ? [name] : []))

  it.each(succeeding)('%s answers a 2xx of that schema', async (name) => {
    const endpoint = ENDPOINTS[name]
    if (!endpoint?.answers) throw new Error(name)
    const w = await world()
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': 'fuzz-valid' }
    if (endpoint.auth === 'apikey') headers['x-api-key'] = DEMO_KEY
    else if (endpoint.auth !== 'none') headers['authorization'] = endpoint.auth === 'basic' ? basic(DEMO_KEY) : bearer(DEMO_KEY)
    const init: RequestInit = { method: endpoint.method, headers }
    if (endpoint.method === 'POST') init.body = JSON.stringify(endpoint.valid?.(w) ?? {})
    const res = await w.s.request(endpoint.path(w), init)
    expect(res.status).toBeGreaterThanOrEqual(200)
    expect(res.status).toBeLessThan(300)
    expect(await problem(res, dialectOf(endpoint.method, endpoint.path(w)), endpoint.answers)).toBeNull()
  }, PROPERTY_TIMEOUT_MS)
})

describe('JSON nested 10,000 deep', () => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000)

  it.each([
    ['a Juspay metadata object', '/session', basic(DEMO_KEY), JSON.stringify(juspayBody({ metadata: { a: '__nested__' } }))],
    ['a Juspay dotted metadata key', '/session', basic(DEMO_KEY), JSON.stringify(juspayBody({ 'metadata.a': '__nested__' }))],
    ['a checkout-session field', '/v1/checkout/sessions', bearer(DEMO_KEY), JSON.stringify(checkoutBody({ metadata: '__nested__' }))],
  ])('in %s is refused with a 400 that says why, and creates nothing', async (_name, path, authorization, template) => {
    const s = secureSandbox()
    const res = await s.request(path, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: template.replace('"__nested__"', deep),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('nests objects or arrays more than 32 levels deep')
    expect(await s.store.size()).toBe(0)
  })
})
