import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatMoney, formatMonthName } from './format'

describe('formatMoney', () => {
  it.each([
    [100, 'en', '₹1.00'],
    [1_00_000_00, 'en', '₹1,00,000.00'],
    [12_34_567_89, 'en', '₹12,34,567.89'],
    [0, 'en', '₹0.00'],
    [1_00_000_00, 'hi', '₹1,00,000.00'],
  ] as const)('%i paise in %s is %s', (minor, locale, expected) => {
    expect(formatMoney({ minor, currency: 'INR' }, locale)).toBe(expected)
  })
})

describe('dates in IST', () => {
  it('shows the calendar date in India even when UTC is still the day before', () => {
    expect(formatDate('2026-11-30T20:00:00.000Z', 'en')).toBe('1 Dec 2026')
  })
  it('names the time zone with date and time', () => {
    expect(formatDateTime('2026-11-25T18:00:00.000Z', 'en')).toMatch(/IST$/)
  })
})

describe('formatMonthName', () => {
  it.each([
    ['2026-11-30T20:00:00.000Z', 'en', 'December'],
    ['2026-06-10T00:00:00.000Z', 'en', 'June'],
    ['2026-06-10T00:00:00.000Z', 'hi', 'जून'],
  ] as const)('%s in %s is %s', (iso, locale, expected) => {
    expect(formatMonthName(iso, locale)).toBe(expected)
  })
})
