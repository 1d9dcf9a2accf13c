import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ScheduledJob } from '../store/store'
import { testWebhookSandbox } from '../testing/webhook-sandbox'
import { jsonLogger } from '../log'
import type { Merchant } from '../merchants'
import type { Resolve, Transport } from './transport'

/**
 * What the dispatcher does with a request while it is under way: the turn each event waits for,
 * how long an attempt took, and what a stop or a merchant's reset does to a request in flight.
 */

const HOOK_URL = 'https://hooks.shop.example/hooks'
const publicAddress: Resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }])
const allowHooks = (m: Merchant): Merchant => ({ ...m, webhookUrls: { loopback: false, hosts: ['hooks.shop.example'] } })
/** Gives a request that should not be recorded time to show it is (a floor, never a bound). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 100))

/** A transport that never answers on its own: each request rejects only when its signal aborts. */
function hangingTransport() {
  const signals: AbortSignal[] = []
  const transport = vi.fn<Transport>(
    ({ signal }) =>
      new Promise((_, reject) => {
        signals.push(signal)
        signal.addEventListener('abort', () => reject(signal.reason as Error))
      }),
  )
  return { transport, signals }
}

/** performance.now() as a value the resolver and transport move on, so an attempt's duration is exact. */
function steppedTime() {
  let now = 5_000
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  return (ms: number) => {
    now += ms
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the turn of each event of one write', () => {
  it('holds a later event back, and sends the first, even before the write has saved its delivery records', async () => {
    const sent: string[] = []
    const transport = vi.fn<Transport>(({ headers }) => {
      sent.push(String(headers['x-webhook-id']))
      return Promise.resolve({ status: 200 })
    })
    const s = testWebhookSandbox({ demo: allowHooks, dispatcher: { resolve: publicAddress, transport } })
    const order = await s.order({ metadata: { webhook_url: HOOK_URL } })
    // A runner may take a job as soon as the write stands, before its records are saved.
    const { jobs } = await s.webhooks.plan({ order, events: ['TXN_CREATED', 'MANDATE_CREATED'] }, s.clock.now())
    const [first, second] = jobs
    if (!first || !second) throw new Error('two delivery jobs expected')

    await s.webhooks.run(second)
    expect(transport).not.toHaveBeenCalled()
    await s.webhooks.run(first)
    expect(sent).toEqual([first.id.replace(/^webhook:/, '')])
  })
})

describe('how long an attempt took', () => {
  it('records the time the request took', async () => {
    const step = steppedTime()
    const transport: Transport = () => {
      step(250)
      return Promise.resolve({ status: 200 })
    }
    const s = testWebhookSandbox({ demo: allowHooks, dispatcher: { resolve: publicAddress, transport } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: HOOK_URL } }))
    await s.webhooks.idle()
    const records = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(records.map((d) => d.attempts.map((a) => [a.http_status, a.duration_ms]))).toEqual([[[200, 250]], [[200, 250]]])
  })

  it.each<[string, Error, string]>([
    ['with a code', Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), 'DNS lookup failed: EAI_AGAIN'],
    ['with no code', new Error('lookup failed'), 'DNS lookup failed: no answer'],
  ])('records a lookup that failed %s, with the time it took, sends nothing and retries', async (_what, failure, reason) => {
    const step = steppedTime()
    const resolve: Resolve = () => {
      step(30)
      return Promise.reject(failure)
    }
    const transport = vi.fn<Transport>()
    const s = testWebhookSandbox({ demo: allowHooks, dispatcher: { resolve, transport, retryDelaysMs: [0] } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: HOOK_URL } }))
    await s.webhooks.idle()
    expect(transport).not.toHaveBeenCalled()
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect([txn?.status, txn?.attempts.map((a) => [a.http_status, a.error, a.duration_ms])]).toEqual([
      'failed',
      [
        [null, reason, 30],
        [null, reason, 30],
      ],
    ])
  })
})

describe('a request in flight', () => {
  it('is aborted by stop and recorded nowhere: the delivery stays pending for the next instance', async () => {
    const { transport, signals } = hangingTransport()
    const s = testWebhookSandbox({ demo: allowHooks, dispatcher: { resolve: publicAddress, transport, timeoutMs: 60_000 } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: HOOK_URL } }))
    await vi.waitFor(() => expect(signals).toHaveLength(1))
    s.webhooks.stop()
    expect(signals[0]?.aborted).toBe(true)
    await settled()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => [d.status, d.attempts.length])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ])
  })

  it("is aborted by its own merchant's reset, never by another merchant's", async () => {
    const { transport, signals } = hangingTransport()
    const s = testWebhookSandbox({ demo: allowHooks, dispatcher: { resolve: publicAddress, transport, timeoutMs: 60_000 } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: HOOK_URL } }))
    await vi.waitFor(() => expect(signals).toHaveLength(1))
    s.webhooks.resetMerchant('other_merchant')
    expect(signals[0]?.aborted).toBe(false)
    s.webhooks.resetMerchant('demo_merchant')
    expect(signals[0]?.aborted).toBe(true)
  })

  it("keeps idle waiting through another merchant's reset until this merchant's deliveries end", async () => {
    const answers = [500]
    const transport: Transport = () => Promise.resolve({ status: answers.shift() ?? 200 })
    const s = testWebhookSandbox({ demo: allowHooks, dispatcher: { resolve: publicAddress, transport, retryDelaysMs: [60_000] } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: HOOK_URL } }))
    await vi.waitFor(async () => expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1'))[0]?.attempts).toHaveLength(1))
    let idle = false
    void s.webhooks.idle().then(() => {
      idle = true
    })
    s.webhooks.resetMerchant('other_merchant')
    await settled()
    expect(idle).toBe(false)
    s.advance(60_000)
    await s.webhooks.idle()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.status)).toEqual(['delivered', 'delivered'])
  })
})

describe('a delivery with nowhere to go', () => {
  it('drops, without sending it, a stored delivery whose merchant has left the directory', async () => {
    const transport = vi.fn<Transport>()
    const s = testWebhookSandbox({ dispatcher: { resolve: publicAddress, transport } })
    const delivery = { id: 'evt_gone', event_name: 'TXN_CREATED', url: HOOK_URL, status: 'pending', attempts: [], created_at: s.clock.now().toISOString(), delivered_at: null, body: {} }
    const payload = { merchantId: 'gone_merchant', orderId: 'o-gone', url: HOOK_URL, rawBody: '{}', delivery, after: [] }
    const job: ScheduledJob = { id: 'webhook:evt_gone', merchantId: 'gone_merchant', dueAt: s.clock.now().getTime(), kind: 'webhook', payload: JSON.stringify(payload) }
    await expect(s.webhooks.run(job)).resolves.toBeUndefined()
    expect(transport).not.toHaveBeenCalled()
    expect(await s.webhooks.deliveriesFor('gone_merchant', 'o-gone')).toEqual([])
  })

  it('logs each event it records as not sent, for want of a URL', async () => {
    const lines: string[] = []
    const s = testWebhookSandbox({ merchantUrl: null, log: jsonLogger((line) => lines.push(line)) })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['event'] === 'webhook')
    expect(logged.map((line) => [line['event_name'], line['status'], line['attempt']])).toEqual([
      ['TXN_CREATED', 'not_sent', 0],
      ['MANDATE_CREATED', 'not_sent', 0],
    ])
  })
})
