import { describe, expect, it } from 'vitest'
import { expiryProblem, isAadhaarNumber, isCardNumber, isOtpShape, luhnValid } from './checks'

/** 10:00 UTC on 25 Nov 2026 (15:30 IST). */
const NOW = new Date('2026-11-25T10:00:00.000Z')

describe('card numbers', () => {
  it.each([
    ['4242424242424242', true],
    ['4111 1111 1111 1111', true],
    ['5299-9202-1000-0277', true],
    ['4591500000000055', true],
    ['4242424242424241', false],
    ['42424242424', false],
    ['42424242424242424242', false],
    ['4242a24242424242', false],
    ['', false],
  ])('%j is a card number: %s', (raw, valid) => {
    expect(isCardNumber(raw)).toBe(valid)
  })

  it('checks the Luhn digit', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
  })
})

describe('expiry MM/YY', () => {
  it.each<[string, 'format' | 'past' | null]>([
    ['11/26', null],
    ['12/29', null],
    [' 01 / 27 ', null],
    ['10/26', 'past'],
    ['12/25', 'past'],
    ['13/27', 'format'],
    ['00/27', 'format'],
    ['1/27', 'format'],
    ['11/2026', 'format'],
    ['', 'format'],
  ])('%j: %s', (raw, problem) => {
    expect(expiryProblem(raw, NOW)).toBe(problem)
  })

  it('uses the month in India: 31 Oct 20:00 UTC is already November there', () => {
    expect(expiryProblem('10/26', new Date('2026-10-31T20:00:00.000Z'))).toBe('past')
    expect(expiryProblem('10/26', new Date('2026-10-31T18:00:00.000Z'))).toBeNull()
  })
})

describe('Aadhaar and OTP', () => {
  it.each([
    ['234567890123', true],
    ['9999 8888 7777', true],
    ['123456789012', false],
    ['034567890123', false],
    ['23456789012', false],
    ['2345678901234', false],
  ])('%j is an Aadhaar number: %s', (raw, valid) => {
    expect(isAadhaarNumber(raw)).toBe(valid)
  })

  it('takes exactly six ASCII digits as an OTP', () => {
    expect(isOtpShape('123456')).toBe(true)
    for (const bad of ['12345', '1234567', 'abcdef', '१२३४५६', '']) expect(isOtpShape(bad)).toBe(false)
  })
})
