import { describe, expect, it } from 'vitest'
import { juspayTimestamp } from './format'

describe('juspayTimestamp', () => {
  it.each([
    ['2024-09-04T06:11:16.789Z', '2024-09-04T06:11:16Z'],
    ['2024-09-04T11:41:16.000+05:30', '2024-09-04T06:11:16Z'],
    ['2024-09-04T06:11:16Z', '2024-09-04T06:11:16Z'],
    ['2024-09-04', '2024-09-04T00:00:00Z'],
  ])('writes %s as %s', (iso, expected) => {
    expect(juspayTimestamp(iso)).toBe(expected)
  })
})
