import { describe, expect, it } from 'vitest'
import { MAX_EXPIRY_SECONDS, MIN_EXPIRY_SECONDS, resolveExpiry } from './expiry'

const NOW = new Date('2026-03-10T04:30:00.000Z')
const NOW_S = NOW.getTime() / 1000

describe('resolveExpiry', () => {
  // expected: the resolved instant, or null when expires_at is refused
  const rows: [name: string, expiresAt: number | undefined, expected: string | null][] = [
    ['defaults to 24 hours', undefined, '2026-03-11T04:30:00.000Z'],
    ['accepts exactly 30 minutes', NOW_S + MIN_EXPIRY_SECONDS, '2026-03-10T05:00:00.000Z'],
    ['accepts exactly 24 hours', NOW_S + MAX_EXPIRY_SECONDS, '2026-03-11T04:30:00.000Z'],
    ['accepts 2 hours', NOW_S + 7200, '2026-03-10T06:30:00.000Z'],
    ['rejects 29 min 59 s', NOW_S + MIN_EXPIRY_SECONDS - 1, null],
    ['rejects 24 h + 1 s', NOW_S + MAX_EXPIRY_SECONDS + 1, null],
    ['rejects the past', NOW_S - 60, null],
    ['rejects milliseconds sent as seconds', NOW.getTime() + 3_600_000, null],
  ]
  it.each(rows)('%s', (_name, expiresAt, expected) => {
    const result = resolveExpiry(expiresAt, NOW)
    if (expected === null) {
      expect(result.ok ? null : result.error).toMatchObject({ status: 400, code: 'expires_at_out_of_range', param: 'expires_at' })
    } else {
      expect(result.ok ? result.expiresAt.toISOString() : result.error).toBe(expected)
    }
  })

  it('defaults to whole seconds when now has milliseconds', () => {
    const result = resolveExpiry(undefined, new Date('2026-03-10T04:30:00.789Z'))
    expect(result.ok && result.expiresAt.toISOString()).toBe('2026-03-11T04:30:00.000Z')
  })
})

it('refuses an expires_at out of range with its own code and a message that gives the range', () => {
  const result = resolveExpiry(NOW_S + 60, NOW)
  expect(result.ok ? null : result.error).toStrictEqual({
    status: 400,
    type: 'invalid_request_error',
    code: 'expires_at_out_of_range',
    param: 'expires_at',
    message: 'Invalid expires_at: must be a unix timestamp between 30 minutes and 24 hours from now.',
  })
})
