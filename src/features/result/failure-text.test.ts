import { attemptView, netbankingAttemptView } from '../../testing/session-view'
import { describe, expect, it } from 'vitest'
import { FAILURE_REASONS, type AttemptView, type NetbankingAttemptView, type UpiAttemptView } from '../../../contract/attempt'
import { resultCatalogs } from '../../i18n/result-catalogs'
import { failureHeadingKey, reasonKey } from './failure-text'

const ended = { status: 'failed', endedAt: '2026-11-25T18:01:00.000Z' } as const
const attempt = (over: Partial<UpiAttemptView> = {}): AttemptView => attemptView({ channel: 'collect', ...ended, ...over })
const atBank = (over: Partial<NetbankingAttemptView> = {}): AttemptView => netbankingAttemptView({ ...ended, ...over })

describe('reasonKey', () => {
  it.each(FAILURE_REASONS)('%s has its own words in every language', (failureReason) => {
    const key = reasonKey(attempt({ failureReason }))
    expect(key).toBe(`result.reason.${failureReason}`)
    expect(resultCatalogs.en[key]).toMatch(/\.$/)
    expect(resultCatalogs.hi[key]).toMatch(/।$/)
  })

  it.each([
    ['declined', { failureReason: 'declined_by_customer' as const }, 'You declined the request in your UPI app.'],
    ['expired', { failureReason: 'approval_window_expired' as const }, 'The request expired before it was approved.'],
    ['expired without a reason', { status: 'expired' as const }, 'The request expired before it was approved.'],
    ['cancelled without a reason', { status: 'cancelled' as const }, 'You cancelled the request.'],
    ['failed without a reason', {}, 'The request was not approved.'],
    ['declined at the bank', { bank: true, failureReason: 'declined_by_customer' as const }, 'You declined the request at your bank.'],
    ['too many OTPs at the bank', { bank: true, failureReason: 'authentication_failed' as const }, 'Too many incorrect one-time passwords were entered at your bank.'],
    ['not finished at the bank in time', { bank: true, failureReason: 'approval_window_expired' as const }, 'The request at your bank was not completed in time.'],
    ['rejected by the bank', { bank: true, failureReason: 'bank_rejected' as const }, 'Your bank rejected the request.'],
    ['a name mismatch', { bank: true, failureReason: 'name_mismatch' as const }, 'The account holder’s name did not match the name your bank has.'],
  ])('%s', (_name, { bank, ...over }: { bank?: boolean } & Partial<Pick<AttemptView, 'status' | 'failureReason'>>, text) => {
    expect(resultCatalogs.en[reasonKey(bank ? atBank(over) : attempt(over))]).toBe(text)
  })

  it('no attempt at all', () => {
    expect(reasonKey(null)).toBe('result.reason.unknown')
  })
})

describe('failureHeadingKey', () => {
  it.each([
    [true, true, 'AutoPay was not set up'],
    [false, true, 'The payment did not go through'],
    [true, false, 'This payment could not be completed'],
  ])('mandate %s, can retry %s: %s', (setsUpMandate, canRetry, text) => {
    expect(resultCatalogs.en[failureHeadingKey(attempt({ setsUpMandate }), canRetry)]).toBe(text)
  })

  it.each([
    [true, 'The eNACH mandate was not registered'],
    [false, 'The payment did not go through'],
  ])('at the bank, mandate %s: %s', (setsUpMandate, text) => {
    expect(resultCatalogs.en[failureHeadingKey(atBank({ setsUpMandate }), true)]).toBe(text)
  })
})
