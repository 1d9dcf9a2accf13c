import { describe, expect, it } from 'vitest'
import type { StartAttempt } from '../../../contract/attempt'
import type { EnachDetails } from '../../../contract/enach'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../../merchants'
import { MAGIC_ACCOUNTS } from '../../../contract/scenarios'
import { MemoryStore } from '../../store/memory-store'
import type { Attempt, BankAttempt } from '../attempt'
import { AttemptService, type StartError } from '../attempt-service'
import { MovableClock } from '../clock'
import { OrderEventBus, type OrderChange } from '../order-events'
import { OrderWriter } from '../order-writer'
import type { Order } from '../order'
import { enachDetails, seedOrder } from '../../testing/fixtures'
import { UMRN_PATTERN } from '../umrn'
import { maskAccountNumber, netbanking } from './netbanking'
import { upi } from './upi'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const demo = merchants.byId('demo_merchant')
if (!demo) throw new Error('demo merchant missing')
const merchant = demo

/** A REQUIRED monthly mandate order with the given maximum, and a service that records what it publishes. */
async function setup(maxMinor = 1_000_00) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => new Date('2026-11-25T10:00:00.000Z') })
  const bus = new OrderEventBus()
  const changes: OrderChange[] = []
  bus.subscribe((change) => changes.push(change))
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const service = new AttemptService({ store, clock, merchants, publicOrigin: 'http://127.0.0.1:4000' }, writer)
  writer.follow(service.dueJobs)
  const base = await seedOrder({ store, clock })
  const mandate = base.mandate ? { ...base.mandate, maxAmount: { minor: maxMinor, currency: 'INR' } } : null
  const order = await save(store, { ...base, mandate })
  return { store, clock, service, changes, order }
}

/** Writes the order over the stored one (from its revision) and answers it as now stored. */
async function save(store: MemoryStore, order: Order): Promise<Order> {
  if (!(await store.updateOrder(order))) throw new Error(`order ${order.id} was written meanwhile`)
  return { ...order, revision: order.revision + 1 }
}

const enach = (overrides: Partial<EnachDetails> = {}): StartAttempt => ({
  rail: 'netbanking',
  setUpMandate: true,
  enach: enachDetails(overrides),
})

/** The bank side of an attempt that must be on the net banking rail. */
function bankOf(attempt: Attempt | undefined): BankAttempt {
  if (attempt?.rail !== 'netbanking') throw new Error('expected a net banking attempt')
  return attempt.bank
}

async function started(service: AttemptService, order: Order, request: StartAttempt) {
  const result = await service.start(order, merchant, request, 'key-1')
  if (!result.ok) throw new Error(`not started: ${result.error}`)
  return result
}

describe('starting a net banking attempt: the rules', () => {
  it.each<[string, StartAttempt, number, StartError]>([
    ['a mandate without account details', { rail: 'netbanking', setUpMandate: true }, 1_000_00, 'enach_details_required'],
    ['a bank the rail does not know', enach({ bankCode: 'ZZZZ', ifsc: 'ZZZZ0001234' }), 1_000_00, 'bank_unknown'],
    ['Aadhaar at a bank without it (Kotak)', enach({ bankCode: 'KKBK', ifsc: 'KKBK0001234', authMode: 'aadhaar' }), 1_000_00, 'auth_mode_unsupported'],
    ['a debit card at a net-banking-only bank (Central Bank)', enach({ bankCode: 'CBIN', ifsc: 'CBIN0001234', authMode: 'debit_card' }), 1_000_00, 'auth_mode_unsupported'],
    ['net banking at an Aadhaar-only bank (Airtel)', enach({ bankCode: 'AIRP', ifsc: 'AIRP0001234' }), 1_000_00, 'auth_mode_unsupported'],
    ['an IFSC of another bank', enach({ ifsc: 'ICIC0001234' }), 1_000_00, 'ifsc_bank_mismatch'],
    ['Aadhaar above its ₹1,00,000 limit', enach({ authMode: 'aadhaar' }), 1_00_000_01, 'amount_above_mode_limit'],
    ['net banking above its ₹10,00,000 limit', enach(), 10_00_000_01, 'instrument_unavailable'],
    ['a plain payment without a bank', { rail: 'netbanking', setUpMandate: false }, 1_000_00, 'bank_required'],
    ['a plain payment at an unknown bank', { rail: 'netbanking', setUpMandate: false, bankCode: 'ZZZZ' }, 1_000_00, 'bank_unknown'],
    ['a plain payment at a bank without net banking', { rail: 'netbanking', setUpMandate: false, bankCode: 'UJVN' }, 1_000_00, 'auth_mode_unsupported'],
  ])('refuses %s', async (_name, request, maxMinor, error) => {
    const { service, store, order } = await setup(maxMinor)
    const plain = request.setUpMandate ? order : await save(store, { ...order, createMandate: 'OPTIONAL' as const })
    const result = await service.start(plain, merchant, request, 'k')
    expect(result.ok ? 'started' : result.error).toBe(error)
    expect((await store.orderById(order.id))?.attempts).toHaveLength(0)
  })

  it.each<[string, StartAttempt, number]>([
    ['net banking at HDFC', enach(), 1_000_00],
    ['a debit card at Kotak', enach({ bankCode: 'KKBK', ifsc: 'KKBK0ABC123', authMode: 'debit_card' }), 1_000_00],
    ['Aadhaar at exactly its limit', enach({ authMode: 'aadhaar' }), 1_00_000_00],
    ['net banking above the Aadhaar limit', enach(), 1_00_000_01],
    ['net banking at exactly its limit', enach(), 10_00_000_00],
  ])('accepts %s', async (_name, request, maxMinor) => {
    const { service, order } = await setup(maxMinor)
    expect((await service.start(order, merchant, request, 'k')).ok).toBe(true)
  })

  it('accepts a plain payment at a net banking bank, with no account', async () => {
    const { service, store, order } = await setup()
    const optional = await save(store, { ...order, createMandate: 'OPTIONAL' as const })
    const { attempt } = await started(service, optional, { rail: 'netbanking', setUpMandate: false, bankCode: 'SBIN' })
    expect(bankOf(attempt)).toMatchObject({ bankCode: 'SBIN', bankName: 'State Bank of India', authMode: 'netbanking', account: null, scenario: 'approve' })
  })
})

describe('what a started eNACH attempt keeps', () => {
  it.each([
    [MAGIC_ACCOUNTS.approved, 'approve'],
    [MAGIC_ACCOUNTS.rejected, 'reject'],
    [MAGIC_ACCOUNTS.pending, 'wait'],
    [MAGIC_ACCOUNTS.nameMismatch, 'name_mismatch'],
    ['50100123456789', 'approve'],
  ])('account %s: scenario %s, only the masked number, a 30-minute window', async (accountNumber, scenario) => {
    const { service, store, order } = await setup()
    const { attempt } = await started(service, order, enach({ accountNumber }))
    expect(bankOf(attempt)).toMatchObject({
      scenario,
      step: 'credentials',
      stage: 'awaiting_customer',
      otpFailures: 0,
      umrn: null,
      account: { masked: maskAccountNumber(accountNumber), last4: accountNumber.slice(-4), ifsc: 'HDFC0001234' },
    })
    expect(attempt).not.toHaveProperty('channel')
    expect(new Date(attempt.expiresAt).getTime() - new Date(attempt.createdAt).getTime()).toBe(netbanking.approvalWindowMs)
    expect(JSON.stringify(await store.orderById(order.id))).not.toContain(accountNumber)
  })

  it('masks all but the last four characters', () => {
    expect(maskAccountNumber('1111111111')).toBe('XXXXXX1111')
    expect(maskAccountNumber('AB123')).toBe('XB123')
    expect(netbanking.approvalWindowMs).toBe(6 * upi.approvalWindowMs)
  })
})

describe('moving through the bank', () => {
  it('records authentication without deciding: AUTHORIZING, told to the page but not to merchants', async () => {
    const { service, order, changes } = await setup()
    const { attempt, order: current } = await started(service, order, enach({ accountNumber: MAGIC_ACCOUNTS.pending }))
    changes.length = 0
    const result = await service.authenticate(current, attempt.id)
    expect(result.ok && result.attempt.bank.stage).toBe('awaiting_bank')
    expect(result.ok && result.attempt.status).toBe('pending')
    expect(result.order.status).toBe('AUTHORIZING')
    expect(changes).toHaveLength(1)
    expect(changes[0]?.events).toEqual([])
  })

  it('fails the attempt on the third wrong OTP', async () => {
    const { service, order } = await setup()
    const { attempt, order: current } = await started(service, order, enach())
    const first = await service.recordOtpFailure(current, attempt.id)
    const second = await service.recordOtpFailure(first.order, attempt.id)
    expect(second.ok && bankOf(second.attempt).otpFailures).toBe(2)
    expect(second.ok && second.attempt.status).toBe('pending')
    const third = await service.recordOtpFailure(second.order, attempt.id)
    expect(third.ok && third.attempt).toMatchObject({ status: 'failed', failureReason: 'authentication_failed' })
    expect(third.order.status).toBe('AUTHENTICATION_FAILED')
    expect(third.order.mandateStatus).toBe('FAILURE')
  })

  it('gives a registered eNACH mandate a UMRN (20 digits, 5th digit 7) besides its mandate id', async () => {
    const { service, order } = await setup()
    const { attempt, order: current } = await started(service, order, enach())
    const decided = await service.decide((await service.authenticate(current, attempt.id)).order, { type: 'approve' }, attempt.id)
    expect(decided.ok && bankOf(decided.attempt).umrn).toMatch(UMRN_PATTERN)
    expect(decided.order.mandateId).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(decided.order.status).toBe('CHARGED')
  })

  it('refuses bank steps for another attempt or once decided', async () => {
    const { service, order } = await setup()
    const { attempt, order: current } = await started(service, order, enach())
    expect((await service.authenticate(current, 'att_other')).ok).toBe(false)
    const declined = await service.decide(current, { type: 'decline' }, attempt.id)
    expect(declined.ok).toBe(true)
    expect((await service.advanceBankStep(declined.order, attempt.id, 'otp')).ok).toBe(false)
    expect((await service.recordOtpFailure(declined.order, attempt.id)).ok).toBe(false)
  })

  it('expires an eNACH attempt after 30 minutes, not 5', async () => {
    const { service, store, clock, order } = await setup()
    await started(service, order, enach())
    clock.advance(upi.approvalWindowMs)
    expect((await service.refresh((await store.orderById(order.id)) ?? order)).attempts[0]?.status).toBe('pending')
    clock.advance(netbanking.approvalWindowMs - upi.approvalWindowMs)
    expect((await service.refresh((await store.orderById(order.id)) ?? order)).attempts[0]?.status).toBe('expired')
  })
})
