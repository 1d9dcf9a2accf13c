import type { RateLimit } from './rate-limit'

/** The limits that keep one runaway client or test from starving the others on a shared sandbox. */
export interface EdgeLimits {
  /** Requests with a wrong API key one client address may make; past it, 429 without checking the key. */
  authFailures: RateLimit
  /** Authenticated requests per API key: generous, far above what a test suite or `npm run bench` sends. */
  perApiKey: RateLimit
  /** Live-status streams (GET /api/pages/:pageId/events) open at once on one order, and from one client address. */
  streamsPerOrder: number
  streamsPerClient: number
}

export const DEFAULT_LIMITS: EdgeLimits = {
  authFailures: { burst: 20, perSecond: 1 },
  perApiKey: { burst: 20_000, perSecond: 10_000 },
  streamsPerOrder: 10,
  streamsPerClient: 100,
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, got "${raw}"`)
  return value
}

/**
 * The limits as the environment sets them: SANDBOX_API_KEY_RATE (requests a second per API key,
 * twice that at once), SANDBOX_AUTH_FAILURES (wrong keys per client address at once, one more
 * a second), SANDBOX_STREAMS_PER_ORDER and SANDBOX_STREAMS_PER_CLIENT; the defaults otherwise.
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): EdgeLimits {
  const keyRate = positive(env, 'SANDBOX_API_KEY_RATE', DEFAULT_LIMITS.perApiKey.perSecond)
  return {
    authFailures: { burst: positive(env, 'SANDBOX_AUTH_FAILURES', DEFAULT_LIMITS.authFailures.burst), perSecond: DEFAULT_LIMITS.authFailures.perSecond },
    perApiKey: { burst: keyRate * 2, perSecond: keyRate },
    streamsPerOrder: positive(env, 'SANDBOX_STREAMS_PER_ORDER', DEFAULT_LIMITS.streamsPerOrder),
    streamsPerClient: positive(env, 'SANDBOX_STREAMS_PER_CLIENT', DEFAULT_LIMITS.streamsPerClient),
  }
}
