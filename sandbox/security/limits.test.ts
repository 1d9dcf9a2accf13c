import { describe, expect, it } from 'vitest'
import { CheckoutError, JuspayError, PluralError, ZenskarError } from '../../contract/errors'
import { PageError } from '../../contract/session'
import { DEFAULT_LIMITS, type EdgeLimits } from '../http/limits'
import { basic, bearer, DEMO_KEY, OTHER_KEY, secureSandbox } from '../testing/security-harness'

/** A sandbox with small limits and the limits' clock in the test's hands. */
function limited(limits: Partial<EdgeLimits>) {
  let ms = 0
  const s = secureSandbox({ edge: { limits: { ...DEFAULT_LIMITS, ...limits }, now: () => ms } })
  return { s, advance: (by: number) => (ms += by) }
}

const juspayCode = async (res: Response) => JuspayError.parse(await res.json()).error_info.code

describe('failed authentication is throttled per client address', () => {
  it('after the allowed wrong keys, answers 429 with Retry-After in the dialect’s envelope without checking the key, until the window refills', async () => {
    const { s, advance } = limited({ authFailures: { burst: 3, perSecond: 1 } })
    const get = (key: string, from: string) => s.request('/orders/ord-1', { headers: { authorization: basic(key) } }, from)
    for (let i = 0; i < 3; i += 1) expect((await get(`wrong-${String(i)}`, '198.51.100.1')).status).toBe(401)
    const throttled = await get('wrong-3', '198.51.100.1')
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('1')
    expect(await juspayCode(throttled)).toBe('TOO_MANY_REQUESTS')
    // The key is not looked at: the right one is refused the same way, so guessing learns nothing.
    expect((await get(DEMO_KEY, '198.51.100.1')).status).toBe(429)
    // Another client is not held up, nor is a request that sends no key at all.
    expect((await get(DEMO_KEY, '198.51.100.2')).status).toBe(404)
    expect((await s.request('/healthz', {}, '198.51.100.1')).status).toBe(200)
    advance(999)
    expect((await get(DEMO_KEY, '198.51.100.1')).status).toBe(429)
    advance(1)
    expect((await get(DEMO_KEY, '198.51.100.1')).status).toBe(404)
  })

  it('counts wrong keys across dialects and answers in each path’s envelope', async () => {
    const { s } = limited({ authFailures: { burst: 1, perSecond: 1 } })
    expect((await s.request('/v1/checkout/sessions/cs_x', { headers: { authorization: bearer('nope') } }, '198.51.100.3')).status).toBe(401)
    const res = await s.request('/v1/checkout/sessions/cs_x', { headers: { authorization: bearer(DEMO_KEY) } }, '198.51.100.3')
    expect(res.status).toBe(429)
    expect(CheckoutError.parse(await res.json()).error.code).toBe('rate_limit')
    expect((await s.request('/orders/ord-1', { headers: { authorization: basic(DEMO_KEY) } }, '198.51.100.3')).status).toBe(429)
  })

  it('lets a client with the right key make any number of requests', async () => {
    const { s } = limited({ authFailures: { burst: 1, perSecond: 1 } })
    for (let i = 0; i < 10; i += 1) expect((await s.request('/orders/ord-1', { headers: { authorization: basic(DEMO_KEY) } }, '198.51.100.4')).status).toBe(404)
  })
})

describe('requests are rate limited per API key', () => {
  it('answers 429 with Retry-After in the dialect’s envelope past the limit, for that key only, until a token is back', async () => {
    const { s, advance } = limited({ perApiKey: { burst: 2, perSecond: 1 } })
    const get = (key: string) => s.request('/orders/ord-1', { headers: { authorization: basic(key) } })
    expect((await get(DEMO_KEY)).status).toBe(404)
    expect((await get(DEMO_KEY)).status).toBe(404)
    const res = await get(DEMO_KEY)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(await juspayCode(res)).toBe('TOO_MANY_REQUESTS')
    const checkout = await s.request('/v1/checkout/sessions/cs_x', { headers: { authorization: bearer(DEMO_KEY) } })
    expect(checkout.status).toBe(429)
    expect(CheckoutError.parse(await checkout.json()).error.code).toBe('rate_limit')
    expect((await get(OTHER_KEY)).status).toBe(404)
    advance(1000)
    expect((await get(DEMO_KEY)).status).toBe(404)
    expect((await get(DEMO_KEY)).status).toBe(429)
  })

  it('holds the Plural and Zenskar APIs to the same limit, answered in their own envelopes', async () => {
    const { s } = limited({ perApiKey: { burst: 1, perSecond: 1 } })
    const zenskar = () => s.request('/checkouts/00000000-0000-4000-8000-000000000000', { headers: { 'x-api-key': DEMO_KEY } })
    expect((await zenskar()).status).toBe(404)
    const refused = await zenskar()
    expect(refused.status).toBe(429)
    expect(ZenskarError.parse(await refused.json()).error.code).toBe('rate_limited')
    const plural = () => s.request('/api/v1/upi/subscription/v1-sub-00000000000000000000000000000000', { headers: { authorization: bearer(OTHER_KEY) } })
    expect((await plural()).status).toBe(404)
    const throttled = await plural()
    expect(throttled.status).toBe(429)
    expect(PluralError.parse(await throttled.json()).response_code).toBe(12429)
  })

  it('a refused request creates nothing', async () => {
    const { s } = limited({ perApiKey: { burst: 1, perSecond: 1 } })
    await s.juspayOrder(DEMO_KEY)
    await expect(s.juspayOrder(DEMO_KEY)).rejects.toThrow(/429/)
    expect(await s.store.size()).toBe(1)
  })

  it('is by default far above what the test suites and the bench send', () => {
    expect(DEFAULT_LIMITS.perApiKey.perSecond).toBeGreaterThanOrEqual(10_000)
    expect(DEFAULT_LIMITS.perApiKey.burst).toBeGreaterThanOrEqual(20_000)
  })
})

describe('live-status streams are capped per order and per client address', () => {
  it('refuses a stream over either cap with 429 and Retry-After, and takes one again once a stream closes', async () => {
    const { s } = limited({ streamsPerOrder: 2, streamsPerClient: 3 })
    const [a, b, c] = [await s.juspayOrder(), await s.juspayOrder(), await s.juspayOrder()]
    const open = (pageId: string, from: string) => s.request(`/api/pages/${pageId}/events`, {}, from)
    const a1 = await open(a.id, '203.0.113.1')
    const a2 = await open(a.id, '203.0.113.2')
    expect([a1.status, a2.status]).toEqual([200, 200])
    const overOrder = await open(a.id, '203.0.113.3')
    expect(overOrder.status).toBe(429)
    expect(overOrder.headers.get('retry-after')).toBe('5')
    expect(PageError.parse(await overOrder.json()).error.code).toBe('too_many_streams')

    const mine = [await open(b.id, '203.0.113.1'), await open(c.id, '203.0.113.1')]
    expect(mine.map((r) => r.status)).toEqual([200, 200])
    const overClient = await open(c.id, '203.0.113.1')
    expect(overClient.status).toBe(429)
    expect((await open(c.id, '203.0.113.4')).status).toBe(200)

    await a1.body?.cancel()
    await new Promise((resolve) => setImmediate(resolve))
    const again = await open(a.id, '203.0.113.5')
    expect(again.status).toBe(200)
    for (const res of [a2, ...mine, again]) await res.body?.cancel()
  })
})
