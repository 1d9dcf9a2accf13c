import type { Context, MiddlewareHandler } from 'hono'

/** Milliseconds on a monotonic clock; injected so tests move it by hand. */
export type Now = () => number

const monotonicNow: Now = () => performance.now()

/** A token bucket: `burst` requests at once, then `perSecond` a second. */
export interface RateLimit {
  burst: number
  perSecond: number
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * One token bucket per key (a client address, an API key), in memory. At most `maxKeys` buckets are
 * kept: past that the longest-unused one is dropped, which only ever forgives a client.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly limit: RateLimit,
    private readonly now: Now = monotonicNow,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until `key` has a token (0: it has one now), without taking one. */
  wait(key: string): number {
    const tokens = this.refilled(key).tokens
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.limit.perSecond)
  }

  /** Takes a token for `key`: 0 when there was one, else the seconds until there is (nothing taken). */
  take(key: string): number {
    const bucket = this.refilled(key)
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.limit.perSecond)
    bucket.tokens -= 1
    return 0
  }

  private refilled(key: string): Bucket {
    const now = this.now()
    const found = this.buckets.get(key)
    const bucket = found ?? { tokens: this.limit.burst, at: now }
    if (found) {
      this.buckets.delete(key)
      bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond)
      bucket.at = now
    }
    this.buckets.set(key, bucket)
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value
      if (oldest !== undefined) this.buckets.delete(oldest)
    }
    return bucket
  }
}

/**
 * Takes a token from `limiter` for the key `keyOf` names (none: not limited) and refuses with
 * `refuse` (the caller's 429 in its own envelope) when there is none; sets Retry-After.
 */
export function rateLimited(
  limiter: RateLimiter,
  keyOf: (c: Context) => string | undefined,
  refuse: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const key = keyOf(c)
    const wait = key === undefined ? 0 : limiter.take(key)
    if (wait > 0) {
      const res = await refuse(c)
      res.headers.set('Retry-After', String(wait))
      return res
    }
    await next()
  }
}
