import { createHmac } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import type { StartAttempt } from '../../contract/attempt'
import type { OrderDraft } from '../domain/orders'
import { jsonLogger } from '../log'
import { orderBilling } from '../testing/fixtures'
import { startReceiver, testReceiver, verifyWebhookSignature, type Receiver } from '../testing/webhook-receiver'
import { testWebhookSandbox, WEBHOOK_NOW } from '../testing/webhook-sandbox'
import type { Transport } from './transport'

const NOW = WEBHOOK_NOW
const collect = (vpa: string): StartAttempt => ({ rail: 'upi', channel: 'collect', vpa, setUpMandate: true })

const receiver = testReceiver
const setup = testWebhookSandbox

/** The envelope exactly as docs/domain/juspay.md#webhooks has it: nothing more, nothing less. */
const Envelope = z.strictObject({
  id: z.string().regex(/^evt_V2_[0-9a-f]{32}$/),
  event_name: z.enum([
    'TXN_CREATED',
    'MANDATE_CREATED',
    'MANDATE_ACTIVATED',
    'MANDATE_FAILED',
    'MANDATE_REVOKED',
    'ORDER_SUCCEEDED',
    'ORDER_FAILED',
    'BILLING_EXECUTION_CREATED',
    'BILLING_EXECUTION_ACTIVATED',
    'BILLING_EXECUTION_UPDATED',
  ]),
  date_created: z.iso.datetime(),
  content: z.strictObject({
    order: z.record(z.string(), z.unknown()),
    mandate: z.optional(z.record(z.string(), z.unknown())),
    billing_execution_info: z.optional(z.record(z.string(), z.unknown())),
  }),
})
const envelopeOf = (body: string) => Envelope.parse(JSON.parse(body))
const LogLine = z.record(z.string(), z.unknown())
const eventNames = (r: Receiver): string[] => r.requests.map((q) => envelopeOf(q.body).event_name)

describe('WebhookDispatcher delivery', () => {
  it('posts one signed, authenticated envelope per event, in order', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    const o = s.startAttempt(s.order())
    s.attempts.decide(s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()

    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
    const ids = new Set<string>()
    for (const request of hook.requests) {
      const envelope = envelopeOf(request.body)
      expect(request.method).toBe('POST')
      expect(request.path).toBe('/hooks')
      expect(envelope.id).toMatch(/^evt_V2_[0-9a-f]{32}$/)
      expect(envelope.date_created).toBe('2026-11-25T10:00:00Z')
      expect(envelope.content.order).toMatchObject({ order_id: 'o-1', status: expect.any(String) as unknown })
      expect(request.headers['authorization']).toBe(`Basic ${Buffer.from('demo_merchant:demo_webhook_password').toString('base64')}`)
      expect(request.headers['content-type']).toBe('application/json')
      expect(request.headers['x-webhook-id']).toBe(envelope.id)
      const expected = createHmac('sha256', 'demo_response_key').update(request.body).digest('hex')
      expect(request.headers['x-webhook-signature']).toBe(`sha256=${expected}`)
      expect(request.headers['x-webhook-timestamp']).toBe(String(NOW.getTime() / 1000))
      expect(request.headers['x-webhook-signature-v2']).toMatch(new RegExp(`^t=${NOW.getTime() / 1000},v1=[0-9a-f]{64}$`))
      expect(verifyWebhookSignature(request, 'demo_response_key', NOW.getTime() / 1000)).toEqual({ ok: true })
      ids.add(envelope.id)
    }
    expect(ids.size).toBe(4)

    const records = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(records.map((d) => [d.event_name, d.status, d.url])).toEqual([
      ['TXN_CREATED', 'delivered', hook.url],
      ['MANDATE_CREATED', 'delivered', hook.url],
      ['MANDATE_ACTIVATED', 'delivered', hook.url],
      ['ORDER_SUCCEEDED', 'delivered', hook.url],
    ])
    for (const record of records) {
      expect(record.attempts).toEqual([{ at: NOW.toISOString(), http_status: 200, error: null, duration_ms: expect.any(Number) as unknown }])
      expect(record.delivered_at).toBe(NOW.toISOString())
      expect(record.created_at).toBe(NOW.toISOString())
    }
    expect(records.map((r) => r.body)).toEqual(hook.requests.map((q) => envelopeOf(q.body)))
  })

  it('renders the order as it was when each event happened', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    const o = s.startAttempt(s.order())
    s.attempts.decide(s.fresh(o), { type: 'decline' })
    await s.webhooks.idle()
    expect(hook.requests.map((q) => [envelopeOf(q.body).event_name, envelopeOf(q.body).content.order['status']])).toEqual([
      ['TXN_CREATED', 'PENDING_VBV'],
      ['MANDATE_CREATED', 'PENDING_VBV'],
      ['MANDATE_FAILED', 'AUTHORIZATION_FAILED'],
      ['ORDER_FAILED', 'AUTHORIZATION_FAILED'],
    ])
  })

  it('adds content.mandate to MANDATE_* events only', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    const o = s.startAttempt(s.order(), collect('asha@okaxis'))
    s.attempts.decide(s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()
    const [txn, created, activated, succeeded] = hook.requests.map((q) => envelopeOf(q.body))
    expect(txn?.content.mandate).toBeUndefined()
    expect(succeeded?.content.mandate).toBeUndefined()
    expect(created?.content.mandate).toEqual({
      status: 'CREATED',
      mandate_id: null,
      start_date: '1795600800',
      end_date: '2742372000',
      frequency: 'MONTHLY',
      max_amount: 1500,
      order_id: 'o-1',
      payment_info: { upi: { payer_vpa: 'asha@okaxis' } },
    })
    const stored = s.fresh(o)
    expect(activated?.content.mandate).toMatchObject({ status: 'ACTIVE', mandate_id: stored.mandateId })
    expect(stored.mandateId).toMatch(/^[A-Za-z0-9]{22}$/)
  })

  const CHECKOUT_SOURCE: OrderDraft['source'] = { dialect: 'checkout', sessionId: 'cs_1', clientSecret: 'cs_1_secret_x', mode: 'subscription', cancelUrl: null, raw: {} }
  it.each<[string, Partial<OrderDraft>]>([
    ['a Juspay order', {}],
    ["a checkout-session order, which borrows Juspay's webhooks", { source: CHECKOUT_SOURCE }],
  ])('adds content.billing_execution_info to BILLING_* events of %s, and every later order names its billing_execution_info_id', async (_, source) => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    const customer = { id: 'cust-42', email: null, phone: null, firstName: null, lastName: null }
    const o = s.startAttempt(s.order({ billing: orderBilling(), customer, ...source }))
    s.attempts.decide(s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()
    const envelopes = hook.requests.map((q) => envelopeOf(q.body))
    expect(envelopes.map((e) => e.event_name)).toEqual([
      'TXN_CREATED',
      'MANDATE_CREATED',
      'MANDATE_ACTIVATED',
      'BILLING_EXECUTION_CREATED',
      'BILLING_EXECUTION_ACTIVATED',
      'ORDER_SUCCEEDED',
    ])
    const stored = s.fresh(o)
    const id = stored.billing?.subscriptionId
    expect(id).toMatch(/^bei_/)
    for (const envelope of envelopes.slice(2)) expect(envelope.content.order['billing_execution_info_id']).toBe(id)
    for (const envelope of envelopes.slice(0, 2)) expect(envelope.content.order).not.toHaveProperty('billing_execution_info_id')
    const [, , , created, activated] = envelopes
    expect(created?.content.billing_execution_info).toMatchObject({ billing_execution_info_id: id, status: 'ACTIVE', mandate_id: stored.mandateId, customer_id: 'cust-42' })
    expect(activated?.content.billing_execution_info).toEqual(created?.content.billing_execution_info)
    expect(envelopes.filter((e) => e.content.billing_execution_info).map((e) => e.event_name)).toEqual(['BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED'])
  })

  it('sends to metadata.webhook_url instead of the merchant URL', async () => {
    const merchantHook = await receiver()
    const orderHook = await receiver()
    const s = setup({ merchantUrl: merchantHook.url })
    s.startAttempt(s.order({ metadata: { webhook_url: orderHook.url } }))
    await s.webhooks.idle()
    expect(eventNames(orderHook)).toEqual(['TXN_CREATED', 'MANDATE_CREATED'])
    expect(merchantHook.requests).toHaveLength(0)
    expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1').map((d) => d.url)).toEqual([orderHook.url, orderHook.url])
  })

  it('records not_sent, with the body it would have sent, when there is no URL', async () => {
    const transport = vi.fn<Transport>()
    const s = setup({ merchantUrl: null, dispatcher: { transport } })
    s.startAttempt(s.order())
    await s.webhooks.idle()
    const records = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(records.map((d) => [d.event_name, d.status, d.url, d.attempts.length, d.delivered_at])).toEqual([
      ['TXN_CREATED', 'not_sent', null, 0, null],
      ['MANDATE_CREATED', 'not_sent', null, 0, null],
    ])
    expect(Envelope.parse(records[0]?.body).content.order).toMatchObject({ order_id: 'o-1', status: 'PENDING_VBV' })
    expect(transport).not.toHaveBeenCalled()
  })

  it('records not_sent with the URL when metadata.webhook_url is not an http(s) URL', async () => {
    const transport = vi.fn<Transport>()
    const s = setup({ merchantUrl: null, dispatcher: { transport } })
    s.startAttempt(s.order({ metadata: { webhook_url: 'ftp://example.com/hook' } }))
    await s.webhooks.idle()
    const records = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(records.map((d) => [d.status, d.url])).toEqual([
      ['not_sent', 'ftp://example.com/hook'],
      ['not_sent', 'ftp://example.com/hook'],
    ])
    expect(transport).not.toHaveBeenCalled()
  })

  it('does nothing before start and after stop', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    s.webhooks.stop()
    s.startAttempt(s.order())
    s.webhooks.start()
    s.webhooks.start()
    const o = s.order()
    s.startAttempt(o)
    await s.webhooks.idle()
    expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1')).toEqual([])
    // start() twice subscribes once: each event is sent once.
    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'MANDATE_CREATED'])
  })
})

describe('WebhookDispatcher retries', () => {
  it('retries a failing event with the same id and body, and holds back the next event meanwhile', async () => {
    const hook = await receiver()
    hook.failNext(2, 503)
    const s = setup({ merchantUrl: hook.url })
    s.startAttempt(s.order())
    await s.webhooks.idle()
    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'TXN_CREATED', 'TXN_CREATED', 'MANDATE_CREATED'])
    const [first, second, third] = hook.requests
    expect(new Set([first, second, third].map((q) => q?.headers['x-webhook-id'])).size).toBe(1)
    expect(new Set([first, second, third].map((q) => q?.body)).size).toBe(1)
    const [txn] = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.status).toBe('delivered')
    expect(txn?.attempts.map((a) => a.http_status)).toEqual([503, 503, 200])
    expect(txn?.attempts.every((a) => a.error === null)).toBe(true)
  })

  it('gives up after the last retry as failed, then moves on to the next event', async () => {
    const hook = await receiver()
    hook.failNext(3, 500)
    const s = setup({ merchantUrl: hook.url })
    s.startAttempt(s.order())
    await s.webhooks.idle()
    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'TXN_CREATED', 'TXN_CREATED', 'MANDATE_CREATED'])
    const records = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(records.map((d) => [d.status, d.attempts.length, d.delivered_at])).toEqual([
      ['failed', 3, null],
      ['delivered', 1, NOW.toISOString()],
    ])
  })

  it('waits the configured delays between attempts', async () => {
    const hook = await receiver()
    hook.failNext(2)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [60, 120] } })
    const started = performance.now()
    s.startAttempt(s.order())
    await s.webhooks.idle()
    expect(performance.now() - started).toBeGreaterThanOrEqual(175)
  })

  it('treats a refused connection as a failure to retry', async () => {
    const closed = await startReceiver()
    const url = closed.url
    await closed.close()
    const s = setup({ merchantUrl: url, dispatcher: { retryDelaysMs: [5] } })
    s.startAttempt(s.order())
    await s.webhooks.idle()
    const [txn] = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.status).toBe('failed')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [null, 'network error: ECONNREFUSED'],
      [null, 'network error: ECONNREFUSED'],
    ])
  })

  it('times out a receiver that does not answer, then retries', async () => {
    const hook = await receiver()
    hook.hangNext(1)
    const s = setup({ merchantUrl: hook.url, dispatcher: { timeoutMs: 100 } })
    s.startAttempt(s.order())
    await s.webhooks.idle()
    const [txn] = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.status).toBe('delivered')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [null, 'timed out after 100 ms'],
      [200, null],
    ])
    expect(txn?.attempts[0]?.duration_ms).toBeGreaterThanOrEqual(90)
  })

  it('does not follow redirects: a 3xx is retried', async () => {
    const hook = await receiver()
    hook.failNext(1, 302)
    const s = setup({ merchantUrl: hook.url })
    s.startAttempt(s.order())
    await s.webhooks.idle()
    const [txn] = s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [302, 'redirect not followed'],
      [200, null],
    ])
    expect(hook.requests.map((q) => q.path)).toEqual(['/hooks', '/hooks', '/hooks'])
  })

  it('keeps a stuck order from delaying another order', async () => {
    const slow = await receiver()
    const fast = await receiver()
    slow.failNext(100)
    const s = setup({ merchantUrl: fast.url, dispatcher: { retryDelaysMs: [200] } })
    s.startAttempt(s.order({ metadata: { webhook_url: slow.url } }))
    s.startAttempt(s.order())
    await vi.waitFor(() => expect(eventNames(fast)).toEqual(['TXN_CREATED', 'MANDATE_CREATED']), { timeout: 150 })
    expect(eventNames(slow)).toEqual(['TXN_CREATED'])
  })
})

describe('WebhookDispatcher stop and reset', () => {
  it('stop cancels a scheduled retry and sends nothing more', async () => {
    const hook = await receiver()
    hook.failNext(100)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [60_000] } })
    s.startAttempt(s.order())
    await vi.waitFor(() => expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1')[0]?.attempts).toHaveLength(1))
    s.webhooks.stop()
    await s.webhooks.idle()
    expect(hook.requests).toHaveLength(1)
    expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1').map((d) => d.status)).toEqual(['pending', 'pending'])
  })

  it('another merchant\'s reset leaves a scheduled retry of this merchant alone', async () => {
    const hook = await receiver()
    hook.failNext(1)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [500] } })
    s.startAttempt(s.order())
    await vi.waitFor(() => expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1')[0]?.attempts).toHaveLength(1))
    s.attempts.forget(s.store.resetMerchant('other_merchant'))
    s.webhooks.resetMerchant('other_merchant')
    await vi.waitFor(() => expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1').map((d) => d.status)).toEqual(['delivered', 'delivered']))
  })

  it('a merchant\'s reset aborts its in-flight request, records nothing more and keeps delivering new events', async () => {
    const hook = await receiver()
    hook.hangNext(1)
    const s = setup({ merchantUrl: hook.url })
    s.startAttempt(s.order())
    await vi.waitFor(() => expect(hook.requests).toHaveLength(1))
    s.attempts.forget(s.store.resetMerchant('demo_merchant'))
    s.webhooks.resetMerchant('demo_merchant')
    await s.webhooks.idle()
    expect(s.webhooks.deliveriesFor('demo_merchant', 'o-1')).toEqual([])
    s.startAttempt(s.order())
    await s.webhooks.idle()
    expect(s.webhooks.deliveriesFor('demo_merchant', 'o-2').map((d) => d.status)).toEqual(['delivered', 'delivered'])
  })
})

describe('WebhookDispatcher logging', () => {
  it('logs ids, names and statuses, never credentials, signatures or bodies', async () => {
    const hook = await receiver()
    hook.failNext(1)
    const lines: string[] = []
    const s = setup({ merchantUrl: hook.url, log: jsonLogger((line) => lines.push(line)) })
    const o = s.startAttempt(s.order({ customer: { id: 'c1', email: 'asha@example.com', phone: null, firstName: 'Asha', lastName: null } }))
    s.attempts.decide(s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()
    const all = lines.join('\n')
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const secret of ['demo_webhook_password', 'demo_response_key', 'Basic', 'sha256=', 'asha@example.com', '"content"', hook.url]) {
      expect(all).not.toContain(secret)
    }
    const first = hook.requests[0]
    const logged = lines.map((line) => LogLine.parse(JSON.parse(line)))
    expect(logged[0]).toMatchObject({ event: 'webhook', event_id: first?.headers['x-webhook-id'], event_name: 'TXN_CREATED', status: 'pending', http_status: 500 })
  })
})
