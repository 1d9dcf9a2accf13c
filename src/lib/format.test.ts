import { describe, expect, it } from 'vitest'
import { formatCalendarDate, formatCalendarMonth, formatDate, formatDateTime, formatMoney, formatMonthName } from './format'

describe('formatMoney', () => {
  it.each([
    [100, 'en', '₹1.00'],
    [5, 'en', '₹0.05'],
    [99_999, 'en', '₹999.99'],
    [1_000_00, 'en', '₹1,000.00'],
    [1_00_000_00, 'en', '₹1,00,000.00'],
    [12_34_567_89, 'en', '₹12,34,567.89'],
    [1_23_45_67_890_10, 'en', '₹1,23,45,67,890.10'],
    [0, 'en', '₹0.00'],
    [1_00_000_00, 'hi', '₹1,00,000.00'],
  ] as const)('%i paise in %s is %s', (minor, locale, expected) => {
    expect(formatMoney({ minor, currency: 'INR' }, locale)).toBe(expected)
  })

  it('formats INR as Intl does for en-IN and hi-IN', () => {
    for (const locale of ['en', 'hi'] as const) {
      const intl = new Intl.NumberFormat(`${locale}-IN`, { style: 'currency', currency: 'INR', minimumFractionDigits: 2 })
      for (const minor of [0, 1, 10, 12_345, 1_234_567, 123_456_789, 98_76_54_32_10_12]) {
        expect(formatMoney({ minor, currency: 'INR' }, locale)).toBe(intl.format(minor / 100))
      }
    }
  })

  it('leaves other currencies to Intl', () => {
    expect(formatMoney({ minor: 123_456, currency: 'USD' }, 'en')).toBe(
      new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(1234.56),
    )
  })
})

describe('dates in IST', () => {
  it('shows the calendar date in India even when UTC is still the day before', () => {
    expect(formatDate('2026-11-30T20:00:00.000Z', 'en')).toBe('1 Dec 2026')
  })
  it.each([
    ['2026-11-25T18:00:00.000Z', 'en', '25 Nov 2026, 11:30 pm IST'],
    ['2026-11-24T18:35:00.000Z', 'en', '25 Nov 2026, 12:05 am IST'],
    ['2026-11-25T06:35:00.000Z', 'en', '25 Nov 2026, 12:05 pm IST'],
    ['2026-09-01T03:30:00.000Z', 'en', '1 Sept 2026, 9:00 am IST'],
    ['2026-11-25T18:00:00.000Z', 'hi', '25 नव॰ 2026, 11:30 pm IST'],
    ['2026-12-31T18:29:00.000Z', 'hi', '31 दिस॰ 2026, 11:59 pm IST'],
    ['2026-12-31T18:30:00.000Z', 'en', '1 Jan 2027, 12:00 am IST'],
  ] as const)('%s in %s is %s', (iso, locale, expected) => {
    expect(formatDateTime(iso, locale)).toBe(expected)
  })
  it('names every month as CLDR does', () => {
    expect(Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2027, m, 10)).toISOString(), 'en'))).toEqual(
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'].map((m) => `10 ${m} 2027`),
    )
    expect(formatDate('2027-10-10T00:00:00.000Z', 'hi')).toBe('10 अक्टू॰ 2027')
  })
})

describe('formatMonthName', () => {
  it.each([
    ['2026-11-30T20:00:00.000Z', 'en', 'December'],
    ['2026-06-10T00:00:00.000Z', 'en', 'June'],
    ['2026-06-10T00:00:00.000Z', 'hi', 'जून'],
    ['2026-02-10T00:00:00.000Z', 'hi', 'फ़रवरी'],
  ] as const)('%s in %s is %s', (iso, locale, expected) => {
    expect(formatMonthName(iso, locale)).toBe(expected)
  })
})

describe('calendar dates (already in India)', () => {
  it.each([
    ['2026-12-15', 'en', '15 Dec 2026'],
    ['2027-01-05', 'en', '5 Jan 2027'],
    ['2028-02-29', 'en', '29 Feb 2028'],
    ['2026-09-01', 'en', '1 Sept 2026'],
    ['2026-12-31', 'en', '31 Dec 2026'],
    ['2027-01-01', 'en', '1 Jan 2027'],
    ['2026-12-15', 'hi', '15 दिस॰ 2026'],
    ['2027-10-05', 'hi', '5 अक्टू॰ 2027'],
  ] as const)('%s in %s is %s', (date, locale, expected) => {
    expect(formatCalendarDate(date, locale)).toBe(expected)
  })

  it.each([
    ['2026-12-05', 'en', 'December'],
    ['2027-01-01', 'en', 'January'],
    ['2027-02-28', 'hi', 'फ़रवरी'],
    ['2026-12-31', 'hi', 'दिसंबर'],
  ] as const)('the month of %s in %s is %s', (date, locale, expected) => {
    expect(formatCalendarMonth(date, locale)).toBe(expected)
  })
})
