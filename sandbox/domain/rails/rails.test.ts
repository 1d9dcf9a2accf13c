import { describe, expect, it } from 'vitest'
import type { StartAttempt } from '../../../contract/attempt'
import type { EnachDetails } from '../../../contract/enach'
import type { InstrumentNotice, UnavailableReason } from '../../../contract/instrument'
import type { MandateTerms } from '../../../contract/mandate'
import type { Rail } from '../../../contract/rail'
import {
  EXPIRED_WINDOW_MS,
  MAGIC_ACCOUNTS,
  MAGIC_VPAS,
  NON_AUTOPAY_HANDLE,
  SUCCESS_DELAY_MS,
  type BankScenario,
} from '../../../contract/scenarios'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../../merchants'
import { MemoryStore } from '../../store/memory-store'
import { enachDetails, mandateTerms, seedOrder, TEST_NOW } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import type { AutoOutcome, NetbankingAttempt, UpiAttempt } from '../attempt'
import { MovableClock } from '../clock'
import type { Order } from '../order'
import { upiUriParams } from '../upi-params'
import { RAIL_RULES, railOf, type RailStartError } from '.'
import { enachLimits } from './netbanking'
import { UPI_AFA_FREE_LIMIT_MINOR, UPI_AUTOPAY_MAX_MINOR, upiMandatesPath } from './upi'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const demo = merchants.byId('demo_merchant')
const upiOnly = merchants.byId('other_merchant')
if (!demo || !upiOnly) throw new Error('demo merchants missing')
const merchant = demo
const ENACH_MAX = Math.max(...Object.values(merchant.enachLimitsMinor))

const base = await seedOrder({ store: new MemoryStore(), clock: new MovableClock({ now: () => TEST_NOW }) })

/** A REQUIRED mandate order of up to the given maximum. */
function order(maxMinor = 1_000_00): Order {
  return { ...base, mandate: base.mandate ? { ...base.mandate, maxAmount: { minor: maxMinor, currency: 'INR' } } : null }
}

describe('eligibility: what blocks a rail from registering the mandate, and what it tells the customer', () => {
  it.each<[Rail, string, MandateTerms, UnavailableReason | null, InstrumentNotice[]]>([
    ['upi', 'monthly ₹1,000', mandateTerms(1_000_00), null, []],
    ['upi', '₹15,000, still without the PIN at each debit', mandateTerms(UPI_AFA_FREE_LIMIT_MINOR), null, []],
    ['upi', 'just above ₹15,000', mandateTerms(UPI_AFA_FREE_LIMIT_MINOR + 1), null, ['upi_extra_approval_above_limit']],
    ['upi', 'the ₹1,00,000 ceiling', mandateTerms(UPI_AUTOPAY_MAX_MINOR), null, ['upi_extra_approval_above_limit']],
    ['upi', 'above the ceiling', mandateTerms(UPI_AUTOPAY_MAX_MINOR + 1), 'upi_max_amount_exceeded', ['upi_extra_approval_above_limit']],
    ['upi', 'a one-time mandate', mandateTerms(5_000_00, 'ONETIME'), null, []],
    ['upi', 'every two months', mandateTerms(5_000_00, 'BIMONTHLY'), null, []],
    ['netbanking', 'monthly ₹1,000', mandateTerms(1_000_00), null, []],
    ['netbanking', 'above the UPI ceiling', mandateTerms(UPI_AUTOPAY_MAX_MINOR + 1), null, []],
    ['netbanking', 'the highest eNACH limit', mandateTerms(ENACH_MAX), null, []],
    ['netbanking', 'above every eNACH limit', mandateTerms(ENACH_MAX + 1), 'enach_max_amount_exceeded', []],
    ['netbanking', 'a one-time mandate', mandateTerms(5_000_00, 'ONETIME'), 'onetime_upi_only', []],
    ['netbanking', 'every two months (no eNACH code)', mandateTerms(5_000_00, 'BIMONTHLY'), 'enach_frequency_unsupported', []],
    ['netbanking', 'as presented', mandateTerms(5_000_00, 'ASPRESENTED'), null, []],
  ])('%s, %s', (rail, _name, mandate, blocker, notices) => {
    expect(RAIL_RULES[rail].mandateBlocker(mandate, merchant)).toBe(blocker)
    expect(RAIL_RULES[rail].notices(mandate)).toEqual(notices)
  })
})

const enach = (overrides: Partial<EnachDetails> = {}): StartAttempt => ({ rail: 'netbanking', setUpMandate: true, enach: enachDetails(overrides) })
const collect = (vpa: string, setUpMandate = true): StartAttempt => ({ rail: 'upi', channel: 'collect', vpa, setUpMandate })

describe('start-request checks: what each rail refuses', () => {
  it.each<[string, StartAttempt, RailStartError, number?]>([
    ['UPI without a channel', { rail: 'upi', setUpMandate: true }, 'channel_required'],
    ['UPI collect without a VPA', { rail: 'upi', channel: 'collect', setUpMandate: true }, 'vpa_required'],
    ['UPI collect to an unknown VPA', collect(MAGIC_VPAS.unknown), 'vpa_invalid'],
    ['UPI collect to a VPA that is not one', collect('not a vpa'), 'vpa_invalid'],
    ['a UPI mandate at a handle without AutoPay', collect(`asha@${NON_AUTOPAY_HANDLE}`), 'handle_not_supported'],
    ['an eNACH mandate without account details', { rail: 'netbanking', setUpMandate: true }, 'enach_details_required'],
    ['an eNACH mandate at a bank the rail does not know', enach({ bankCode: 'ZZZZ', ifsc: 'ZZZZ0001234' }), 'bank_unknown'],
    ['Aadhaar at a bank without it', enach({ bankCode: 'KKBK', ifsc: 'KKBK0001234', authMode: 'aadhaar' }), 'auth_mode_unsupported'],
    ['an IFSC of another bank', enach({ ifsc: 'ICIC0001234' }), 'ifsc_bank_mismatch'],
    ['Aadhaar above its limit', enach({ authMode: 'aadhaar' }), 'amount_above_mode_limit', merchant.enachLimitsMinor.aadhaar + 1],
    ['a net banking payment without a bank', { rail: 'netbanking', setUpMandate: false }, 'bank_required'],
    ['a net banking payment at a bank without net banking', { rail: 'netbanking', setUpMandate: false, bankCode: 'UJVN' }, 'auth_mode_unsupported'],
  ])('%s: %s', (_name, request, error, maxMinor) => {
    expect(railOf(request).plan(order(maxMinor), merchant, request)).toEqual({ ok: false, error })
  })

  it('plans an eNACH registration on an order that carries no mandate terms: no ceiling to check', () => {
    const request = enach()
    expect(railOf(request).plan({ ...order(), mandate: null }, merchant, request)).toMatchObject({ ok: true, part: { rail: 'netbanking' } })
  })

  it('refuses a UPI channel the merchant does not allow', () => {
    const request: StartAttempt = collect(MAGIC_VPAS.success)
    expect(railOf(request).plan(order(), upiOnly, request)).toEqual({ ok: false, error: 'channel_not_allowed' })
  })

  const upiPart = (channel: string, payerVpa: string | null) => ({
    rail: 'upi',
    channel,
    payerVpa,
    payerName: payerVpa === null ? null : (expect.any(String) as unknown),
    payerApp: null,
  })
  const bankPart = (bank: Record<string, unknown>) => ({ rail: 'netbanking', bank: expect.objectContaining(bank) as unknown })

  it.each<[string, StartAttempt, unknown]>([
    ['UPI intent', { rail: 'upi', channel: 'intent', setUpMandate: true }, upiPart('intent', null)],
    ['UPI QR, a VPA given by mistake is not kept', { rail: 'upi', channel: 'qr', vpa: MAGIC_VPAS.success, setUpMandate: true }, upiPart('qr', null)],
    ['UPI collect, VPA trimmed and named', collect(` ${MAGIC_VPAS.success} `), upiPart('collect', MAGIC_VPAS.success)],
    ['a UPI payment at a handle without AutoPay', collect(`asha@${NON_AUTOPAY_HANDLE}`, false), upiPart('collect', `asha@${NON_AUTOPAY_HANDLE}`)],
    [
      'a net banking payment',
      { rail: 'netbanking', setUpMandate: false, bankCode: 'SBIN' },
      bankPart({ bankCode: 'SBIN', authMode: 'netbanking', account: null, scenario: 'approve' }),
    ],
    [
      'an eNACH mandate by debit card',
      enach({ bankCode: 'KKBK', ifsc: 'KKBK0ABC123', authMode: 'debit_card' }),
      bankPart({ bankCode: 'KKBK', authMode: 'debit_card', step: 'credentials', stage: 'awaiting_customer' }),
    ],
  ])('plans %s', (_name, request, part) => {
    expect(railOf(request).plan(order(), merchant, request)).toEqual({ ok: true, part })
  })
})

describe('scenarios: how a new attempt resolves by itself', () => {
  const at = (ms: number) => new Date(TEST_NOW.getTime() + ms).toISOString()

  it.each<[string, AutoOutcome | null]>([
    [MAGIC_VPAS.success, { kind: 'approve', at: at(SUCCESS_DELAY_MS) }],
    [MAGIC_VPAS.failure, { kind: 'decline', at: at(SUCCESS_DELAY_MS) }],
    [MAGIC_VPAS.expired, { kind: 'expire', at: at(EXPIRED_WINDOW_MS) }],
    [MAGIC_VPAS.pending, null],
    ['asha@okaxis', null],
  ])('UPI collect to %s: %j', (vpa, outcome) => {
    const planned = RAIL_RULES.upi.plan(order(), merchant, { rail: 'upi', channel: 'collect', vpa, setUpMandate: true })
    if (!planned.ok) throw new Error(planned.error)
    expect(RAIL_RULES.upi.autoOutcome(planned.part, TEST_NOW)).toEqual(outcome)
  })

  it('UPI intent waits for the app', () => {
    const part = { rail: 'upi', channel: 'intent', payerVpa: null, payerName: null, payerApp: null } as const
    expect(RAIL_RULES.upi.autoOutcome(part, TEST_NOW)).toBeNull()
  })

  it.each<[string, BankScenario]>([
    [MAGIC_ACCOUNTS.approved, 'approve'],
    [MAGIC_ACCOUNTS.rejected, 'reject'],
    [MAGIC_ACCOUNTS.pending, 'wait'],
    [MAGIC_ACCOUNTS.nameMismatch, 'name_mismatch'],
    ['50100123456789', 'approve'],
  ])('net banking, account %s: the bank answers %s once the customer authorises, nothing before', (accountNumber, scenario) => {
    const planned = RAIL_RULES.netbanking.plan(order(), merchant, { rail: 'netbanking', setUpMandate: true, enach: enachDetails({ accountNumber }) })
    if (!planned.ok) throw new Error(planned.error)
    expect(planned.part.bank.scenario).toBe(scenario)
    expect(RAIL_RULES.netbanking.autoOutcome(planned.part, TEST_NOW)).toBeNull()
  })
})

describe('what each rail shows the page and the simulators', () => {
  const [upiShape, netbankingShape] = storedOrder().attempts as [UpiAttempt, NetbankingAttempt]
  const pendingUpi = (channel: UpiAttempt['channel']): UpiAttempt => ({ ...upiShape, channel, status: 'pending', failureReason: null, endedAt: null })
  const enachAt = (stage: NetbankingAttempt['bank']['stage']): NetbankingAttempt => ({ ...netbankingShape, status: 'pending', bank: { ...netbankingShape.bank, stage } })

  it('shows a UPI attempt with its channel, payer and the simulated app, and an intent\'s link parameters', () => {
    const intent = pendingUpi('intent')
    expect(RAIL_RULES.upi.view(order(), intent, merchant)).toEqual({
      rail: 'upi',
      channel: 'intent',
      upi: { uri: upiUriParams(order(), intent, merchant), payerVpa: 'asha@okaxis', payerName: 'Asha', simulatorUrl: '/simulator/upi/tok1' },
    })
    expect(upiUriParams(order(), intent, merchant)).not.toBeNull()
    expect(RAIL_RULES.upi.simulatorPath(intent)).toBe('/simulator/upi/tok1')
  })

  it('shows an eNACH attempt with its bank, masked account, stage, the simulated bank and the UMRN once there is one', () => {
    const attempt = enachAt('awaiting_customer')
    expect(RAIL_RULES.netbanking.view(order(), attempt, merchant)).toEqual({
      rail: 'netbanking',
      netbanking: {
        bankCode: 'HDFC',
        bankName: 'HDFC Bank',
        authMode: 'netbanking',
        account: { numberMasked: 'XXXXXX1111', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
        bankUrl: '/simulator/bank/tok2',
        stage: 'awaiting_customer',
        umrn: null,
      },
    })
    const payment: NetbankingAttempt = { ...attempt, bank: { ...attempt.bank, account: null, umrn: 'U1' } }
    expect(RAIL_RULES.netbanking.view(order(), payment, merchant).netbanking).toMatchObject({ account: null, umrn: 'U1' })
  })

  it.each<[string, boolean]>([
    ['awaiting_customer', false],
    ['awaiting_bank', true],
  ])('an eNACH attempt %s waits only for the bank: %s', (stage, waiting) => {
    expect(RAIL_RULES.netbanking.awaitingBank(enachAt(stage as NetbankingAttempt['bank']['stage']))).toBe(waiting)
  })

  it('a UPI attempt never waits for a bank, and records no UMRN when registered', () => {
    const attempt = pendingUpi('collect')
    expect(RAIL_RULES.upi.awaitingBank(attempt)).toBe(false)
    expect(RAIL_RULES.upi.registered(attempt, TEST_NOW)).toBe(attempt)
    expect(RAIL_RULES.upi.umrn(attempt)).toBeNull()
  })

  it('lists the mandates a VPA approved in the simulated app, the VPA escaped', () => {
    expect(upiMandatesPath('asha+1@okaxis')).toBe('/simulator/upi/mandates?vpa=asha%2B1%40okaxis')
  })

  it('gives the page each eNACH auth mode\'s limit, or none for a merchant without net banking', () => {
    const inr = (minor: number) => ({ minor, currency: 'INR' })
    expect(enachLimits(merchant, inr)).toEqual({
      netbanking: inr(merchant.enachLimitsMinor.netbanking),
      debit_card: inr(merchant.enachLimitsMinor.debit_card),
      aadhaar: inr(merchant.enachLimitsMinor.aadhaar),
    })
    expect(enachLimits(upiOnly, inr)).toBeNull()
  })
})
