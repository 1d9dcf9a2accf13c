import { describe, expect, it } from 'vitest'
import { MAX_DEBIT_ATTEMPTS, outsidePeak, retryAt } from './retries'

/** An IST wall-clock time as an instant. */
const ist = (text: string): Date => new Date(`${text}+05:30`)

describe('retry times (docs/domain/renewals.md#retries)', () => {
  it('allows one attempt and three retries', () => {
    expect(MAX_DEBIT_ATTEMPTS).toBe(4)
  })

  it.each([
    // attempt that failed, when it ran (IST), when the next runs (IST)
    [1, '2026-04-01T06:00:00', '2026-04-01T07:00:00'],
    [2, '2026-04-01T07:00:00', '2026-04-01T13:00:00'], // 10:00 is peak: moved to its end
    [3, '2026-04-01T13:00:00', '2026-04-01T16:00:00'],
    [1, '2026-04-01T16:30:00', '2026-04-01T21:30:00'], // 17:30 is peak
    [2, '2026-04-01T15:00:00', '2026-04-01T21:30:00'], // 18:00 is peak
    [2, '2026-04-01T19:00:00', '2026-04-01T22:00:00'], // after the evening window
    [3, '2026-04-01T22:30:00', '2026-04-02T01:30:00'], // past midnight
    [1, '2026-04-01T08:59:59', '2026-04-01T09:59:59'], // just before the morning window
    [1, '2026-04-01T09:00:00', '2026-04-01T13:00:00'], // its first minute
    [1, '2026-04-01T12:00:00', '2026-04-01T13:00:00'], // its last moment's end is not peak
    [1, '2026-04-01T20:30:00', '2026-04-01T21:30:00'], // 21:30 is outside the window
  ])('after attempt %i at %s IST the next runs at %s IST', (attempt, at, next) => {
    expect(retryAt(attempt, ist(at))?.toISOString()).toBe(ist(next).toISOString())
  })

  it('has no retry after the fourth attempt', () => {
    expect(retryAt(4, ist('2026-04-01T06:00:00'))).toBeNull()
  })

  it.each([
    ['2026-04-01T09:59:59', '2026-04-01T09:59:59'],
    ['2026-04-01T10:00:00', '2026-04-01T13:00:00'],
    ['2026-04-01T12:59:59', '2026-04-01T13:00:00'],
    ['2026-04-01T13:00:00', '2026-04-01T13:00:00'],
    ['2026-04-01T16:59:59', '2026-04-01T16:59:59'],
    ['2026-04-01T17:00:00', '2026-04-01T21:30:00'],
    ['2026-04-01T21:29:59', '2026-04-01T21:30:00'],
    ['2026-04-01T21:30:00', '2026-04-01T21:30:00'],
    ['2026-04-01T23:59:59', '2026-04-01T23:59:59'],
  ])('%s IST is moved to %s IST', (at, moved) => {
    expect(outsidePeak(ist(at)).toISOString()).toBe(ist(moved).toISOString())
  })
})
