import { describe, expect, it } from 'vitest'
import { BANK_DECLINES } from '../../contract/scenarios'
import { orderBilling, TEST_NOW } from '../testing/fixtures'
import { registeredOrder } from '../testing/registered-order'
import type { Attempt } from './attempt'
import { debitAttempt, debitOrder, debitTxnIds, type DebitOrderFields } from './debit-orders'
import { noDebits } from './mandate-debits'

/** A debit on the UPI mandate of a registered order (mandate mid_1, token tok_1), due a month on. */
const holder = registeredOrder('upi', 'ACTIVE', { merchantId: 'm1', orderId: 'reg-1', metadata: { note: 'kept off the debit' } })
const DUE = '2026-12-25T04:30:00.000Z'
const fields = (overrides: Partial<DebitOrderFields> = {}): DebitOrderFields => ({
  orderId: 'debit-1',
  fingerprint: 'fp-debit-1',
  amountMinor: 49900,
  dueAt: DUE,
  billing: null,
  status: 'PENDING_VBV',
  ...overrides,
})

describe('debitOrder', () => {
  it('is an order of its own on the holder’s merchant, customer and mandate, for the debit’s amount, due when the debit is', () => {
    const order = debitOrder(holder, fields(), TEST_NOW)
    expect(order).toEqual({
      ...holder,
      id: order.id,
      orderId: 'debit-1',
      fingerprint: 'fp-debit-1',
      createdAt: TEST_NOW.toISOString(),
      expiresAt: DUE,
      amountMinor: 49900,
      chargedTodayMinor: 49900,
      returnUrl: null,
      metadata: {},
      createMandate: null,
      mandate: null,
      paymentRules: null,
      billing: null,
      lineItems: [],
      clientAuthToken: order.clientAuthToken,
      clientAuthTokenExpiresAt: TEST_NOW.toISOString(),
      status: 'PENDING_VBV',
      source: { dialect: 'juspay', action: 'mandate_execution', paymentPageClientId: null, getUpiDeepLinks: null },
      attempts: [],
      mandateStatus: null,
      mandateId: 'mid_1',
      mandateToken: 'tok_1',
      mandateChange: null,
      refundedMinor: 0,
      cancelledAt: null,
      revision: 0,
    })
    expect(order.merchantId).toBe('m1')
    expect(order.customer).toEqual(holder.customer)
  })

  it('leaves the merchant’s notices and executions on the mandate’s order, not copied onto each debit', () => {
    const withDebits = { ...holder, merchantDebits: { ...noDebits(), nextDebit: { outcome: 'success' as const } } }
    const order = debitOrder(withDebits, fields(), TEST_NOW)
    expect(order).not.toHaveProperty('merchantDebits')
    expect(withDebits.merchantDebits.nextDebit).toEqual({ outcome: 'success' })
  })

  it('gets a page id and a client token of its own, never the holder’s', () => {
    const [a, b] = [debitOrder(holder, fields(), TEST_NOW), debitOrder(holder, fields(), TEST_NOW)]
    expect(a.id).toMatch(/^ordeh_/)
    expect(a.id).not.toBe(holder.id)
    expect(a.id).not.toBe(b.id)
    expect(a.clientAuthToken).not.toBe(holder.clientAuthToken)
    expect(a.clientAuthToken).not.toBe(b.clientAuthToken)
  })

  it('carries the billing and status it is given', () => {
    const billing = orderBilling()
    const order = debitOrder(holder, fields({ billing, status: 'CHARGED' }), TEST_NOW)
    expect(order.billing).toBe(billing)
    expect(order.status).toBe('CHARGED')
  })
})

describe('debitTxnIds', () => {
  it('numbers the transaction <merchant_id>-<order_id>-<n> with a 20-character txn_uuid, new each time', () => {
    const first = debitTxnIds({ merchantId: 'm1', orderId: 'debit-1' }, 3)
    expect(first.txnId).toBe('m1-debit-1-3')
    expect(first.txnUuid).toMatch(/^[A-Za-z0-9]{20}$/)
    expect(debitTxnIds({ merchantId: 'm1', orderId: 'debit-1' }, 3).txnUuid).not.toBe(first.txnUuid)
  })
})

describe('debitAttempt', () => {
  const registered = holder.attempts[0] as Attempt
  const order = debitOrder(holder, fields(), TEST_NOW)
  const LATER = new Date(TEST_NOW.getTime() + 60_000)

  it('succeeds on the rail and account the mandate was registered with, ended at once, its ids as Juspay numbers them', () => {
    const attempt = debitAttempt(registered, order, 2, null, LATER)
    expect(attempt).toEqual({
      ...registered,
      id: attempt.id,
      number: 2,
      txnId: 'm1-debit-1-2',
      txnUuid: attempt.txnUuid,
      idempotencyKey: 'debit-2',
      requestFingerprint: '',
      setsUpMandate: false,
      createdAt: LATER.toISOString(),
      expiresAt: LATER.toISOString(),
      endedAt: LATER.toISOString(),
      simulatorToken: attempt.simulatorToken,
      autoOutcome: null,
      mandateId: 'mid_1',
      mandateToken: 'tok_1',
      status: 'succeeded',
      failureReason: null,
    })
    expect(attempt.id).toMatch(/^att_[0-9a-f]{24}$/)
    expect(attempt.simulatorToken).toMatch(/^[0-9a-f]{32}$/)
    expect(attempt.rail).toBe(registered.rail)
  })

  it.each(BANK_DECLINES)('fails with the bank’s decline, %s', (decline) => {
    const attempt = debitAttempt(registered, order, 1, decline, LATER)
    expect(attempt).toMatchObject({ status: 'failed', failureReason: 'bank_rejected', bankDecline: decline, number: 1, txnId: 'm1-debit-1-1' })
  })

  it('keeps ids it is given, so a step tried again numbers its transaction the same', () => {
    const ids = { txnId: 'm1-debit-1-1', txnUuid: 'u'.repeat(20) }
    expect(debitAttempt(registered, order, 1, null, LATER, ids)).toMatchObject(ids)
  })
})
