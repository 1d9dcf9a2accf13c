import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS_PER_ORDER } from '../../../contract/attempt'
import type { NetbankingAttempt, UpiAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import { monthlyPlan, orderBilling, TEST_NOW } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import { PLURAL_EVENTS, pluralWebhook } from './webhook'
import {
  pageIdOf,
  paymentPageUrl,
  PLURAL_SUBSCRIPTION_ID_PATTERN,
  pluralSource,
  pluralStatus,
  subscriptionIdOf,
  toPluralSubscription,
  type PluralSource,
} from './subscription-object'

/**
 * The subscription as Plural's merchant reads it and its callbacks carry it, straight from a stored
 * order (docs/domain/plural.md#the-subscription, #callbacks). TEST_NOW is 25 November 2026, 15:30 IST.
 */

const PAGE_ID = `ordeh_${'0123456789abcdef'.repeat(2)}`
const SUBSCRIPTION_ID = `v1-sub-${'0123456789abcdef'.repeat(2)}`

const SOURCE: PluralSource = {
  dialect: 'plural',
  pluralOrderId: 100000000042,
  planId: 'merch007',
  txnMode: 'I',
  quantity: 2,
  trialPeriodInDays: 0,
  startDate: '2026-11-24 18:30:00',
  endDate: '2027-11-24 18:30:00',
  enableNotification: true,
}

const [upiShape, netbankingShape] = storedOrder().attempts as [UpiAttempt, NetbankingAttempt]
const upi = (status: UpiAttempt['status'], createdAt: string, endedAt: string | null): UpiAttempt => ({ ...upiShape, status, createdAt, endedAt })

const EXPIRES = '2026-11-26T10:00:00.000Z'
const subscriptionOrder = (overrides: Partial<Order> = {}): Order =>
  storedOrder({ id: PAGE_ID, orderId: 'Merchant_Plan_001', status: 'NEW', attempts: [], cancelledAt: null, expiresAt: EXPIRES, billing: orderBilling(), source: SOURCE, ...overrides })

const trialBilling = (subscriptionId: string | null) => ({ ...orderBilling(monthlyPlan({ intro: { type: 'DAYS', days: 7 } })), subscriptionId })

describe('subscription ids', () => {
  it('are the page id under Plural’s prefix, and back', () => {
    expect(subscriptionIdOf(subscriptionOrder())).toBe(SUBSCRIPTION_ID)
    expect(pageIdOf(SUBSCRIPTION_ID)).toBe(PAGE_ID)
    expect(PLURAL_SUBSCRIPTION_ID_PATTERN.test(SUBSCRIPTION_ID)).toBe(true)
  })

  it.each([`x${SUBSCRIPTION_ID}`, `${SUBSCRIPTION_ID}0`, SUBSCRIPTION_ID.toUpperCase(), 'v1-sub-']) ('%s is not one', (id) => {
    expect(PLURAL_SUBSCRIPTION_ID_PATTERN.test(id)).toBe(false)
  })
})

describe('pluralStatus', () => {
  const before = new Date(Date.parse(EXPIRES) - 1)
  const failed = upi('failed', TEST_NOW.toISOString(), TEST_NOW.toISOString())
  it.each<[string, Partial<Order>, Date, ReturnType<typeof pluralStatus>]>([
    ['waiting for approval', {}, before, 'CREATED'],
    ['an approval pending at the expiry', { status: 'PENDING_VBV', attempts: [upi('pending', TEST_NOW.toISOString(), null)] }, new Date(EXPIRES), 'CREATED'],
    ['not approved in time', {}, new Date(EXPIRES), 'EXPIRED'],
    ['every try failed', { status: 'AUTHORIZATION_FAILED', attempts: Array.from({ length: MAX_ATTEMPTS_PER_ORDER }, () => failed) }, before, 'INACTIVE'],
    ['cancelled on the page', { cancelledAt: TEST_NOW.toISOString() }, before, 'INACTIVE'],
    ['charged, its subscription not yet made', { status: 'CHARGED' }, before, 'INACTIVE'],
    ['active, no trial', { status: 'CHARGED', billing: { ...orderBilling(), subscriptionId: 'bei_1' } }, before, 'ACTIVE'],
    ['active, the day before the trial ends', { status: 'CHARGED', billing: trialBilling('bei_1') }, new Date('2026-12-01T18:29:59.000Z'), 'TRIAL'],
    ['active, the trial over', { status: 'CHARGED', billing: trialBilling('bei_1') }, new Date('2026-12-01T18:30:00.000Z'), 'ACTIVE'],
  ])('%s: %s', (_name, overrides, now, status) => {
    expect(pluralStatus(subscriptionOrder(overrides), now)).toBe(status)
  })

  it('the trial ends on the day the schedule names', () => {
    expect(trialBilling(null).schedule.intro).toMatchObject({ type: 'DAYS', endsOn: '2026-12-02' })
  })
})

describe('toPluralSubscription', () => {
  it('answers every field from the order, its mandate, schedule and source', () => {
    expect(toPluralSubscription(subscriptionOrder(), SOURCE, 'http://127.0.0.1:4000', TEST_NOW)).toStrictEqual({
      subscription_id: SUBSCRIPTION_ID,
      plan_id: 'merch007',
      order_id: 100000000042,
      merchant_order_id: '100000000042',
      client_unique_reference: 'Merchant_Plan_001',
      status: 'CREATED',
      enable_notification: true,
      quantity: 2,
      start_date: '2026-11-24 18:30:00',
      end_date: '2027-11-24 18:30:00',
      payment_mode: 'UPI',
      txn_mode: 'I',
      amount: { value: 49900, currency: 'INR' },
      max_limit_amount: { value: 100000, currency: 'INR' },
      trial_period_in_days: 0,
      mandate: { status: null, mandate_id: null, amount_limit: 'M', debit_day: 5, debit_rule: 'AFTER', block_fund: 'N' },
      last_attempt: null,
      schedule: {
        today: { amount: { value: 100, currency: 'INR' }, refunded: true },
        trial_ends_on: null,
        upcoming_debits: [{ date: '2026-12-05', amount: { value: 49900, currency: 'INR' }, introductory: false }],
      },
      payment_page_url: `http://127.0.0.1:4000/orders/${PAGE_ID}/payment-page`,
      created_at: TEST_NOW.toISOString(),
      updated_at: TEST_NOW.toISOString(),
    })
  })

  it('an exact mandate with blocked funds, active, its trial and introductory debits', () => {
    const base = subscriptionOrder()
    if (!base.mandate) throw new Error('the fixture has a mandate')
    const mandate = { ...base.mandate, amountRule: 'FIXED' as const, blockFunds: true, ruleType: 'ON' as const, ruleValue: 1 }
    const billing = { ...orderBilling(monthlyPlan({ intro: { type: 'CYCLES', cycles: 1, paise: 9900 } })), subscriptionId: 'bei_1' }
    const answer = toPluralSubscription(
      { ...base, status: 'CHARGED', mandate, mandateStatus: 'ACTIVE', mandateId: 'M1', billing },
      SOURCE,
      'http://x',
      TEST_NOW,
    )
    expect(answer.mandate).toStrictEqual({ status: 'ACTIVE', mandate_id: 'M1', amount_limit: 'E', debit_day: 1, debit_rule: 'ON', block_fund: 'Y' })
    expect(answer.status).toBe('ACTIVE')
    expect(answer.schedule.upcoming_debits[0]).toStrictEqual({ date: '2026-12-05', amount: { value: 9900, currency: 'INR' }, introductory: true })
    expect(toPluralSubscription({ ...base, billing: trialBilling(null) }, SOURCE, 'http://x', TEST_NOW).schedule.trial_ends_on).toBe('2026-12-02')
  })

  it('the latest try, with the payer’s VPA for UPI and none for another rail', () => {
    const first = upi('failed', '2026-11-25T10:01:00.000Z', '2026-11-25T10:02:00.000Z')
    const last = upi('pending', '2026-11-25T10:03:00.000Z', null)
    expect(toPluralSubscription(subscriptionOrder({ attempts: [first, last] }), SOURCE, 'http://x', TEST_NOW).last_attempt).toStrictEqual({
      status: 'pending',
      failure_reason: 'declined_by_customer',
      vpa: 'asha@okaxis',
    })
    expect(toPluralSubscription(subscriptionOrder({ attempts: [netbankingShape] }), SOURCE, 'http://x', TEST_NOW).last_attempt).toStrictEqual({
      status: 'failed',
      failure_reason: 'declined_by_customer',
      vpa: null,
    })
  })

  it.each<[string, Partial<Order>, string]>([
    ['an attempt started', { attempts: [upi('pending', '2026-11-25T10:05:00.000Z', null)] }, '2026-11-25T10:05:00.000Z'],
    [
      'the later of two attempts’ ends',
      { attempts: [upi('failed', '2026-11-25T10:01:00.000Z', '2026-11-25T10:09:00.000Z'), upi('failed', '2026-11-25T10:02:00.000Z', '2026-11-25T10:03:00.000Z')] },
      '2026-11-25T10:09:00.000Z',
    ],
  ])('updated_at is the latest change: %s', (_name, overrides, updated) => {
    expect(toPluralSubscription(subscriptionOrder(overrides), SOURCE, 'http://x', TEST_NOW).updated_at).toBe(updated)
  })

  it.each<[string, Partial<Order>]>([
    ['a schedule', { billing: null }],
    ['a mandate', { mandate: null }],
  ])('refuses an order without %s', (_name, overrides) => {
    expect(() => toPluralSubscription(subscriptionOrder(overrides), SOURCE, 'http://x', TEST_NOW)).toThrow(`plural subscription ${PAGE_ID} has no schedule or mandate`)
  })

  it('pluralSource and paymentPageUrl', () => {
    expect(pluralSource(subscriptionOrder())).toBe(SOURCE)
    expect(pluralSource(storedOrder())).toBeNull()
    expect(paymentPageUrl('https://pay.example', subscriptionOrder())).toBe(`https://pay.example/orders/${PAGE_ID}/payment-page`)
  })
})

describe('pluralWebhook', () => {
  it('carries the event’s Plural name, its moment and the subscription as read then', () => {
    const order = subscriptionOrder({ status: 'CHARGED', billing: { ...orderBilling(), subscriptionId: 'bei_1' } })
    const now = new Date('2026-11-25T10:07:00.000Z')
    const message = pluralWebhook(order, 'MANDATE_ACTIVATED', now, 'http://127.0.0.1:4000')
    expect(message.id).toMatch(/^evt_[0-9a-f]{32}$/)
    expect(message.body).toStrictEqual({
      event_id: message.id,
      event_type: 'SUBSCRIPTION_MANDATE_ACTIVATED',
      created_at: '2026-11-25T10:07:00.000Z',
      subscription: toPluralSubscription(order, SOURCE, 'http://127.0.0.1:4000', now),
    })
    expect(pluralWebhook(order, 'MANDATE_ACTIVATED', now, 'http://x').id).not.toBe(message.id)
  })

  it('names every event under Plural’s SUBSCRIPTION_ prefix, each once', () => {
    const names = Object.values(PLURAL_EVENTS)
    expect(names.every((name) => name.startsWith('SUBSCRIPTION_'))).toBe(true)
    expect(new Set(names).size).toBe(names.length)
    expect(PLURAL_EVENTS.ORDER_FAILED).toBe('SUBSCRIPTION_PAYMENT_FAILED')
  })

  it('refuses an order that is not a Plural subscription', () => {
    expect(() => pluralWebhook(storedOrder(), 'ORDER_SUCCEEDED', TEST_NOW, 'http://x')).toThrow('order ordeh_1 is not a plural subscription')
  })
})
