import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { RateLimiter, rateLimited } from './rate-limit'

describe('RateLimiter', () => {
  it('gives a burst, then refills at its rate, per key', () => {
    let ms = 0
    const limiter = new RateLimiter({ burst: 2, perSecond: 0.5 }, () => ms)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 2])
    expect(limiter.take('b')).toBe(0)
    ms += 1000
    expect(limiter.wait('a')).toBe(1)
    ms += 1000
    expect(limiter.wait('a')).toBe(0)
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(2)
  })

  it('never holds more than its burst', () => {
    let ms = 0
    const limiter = new RateLimiter({ burst: 1, perSecond: 1 }, () => ms)
    limiter.take('a')
    ms += 60_000
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 1])
  })

  it('keeps at most maxKeys buckets, forgetting the longest unused', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 1 }, () => 0, 2)
    limiter.take('a')
    limiter.take('b')
    limiter.take('c')
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('c')).toBe(1)
  })

  it('waits nothing while a token is there, and the seconds a part-filled bucket needs, rounded up', () => {
    let ms = 0
    const limiter = new RateLimiter({ burst: 2, perSecond: 0.25 }, () => ms)
    expect(limiter.wait('fresh')).toBe(0)
    limiter.take('a')
    expect(limiter.wait('a')).toBe(0)
    limiter.take('a')
    ms += 2000
    // Half a token back: two more seconds at a quarter of a token a second.
    expect(limiter.wait('a')).toBe(2)
    expect(limiter.take('a')).toBe(2)
    ms += 2000
    expect(limiter.take('a')).toBe(0)
  })
})

describe('rateLimited: a route\'s own limit, keyed by what the request names', () => {
  function limitedApp(burst: number) {
    const limiter = new RateLimiter({ burst, perSecond: 0.5 }, () => 0)
    const app = new Hono()
    app.use(rateLimited(limiter, (c) => c.req.header('x-client'), (c) => c.json({ error: 'slow down' }, 429)))
    app.get('/', (c) => c.text('served'))
    return app
  }

  it('serves a key while it has tokens, then refuses with the caller\'s answer and Retry-After', async () => {
    const app = limitedApp(1)
    const first = await app.request('/', { headers: { 'x-client': 'a' } })
    expect([first.status, await first.text()]).toEqual([200, 'served'])
    const second = await app.request('/', { headers: { 'x-client': 'a' } })
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('2')
    expect(await second.json()).toEqual({ error: 'slow down' })
    expect((await app.request('/', { headers: { 'x-client': 'b' } })).status).toBe(200)
  })

  it('does not limit a request without a key', async () => {
    const app = limitedApp(0)
    for (let i = 0; i < 3; i++) expect((await app.request('/')).status).toBe(200)
    expect((await app.request('/', { headers: { 'x-client': 'a' } })).status).toBe(429)
  })
})
