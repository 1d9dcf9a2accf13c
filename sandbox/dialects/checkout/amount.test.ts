import { describe, expect, it } from 'vitest'
import { minorToMajor, parseMajorAmount } from './amount'

describe('parseMajorAmount', () => {
  const accepted: [input: number | string, minor: number][] = [
    [99.99, 9999],
    ['99.99', 9999],
    [10, 1000],
    ['10', 1000],
    ['10.5', 1050],
    [0.01, 1],
    [1.1, 110],
    [999_999_999.99, 99_999_999_999],
    ['999999999.99', 99_999_999_999],
  ]
  it.each(accepted)('%j is %d paise', (input, minor) => {
    expect(parseMajorAmount(input, { allowZero: false })).toEqual({ ok: true, minor })
  })

  const rejected: [name: string, input: number | string, reason: RegExp][] = [
    ['float noise', 0.1 + 0.2, /at most 2 decimals/],
    ['three decimals', '1.001', /at most 2 decimals/],
    ['zero', 0, /greater than 0/],
    ['zero as text', '0.00', /greater than 0/],
    ['negative', -5, /greater than 0/],
    ['negative text', '-5.00', /greater than 0/],
    ['exponent', '1e3', /decimal amount/],
    ['tiny exponent number', 1e-7, /decimal amount/],
    ['ten integer digits', '1000000000', /9 integer digits/],
    ['leading zero', '05', /decimal amount/],
    ['surrounding space', ' 5', /decimal amount/],
    ['bare point', '5.', /decimal amount/],
    ['comma grouping', '1,000', /decimal amount/],
    ['not a number', Number.NaN, /finite/],
    ['infinity', Number.POSITIVE_INFINITY, /finite/],
    ['empty', '', /decimal amount/],
  ]
  it.each(rejected)('rejects %s', (_name, input, reason) => {
    const result = parseMajorAmount(input, { allowZero: false })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(reason)
  })

  it('accepts zero where zero is allowed, never a negative', () => {
    expect(parseMajorAmount(0, { allowZero: true })).toEqual({ ok: true, minor: 0 })
    expect(parseMajorAmount('-1', { allowZero: true })).toEqual({ ok: false, reason: 'must not be negative' })
  })

  it.each([1, 5, 10, 99, 110, 1999, 123_456_789, 99_999_999_999])('%d paise survives the trip to major units and back', (minor) => {
    expect(parseMajorAmount(minorToMajor(minor), { allowZero: false })).toEqual({ ok: true, minor })
  })
})
