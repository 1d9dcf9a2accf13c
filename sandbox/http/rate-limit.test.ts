import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limit'

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
})
