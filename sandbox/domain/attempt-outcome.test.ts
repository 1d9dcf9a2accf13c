import { describe, expect, it } from 'vitest'
import type { AttemptStatus, FailureReason } from '../../contract/attempt'
import type { OrderStatus } from '../../contract/status'
import { order as storedOrder } from '../testing/store-contract'
import type { Attempt, NetbankingAttempt, UpiAttempt } from './attempt'
import { applyAttempt, attemptOrderStatus } from './attempt-outcome'
import type { Order } from './order'

/** The demo merchant's order with no attempt yet, and attempts of each rail shaped as the store keeps them. */
const fresh = (overrides: Partial<Order> = {}): Order => storedOrder({ attempts: [], metadata: {}, chargedTodayMinor: 100, ...overrides })
const [upiShape, netbankingShape] = storedOrder().attempts as [UpiAttempt, NetbankingAttempt]
const upi = (overrides: Partial<UpiAttempt> = {}): UpiAttempt => ({ ...upiShape, status: 'pending', failureReason: null, endedAt: null, ...overrides })
const enach = (stage: NetbankingAttempt['bank']['stage'], overrides: Partial<NetbankingAttempt> = {}): NetbankingAttempt => ({
  ...netbankingShape,
  status: 'pending',
  failureReason: null,
  endedAt: null,
  bank: { ...netbankingShape.bank, stage },
  ...overrides,
})

describe('attemptOrderStatus (docs/domain/juspay.md#order-statuses)', () => {
  it.each<[string, Attempt, OrderStatus]>([
    ['a pending UPI attempt', upi(), 'PENDING_VBV'],
    ['an eNACH attempt with the customer', enach('awaiting_customer'), 'PENDING_VBV'],
    ['an eNACH attempt the bank has yet to confirm', enach('awaiting_bank'), 'AUTHORIZING'],
    ['a succeeded attempt', upi({ status: 'succeeded' }), 'CHARGED'],
    ['one declined by the customer', upi({ status: 'failed', failureReason: 'declined_by_customer' }), 'AUTHORIZATION_FAILED'],
    ['one the bank rejected', upi({ status: 'failed', failureReason: 'bank_rejected' }), 'AUTHORIZATION_FAILED'],
    ['one whose authentication failed', upi({ status: 'failed', failureReason: 'authentication_failed' }), 'AUTHENTICATION_FAILED'],
    ['an expired one', upi({ status: 'expired', failureReason: 'approval_window_expired' }), 'AUTHENTICATION_FAILED'],
    ['a cancelled one', upi({ status: 'cancelled', failureReason: 'cancelled_by_customer' }), 'AUTHENTICATION_FAILED'],
  ])('%s is %s', (_name, attempt, status) => {
    expect(attemptOrderStatus(attempt)).toBe(status)
  })
})

describe('applyAttempt', () => {
  it('a new pending mandate attempt: the transaction and the mandate created, nothing else told', () => {
    const attempt = upi({ setsUpMandate: true })
    const result = applyAttempt(fresh(), attempt, true)
    expect(result.events).toEqual(['TXN_CREATED', 'MANDATE_CREATED'])
    expect(result.order).toMatchObject({ status: 'PENDING_VBV', mandateStatus: 'CREATED', attempts: [attempt] })
    expect(result.attempt).toBe(attempt)
  })

  it('a new pending payment without a mandate: only the transaction', () => {
    const result = applyAttempt(fresh(), upi({ setsUpMandate: false }), true)
    expect(result.events).toEqual(['TXN_CREATED'])
    expect(result.order.mandateStatus).toBeNull()
  })

  it('a pending attempt that only moved on (a bank step) tells merchants nothing, its order status following it', () => {
    const before = enach('awaiting_customer')
    const moved = enach('awaiting_bank')
    const result = applyAttempt(fresh({ attempts: [before], mandateStatus: 'CREATED' }), moved, false)
    expect(result.events).toEqual([])
    expect(result.order).toMatchObject({ status: 'AUTHORIZING', mandateStatus: 'CREATED', attempts: [moved] })
  })

  it('a succeeded mandate attempt: the mandate active with ids made once, the registration charge refunded when asked, then success', () => {
    const order = fresh({ metadata: { auto_refund_post_success: 'true' }, attempts: [upi()] })
    const result = applyAttempt(order, upi({ status: 'succeeded', endedAt: order.createdAt }), false)
    expect(result.events).toEqual(['MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
    expect(result.attempt.mandateId).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(result.attempt.mandateToken).toMatch(/^[0-9a-f]{32}$/)
    expect(result.order).toMatchObject({ status: 'CHARGED', mandateStatus: 'ACTIVE', mandateId: result.attempt.mandateId, mandateToken: result.attempt.mandateToken, refundedMinor: 100 })
    expect(result.order.attempts).toEqual([result.attempt])
  })

  it('keeps the ids a succeeded attempt already has, and refunds nothing unless asked', () => {
    const done = upi({ status: 'succeeded', endedAt: fresh().createdAt, mandateId: 'M'.repeat(22), mandateToken: 'f'.repeat(32) })
    const result = applyAttempt(fresh({ attempts: [upi()], metadata: { auto_refund_post_success: 'false' } }), done, false)
    expect(result.attempt).toBe(done)
    expect(result.order).toMatchObject({ mandateId: 'M'.repeat(22), mandateToken: 'f'.repeat(32), refundedMinor: 0 })
  })

  it('an eNACH registration that succeeded records its UMRN through its rail, dated the day it ended (IST)', () => {
    // Started 25 Nov, approved by the bank on 2 Dec (IST): the UMRN carries 261202.
    const started = enach('awaiting_bank', { createdAt: '2026-11-25T10:00:00.000Z' })
    const result = applyAttempt(fresh({ attempts: [started] }), { ...started, status: 'succeeded', endedAt: '2026-12-02T04:00:00.000Z' }, false)
    expect((result.attempt as NetbankingAttempt).bank.umrn).toMatch(/^99997261202\d{9}$/)
    expect(result.order.mandateStatus).toBe('ACTIVE')
  })

  it('dates the UMRN by its start when the attempt records no end', () => {
    const started = enach('awaiting_bank', { createdAt: '2026-11-25T10:00:00.000Z' })
    const result = applyAttempt(fresh({ attempts: [started] }), { ...started, status: 'succeeded', endedAt: null }, false)
    expect((result.attempt as NetbankingAttempt).bank.umrn).toMatch(/^99997261125\d{9}$/)
  })

  it('a succeeded payment without a mandate gets no mandate ids and tells only of success', () => {
    const result = applyAttempt(fresh({ attempts: [upi({ setsUpMandate: false })] }), upi({ setsUpMandate: false, status: 'succeeded', endedAt: fresh().createdAt }), false)
    expect(result.events).toEqual(['ORDER_SUCCEEDED'])
    expect(result.attempt.mandateId).toBeNull()
    expect(result.order).toMatchObject({ mandateStatus: null, mandateId: null })
  })

  it.each<[AttemptStatus, FailureReason]>([
    ['failed', 'declined_by_customer'],
    ['expired', 'approval_window_expired'],
    ['cancelled', 'cancelled_by_customer'],
  ])('a %s mandate attempt: the mandate failed, then the order', (status, failureReason) => {
    const result = applyAttempt(fresh({ attempts: [upi()], mandateStatus: 'CREATED' }), upi({ status, failureReason, endedAt: fresh().createdAt }), false)
    expect(result.events).toEqual(['MANDATE_FAILED', 'ORDER_FAILED'])
    expect(result.order.mandateStatus).toBe('FAILURE')
    expect(result.attempt.mandateId).toBeNull()
  })

  it('a failed payment without a mandate: only the order failed', () => {
    const result = applyAttempt(fresh({ attempts: [upi({ setsUpMandate: false })] }), upi({ setsUpMandate: false, status: 'failed', failureReason: 'bank_rejected', endedAt: fresh().createdAt }), false)
    expect(result.events).toEqual(['ORDER_FAILED'])
    expect(result.order.mandateStatus).toBeNull()
  })

  it('replaces the attempt it changes and keeps the others, in their order', () => {
    const first = upi({ id: 'att_a', status: 'failed', failureReason: 'declined_by_customer', endedAt: fresh().createdAt })
    const second = upi({ id: 'att_b' })
    const result = applyAttempt(fresh({ attempts: [first, second] }), { ...second, status: 'expired', failureReason: 'approval_window_expired', endedAt: fresh().createdAt }, false)
    expect(result.order.attempts.map((a) => [a.id, a.status])).toEqual([['att_a', 'failed'], ['att_b', 'expired']])
  })
})
