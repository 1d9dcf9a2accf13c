import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS_PER_ORDER } from '../../../contract/attempt'
import type { UpiAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import { priceSchedule } from '../../domain/price-schedule'
import { monthlyPlan, orderBilling, TEST_NOW } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import { checkoutStatus, estimatesOf, toZenskarCheckout, zenskarSource, type ZenskarSource } from './checkout-object'

/**
 * The checkout as Zenskar's merchant reads it, straight from a stored order (docs/domain/zenskar.md#the-checkout).
 * TEST_NOW is 25 November 2026, 15:30 IST.
 */

const SOURCE: ZenskarSource = {
  dialect: 'zenskar',
  checkoutId: '9f0c2a8e-5b1d-4c47-a0c3-6f1e2b7d8a90',
  planId: 'fit_monthly',
  customerId: 'cust_42',
  startDate: '2026-11-25',
  endDate: '2027-11-30',
  successUrl: 'https://shop.merchant.com/welcome',
  cancelUrl: 'https://shop.merchant.com/plans',
  productOverrides: [{ product_id: 'fit_monthly', quantity: 1 }],
}

const [upiShape] = storedOrder().attempts as [UpiAttempt]
const attempt = (status: UpiAttempt['status'], createdAt: string, endedAt: string | null): UpiAttempt => ({ ...upiShape, status, createdAt, endedAt })

const EXPIRES = '2026-11-26T10:00:00.000Z'
const checkoutOrder = (overrides: Partial<Order> = {}): Order =>
  storedOrder({ status: 'NEW', attempts: [], cancelledAt: null, expiresAt: EXPIRES, billing: orderBilling(), source: SOURCE, ...overrides })

/** ₹499 paid today for the first period, then monthly on the 5th. */
const paidToday = priceSchedule({
  at: TEST_NOW,
  plan: { id: 'fit_monthly', name: 'Monthly', description: 'Billed on the 5th.' },
  interval: 'MONTHLY',
  ruleType: 'ON',
  ruleValue: 5,
  recurringMinor: 49950,
  capMinor: 49950,
  today: { minor: 49950, refunded: false, paysFirstPeriod: true },
  intro: { type: 'NONE' },
})

describe('checkoutStatus', () => {
  const before = new Date(Date.parse(EXPIRES) - 1)
  const failed = attempt('failed', TEST_NOW.toISOString(), TEST_NOW.toISOString())
  it.each<[string, Partial<Order>, Date, ReturnType<typeof checkoutStatus>]>([
    ['new, before its expiry', {}, before, 'open'],
    ['after a failed attempt: open for a retry', { status: 'AUTHORIZATION_FAILED', attempts: [failed] }, before, 'open'],
    ['an attempt pending', { status: 'PENDING_VBV', attempts: [attempt('pending', TEST_NOW.toISOString(), null)] }, before, 'pending'],
    ['past its expiry', {}, new Date(EXPIRES), 'expired'],
    ['cancelled on the page', { cancelledAt: TEST_NOW.toISOString() }, before, 'cancelled'],
    ['charged, no subscription yet', { status: 'CHARGED' }, before, 'payment_succeeded'],
    ['charged, its subscription created', { status: 'CHARGED', billing: { ...orderBilling(), subscriptionId: 'bei_1' } }, before, 'contract_created'],
    ['its attempts used up without a charge', { status: 'AUTHORIZATION_FAILED', attempts: Array.from({ length: MAX_ATTEMPTS_PER_ORDER }, () => failed) }, before, 'closed'],
  ])('%s: %s', (_name, overrides, now, status) => {
    expect(checkoutStatus(checkoutOrder(overrides), now)).toBe(status)
  })
})

describe('estimatesOf', () => {
  it('a refunded ₹1 authorisation pays for no period: total 0, the authorisation listed apart', () => {
    expect(estimatesOf(orderBilling().schedule, '2026-11-25')).toStrictEqual({
      current_invoice: { total: 0, currency: 'INR', date: '2026-11-25', authorisation: { total: 1, currency: 'INR', refunded: true } },
      next_invoice: { total: 499, currency: 'INR', date: '2026-12-05' },
    })
  })

  it('the first period paid today, in rupees with paise; the next debit is the second period’s', () => {
    expect(estimatesOf(paidToday, '2026-11-25')).toStrictEqual({
      current_invoice: { total: 499.5, currency: 'INR', date: '2026-11-25', authorisation: null },
      next_invoice: { total: 499.5, currency: 'INR', date: '2027-01-05' },
    })
  })

  it('no next invoice when the merchant presents each debit', () => {
    const schedule = orderBilling(monthlyPlan({ interval: 'ASPRESENTED', rule_type: undefined, rule_value: undefined })).schedule
    expect(estimatesOf(schedule, '2026-11-25').next_invoice).toBeNull()
  })
})

describe('zenskarSource', () => {
  it('is the order’s source for a checkout, null for another dialect’s order', () => {
    expect(zenskarSource(checkoutOrder())).toBe(SOURCE)
    expect(zenskarSource(storedOrder())).toBeNull()
  })
})

describe('toZenskarCheckout', () => {
  it('answers every field from the order and its source', () => {
    expect(toZenskarCheckout(checkoutOrder(), SOURCE, 'http://127.0.0.1:4000', TEST_NOW)).toStrictEqual({
      id: SOURCE.checkoutId,
      checkout_status: 'open',
      plan_id: 'fit_monthly',
      customer_id: 'cust_42',
      start_date: '2026-11-25',
      end_date: '2027-11-30',
      expires_at: EXPIRES,
      success_url: 'https://shop.merchant.com/welcome',
      cancel_url: 'https://shop.merchant.com/plans',
      product_overrides: [{ product_id: 'fit_monthly', quantity: 1 }],
      contract_id: null,
      url: 'http://127.0.0.1:4000/orders/ordeh_1/payment-page',
      estimates: {
        current_invoice: { total: 0, currency: 'INR', date: '2026-11-25', authorisation: { total: 1, currency: 'INR', refunded: true } },
        next_invoice: { total: 499, currency: 'INR', date: '2026-12-05' },
      },
      created_at: TEST_NOW.toISOString(),
      updated_at: TEST_NOW.toISOString(),
    })
  })

  it('names the contract once the subscription exists', () => {
    const order = checkoutOrder({ status: 'CHARGED', billing: { ...orderBilling(), subscriptionId: 'bei_7' } })
    expect(toZenskarCheckout(order, SOURCE, 'http://x', TEST_NOW)).toMatchObject({ checkout_status: 'contract_created', contract_id: 'bei_7' })
  })

  it('dates the current invoice on the day of creation in India', () => {
    const order = checkoutOrder({ createdAt: '2026-11-25T18:30:00.000Z' })
    expect(toZenskarCheckout(order, SOURCE, 'http://x', TEST_NOW).estimates.current_invoice.date).toBe('2026-11-26')
  })

  it.each<[string, Partial<Order>, string]>([
    ['an attempt started', { attempts: [attempt('pending', '2026-11-25T10:05:00.000Z', null)] }, '2026-11-25T10:05:00.000Z'],
    [
      'the later of two attempts’ ends',
      { attempts: [attempt('failed', '2026-11-25T10:01:00.000Z', '2026-11-25T10:09:00.000Z'), attempt('failed', '2026-11-25T10:02:00.000Z', '2026-11-25T10:03:00.000Z')] },
      '2026-11-25T10:09:00.000Z',
    ],
    ['a cancel after the attempts', { attempts: [attempt('failed', '2026-11-25T10:01:00.000Z', '2026-11-25T10:02:00.000Z')], cancelledAt: '2026-11-25T10:20:00.000Z' }, '2026-11-25T10:20:00.000Z'],
  ])('updated_at is the latest change: %s', (_name, overrides, updated) => {
    expect(toZenskarCheckout(checkoutOrder(overrides), SOURCE, 'http://x', TEST_NOW).updated_at).toBe(updated)
  })

  it('refuses an order without a schedule', () => {
    expect(() => toZenskarCheckout(checkoutOrder({ billing: null }), SOURCE, 'http://x', TEST_NOW)).toThrow(`zenskar checkout ${SOURCE.checkoutId} has no schedule`)
  })
})
