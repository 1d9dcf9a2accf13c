import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, limitsFromEnv } from './limits'

describe('limitsFromEnv', () => {
  it('keeps the defaults when nothing is set, or a variable is set empty', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS)
    expect(limitsFromEnv({ SANDBOX_API_KEY_RATE: '', SANDBOX_AUTH_FAILURES: '', SANDBOX_STREAMS_PER_ORDER: '', SANDBOX_STREAMS_PER_CLIENT: '' })).toEqual(DEFAULT_LIMITS)
  })

  it('takes 1, the least a limit may be', () => {
    expect(limitsFromEnv({ SANDBOX_STREAMS_PER_ORDER: '1' }).streamsPerOrder).toBe(1)
  })

  it('reads each limit', () => {
    expect(
      limitsFromEnv({ SANDBOX_API_KEY_RATE: '50', SANDBOX_AUTH_FAILURES: '5', SANDBOX_STREAMS_PER_ORDER: '2', SANDBOX_STREAMS_PER_CLIENT: '7' }),
    ).toEqual({ authFailures: { burst: 5, perSecond: 1 }, perApiKey: { burst: 100, perSecond: 50 }, streamsPerOrder: 2, streamsPerClient: 7 })
  })

  it.each(['0', '-1', '1.5', 'many'])('refuses %s at start', (value) => {
    expect(() => limitsFromEnv({ SANDBOX_API_KEY_RATE: value })).toThrow(/SANDBOX_API_KEY_RATE must be a whole number above 0/)
  })
})
