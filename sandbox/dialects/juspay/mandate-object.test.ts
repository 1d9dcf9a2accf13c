import { describe, expect, it } from 'vitest'
import type { Attempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import { mandateTerms, TEST_NOW } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import { mandateObject } from './mandate-object'

const REGISTERED_AT = '2026-11-25T10:00:00.000Z'
const UMRN = 'HDFC7000000000000001'

/** An order whose mandate its attempt on `rail` registered. */
function registered(rail: 'upi' | 'netbanking', overrides: Partial<Order> = {}): Order {
  const base = storedOrder()
  const attempt = base.attempts.find((a) => a.rail === rail) as Attempt
  const succeeded: Attempt =
    attempt.rail === 'netbanking'
      ? { ...attempt, status: 'succeeded', failureReason: null, endedAt: REGISTERED_AT, bank: { ...attempt.bank, umrn: UMRN } }
      : { ...attempt, status: 'succeeded', failureReason: null, endedAt: REGISTERED_AT }
  return {
    ...base,
    customer: { ...base.customer, id: 'cust-42' },
    mandate: mandateTerms(99_900),
    status: 'CHARGED',
    attempts: [succeeded],
    mandateStatus: 'ACTIVE',
    mandateId: 'M1234567890123456789012',
    mandateToken: '0123456789abcdef0123456789abcdef',
    ...overrides,
  }
}

describe('mandateObject: the mandate as Juspay webhooks carry it', () => {
  it('a UPI mandate: every field, every scalar a string, payment_info with the payer VPA', () => {
    const mandate = mandateObject(registered('upi'))
    expect(mandate?.mandate_debit_token).toMatch(/^[0-9a-f]{32}$/)
    expect(mandate).toEqual({
      mandate_id: 'M1234567890123456789012',
      mandate_token: '0123456789abcdef0123456789abcdef',
      mandate_debit_token: mandate?.mandate_debit_token,
      mandate_type: 'EMANDATE',
      status: 'ACTIVE',
      frequency: 'MONTHLY',
      amount_rule: 'VARIABLE',
      max_amount: '999',
      block_fund: 'false',
      revokable_by_customer: 'true',
      currency: 'INR',
      customer_id: 'cust-42',
      order_id: 'o-1',
      start_date: '1795564800',
      end_date: '2742336000',
      activated_at: '2026-11-25T10:00:00Z',
      last_activated_at: '2026-11-25T10:00:00Z',
      payment_info: { payment_method_type: 'UPI', payment_method: 'COLLECT', upi: { payer_vpa: 'asha@okaxis' } },
    })
    expect(mandate?.mandate_debit_token).not.toBe(mandate?.mandate_token)
  })

  it('an eNACH mandate: payment_info names the bank and the masked debtor account, never a UPI block, and the UMRN', () => {
    const mandate = mandateObject(registered('netbanking'))
    expect(mandate?.payment_info).toEqual({
      payment_method_type: 'NB',
      payment_method: 'NB_HDFC',
      bank_account_details: {
        bank_code: 'HDFC',
        bank_name: 'HDFC Bank',
        account_number: 'XXXXXX1111',
        ifsc: 'HDFC0001234',
        account_type: 'SAVINGS',
        auth_mode: 'NB',
      },
    })
    expect(mandate?.umrn).toBe(UMRN)
    expect(mandate?.payment_info).not.toHaveProperty('upi')
  })

  it('a paused mandate carries its pause window; a resumed one when it last became active', () => {
    const pause = { startDate: '2026-11-26T00:00:00.000Z', endDate: '2026-12-26T00:00:00.000Z' }
    const paused = mandateObject(registered('upi', { mandateStatus: 'PAUSED', mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause } }))
    expect(paused).toMatchObject({ status: 'PAUSED', pause_start_date: '1795651200', pause_end_date: '1798243200' })
    const resumedAt = '2026-12-01T08:00:00.000Z'
    const resumed = mandateObject(registered('upi', { mandateChange: { status: 'ACTIVE', at: resumedAt, by: 'customer_upi_app', pause: null } }))
    expect(resumed).toMatchObject({ status: 'ACTIVE', activated_at: '2026-11-25T10:00:00Z', last_activated_at: '2026-12-01T08:00:00Z' })
    expect(resumed).not.toHaveProperty('pause_start_date')
  })

  it('is null for an order with no mandate terms', () => {
    expect(mandateObject(registered('upi', { mandate: null }))).toBeNull()
  })
})

describe('mandateObject before and around registration', () => {
  it('a mandate not yet registered: CREATED, no ids, payment_info from the latest attempt', () => {
    const base = storedOrder()
    const mandate = mandateObject({ ...base, mandate: mandateTerms(99_900) })
    expect(mandate).toMatchObject({
      mandate_id: null,
      mandate_token: null,
      mandate_debit_token: null,
      status: 'CREATED',
      activated_at: null,
      last_activated_at: null,
      payment_info: { payment_method_type: 'NB', payment_method: 'NB_HDFC' },
    })
    expect(mandate).not.toHaveProperty('umrn')
  })

  it('an order with no attempt yet has no payment_info', () => {
    expect(mandateObject({ ...storedOrder(), mandate: mandateTerms(99_900), attempts: [] })?.payment_info).toBeNull()
  })

  const pause = { startDate: '2026-11-26T00:00:00.000Z', endDate: '2026-12-26T00:00:00.000Z' }
  it.each<[string, Partial<Order>]>([
    ['an ACTIVE mandate whose last change still holds a pause window', { mandateStatus: 'ACTIVE', mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause } }],
    ['a PAUSED mandate with no change recorded', { mandateStatus: 'PAUSED', mandateChange: null }],
    ['a PAUSED mandate whose change has no window', { mandateStatus: 'PAUSED', mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: null } }],
  ])('no pause dates on %s', (_, overrides) => {
    const mandate = mandateObject(registered('upi', overrides))
    expect(mandate).not.toHaveProperty('pause_start_date')
    expect(mandate).not.toHaveProperty('pause_end_date')
  })
})
