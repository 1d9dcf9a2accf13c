import { describe, expect, it } from 'vitest'
import { formatRupees, parseRupees, rupeesNumber } from './decimal'

describe('parseRupees', () => {
  it.each([
    ['10', 1000],
    ['10.00', 1000],
    ['10.5', 1050],
    ['100.15', 10015],
    ['0.29', 29],
    ['0.01', 1],
    [' 7.10 ', 710],
    ['0010.00', 1000],
    [10, 1000],
    [10.5, 1050],
    [0.29, 29],
    [19.99, 1999],
    ['999999999.99', 99999999999],
  ] as const)('%j is %i paise', (input, minor) => {
    expect(parseRupees(input)).toEqual({ ok: true, value: minor })
  })

  it.each([
    ['100.1532', 'two decimals'],
    ['10.', 'two decimals'],
    ['.5', 'two decimals'],
    ['-1', 'two decimals'],
    ['+1', 'two decimals'],
    ['1e3', 'two decimals'],
    ['1,000', 'two decimals'],
    ['abc', 'two decimals'],
    ['0', 'greater than zero'],
    ['0.00', 'greater than zero'],
    [0, 'greater than zero'],
    [0.1 + 0.2, 'two decimals'],
    [1e21, 'two decimals'],
    [-5, 'two decimals'],
    [Number.NaN, 'string'],
    [Number.POSITIVE_INFINITY, 'string'],
    ['1000000000', 'larger'],
    [true, 'string'],
    [{}, 'string'],
  ] as const)('%j is refused (%s)', (input, reason) => {
    const result = parseRupees(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
})

describe('formatting', () => {
  it.each([
    [1000, '10.00'],
    [1050, '10.50'],
    [1, '0.01'],
    [99999999999, '999999999.99'],
  ])('%i paise is "%s"', (minor, text) => {
    expect(formatRupees(minor)).toBe(text)
  })
  it('gives rupees as JSON numbers for order status', () => {
    expect(rupeesNumber(1999)).toBe(19.99)
    expect(rupeesNumber(100000)).toBe(1000)
  })
})
