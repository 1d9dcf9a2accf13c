import { describe, expect, it } from 'vitest'
import type { Frequency } from '../../contract/mandate'
import type { MandateStatus } from '../../contract/status'
import { mandateTerms, TEST_NOW } from '../testing/fixtures'
import { registeredOrder } from '../testing/registered-order'
import {
  debitPeriod,
  decideExecution,
  decideNotice,
  noDebits,
  withExecution,
  withNotice,
  type ExecutionRequest,
  type NoticeRequest,
} from './mandate-debits'
import type { MerchantDebits, MerchantNotice } from './merchant-debits'
import type { Order } from './order'

const HOUR = 3600 * 1000
const after = (hours: number): Date => new Date(TEST_NOW.getTime() + hours * HOUR)

const registered = (rail: 'upi' | 'netbanking', status: MandateStatus, overrides: Partial<Order> = {}): Order => registeredOrder(rail, status, overrides)

describe('debitPeriod: one debit a period of the frequency, in IST calendar terms', () => {
  const cases: [Frequency, string, string | null][] = [
    ['DAILY', '2026-11-30T20:00:00Z', '2026-12-01'],
    ['DAILY', '2026-11-30T18:00:00Z', '2026-11-30'],
    ['WEEKLY', '2026-12-02T06:00:00Z', 'week of 2026-11-30'],
    ['WEEKLY', '2026-12-06T18:29:59Z', 'week of 2026-11-30'],
    ['WEEKLY', '2026-12-06T18:30:00Z', 'week of 2026-12-07'],
    ['FORTNIGHTLY', '2026-12-15T10:00:00Z', '2026-12 first half'],
    ['FORTNIGHTLY', '2026-12-15T18:30:00Z', '2026-12 second half'],
    ['MONTHLY', '2026-11-30T18:29:59Z', '2026-11'],
    ['MONTHLY', '2026-11-30T18:30:00Z', '2026-12'],
    ['BIMONTHLY', '2026-02-10T00:00:00Z', '2026 months 1-2'],
    ['BIMONTHLY', '2026-12-10T00:00:00Z', '2026 months 11-12'],
    ['QUARTERLY', '2026-03-31T10:00:00Z', '2026 Q1'],
    ['QUARTERLY', '2026-04-01T00:00:00Z', '2026 Q2'],
    ['HALFYEARLY', '2026-06-30T10:00:00Z', '2026 H1'],
    ['HALFYEARLY', '2026-07-01T00:00:00Z', '2026 H2'],
    ['YEARLY', '2026-12-31T18:30:00Z', '2027'],
    ['ONETIME', '2030-01-01T00:00:00Z', 'once'],
    ['ASPRESENTED', '2026-12-01T00:00:00Z', null],
  ]
  it.each(cases)('%s at %s falls in %s', (frequency, at, period) => {
    expect(debitPeriod(frequency, new Date(at))).toBe(period)
  })
})

const NOTICE: NoticeRequest = { objectReferenceId: 'ref1', description: 'December', amountMinor: 49_900, txnDate: after(30) }

describe('decideNotice', () => {
  it('a notice 24 to 48 h ahead for an allowed amount succeeds; the same reference again is a repeat', () => {
    for (const hours of [24, 30, 48]) {
      const decided = decideNotice(registered('upi', 'ACTIVE'), noDebits(), { ...NOTICE, txnDate: after(hours) }, TEST_NOW, 'ntf_1')
      expect(decided).toMatchObject({ ok: true, repeat: false, notice: { id: 'ntf_1', status: 'SUCCESS', failure: null, usedBy: null, createdAt: TEST_NOW.toISOString() } })
    }
    const first = decideNotice(registered('upi', 'ACTIVE'), noDebits(), NOTICE, TEST_NOW, 'ntf_1')
    if (!first.ok) throw new Error('refused')
    const debits = withNotice(noDebits(), first.notice)
    expect(decideNotice(registered('upi', 'ACTIVE'), debits, NOTICE, TEST_NOW, 'ntf_2')).toEqual({ ok: true, notice: first.notice, repeat: true })
    expect(decideNotice(registered('upi', 'ACTIVE'), debits, { ...NOTICE, amountMinor: 100 }, TEST_NOW, 'ntf_2')).toEqual({ ok: false, refusal: { reason: 'reference_reused' } })
  })

  it('a notice of another reference is new; the same reference for another day is refused', () => {
    const first = decideNotice(registered('upi', 'ACTIVE'), noDebits(), NOTICE, TEST_NOW, 'ntf_1')
    if (!first.ok) throw new Error('refused')
    const debits = withNotice(noDebits(), first.notice)
    expect(decideNotice(registered('upi', 'ACTIVE'), debits, { ...NOTICE, objectReferenceId: 'ref2' }, TEST_NOW, 'ntf_2')).toMatchObject({ ok: true, repeat: false, notice: { id: 'ntf_2' } })
    expect(decideNotice(registered('upi', 'ACTIVE'), debits, { ...NOTICE, txnDate: after(31) }, TEST_NOW, 'ntf_2')).toEqual({ ok: false, refusal: { reason: 'reference_reused' } })
  })

  it('a debit at the very end of the validity may be noticed', () => {
    const ending = registered('upi', 'ACTIVE', { mandate: { ...mandateTerms(100_000), endDate: after(30).toISOString() } })
    expect(decideNotice(ending, noDebits(), NOTICE, TEST_NOW, 'n')).toMatchObject({ ok: true })
  })

  it("a paused mandate's notice fails from the first instant of the pause, and succeeds before it; paused without a window, it fails", () => {
    const pausedFrom = (start: Date) =>
      registered('upi', 'PAUSED', { mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: { startDate: start.toISOString(), endDate: after(100).toISOString() } } })
    expect(decideNotice(pausedFrom(after(30)), noDebits(), NOTICE, TEST_NOW, 'n')).toMatchObject({ ok: true, notice: { status: 'FAILURE' } })
    expect(decideNotice(pausedFrom(after(31)), noDebits(), NOTICE, TEST_NOW, 'n')).toMatchObject({ ok: true, notice: { status: 'SUCCESS' } })
    const noWindow = registered('upi', 'PAUSED', { mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: null } })
    expect(decideNotice(noWindow, noDebits(), NOTICE, TEST_NOW, 'n')).toMatchObject({ ok: true, notice: { status: 'FAILURE' } })
  })

  it("a paused mandate's notice fails inside the pause window and succeeds after it", () => {
    const paused = registered('upi', 'PAUSED', {
      mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: { startDate: TEST_NOW.toISOString(), endDate: after(36).toISOString() } },
    })
    expect(decideNotice(paused, noDebits(), NOTICE, TEST_NOW, 'n')).toMatchObject({ ok: true, notice: { status: 'FAILURE', failure: 'The mandate is paused on the debit date' } })
    expect(decideNotice(paused, noDebits(), { ...NOTICE, txnDate: after(36) }, TEST_NOW, 'n')).toMatchObject({ ok: true, notice: { status: 'SUCCESS' } })
  })

  const fixed = { ...mandateTerms(49_900), amountRule: 'FIXED' as const }
  const refusals: [string, Order, Partial<NoticeRequest>, object][] = [
    ['a revoked mandate', registered('upi', 'REVOKED'), {}, { reason: 'not_active', status: 'REVOKED' }],
    ['an eNACH mandate', registered('netbanking', 'ACTIVE'), {}, { reason: 'enach_needs_no_notice' }],
    ['above max_amount', registered('upi', 'ACTIVE'), { amountMinor: 100_001 }, { reason: 'above_max_amount', maxMinor: 100_000 }],
    ["another amount than a FIXED mandate's", registered('upi', 'ACTIVE', { mandate: fixed }), { amountMinor: 49_899 }, { reason: 'not_fixed_amount', fixedMinor: 49_900 }],
    ['just under 24 h ahead', registered('upi', 'ACTIVE'), { txnDate: new Date(after(24).getTime() - 1000) }, { reason: 'notice_lead', lead: 'too_short' }],
    ['just over 48 h ahead', registered('upi', 'ACTIVE'), { txnDate: new Date(after(48).getTime() + 1000) }, { reason: 'notice_lead', lead: 'too_long' }],
    ['past the validity', registered('upi', 'ACTIVE', { mandate: { ...mandateTerms(100_000), endDate: after(25).toISOString() } }), {}, { reason: 'outside_validity', field: 'txn_date' }],
  ]
  it.each(refusals)('refuses %s', (_, order, request, refusal) => {
    expect(decideNotice(order, noDebits(), { ...NOTICE, ...request }, TEST_NOW, 'n')).toMatchObject({ ok: false, refusal })
  })

  it('max_amount itself is allowed, as is the fixed amount', () => {
    expect(decideNotice(registered('upi', 'ACTIVE'), noDebits(), { ...NOTICE, amountMinor: 100_000 }, TEST_NOW, 'n')).toMatchObject({ ok: true })
    expect(decideNotice(registered('upi', 'ACTIVE', { mandate: fixed }), noDebits(), NOTICE, TEST_NOW, 'n')).toMatchObject({ ok: true })
  })
})

/** A sent notice for NOTICE's debit, made at TEST_NOW. */
const sent = (overrides: Partial<MerchantNotice> = {}): MerchantNotice => ({
  id: 'ntf_1',
  objectReferenceId: 'ref1',
  status: 'SUCCESS',
  amountMinor: 49_900,
  txnDate: after(30).toISOString(),
  createdAt: TEST_NOW.toISOString(),
  failure: null,
  description: '',
  usedBy: null,
  ...overrides,
})
const EXECUTION: ExecutionRequest = { orderId: 'o1', amountMinor: 49_900, noticeId: 'ntf_1', executionDate: after(30) }
const withSent = (notice: MerchantNotice = sent()): MerchantDebits => withNotice(noDebits(), notice)

describe('decideExecution', () => {
  it('a noticed debit takes its period and its notice', () => {
    expect(decideExecution(registered('upi', 'ACTIVE'), withSent(), EXECUTION, TEST_NOW)).toEqual({
      ok: true,
      execution: { orderId: 'o1', period: '2026-11', amountMinor: 49_900, executionAt: after(30).toISOString(), presentedAt: TEST_NOW.toISOString(), status: 'pending' },
      notice: sent({ usedBy: 'o1' }),
    })
  })

  it('an eNACH debit needs no notice', () => {
    expect(decideExecution(registered('netbanking', 'ACTIVE'), noDebits(), { ...EXECUTION, noticeId: null }, TEST_NOW)).toMatchObject({ ok: true, notice: null })
  })

  it('a failed debit gives its period back; a pending or successful one keeps it', () => {
    const taken = (status: 'pending' | 'succeeded' | 'failed') =>
      withExecution(withSent(), { orderId: 'o0', fingerprint: 'f', period: '2026-11', amountMinor: 1, executionAt: TEST_NOW.toISOString(), presentedAt: TEST_NOW.toISOString(), status })
    expect(decideExecution(registered('upi', 'ACTIVE'), taken('failed'), EXECUTION, TEST_NOW)).toMatchObject({ ok: true })
    for (const status of ['pending', 'succeeded'] as const) {
      expect(decideExecution(registered('upi', 'ACTIVE'), taken(status), EXECUTION, TEST_NOW)).toEqual({ ok: false, refusal: { reason: 'period_taken', period: '2026-11', by: 'o0' } })
    }
  })

  it("another period's debit does not take this one's", () => {
    const lastMonth = withExecution(withSent(), { orderId: 'o0', fingerprint: 'f', period: '2026-10', amountMinor: 1, executionAt: TEST_NOW.toISOString(), presentedAt: TEST_NOW.toISOString(), status: 'succeeded' })
    expect(decideExecution(registered('upi', 'ACTIVE'), lastMonth, EXECUTION, TEST_NOW)).toMatchObject({ ok: true, execution: { period: '2026-11' } })
  })

  it("the subscription's debit, paid or due, takes its period too", () => {
    const scheduled = [{ at: after(-24), orderId: 'bei_1_1' }]
    expect(decideExecution(registered('upi', 'ACTIVE'), withSent(), EXECUTION, TEST_NOW, scheduled)).toEqual({ ok: false, refusal: { reason: 'period_taken', period: '2026-11', by: 'bei_1_1' } })
    expect(decideExecution(registered('upi', 'ACTIVE'), withSent(), EXECUTION, TEST_NOW, [{ at: after(24 * 10), orderId: 'bei_1_2' }])).toMatchObject({ ok: true })
  })

  it('a debit as presented has no period limit', () => {
    const presented = registered('upi', 'ACTIVE', { mandate: mandateTerms(100_000, 'ASPRESENTED') })
    const debits = withExecution(withSent(), { orderId: 'o0', fingerprint: 'f', period: null, amountMinor: 1, executionAt: TEST_NOW.toISOString(), presentedAt: TEST_NOW.toISOString(), status: 'succeeded' })
    expect(decideExecution(presented, debits, EXECUTION, TEST_NOW)).toMatchObject({ ok: true, execution: { period: null } })
  })

  const refusals: [string, Order, MerchantDebits, Partial<ExecutionRequest>, object][] = [
    ['a paused mandate', registered('upi', 'PAUSED'), withSent(), {}, { reason: 'not_active', status: 'PAUSED' }],
    ['above max_amount', registered('upi', 'ACTIVE'), withSent(), { amountMinor: 100_001 }, { reason: 'above_max_amount' }],
    ['before the validity', registered('upi', 'ACTIVE', { mandate: { ...mandateTerms(100_000), startDate: after(40).toISOString() } }), withSent(), {}, { reason: 'outside_validity', field: 'execution_date' }],
    ['no notice on UPI', registered('upi', 'ACTIVE'), withSent(), { noticeId: null }, { reason: 'notice_required' }],
    ['an unknown notice', registered('upi', 'ACTIVE'), withSent(), { noticeId: 'ntf_2' }, { reason: 'unknown_notice' }],
    ['a failed notice', registered('upi', 'ACTIVE'), withSent(sent({ status: 'FAILURE' })), {}, { reason: 'notice_failed' }],
    ['a used notice', registered('upi', 'ACTIVE'), withSent(sent({ usedBy: 'o0' })), {}, { reason: 'notice_used', by: 'o0' }],
    ['another amount than noticed', registered('upi', 'ACTIVE'), withSent(), { amountMinor: 49_800 }, { reason: 'notice_mismatch', what: 'amount' }],
    ['another day than noticed', registered('upi', 'ACTIVE'), withSent(), { executionDate: after(30 + 24) }, { reason: 'notice_mismatch', what: 'date' }],
    ['less than 24 h after the notice', registered('upi', 'ACTIVE'), withSent(sent({ txnDate: after(20).toISOString() })), { executionDate: after(20) }, { reason: 'too_early', notBefore: after(24).toISOString() }],
  ]
  it.each(refusals)('refuses %s', (_, order, debits, request, refusal) => {
    expect(decideExecution(order, debits, { ...EXECUTION, ...request }, TEST_NOW)).toMatchObject({ ok: false, refusal })
  })

  it('a debit at the very start of the validity is allowed', () => {
    const starting = registered('upi', 'ACTIVE', { mandate: { ...mandateTerms(100_000), startDate: after(30).toISOString() } })
    expect(decideExecution(starting, withSent(), EXECUTION, TEST_NOW)).toMatchObject({ ok: true })
  })

  it('a late debit of the noticed day may run once 24 h have passed since the notice', () => {
    const early = sent({ txnDate: after(20).toISOString() })
    expect(decideExecution(registered('upi', 'ACTIVE'), withSent(early), { ...EXECUTION, executionDate: after(20) }, after(24))).toMatchObject({ ok: true })
  })
})

describe('withNotice and withExecution', () => {
  it('replace an entry by id, keep the latest last, and keep at most 200', () => {
    let debits = noDebits()
    for (let i = 0; i < 205; i++) debits = withNotice(debits, sent({ id: `n${i}` }))
    expect(debits.notices).toHaveLength(200)
    expect(debits.notices[0]?.id).toBe('n5')
    debits = withNotice(debits, sent({ id: 'n5', usedBy: 'o1' }))
    expect(debits.notices.at(-1)).toMatchObject({ id: 'n5', usedBy: 'o1' })
    expect(debits.notices).toHaveLength(200)
    const execution = (orderId: string, status: 'pending' | 'failed' = 'pending') => ({ orderId, fingerprint: 'f', period: 'p', amountMinor: 1, executionAt: '', presentedAt: '', status })
    let many = noDebits()
    for (let i = 0; i < 205; i++) many = withExecution(many, execution(`o${i}`))
    expect(many.executions.map((e) => e.orderId)).toEqual(Array.from({ length: 200 }, (_, i) => `o${i + 5}`))
    expect(withExecution(many, execution('o7', 'failed')).executions.map((e) => e.orderId).slice(0, 3)).toEqual(['o5', 'o6', 'o8'])
    const once = withExecution(noDebits(), { orderId: 'o1', fingerprint: 'f', period: 'p', amountMinor: 1, executionAt: '', presentedAt: '', status: 'pending' })
    expect(withExecution(once, { orderId: 'o1', fingerprint: 'f', period: 'p', amountMinor: 1, executionAt: '', presentedAt: '', status: 'failed' }).executions).toEqual([
      { orderId: 'o1', fingerprint: 'f', period: 'p', amountMinor: 1, executionAt: '', presentedAt: '', status: 'failed' },
    ])
  })
})
