import { describe, expect, it, vi } from 'vitest'
import { buildTestApp, paymentBody, postSession, readError } from '../testing/checkout-dialect'
import { buildSandbox, errorFields, json, mandateSession, postJson } from '../testing/juspay-dialect'
import { SIGNATURE_TOLERANCE_SECONDS, testReceiver, verifyWebhookSignature } from '../testing/webhook-receiver'
import { testWebhookSandbox, WEBHOOK_NOW } from '../testing/webhook-sandbox'
import type { Merchant } from '../merchants'
import { addressRefusal, classifyAddress, type AddressKind } from '../webhooks/address-policy'
import { hostnameOf, type Resolve, type ResolvedAddress, type Transport } from '../webhooks/transport'

/**
 * Issue #14, "safe to share": webhooks go only to hosts the merchant allows, never to private,
 * link-local, metadata, multicast or other special addresses whatever the name resolves to at
 * delivery time, never follow a redirect, and are signed over their timestamp.
 */

const receiver = testReceiver
const setup = testWebhookSandbox

const HOOK_HOST = 'hooks.shop.example'
const PUBLIC_V4: ResolvedAddress = { address: '93.184.216.34', family: 4 }

/** The demo merchant with HOOK_HOST on its webhook allow-list and loopback as given. */
const allowing =
  (loopback: boolean) =>
  (merchant: Merchant): Merchant => ({ ...merchant, webhookUrls: { loopback, hosts: [HOOK_HOST] } })

/** A resolver that answers each lookup with the next answer in turn, the last one from then on. */
function resolverAnswering(...answers: (readonly ResolvedAddress[])[]) {
  const calls: string[] = []
  const resolve: Resolve = (hostname) => {
    calls.push(hostname)
    return Promise.resolve(answers[Math.min(calls.length, answers.length) - 1] ?? [])
  }
  return { resolve, calls }
}

/** A transport that answers 200 and records the address each request was pinned to. */
function recordingTransport() {
  const sent: { host: string; address: string }[] = []
  const transport = vi.fn<Transport>(({ url, address }) => {
    sent.push({ host: url.host, address: address.address })
    return Promise.resolve({ status: 200 })
  })
  return { transport, sent }
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 })
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 })

describe('the webhook address classifier', () => {
  it.each<[string, AddressKind]>([
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.0.1', 'link-local'],
    ['169.254.255.255', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['64:ff9b::a00:1', 'reserved'],
    ['2002:a00:1::1', 'reserved'],
    ['::a00:1', 'reserved'],
    ['hooks.shop.example', 'not an IP address'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind)
  })

  it.each<[string, AddressKind]>([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:c0a8:101', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:100.64.0.1', 'shared'],
    ['::ffff:224.0.0.1', 'multicast'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:93.184.216.34', 'public'],
  ])('the IPv4-mapped %s is %s, as the IPv4 address it carries', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind)
  })

  it.each<[string, AddressKind]>([
    ['http://2130706433/hook', 'loopback'],
    ['http://0x7f.1/hook', 'loopback'],
    ['http://0177.0.0.1/hook', 'loopback'],
    ['http://0xa9.0xfe.0xa9.0xfe/hook', 'metadata'],
    ['http://2852039166/hook', 'metadata'],
    ['http://012.0.0.1/hook', 'private'],
    ['http://[::ffff:169.254.169.254]/hook', 'metadata'],
    ['http://[0:0:0:0:0:ffff:a00:1]/hook', 'private'],
    ['http://[fe80::1]/hook', 'link-local'],
  ])('%s, as the URL parser normalises its host, is %s', (url, kind) => {
    expect(classifyAddress(hostnameOf(new URL(url)))).toBe(kind)
  })

  it('allows loopback only when the merchant does, and every other special kind never', () => {
    expect(addressRefusal('127.0.0.1', { loopback: true })).toBeNull()
    expect(addressRefusal('::ffff:7f00:1', { loopback: true })).toBeNull()
    expect(addressRefusal('127.0.0.1', { loopback: false })).toMatch(/loopback address/)
    expect(addressRefusal('93.184.216.34', { loopback: false })).toBeNull()
    for (const address of ['10.0.0.1', '169.254.169.254', 'fd00:ec2::254', 'fe80::1', '224.0.0.1', '0.0.0.0', '100.64.0.1']) {
      expect(addressRefusal(address, { loopback: true }), address).toMatch(/which webhooks are never sent to$/)
    }
  })
})

describe('metadata.webhook_url at session creation', () => {
  it('Juspay: refuses a host not on the allow-list with a field error, and takes loopback for a merchant that allows it', async () => {
    const sandbox = buildSandbox()
    for (const [orderId, url] of [
      ['ord_evil', 'https://evil.example/hook'],
      ['ord_metadata', 'http://169.254.169.254/latest/meta-data'],
      ['ord_private', 'http://10.0.0.1/hook'],
    ] as const) {
      const refused = await postJson(sandbox, '/session', mandateSession({ order_id: orderId, 'metadata.webhook_url': url }))
      expect(refused.status).toBe(400)
      expect(await errorFields(refused.clone())).toEqual(['metadata.webhook_url'])
      expect(JSON.stringify(await json(refused))).toContain(`host ${new URL(url).hostname} is not on this merchant's webhook URL allow-list`)
      expect(await sandbox.store.orderByMerchantOrderId('demo_merchant', orderId)).toBeUndefined()
    }
    const allowed = await postJson(sandbox, '/session', mandateSession({ order_id: 'ord_ok', 'metadata.webhook_url': 'http://127.0.0.1:9/hook' }))
    expect(allowed.status).toBe(200)
  })

  it('checkout sessions: refuses metadata[webhook_url] on a host not on the allow-list as url_not_allowed', async () => {
    const { app } = buildTestApp()
    const refused = await postSession(app, paymentBody({ metadata: { webhook_url: 'http://169.254.169.254/latest' } }))
    expect(refused.status).toBe(400)
    expect(await readError(refused)).toMatchObject({
      error: { code: 'url_not_allowed', param: 'metadata[webhook_url]', message: expect.stringContaining('169.254.169.254 is not an allowed webhook host') as unknown },
    })
    const allowed = await postSession(app, paymentBody({ metadata: { webhook_url: 'http://localhost:9/hook' } }))
    expect(allowed.status).toBe(200)
  })
})

describe('webhook targets at delivery', () => {
  it('refuses at delivery when the name later resolves to a private address (DNS rebinding), and never retries', async () => {
    const dns = resolverAnswering([PUBLIC_V4], [v4('10.0.0.7')])
    const { transport, sent } = recordingTransport()
    const s = setup({ demo: allowing(false), dispatcher: { resolve: dns.resolve, transport } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: `https://${HOOK_HOST}/hooks` } }))
    await s.webhooks.idle()

    expect(sent).toEqual([{ host: HOOK_HOST, address: PUBLIC_V4.address }])
    expect(dns.calls).toEqual([HOOK_HOST, HOOK_HOST])
    const [txn, mandate] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn).toMatchObject({ event_name: 'TXN_CREATED', status: 'delivered' })
    expect(mandate).toMatchObject({
      event_name: 'MANDATE_CREATED',
      status: 'refused',
      refusal: 'the host resolves to a private address, which webhooks are never sent to',
      attempts: [],
      delivered_at: null,
    })
  })

  it('refuses a name when any one of its addresses is refused', async () => {
    const dns = resolverAnswering([PUBLIC_V4, v6('2606:4700:4700::1111'), v4('169.254.169.254')])
    const { transport } = recordingTransport()
    const s = setup({ demo: allowing(false), dispatcher: { resolve: dns.resolve, transport } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: `https://${HOOK_HOST}/hooks` } }))
    await s.webhooks.idle()
    expect(transport).not.toHaveBeenCalled()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => [d.status, d.refusal])).toEqual([
      ['refused', 'the host resolves to a metadata address, which webhooks are never sent to'],
      ['refused', 'the host resolves to a metadata address, which webhooks are never sent to'],
    ])
  })

  it.each<[string, ResolvedAddress, string]>([
    ['an RFC 1918', v4('192.168.0.10'), 'private'],
    ['a unique local', v6('fd12::1'), 'private'],
    ['a link-local', v4('169.254.10.10'), 'link-local'],
    ['an IPv6 link-local', v6('fe80::1'), 'link-local'],
    ['the cloud metadata', v4('169.254.169.254'), 'metadata'],
    ['the AWS IPv6 metadata', v6('fd00:ec2::254'), 'metadata'],
    ['an IPv4-mapped metadata', v6('::ffff:169.254.169.254'), 'metadata'],
    ['a multicast', v4('239.1.1.1'), 'multicast'],
    ['the unspecified', v4('0.0.0.0'), 'unspecified'],
    ['a CGNAT', v4('100.64.1.1'), 'shared'],
  ])('refuses a name resolving to %s address, once per event with no retry', async (_name, address, kind) => {
    const dns = resolverAnswering([address])
    const { transport } = recordingTransport()
    const s = setup({ demo: allowing(true), dispatcher: { resolve: dns.resolve, transport } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: `https://${HOOK_HOST}/hooks` } }))
    await s.webhooks.idle()
    expect(transport).not.toHaveBeenCalled()
    expect(dns.calls).toHaveLength(2)
    for (const delivery of await s.webhooks.deliveriesFor('demo_merchant', 'o-1')) {
      expect(delivery).toMatchObject({ status: 'refused', refusal: `the host resolves to a ${kind} address, which webhooks are never sent to`, attempts: [] })
    }
  })

  it('refuses loopback unless the merchant allows it, even for its own configured webhook URL host', async () => {
    const dns = resolverAnswering([v4('127.0.0.1')])
    const { transport } = recordingTransport()
    const s = setup({ merchantUrl: `https://${HOOK_HOST}/hooks`, demo: allowing(false), dispatcher: { resolve: dns.resolve, transport } })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    expect(transport).not.toHaveBeenCalled()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.refusal)).toEqual([
      "the host resolves to a loopback address, which this merchant's webhookUrls.loopback does not allow",
      "the host resolves to a loopback address, which this merchant's webhookUrls.loopback does not allow",
    ])
  })

  it('refuses, without resolving it, a host no longer on the allow-list when the event is sent', async () => {
    const dns = resolverAnswering([PUBLIC_V4])
    const { transport } = recordingTransport()
    const s = setup({ dispatcher: { resolve: dns.resolve, transport } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: 'https://evil.example/hook' } }))
    await s.webhooks.idle()
    expect(dns.calls).toEqual([])
    expect(transport).not.toHaveBeenCalled()
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => [d.status, d.url, d.refusal])).toEqual([
      ['refused', 'https://evil.example/hook', "host evil.example is not on this merchant's webhook allow-list"],
      ['refused', 'https://evil.example/hook', "host evil.example is not on this merchant's webhook allow-list"],
    ])
  })

  it('treats a name that does not resolve as a failed attempt to retry, and one with no address as refused', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    const { transport } = recordingTransport()
    const s = setup({ demo: allowing(false), dispatcher: { resolve: () => Promise.reject(notFound), transport, retryDelaysMs: [0] } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: `https://${HOOK_HOST}/hooks` } }))
    await s.webhooks.idle()
    expect(transport).not.toHaveBeenCalled()
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.status).toBe('failed')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [null, 'DNS lookup failed: ENOTFOUND'],
      [null, 'DNS lookup failed: ENOTFOUND'],
    ])

    const empty = setup({ demo: allowing(false), dispatcher: { resolve: resolverAnswering([]).resolve, transport } })
    await empty.startAttempt(await empty.order({ metadata: { webhook_url: `https://${HOOK_HOST}/hooks` } }))
    await empty.webhooks.idle()
    expect(transport).not.toHaveBeenCalled()
    expect((await empty.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => [d.status, d.refusal])).toEqual([
      ['refused', 'the host resolves to no address'],
      ['refused', 'the host resolves to no address'],
    ])
  })

  it('connects to the address it checked, not to what the name resolves to later', async () => {
    const hook = await receiver()
    const port = new URL(hook.url).port
    // HOOK_HOST is under .example, which never resolves: the request can only arrive through the pinned address.
    const dns = resolverAnswering([v4('127.0.0.1')])
    const s = setup({ demo: allowing(true), dispatcher: { resolve: dns.resolve } })
    await s.startAttempt(await s.order({ metadata: { webhook_url: `http://${HOOK_HOST}:${port}/hooks` } }))
    await s.webhooks.idle()
    expect(hook.requests.map((r) => [r.path, r.headers.host])).toEqual([
      ['/hooks', `${HOOK_HOST}:${port}`],
      ['/hooks', `${HOOK_HOST}:${port}`],
    ])
    expect((await s.webhooks.deliveriesFor('demo_merchant', 'o-1')).map((d) => d.status)).toEqual(['delivered', 'delivered'])
  })

  it('does not follow a redirect: the 3xx is a failed attempt, recorded, and the redirect target gets nothing', async () => {
    const inside = await receiver()
    const hook = await receiver()
    hook.redirectAll(inside.url)
    const s = setup({ merchantUrl: hook.url, dispatcher: { retryDelaysMs: [0] } })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    expect(inside.requests).toEqual([])
    const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
    expect(txn?.status).toBe('failed')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [307, 'redirect not followed'],
      [307, 'redirect not followed'],
    ])
  })

  it('shows a refused delivery, with its reason, in the QA webhook inbox', async () => {
    const dns = resolverAnswering([v4('169.254.169.254')])
    const { transport } = recordingTransport()
    const s = setup({ demo: allowing(true), dispatcher: { resolve: dns.resolve, transport } })
    await s.startAttempt(await s.order({ orderId: 'inbox-1', metadata: { webhook_url: `https://${HOOK_HOST}/hooks` } }))
    await s.webhooks.idle()
    expect(await s.inbox('inbox-1')).toMatchObject({
      order_id: 'inbox-1',
      webhooks: [
        { event_name: 'TXN_CREATED', status: 'refused', url: `https://${HOOK_HOST}/hooks`, attempts: [], refusal: 'the host resolves to a metadata address, which webhooks are never sent to' },
        { event_name: 'MANDATE_CREATED', status: 'refused', url: `https://${HOOK_HOST}/hooks`, attempts: [], refusal: 'the host resolves to a metadata address, which webhooks are never sent to' },
      ],
    })
  })
})

describe('webhook signatures over the timestamp', () => {
  async function delivered() {
    const hook = await receiver()
    const s = setup({ merchantUrl: hook.url })
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const [request] = hook.requests
    if (!request) throw new Error('nothing delivered')
    return request
  }
  const now = WEBHOOK_NOW.getTime() / 1000
  const KEY = 'demo_response_key'

  it('verifies a delivery as sent, within the tolerance either side of its timestamp', async () => {
    const request = await delivered()
    expect(request.headers['x-webhook-signature-v2']).toMatch(new RegExp(`^t=${now},v1=[0-9a-f]{64}$`))
    expect(verifyWebhookSignature(request, KEY, now)).toEqual({ ok: true })
    expect(verifyWebhookSignature(request, KEY, now + SIGNATURE_TOLERANCE_SECONDS)).toEqual({ ok: true })
    expect(verifyWebhookSignature(request, KEY, now - SIGNATURE_TOLERANCE_SECONDS)).toEqual({ ok: true })
  })

  it('refuses a tampered body', async () => {
    const request = await delivered()
    const body = request.body.replace('"PENDING_VBV"', '"CHARGED"')
    expect(body).not.toBe(request.body)
    expect(verifyWebhookSignature({ ...request, body }, KEY, now)).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('refuses a tampered timestamp, so an old delivery cannot be made to look fresh', async () => {
    const request = await delivered()
    const later = String(request.headers['x-webhook-signature-v2']).replace(`t=${now},`, `t=${now + 3600},`)
    expect(verifyWebhookSignature({ ...request, headers: { ...request.headers, 'x-webhook-signature-v2': later } }, KEY, now + 3600)).toEqual({
      ok: false,
      reason: 'mismatch',
    })
  })

  it('refuses a delivery replayed after the tolerance, or dated too far ahead', async () => {
    const request = await delivered()
    expect(verifyWebhookSignature(request, KEY, now + SIGNATURE_TOLERANCE_SECONDS + 1)).toEqual({ ok: false, reason: 'outside tolerance' })
    expect(verifyWebhookSignature(request, KEY, now + 24 * 3600)).toEqual({ ok: false, reason: 'outside tolerance' })
    expect(verifyWebhookSignature(request, KEY, now - SIGNATURE_TOLERANCE_SECONDS - 1)).toEqual({ ok: false, reason: 'outside tolerance' })
  })

  it("refuses another merchant's key and a missing or malformed header", async () => {
    const request = await delivered()
    expect(verifyWebhookSignature(request, 'other_response_key', now)).toEqual({ ok: false, reason: 'mismatch' })
    const without = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'x-webhook-signature-v2'))
    expect(verifyWebhookSignature({ ...request, headers: without }, KEY, now)).toEqual({ ok: false, reason: 'missing' })
    expect(verifyWebhookSignature({ ...request, headers: { ...without, 'x-webhook-signature-v2': 'v1=abc' } }, KEY, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('signs each retry afresh with the time it is sent, under the same event id', async () => {
    const hook = await receiver()
    hook.failNext(1, 503)
    let seconds = now
    const s = setup({ merchantUrl: hook.url })
    vi.spyOn(s.deps.clock, 'now').mockImplementation(() => new Date((seconds += 60) * 1000))
    await s.startAttempt(await s.order())
    await s.webhooks.idle()
    const [first, retry] = hook.requests
    if (!first || !retry) throw new Error('expected a retry')
    expect(retry.headers['x-webhook-id']).toBe(first.headers['x-webhook-id'])
    const timestamp = (request: typeof first) => Number(request.headers['x-webhook-timestamp'])
    expect(timestamp(retry)).toBeGreaterThan(timestamp(first))
    expect(verifyWebhookSignature(first, KEY, timestamp(first))).toEqual({ ok: true })
    expect(verifyWebhookSignature(retry, KEY, timestamp(retry))).toEqual({ ok: true })
    expect(retry.headers['x-webhook-signature-v2']).not.toBe(first.headers['x-webhook-signature-v2'])
  })
})
