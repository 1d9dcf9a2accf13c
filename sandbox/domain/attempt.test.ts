import { describe, expect, it } from 'vitest'
import type { AttemptStatus } from '../../contract/attempt'
import type { Rail } from '../../contract/rail'
import { findOnRail, nextChangeAt, settle, transition, type Attempt, type AttemptEvent, type UpiAttempt } from './attempt'

const T0 = new Date('2026-11-25T10:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)

function attempt(overrides: Partial<UpiAttempt> = {}): UpiAttempt {
  return {
    id: 'att_1',
    number: 1,
    txnId: 'demo_merchant-o1-1',
    txnUuid: 'u1',
    idempotencyKey: 'k1',
    requestFingerprint: 'f1',
    rail: 'upi',
    channel: 'collect',
    setsUpMandate: true,
    status: 'pending',
    failureReason: null,
    createdAt: T0.toISOString(),
    expiresAt: at(300_000).toISOString(),
    endedAt: null,
    payerVpa: 'someone@okaxis',
    payerName: 'Someone',
    payerApp: null,
    simulatorToken: 'tok',
    autoOutcome: null,
    mandateId: null,
    mandateToken: null,
    ...overrides,
  }
}

describe('transition from pending', () => {
  it.each<[AttemptEvent, AttemptStatus, string | null]>([
    [{ type: 'approve' }, 'succeeded', null],
    [{ type: 'decline' }, 'failed', 'declined_by_customer'],
    [{ type: 'reject', reason: 'bank_rejected' }, 'failed', 'bank_rejected'],
    [{ type: 'reject', reason: 'name_mismatch' }, 'failed', 'name_mismatch'],
    [{ type: 'expire' }, 'expired', 'approval_window_expired'],
    [{ type: 'cancel' }, 'cancelled', 'cancelled_by_customer'],
  ])('%j ends it as %s', (event, status, reason) => {
    const result = transition(attempt(), event, at(1000))
    expect(result.ok && result.attempt.status).toBe(status)
    expect(result.ok && result.attempt.failureReason).toBe(reason)
    expect(result.ok && result.attempt.endedAt).toBe(at(1000).toISOString())
  })
})

describe('transition from an ended attempt', () => {
  const ended: AttemptStatus[] = ['succeeded', 'failed', 'expired', 'cancelled']
  const events: AttemptEvent[] = [{ type: 'approve' }, { type: 'decline' }, { type: 'expire' }, { type: 'cancel' }]
  it.each(ended.flatMap((status) => events.map((event) => [status, event] as const)))(
    '%s refuses %j (no attempt is decided twice)',
    (status, event) => {
      expect(transition(attempt({ status }), event, at(1))).toEqual({ ok: false, reason: 'not_pending' })
    },
  )
})

describe('settle', () => {
  it.each<[string, Partial<UpiAttempt>, number, AttemptStatus]>([
    ['nothing due yet', {}, 1000, 'pending'],
    ['window ran out', {}, 300_000, 'expired'],
    ['auto approval due', { autoOutcome: { kind: 'approve', at: at(1500).toISOString() } }, 1500, 'succeeded'],
    ['auto approval not yet due', { autoOutcome: { kind: 'approve', at: at(1500).toISOString() } }, 1499, 'pending'],
    ['auto expiry due', { autoOutcome: { kind: 'expire', at: at(4000).toISOString() } }, 5000, 'expired'],
    [
      'auto approval after the window never happens',
      { autoOutcome: { kind: 'approve', at: at(400_000).toISOString() } },
      500_000,
      'expired',
    ],
    ['an ended attempt stays as it is', { status: 'failed' }, 500_000, 'failed'],
  ])('%s', (_name, overrides, ms, status) => {
    expect(settle(attempt(overrides), at(ms)).status).toBe(status)
  })

  it('dates the outcome when it was due, not when it was noticed', () => {
    const settled = settle(attempt({ autoOutcome: { kind: 'approve', at: at(1500).toISOString() } }), at(9000))
    expect(settled.endedAt).toBe(at(1500).toISOString())
  })
})

describe('nextChangeAt', () => {
  it('is the earlier of the auto outcome and the expiry', () => {
    expect(nextChangeAt(attempt({ autoOutcome: { kind: 'approve', at: at(1500).toISOString() } }))).toEqual(at(1500))
    expect(nextChangeAt(attempt())).toEqual(at(300_000))
    expect(nextChangeAt(attempt({ status: 'succeeded' }))).toBeNull()
  })
})

describe('an approval names who paid', () => {
  it.each<[string, Partial<UpiAttempt>, AttemptEvent, { payerApp: string | null; payerVpa: string | null }]>([
    ['collect keeps the VPA it was sent to, whatever the app reports', { payerVpa: 'someone@okaxis' }, { type: 'approve', payerApp: 'gpay', payerVpa: 'other@ybl' }, { payerApp: 'gpay', payerVpa: 'someone@okaxis' }],
    ['an intent or QR attempt takes the VPA the app paid from', { channel: 'intent', payerVpa: null }, { type: 'approve', payerApp: 'phonepe', payerVpa: 'payer@ybl' }, { payerApp: 'phonepe', payerVpa: 'payer@ybl' }],
    ['with no VPA from either, none', { channel: 'qr', payerVpa: null }, { type: 'approve' }, { payerApp: null, payerVpa: null }],
    ['an app already named stays when the approval names none', { payerApp: 'paytm' }, { type: 'approve', payerVpa: 'x@paytm' }, { payerApp: 'paytm', payerVpa: 'someone@okaxis' }],
  ])('%s', (_name, overrides, event, expected) => {
    const result = transition(attempt(overrides), event, at(1_000))
    expect(result.ok && result.attempt).toMatchObject({ status: 'succeeded', ...expected })
  })

  it('leaves an eNACH attempt’s fields as they were: a bank approval names no app or VPA', () => {
    const enach = { ...attempt({ payerVpa: null }), rail: 'netbanking' } as unknown as Attempt
    const result = transition(enach, { type: 'approve', payerApp: 'gpay', payerVpa: 'x@ybl' }, at(1_000))
    expect(result).toEqual({ ok: true, attempt: { ...enach, status: 'succeeded', endedAt: at(1_000).toISOString(), autoOutcome: null } })
  })
})

describe('findOnRail', () => {
  const upi = attempt({ id: 'att_upi' })
  it.each<[string, Rail, (a: Attempt) => boolean, Attempt | undefined]>([
    ['the first attempt that matches, on its rail', 'upi', (a) => a.id === 'att_upi', upi],
    ['nothing when the match is on another rail', 'netbanking', (a) => a.id === 'att_upi', undefined],
    ['nothing when none matches', 'upi', () => false, undefined],
  ])('finds %s', (_name, rail, match, expected) => {
    expect(findOnRail([attempt({ id: 'att_other', status: 'failed' }), upi], rail, match)).toBe(expected)
  })
})

describe('settle, on an attempt that has ended', () => {
  it.each<AttemptStatus>(['succeeded', 'failed', 'expired', 'cancelled'])('leaves a %s attempt as it is, even past its expiry and auto outcome', (status) => {
    const ended = attempt({ status, endedAt: at(1_000).toISOString(), autoOutcome: { kind: 'approve', at: at(2_000).toISOString() } })
    expect(settle(ended, at(600_000))).toBe(ended)
  })
})
