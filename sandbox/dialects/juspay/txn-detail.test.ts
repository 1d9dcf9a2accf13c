import { describe, expect, it } from 'vitest'
import type { FailureReason } from '../../../contract/attempt'
import type { BankDecline } from '../../../contract/scenarios'
import type { Attempt, NetbankingAttempt, UpiAttempt } from '../../domain/attempt'
import { gatewayResponse, txnDetail } from './txn-detail'

const CREATED = '2026-11-25T10:00:00.000Z'

const base = {
  id: 'att_1',
  number: 1,
  txnId: 'demo_merchant-o-1-1',
  txnUuid: 'mozr8xg8vc1ewqcs',
  idempotencyKey: 'k1',
  requestFingerprint: 'f1',
  setsUpMandate: false,
  status: 'pending' as const,
  failureReason: null,
  createdAt: CREATED,
  expiresAt: '2026-11-25T10:05:00.000Z',
  endedAt: null,
  simulatorToken: 'tok1',
  autoOutcome: null,
  mandateId: null,
  mandateToken: null,
}

const upi = (overrides: Partial<UpiAttempt> = {}): UpiAttempt => ({
  ...base,
  rail: 'upi',
  channel: 'collect',
  payerVpa: 'asha@okaxis',
  payerName: null,
  payerApp: null,
  ...overrides,
})

const netbanking = (overrides: Partial<NetbankingAttempt> = {}, stage: 'awaiting_customer' | 'awaiting_bank' = 'awaiting_customer'): NetbankingAttempt => ({
  ...base,
  rail: 'netbanking',
  bank: {
    bankCode: 'HDFC',
    bankName: 'HDFC Bank',
    authMode: 'netbanking',
    scenario: 'approve',
    step: 'consent',
    stage,
    otpFailures: 0,
    account: null,
    umrn: null,
  },
  ...overrides,
})

const failed = (failureReason: FailureReason | null, status: 'failed' | 'expired' | 'cancelled' = 'failed'): Attempt =>
  upi({ status, failureReason, endedAt: '2026-11-25T10:01:00.000Z' })

describe('gatewayResponse: what the gateway answered an attempt', () => {
  it.each<[string, Attempt, string, string]>([
    ['a success', upi({ status: 'succeeded' }), '00', 'Transaction successful'],
    ['a UPI request waiting for the customer', upi(), 'PENDING', 'Awaiting customer approval'],
    ['a bank page waiting for the customer', netbanking(), 'PENDING', 'Awaiting customer approval'],
    ['a bank confirming what the customer authorised', netbanking({}, 'awaiting_bank'), 'PENDING', 'Awaiting bank confirmation'],
    ['a decline', failed('declined_by_customer'), 'ZA', 'Transaction declined by customer'],
    ['an approval window run out', failed('approval_window_expired', 'expired'), 'U69', 'Request expired before approval'],
    ['a cancel', failed('cancelled_by_customer', 'cancelled'), 'USER_ABORTED', 'Cancelled by customer'],
    ['a bank rejection', failed('bank_rejected'), 'BANK_REJECTED', 'Mandate rejected by the bank'],
    ['a name mismatch', failed('name_mismatch'), 'NAME_MISMATCH', 'Account holder name does not match'],
    ['a failed authentication', failed('authentication_failed'), 'AUTH_FAILED', 'Customer authentication failed'],
    ['an ended attempt with no reason kept', failed(null, 'cancelled'), 'USER_ABORTED', 'Cancelled by customer'],
  ])('%s: %s %s', (_, attempt, code, message) => {
    expect(gatewayResponse(attempt)).toEqual({ code, message })
  })

  it.each<[BankDecline, string, string]>([
    ['insufficient_funds', 'INSUFFICIENT_FUNDS', 'Insufficient funds in the customer account'],
    ['mandate_revoked_at_bank', 'MANDATE_REVOKED', 'The mandate was revoked at the bank'],
    ['account_closed', 'ACCOUNT_CLOSED', 'The customer account is closed'],
  ])('a scheduled debit the bank declined for %s: %s', (bankDecline, code, message) => {
    expect(gatewayResponse({ ...failed('bank_rejected'), bankDecline })).toEqual({ code, message })
  })

  it('a success stays a success whatever else the attempt carries', () => {
    expect(gatewayResponse({ ...upi({ status: 'succeeded' }), bankDecline: 'account_closed' })).toEqual({ code: '00', message: 'Transaction successful' })
  })
})

describe('txnDetail: the latest attempt as Juspay writes it', () => {
  it('a waiting UPI collect payment: every field', () => {
    expect(txnDetail('o-1', upi(), 100, 'INR')).toStrictEqual({
      txn_id: 'demo_merchant-o-1-1',
      order_id: 'o-1',
      status: 'PENDING_VBV',
      status_id: 23,
      error_code: '',
      error_message: '',
      net_amount: 1,
      surcharge_amount: null,
      tax_amount: null,
      txn_amount: 1,
      offer_deduction_amount: null,
      gateway_id: 999,
      gateway: 'SANDBOX',
      currency: 'INR',
      express_checkout: false,
      redirect: true,
      txn_uuid: 'mozr8xg8vc1ewqcs',
      txn_object_type: 'ORDER_PAYMENT',
      source_object: 'UPI_COLLECT',
      source_object_id: 'att_1',
      created: '2026-11-25T10:00:00Z',
      txn_flow_type: 'COLLECT',
    })
  })

  it.each<[string, Attempt, object]>([
    ['a succeeded mandate registration', upi({ status: 'succeeded', setsUpMandate: true }), { status: 'CHARGED', status_id: 21, error_code: '', error_message: '', txn_object_type: 'EMANDATE_REGISTER', source_object: 'MANDATE' }],
    ['a declined payment', failed('declined_by_customer'), { status: 'AUTHORIZATION_FAILED', status_id: 27, error_code: 'ZA', error_message: 'Transaction declined by customer' }],
    ['a failed authentication', failed('authentication_failed'), { status: 'AUTHENTICATION_FAILED', status_id: 26, error_code: 'AUTH_FAILED', error_message: 'Customer authentication failed' }],
    ['a net banking payment the bank is confirming', netbanking({}, 'awaiting_bank'), { status: 'AUTHORIZING', status_id: 28, error_code: '', source_object: 'NB', txn_flow_type: null }],
    ['an eNACH registration', netbanking({ setsUpMandate: true }), { txn_object_type: 'EMANDATE_REGISTER', source_object: 'MANDATE', txn_flow_type: null }],
  ])('%s', (_, attempt, fields) => {
    expect(txnDetail('o-1', attempt, 123456, 'INR')).toMatchObject({ ...fields, net_amount: 1234.56, txn_amount: 1234.56 })
  })
})
