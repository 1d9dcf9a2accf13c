import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS_PER_ORDER } from '../../contract/attempt'
import { order as storedOrder } from '../testing/store-contract'
import type { UpiAttempt } from './attempt'
import { cancelUrlOf, latestAttempt, liveAttempt, openUntil, sessionState, type Order, type OrderSource } from './order'

const [upiShape] = storedOrder().attempts as [UpiAttempt]
const attempt = (id: string, status: UpiAttempt['status']): UpiAttempt => ({ ...upiShape, id, status })
const ended = attempt('att_ended', 'failed')

/** The store contract's order, open until `expiresAt`, with the attempts given and no cancellation. */
const EXPIRES = '2026-11-26T10:00:00.000Z'
const open = (overrides: Partial<Order> = {}): Order =>
  storedOrder({ status: 'NEW', attempts: [], cancelledAt: null, expiresAt: EXPIRES, ...overrides })
const before = new Date(Date.parse(EXPIRES) - 1)
const at = new Date(EXPIRES)

describe('sessionState', () => {
  it.each<[string, Order, Date, ReturnType<typeof sessionState>]>([
    ['a new session before its expiry', open(), before, 'open'],
    ['a new session at its expiry', open(), at, 'expired'],
    ['a session after a failed attempt, before its expiry: open for a retry', open({ status: 'AUTHORIZATION_FAILED', attempts: [ended] }), before, 'open'],
    ['a charged session, even past its expiry', open({ status: 'CHARGED', attempts: [attempt('a', 'succeeded')] }), at, 'completed'],
    ['a charged session the customer had cancelled', open({ status: 'CHARGED', cancelledAt: before.toISOString() }), before, 'completed'],
    ['a cancelled session, even past its expiry', open({ cancelledAt: before.toISOString() }), at, 'cancelled'],
    ['a charged session before its expiry', open({ status: 'CHARGED', attempts: [attempt('a', 'succeeded')] }), before, 'completed'],
    ['a cancelled session before its expiry', open({ cancelledAt: before.toISOString() }), before, 'cancelled'],
    ['a session with an attempt pending at its expiry: the customer is approving', open({ status: 'PENDING_VBV', attempts: [attempt('a', 'pending')] }), at, 'open'],
    ['a session whose attempts are used up', open({ status: 'AUTHORIZATION_FAILED', attempts: Array.from({ length: MAX_ATTEMPTS_PER_ORDER }, () => ended) }), before, 'completed'],
    ['a session one attempt short of the limit', open({ status: 'AUTHORIZATION_FAILED', attempts: Array.from({ length: MAX_ATTEMPTS_PER_ORDER - 1 }, () => ended) }), before, 'open'],
    [
      'a session whose last allowed attempt is still pending',
      open({ status: 'PENDING_VBV', attempts: [...Array.from({ length: MAX_ATTEMPTS_PER_ORDER - 1 }, () => ended), attempt('a', 'pending')] }),
      before,
      'open',
    ],
  ])('%s is %s', (_name, order, now, state) => {
    expect(sessionState(order, now)).toBe(state)
    // What the memory store keeps for retention instead of the order: open exactly while the time is before it.
    expect(openUntil(order) > now.getTime()).toBe(state === 'open')
  })
})

describe('the live and the latest attempt', () => {
  it('finds the pending attempt wherever it is, and the latest attempt', () => {
    const pending = attempt('b', 'pending')
    const order = open({ attempts: [ended, pending, attempt('c', 'expired')] })
    expect(liveAttempt(order)).toBe(pending)
    expect(latestAttempt(order)?.id).toBe('c')
  })

  it('finds neither on an order without attempts, and no live one once all have ended', () => {
    expect(liveAttempt(open())).toBeUndefined()
    expect(latestAttempt(open())).toBeUndefined()
    expect(liveAttempt(open({ attempts: [ended] }))).toBeUndefined()
  })
})

describe('cancelUrlOf', () => {
  const zenskar = (cancelUrl: string | null): OrderSource => ({
    dialect: 'zenskar',
    checkoutId: 'chk_1',
    planId: 'p1',
    customerId: 'c1',
    startDate: '2026-11-25',
    endDate: null,
    successUrl: null,
    cancelUrl,
    productOverrides: [],
  })
  const checkout = (cancelUrl: string | null): OrderSource => ({ dialect: 'checkout', sessionId: 'cs_1', clientSecret: 's', mode: 'payment', cancelUrl, raw: {} })

  it.each<[string, OrderSource, string | null]>([
    ['a checkout session with a cancel_url', checkout('https://shop.merchant.com/cancel'), 'https://shop.merchant.com/cancel'],
    ['a checkout session without one', checkout(null), null],
    ['a Zenskar checkout with a cancel URL', zenskar('https://shop.merchant.com/zc'), 'https://shop.merchant.com/zc'],
    ['a Zenskar checkout without one', zenskar(null), null],
    ['a Juspay session', { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null }, null],
    [
      'a Plural order',
      { dialect: 'plural', pluralOrderId: 1, planId: 'p1', txnMode: 'C', quantity: 1, trialPeriodInDays: 0, startDate: '2026-11-25 10:00:00', endDate: '2027-11-25 10:00:00', enableNotification: true },
      null,
    ],
  ])('%s: %s', (_name, source, url) => {
    expect(cancelUrlOf(open({ source }))).toBe(url)
  })
})
