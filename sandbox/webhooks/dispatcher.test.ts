import { createHmac } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import type { StartAttempt } from '../../contract/attempt'
import type { OrderDraft } from '../domain/orders'
import { jsonLogger } from '../log'
import { orderBilling } from '../testing/fixtures'
import { startReceiver, testReceiver, verifyWebhookSignature, type Receiver } from '../testing/webhook-receiver'
import { testWebhookSandbox, WEBHOOK_NOW } from '../testing/webhook-sandbox'
import type { Resolve, Transport } from './transport'

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
    'MANDATE_PAUSED',
    'MANDATE_EXPIRED',
    'NOTIFICATION_SUCCEEDED',
    'NOTIFICATION_FAILED',
    'ORDER_SUCCEEDED',
    'ORDER_FAILED',
    'BILLING_EXECUTION_CREATED',
    'BILLING_EXECUTION_ACTIVATED',
    'BILLING_EXECUTION_UPDATED',
    'BILLING_EXECUTION_DEACTIVATED',
    'BILLING_TXN_SCHEDULED',
    'BILLING_TXN_TO_BE_EXECUTED',
    'BILLING_RETRY_TXN_SCHEDULED',
    'BILLING_TXN_RETRY_EXCEEDED',
  ]),
  date_created: z.iso.datetime(),
  content: z.strictObject({
    order: z.record(z.string(), z.unknown()),
    mandate: z.optional(z.record(z.string(), z.unknown())),
    billing_execution_info: z.optional(z.record(z.string(), z.unknown())),
    notification: z.optional(z.record(z.string(), z.unknown())),
  }),
})
const envelopeOf = (body: string) => Envelope.parse(JSON.parse(body))
const LogLine = z.record(z.string(), z.unknown())
/** Gives a runner that should not be running time to show it is (a floor, never a bound). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 100))
const eventNames = (r: Receiver): string[] => r.requests.map((q) => envelopeOf(q.body).event_name)

describe('WebhookDispatcher delivery', () => {
  it('posts one signed, authenticated envelope per event, in order', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    const o = await s.startAttempt(await s.order())
    await s.attempts.decide(await s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()

    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
    const records = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    const ids = new Set<string>()
    for (const request of hook.requests) {
      const envelope = envelopeOf(request.body)
      // Sandbox time moves on only while a delivery waits its turn; each is signed at the moment it is sent.
      const sentAt = records.find((r) => r.id === envelope.id)?.attempts[0]?.at
      const seconds = Math.floor(Date.parse(sentAt ?? '') / 1000)
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
      expect(request.headers['x-webhook-timestamp']).toBe(String(seconds))
      expect(request.headers['x-webhook-signature-v2']).toMatch(new RegExp(`^t=${seconds},v1=[0-9a-f]{64}$`))
      expect(verifyWebhookSignature(request, 'demo_response_key', seconds)).toEqual({ ok: true })
      ids.add(envelope.id)
    }
    expect(ids.size).toBe(4)

    expect(records.map((d) => [d.event_name, d.status, d.url])).toEqual([
      ['TXN_CREATED', 'delivered', hook.url],
      ['MANDATE_CREATED', 'delivered', hook.url],
      ['MANDATE_ACTIVATED', 'delivered', hook.url],
      ['ORDER_SUCCEEDED', 'delivered', hook.url],
    ])
    let previous = NOW.getTime()
    for (const record of records) {
      expect(record.attempts).toEqual([{ at: expect.any(String) as unknown, http_status: 200, error: null, duration_ms: expect.any(Number) as unknown }])
      const at = record.attempts[0]?.at ?? ''
      // Sent in turn: no earlier than the event before it.
      expect(Date.parse(at)).toBeGreaterThanOrEqual(previous)
      previous = Date.parse(at)
      expect(record.delivered_at).toBe(at)
      expect(record.created_at).toBe(NOW.toISOString())
    }
    expect(records.map((r) => r.body)).toEqual(hook.requests.map((q) => envelopeOf(q.body)))
  })

  it('renders the order as it was when each event happened', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    const o = await s.startAttempt(await s.order())
    await s.attempts.decide(await s.fresh(o), { type: 'decline' })
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
    const o = await s.startAttempt(await s.order(), collect('asha@okaxis'))
    await s.attempts.decide(await s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()
    const [txn, created, activated, succeeded] = hook.requests.map((q) => envelopeOf(q.body))
    expect(txn?.content.mandate).toBeUndefined()
    expect(succeeded?.content.mandate).toBeUndefined()
    // The whole mandate object, with Juspay's webhook types: every scalar a string.
    expect(created?.content.mandate).toEqual({
      mandate_id: null,
      mandate_token: null,
      mandate_debit_token: null,
      mandate_type: 'EMANDATE',
      status: 'CREATED',
      frequency: 'MONTHLY',
      amount_rule: 'VARIABLE',
      max_amount: '1500',
      block_fund: 'false',
      revokable_by_customer: 'true',
      currency: 'INR',
      customer_id: null,
      order_id: 'o-1',
      start_date: '1795600800',
      end_date: '2742372000',
      activated_at: null,
      last_activated_at: null,
      payment_info: { payment_method_type: 'UPI', payment_method: 'COLLECT', upi: { payer_vpa: 'asha@okaxis' } },
    })
    const stored = await s.fresh(o)
    expect(activated?.content.mandate).toMatchObject({ status: 'ACTIVE', mandate_id: stored.mandateId, mandate_token: stored.mandateToken })
    expect(activated?.content.mandate?.['mandate_debit_token']).toMatch(/^[0-9a-f]{32}$/)
    expect(activated?.content.mandate?.['activated_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
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
    const o = await s.startAttempt(await s.order({ billing: orderBilling(), customer, ...source }))
    await s.attempts.decide(await s.fresh(o), { type: 'approve' })
    await s.webhooks.idle()
    // The registration's own events; the subscription's first scheduled debit is an order of its own (docs/domain/renewals.md).
    const envelopes = hook.requests.map((q) => envelopeOf(q.body)).filter((e) => e.content.order['order_id'] === 'o-1')
    expect(envelopes.map((e) => e.event_name)).toEqual([
      'TXN_CREATED',
      'MANDATE_CREATED',
      'MANDATE_ACTIVATED',
      'BILLING_EXECUTION_CREATED',
      'BILLING_EXECUTION_ACTIVATED',
      'ORDER_SUCCEEDED',
    ])
    const stored = await s.fresh(o)
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
    await s.startAttempt(await s.order({ metadata: { webhook_url: orderHook.url } }))
    await s.webhooks.idle()
    expect(eventNames(orderHook)).toEqual(['TXN_CREATED', 'MANDATE_CREATED'])
    expect(merchantHook.requests).toHaveLength(0)
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.url)).toEqual([orderHook.url, orderHook.url])
  })

  it('records not_sent, with the body it would have sent, when there is no URL', async () => {
    const transport = vi.fn<Transport>()
    const s = setup({ merchantUrl: null, dispatcher: { transport } })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const records = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
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
    await s.startAttempt(await s.order({ metadata: { webhook_url: 'ftp://example.com/hook' } }))
    await s.webhooks.idle()
    const records = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(records.map((d) => [d.status, d.url])).toEqual([
      ['not_sent', 'ftp://example.com/hook'],
      ['not_sent', 'ftp://example.com/hook'],
    ])
    expect(transport).not.toHaveBeenCalled()
  })

  it('after stop, sends nothing; the deliveries wait in the store and another instance sends each once', async () => {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    await s.cleanup()
    await s.startAttempt(await s.order())
    await settled()
    expect(hook.requests).toEqual([])
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => [d.status, d.attempts.length])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ])
    const other = s.another()
    await vi.waitFor(async () => expect((await other.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.status)).toEqual(['delivered', 'delivered']), { timeout: 5000 })
    // Each event is sent once.
    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'MANDATE_CREATED'])
  })
})

describe('WebhookDispatcher retries', () => {
  it('retries a failing event with the same id and body, and holds back the next event meanwhile', async () => {
    const hook = await receiver()
    hook.failNext(2, 503)
    const s = setup({ merchantUrl: hook.url })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'TXN_CREATED', 'TXN_CREATED', 'MANDATE_CREATED'])
    const [first, second, third] = hook.requests
    expect(new Set([first, second, third].map((q) => q?.headers['x-webhook-id'])).size).toBe(1)
    expect(new Set([first, second, third].map((q) => q?.body)).size).toBe(1)
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.status).toBe('delivered')
    expect(txn?.attempts.map((a) => a.http_status)).toEqual([503, 503, 200])
    expect(txn?.attempts.every((a) => a.error === null)).toBe(true)
  })

  it('gives up after the last retry as failed, then moves on to the next event', async () => {
    const hook = await receiver()
    hook.failNext(3, 500)
    const s = setup({ merchantUrl: hook.url })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    expect(eventNames(hook)).toEqual(['TXN_CREATED', 'TXN_CREATED', 'TXN_CREATED', 'MANDATE_CREATED'])
    const records = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    const [txn, mandate] = records
    expect(records.map((d) => [d.status, d.attempts.length, d.delivered_at])).toEqual([
      ['failed', 3, null],
      ['delivered', 1, mandate?.attempts[0]?.at],
    ])
    // Moved on only once the failing event had given up.
    expect(Date.parse(mandate?.attempts[0]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(txn?.attempts[2]?.at ?? ''))
  })

  it('schedules each retry the configured delay after the attempt before it', async () => {
    const hook = await receiver()
    hook.failNext(2)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [60, 120] } })
    const finishJob = vi.spyOn(s.store, 'finishJob')
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    const at = (txn?.attempts ?? []).map((a) => Date.parse(a.at))
    expect(at).toHaveLength(3)
    const retries = finishJob.mock.calls.filter(([id, next]) => id === `webhook:${txn?.id}` && next).map(([, next]) => next?.dueAt)
    expect(retries).toEqual([(at[0] ?? 0) + 60, (at[1] ?? 0) + 120])
    expect(at[1]).toBeGreaterThanOrEqual(retries[0] ?? Infinity)
    expect(at[2]).toBeGreaterThanOrEqual(retries[1] ?? Infinity)
  })

  it('treats a refused connection as a failure to retry', async () => {
    const closed = await startReceiver()
    const url = closed.url
    await closed.close()
    const s = setup({ merchantUrl: url, dispatcher: { retryDelaysMs: [5] } })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
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
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
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
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
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
    const s = setup({ merchantUrl: fast.url, dispatcher: { retryDelaysMs: [60_000] } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: slow.url } }))
    await s.startAttempt(await s.order())
    await vi.waitFor(() => expect(eventNames(fast)).toEqual(['TXN_CREATED', 'MANDATE_CREATED']), { timeout: 5000 })
    expect(eventNames(slow)).toEqual(['TXN_CREATED'])
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => [d.status, d.attempts.length])).toEqual([
      ['pending', 1],
      ['pending', 0],
    ])
    s.advance(60_000)
    await vi.waitFor(() => expect(eventNames(slow)).toEqual(['TXN_CREATED', 'TXN_CREATED']), { timeout: 5000 })
  })
})

describe('WebhookDispatcher stop and reset', () => {
  it('stop leaves a scheduled retry unsent, even once it falls due', async () => {
    const hook = await receiver()
    hook.failNext(100)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [60_000] } })
    await s.startAttempt(await s.order())
    await vi.waitFor(async () => expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1'))[0]?.attempts).toHaveLength(1))
    await s.cleanup()
    s.advance(60_000)
    await settled()
    expect(hook.requests).toHaveLength(1)
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.status)).toEqual(['pending', 'pending'])
  })

  it('a delivery whose runner died is sent again by another instance once its lease ends, and recorded once', async () => {
    const publicHost: Resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }])
    const hung: string[] = []
    const hanging = vi.fn<Transport>(
      ({ headers, signal }) =>
        new Promise((_, reject) => {
          hung.push(String(headers['x-webhook-id']))
          signal.addEventListener('abort', () => reject(signal.reason as Error))
        }),
    )
    const sent: string[] = []
    const answering = vi.fn<Transport>(({ headers }) => {
      sent.push(String(headers['x-webhook-id']))
      return Promise.resolve({ status: 200 })
    })
    const s = setup({ merchantUrl: 'https://hooks.example/hooks', jobLeaseMs: 100, dispatcher: { transport: hanging, timeoutMs: 60_000, resolve: publicHost } })
    await s.startAttempt(await s.order())
    await vi.waitFor(() => expect(hung).toHaveLength(1))
    // The first instance's runner stops taking work with its request still hanging: it has died.
    const died = s.jobs.stop()
    const other = s.another({ transport: answering, resolve: publicHost })
    await vi.waitFor(async () => expect((await other.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.status)).toEqual(['delivered', 'delivered']), { timeout: 5000 })
    const records = await other.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(sent).toEqual(records.map((d) => d.id))
    expect(hung).toEqual([records[0]?.id])
    expect(records.map((d) => d.attempts.map((a) => a.http_status))).toEqual([[200], [200]])
    s.webhooks.stop()
    await died
    expect((await other.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.attempts.length)).toEqual([1, 1])
  })

  it('another merchant\'s reset leaves a scheduled retry of this merchant alone', async () => {
    const hook = await receiver()
    hook.failNext(1)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [60_000] } })
    await s.startAttempt(await s.order())
    await vi.waitFor(async () => expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1'))[0]?.attempts).toHaveLength(1))
    await s.store.resetMerchant('other_merchant')
    s.webhooks.resetMerchant('other_merchant')
    s.advance(60_000)
    await vi.waitFor(async () => expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.status)).toEqual(['delivered', 'delivered']), { timeout: 5000 })
  })

  it('a merchant\'s reset aborts its in-flight request, records nothing more and keeps delivering new events', async () => {
    const hook = await receiver()
    hook.hangNext(1)
    const s = setup({ merchantUrl: hook.url })
    await s.startAttempt(await s.order())
    await vi.waitFor(() => expect(hook.requests).toHaveLength(1))
    await s.store.resetMerchant('demo_merchant')
    s.webhooks.resetMerchant('demo_merchant')
    await s.webhooks.idle()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1'))).toEqual([])
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-2')).map((d) => d.status)).toEqual(['delivered', 'delivered'])
  })
})

describe('WebhookDispatcher logging', () => {
  it('logs ids, names and statuses, never credentials, signatures or bodies', async () => {
    const hook = await receiver()
    hook.failNext(1)
    const lines: string[] = []
    const s = setup({ merchantUrl: hook.url, log: jsonLogger((line) => lines.push(line)) })
    const o = await s.startAttempt(await s.order({ customer: { id: 'c1', email: 'asha@example.com', phone: null, firstName: 'Asha', lastName: null } }))
    await s.attempts.decide(await s.fresh(o), { type: 'approve' })
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
