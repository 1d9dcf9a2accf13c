import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttemptView } from '../../contract/attempt'
import { SessionView } from '../../contract/session'
import { basic, bearer, checkoutBody, DEMO_KEY, juspayBody, OTHER_KEY, pluralBody, pluralDates } from '../testing/security-harness'
import { startServer, type ServerProcess } from '../testing/server-process'

const ACCOUNT_NUMBER = '1111111111'
const OTP = '123456'
const PIN = '482916'
const BANK_PASSWORD = 'S3cr3t-pass!'
const WRONG_KEY = 'wrong_key_9f8e7d'

/** Secrets the sandbox hands out during the flow, kept under these names as they appear. */
const ISSUED = [
  'page id',
  'client auth token',
  'client secret',
  'client secret part',
  'UPI simulator token',
  'bank simulator token',
  'mandate token',
  'Plural subscription id',
  'Plural UPI app token',
] as const
type Issued = (typeof ISSUED)[number]

/**
 * Drives the real server (a child process, as `npm start` runs it) through a realistic merchant and
 * customer flow, then reads everything it wrote to stdout and stderr.
 */
describe('secrets never reach the sandbox log', () => {
  let server: ServerProcess
  /** Every value that must not appear in the log, by what it is. */
  const secrets = new Map<string, string>([
    ['demo API key', DEMO_KEY],
    ['other API key', OTHER_KEY],
    ['wrong API key', WRONG_KEY],
    ['Basic credentials of the demo key', Buffer.from(`${DEMO_KEY}:`).toString('base64')],
    ['Basic credentials of the demo key, without the colon', Buffer.from(DEMO_KEY).toString('base64')],
    ['Basic credentials of the other key', Buffer.from(`${OTHER_KEY}:`).toString('base64')],
    ['Basic credentials of the wrong key', Buffer.from(`${WRONG_KEY}:`).toString('base64')],
    ['response key', 'demo_response_key'],
    ['webhook password', 'demo_webhook_password'],
    ['account number', ACCOUNT_NUMBER],
    ['OTP', OTP],
    ['UPI PIN', PIN],
    ['bank password', BANK_PASSWORD],
  ])
  let log = ''

  let calls = 0
  const call = (path: string, init: RequestInit = {}): Promise<Response> => {
    calls += 1
    return fetch(`${server.origin}${path}`, { redirect: 'manual', ...init })
  }
  const jsonBody = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const form = (fields: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  async function record(res: Response, expected: number): Promise<Record<string, unknown>> {
    const text = await res.text()
    if (res.status !== expected) throw new Error(`${res.url} answered ${res.status}, expected ${expected}: ${text.slice(0, 300)}`)
    const parsed: unknown = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : {}
    return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {}
  }
  const keep = (name: Issued, value: unknown) => {
    if (typeof value !== 'string' || value === '') throw new Error(`${name} is missing`)
    secrets.set(name, value)
    return value
  }
  /** The latest attempt of a page, as the page API shows it. */
  async function latestAttempt(pageId: string) {
    const res = await call(`/api/pages/${pageId}`)
    const attempt = SessionView.parse(await res.json()).attempt
    if (!attempt) throw new Error('the page has no attempt')
    return attempt
  }
  const tokenOf = (url: string) => url.split('/').at(-1)
  /** The one-time link of the simulated app or bank that the attempt's rail hands the customer to. */
  const simulatorUrlOf = (attempt: AttemptView) => (attempt.rail === 'upi' ? attempt.upi.simulatorUrl : attempt.netbanking.bankUrl)

  beforeAll(async () => {
    server = await startServer()
    const demo = { authorization: basic(DEMO_KEY) }

    // The merchant creates sessions in both dialects and reads them back.
    const session = await record(await call('/session', jsonBody(juspayBody({ order_id: 'log-upi' }), { ...demo, 'x-merchantid': 'demo_merchant' })), 200)
    const pageId = keep('page id', session['id'])
    const sdk = session['sdk_payload']
    const payload = typeof sdk === 'object' && sdk !== null && 'payload' in sdk ? sdk.payload : null
    keep('client auth token', typeof payload === 'object' && payload !== null && 'clientAuthToken' in payload ? payload.clientAuthToken : null)
    const fields = Object.fromEntries(Object.entries(juspayBody({ order_id: 'log-form' })).map(([k, v]) => [k, String(v)]))
    await record(await call('/orders', { ...form(fields), headers: { ...demo, 'content-type': 'application/x-www-form-urlencoded' } }), 200)
    await record(await call('/orders/log-upi', { headers: demo }), 200)

    const checkout = await record(await call('/v1/checkout/sessions', jsonBody(checkoutBody(), { authorization: bearer(DEMO_KEY) })), 200)
    const secret = keep('client secret', checkout['client_secret'])
    keep('client secret part', secret.split('_secret_')[1])
    await record(await call(`/v1/checkout/sessions/${String(checkout['id'])}`, { headers: { authorization: bearer(DEMO_KEY) } }), 200)
    await record(await call('/api/checkout/lookup', jsonBody({ client_secret: secret })), 200)
    // A secret put in a query string by mistake is not read, and must not be logged either.
    await record(await call(`/api/checkout/lookup?client_secret=${secret}`, jsonBody({})), 400)

    // The customer tries a UPI collect request, which QA declines.
    await record(await call(`/api/pages/${pageId}`), 200)
    await record(await call(`/api/pages/${pageId}/vpa`, jsonBody({ vpa: 'pending@upi' })), 200)
    await record(await call(`/api/pages/${pageId}/attempts`, jsonBody({ rail: 'upi', channel: 'collect', vpa: 'pending@upi', setUpMandate: true }, { 'idempotency-key': 'collect-1' })), 201)
    await record(await call('/sandbox/orders/log-upi/attempt/decline', { method: 'POST', headers: demo }), 200)

    // Then approves an intent request in the simulated UPI app with a PIN.
    await record(await call(`/api/pages/${pageId}/attempts`, jsonBody({ rail: 'upi', channel: 'intent', setUpMandate: true }, { 'idempotency-key': 'intent-1' })), 201)
    const upiToken = keep('UPI simulator token', tokenOf(simulatorUrlOf(await latestAttempt(pageId))))
    await record(await call(`/simulator/upi/${upiToken}`), 200)
    await record(await call(`/simulator/upi/${upiToken}/approve`, form({ pin: PIN, payer_vpa: 'asha@okaxis', app: 'gpay' })), 303)
    const status = await record(await call('/orders/log-upi', { headers: demo }), 200)
    const mandate = status['mandate']
    keep('mandate token', typeof mandate === 'object' && mandate !== null && 'mandate_token' in mandate ? mandate.mandate_token : null)

    // An eNACH mandate through the simulated bank: log in, OTP, authorise.
    const enach = await record(await call('/session', jsonBody(juspayBody({ order_id: 'log-enach' }), demo)), 200)
    const enachPage = String(enach['id'])
    await record(
      await call(
        `/api/pages/${enachPage}/attempts`,
        jsonBody(
          {
            rail: 'netbanking',
            setUpMandate: true,
            enach: { bankCode: 'HDFC', authMode: 'netbanking', accountHolderName: 'Asha Verma', accountNumber: ACCOUNT_NUMBER, ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
          },
          { 'idempotency-key': 'enach-1' },
        ),
      ),
      201,
    )
    const bankToken = keep('bank simulator token', tokenOf(simulatorUrlOf(await latestAttempt(enachPage))))
    await record(await call(`/simulator/bank/${bankToken}`), 200)
    await record(await call(`/simulator/bank/${bankToken}/otp`, form({ otp: OTP })), 409)
    await record(await call(`/simulator/bank/${bankToken}/credentials`, form({ user_id: 'asha.verma', password: BANK_PASSWORD })), 303)
    await record(await call(`/simulator/bank/${bankToken}/otp`, form({ otp: '000000' })), 400)
    await record(await call(`/simulator/bank/${bankToken}/otp`, form({ otp: OTP })), 303)
    await record(await call(`/simulator/bank/${bankToken}/authorise`, { method: 'POST' }), 303)
    await record(await call(`/simulator/bank/${bankToken}`), 200)
    await record(await call('/sandbox/orders/log-enach/webhooks', { headers: demo }), 200)

    // A Plural subscription by intent, read back; the customer approves it in the simulated app.
    const plural = await record(await call('/api/v1/upi/subscription/process/payment', jsonBody(pluralBody({ clientUniqueReference: 'log-plural', ...pluralDates(new Date()) }), { authorization: bearer(DEMO_KEY) })), 200)
    const subscriptionId = keep('Plural subscription id', plural['subscription_id'])
    const pluralToken = keep('Plural UPI app token', tokenOf(String(plural['upi_app_url'])))
    await record(await call(`/simulator/upi/${pluralToken}/approve`, form({ pin: PIN, payer_vpa: 'asha@okaxis', app: 'gpay' })), 303)
    await record(await call(`/api/v1/upi/subscription/${subscriptionId}`, { headers: { authorization: bearer(DEMO_KEY) } }), 200)
    await record(await call(`/api/v1/upi/subscription/${subscriptionId}`, { headers: { authorization: bearer(OTHER_KEY) } }), 404)
    await record(await call('/api/v1/upi/subscription/process/payment', jsonBody(pluralBody(pluralDates(new Date())), { authorization: bearer(WRONG_KEY) })), 401)

    // Calls with bad or foreign credentials.
    await record(await call('/session', jsonBody(juspayBody(), { authorization: basic(WRONG_KEY) })), 401)
    await record(await call('/session', jsonBody(juspayBody(), { authorization: `Basic ${DEMO_KEY}` })), 401)
    await record(await call('/session', jsonBody(juspayBody(), { authorization: bearer(DEMO_KEY) })), 401)
    await record(await call('/v1/checkout/sessions', jsonBody(checkoutBody(), { authorization: bearer(WRONG_KEY) })), 401)
    await record(await call('/v1/checkout/sessions', jsonBody(checkoutBody(), { authorization: basic(DEMO_KEY) })), 401)
    await record(await call('/orders/log-upi', { headers: { authorization: basic(OTHER_KEY) } }), 404)
    await record(await call('/sandbox/orders/log-upi/attempt/approve', { method: 'POST', headers: { authorization: basic(OTHER_KEY) } }), 404)
    await record(await call('/sandbox/reset', { method: 'POST', headers: { authorization: basic(WRONG_KEY) } }), 401)
    await record(await call(`/orders/log-upi?api_key=${DEMO_KEY}`, { headers: demo }), 200)
    await record(await call(`/simulator/upi/${upiToken}/approve`, form({ pin: PIN })), 409)

    await server.stop()
    log = server.output()
  }, 120_000)

  afterAll(() => server.stop())

  it('the log holds the flow: one line per request, with method, path and status', () => {
    const requests = log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => new Map(Object.entries(JSON.parse(line) as object)))
      .filter((line) => line.get('event') === 'request' && line.get('path') !== '/healthz')
    expect(requests).toHaveLength(calls)
    expect(log).toContain('"path":"/simulator/bank/')
    expect(log).toContain('"path":"/api/checkout/lookup"')
    expect(log).toContain('"status":401')
  })

  const STATIC = [
    'demo API key',
    'other API key',
    'wrong API key',
    'Basic credentials of the demo key',
    'Basic credentials of the demo key, without the colon',
    'Basic credentials of the other key',
    'Basic credentials of the wrong key',
    'response key',
    'webhook password',
    'account number',
    'OTP',
    'UPI PIN',
    'bank password',
  ]

  it.each([...STATIC, ...ISSUED])('the log never contains the %s', (name) => {
    const value = secrets.get(name) ?? ''
    expect(value.length).toBeGreaterThan(5)
    expect(log.includes(value), `${name} ${value} found in:\n${log.split('\n').filter((l) => l.includes(value)).join('\n')}`).toBe(false)
  })
})
