import { describe, expect, it } from 'vitest'
import { countdownCue, formatCountdown, secondsLeft, type CountdownCue } from './countdown'

describe('secondsLeft', () => {
  const expiresAt = '2026-11-25T18:05:00.000Z'
  const at = (iso: string) => Date.parse(iso)
  it.each([
    ['five minutes before', '2026-11-25T18:00:00.000Z', 300],
    ['a fraction over a second before', '2026-11-25T18:04:58.900Z', 2],
    ['at expiry', '2026-11-25T18:05:00.000Z', 0],
    ['after expiry', '2026-11-25T18:06:00.000Z', 0],
  ])('%s', (_name, now, expected) => {
    expect(secondsLeft(expiresAt, at(now))).toBe(expected)
  })
})

describe('formatCountdown', () => {
  it.each([
    [300, '05:00'],
    [299, '04:59'],
    [61, '01:01'],
    [60, '01:00'],
    [59, '00:59'],
    [9, '00:09'],
    [0, '00:00'],
    [-4, '00:00'],
    [3600, '60:00'],
  ])('%i s is %s', (seconds, expected) => {
    expect(formatCountdown(seconds)).toBe(expected)
  })
})

describe('countdownCue', () => {
  it.each<[string, number | null, number, CountdownCue | null]>([
    ['first tick says nothing', null, 300, null],
    ['an ordinary second', 299, 298, null],
    ['reaching 4 minutes', 241, 240, { unit: 'minutes', value: 4 }],
    ['reaching 1 minute', 61, 60, { unit: 'minutes', value: 1 }],
    ['just after a minute mark', 240, 239, null],
    ['reaching 30 seconds', 31, 30, { unit: 'seconds', value: 30 }],
    ['just after 30 seconds', 30, 29, null],
    ['seconds before the end say nothing', 10, 9, null],
    ['a throttled tab jumping over 3 minutes', 190, 170, { unit: 'minutes', value: 3 }],
    ['a throttled tab jumping over 30 seconds', 45, 20, { unit: 'seconds', value: 20 }],
    ['a clock moved from above 4 minutes to 15 seconds', 250, 15, { unit: 'seconds', value: 15 }],
    ['a clock moved from 5 minutes to 45 seconds', 300, 45, { unit: 'seconds', value: 45 }],
    ['a clock moved from 5 minutes to 1:40', 300, 100, { unit: 'minutes', value: 2 }],
    ['reaching zero says nothing (the server reports expiry)', 1, 0, null],
    ['a throttled tab jumping over 30 seconds straight to zero says nothing', 45, 0, null],
    ['a clock moved from 5 minutes past the end says nothing', 300, 0, null],
    ['time going back (a new attempt) says nothing', 10, 300, null],
    ['no change', 120, 120, null],
  ])('%s', (_name, previous, current, expected) => {
    expect(countdownCue(previous, current)).toEqual(expected)
  })
})
