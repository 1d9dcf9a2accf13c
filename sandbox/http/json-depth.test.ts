import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth'

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth))

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not scalars', () => {
    for (const scalar of ['text', 5, true, null]) {
      expect(nestsDeeperThan(scalar, 0)).toBe(false)
      expect(nestsDeeperThan([[scalar]], 2)).toBe(false)
      expect(nestsDeeperThan({ a: [{ b: scalar }] }, 3)).toBe(false)
    }
    expect(nestsDeeperThan({}, 0)).toBe(true)
    expect(nestsDeeperThan({ a: { b: [1] } }, 3)).toBe(false)
    expect(nestsDeeperThan({ a: { b: [1] } }, 2)).toBe(true)
    expect(nestsDeeperThan({ a: 1, b: [{ c: [] }], d: {} }, 4)).toBe(false)
    expect(nestsDeeperThan({ a: 1, b: [{ c: [[]] }], d: {} }, 4)).toBe(true)
  })

  it(`allows ${String(MAX_JSON_DEPTH)} levels by default and refuses one more`, () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false)
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true)
  })

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(100_000), 200_000)).toBe(false)
  })
})
