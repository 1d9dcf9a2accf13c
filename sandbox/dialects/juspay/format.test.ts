import { describe, expect, it } from 'vitest'
import { epochSecondsText, juspayTimestamp, paymentPageUrl } from './format'

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

describe('epochSecondsText', () => {
  it.each([
    ['2026-03-10T06:30:00.000Z', '1773124200'],
    ['2026-03-10T06:30:00.999Z', '1773124200'],
    ['1970-01-01T00:00:00.000Z', '0'],
  ])('writes %s as the string %s', (iso, expected) => {
    expect(epochSecondsText(iso)).toBe(expected)
  })
})

describe('paymentPageUrl', () => {
  it("is the order's payment page under the sandbox's public origin", () => {
    expect(paymentPageUrl('https://sandbox.example', 'pg_1')).toBe('https://sandbox.example/orders/pg_1/payment-page')
  })
})
