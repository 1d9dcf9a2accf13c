import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS_PER_ORDER } from '../../../contract/attempt'
import type { UpiAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import { order as storedOrder } from '../../testing/store-contract'
import { checkoutStatus, paymentStatus } from './session-state'

/** A session's `status` and `payment_status` (docs/domain/checkout-session.md#statuses), from a stored order. */

const [upiShape] = storedOrder().attempts as [UpiAttempt]
const attempt = (status: UpiAttempt['status']): UpiAttempt => ({ ...upiShape, status })
const EXPIRES = '2026-11-26T10:00:00.000Z'
const session = (overrides: Partial<Order> = {}): Order => storedOrder({ status: 'NEW', attempts: [], cancelledAt: null, expiresAt: EXPIRES, ...overrides })
const before = new Date(Date.parse(EXPIRES) - 1)

describe('checkoutStatus', () => {
  it.each<[string, Partial<Order>, Date, ReturnType<typeof checkoutStatus>]>([
    ['new, before its expiry', {}, before, 'open'],
    ['an attempt pending past the expiry: the customer is approving', { status: 'PENDING_VBV', attempts: [attempt('pending')] }, new Date(EXPIRES), 'open'],
    ['past its expiry', {}, new Date(EXPIRES), 'expired'],
    ['cancelled by the customer: it can no longer be paid, like an expired one', { cancelledAt: before.toISOString() }, before, 'expired'],
    ['charged', { status: 'CHARGED', attempts: [attempt('succeeded')] }, before, 'complete'],
    ['its attempts used up', { status: 'AUTHORIZATION_FAILED', attempts: Array.from({ length: MAX_ATTEMPTS_PER_ORDER }, () => attempt('failed')) }, before, 'complete'],
  ])('%s: %s', (_name, overrides, now, status) => {
    expect(checkoutStatus(session(overrides), now)).toBe(status)
  })
})

describe('paymentStatus', () => {
  it.each<[Order['status'], ReturnType<typeof paymentStatus>]>([
    ['CHARGED', 'paid'],
    ['NEW', 'unpaid'],
    ['PENDING_VBV', 'unpaid'],
    ['AUTHORIZATION_FAILED', 'unpaid'],
  ])('%s is %s', (status, payment) => {
    expect(paymentStatus(session({ status }))).toBe(payment)
  })
})
