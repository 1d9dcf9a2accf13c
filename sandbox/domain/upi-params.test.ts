import { describe, expect, it } from 'vitest'
import { FREQUENCIES, type Frequency, type MandateTerms } from '../../contract/mandate'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import type { UpiAttempt } from './attempt'
import type { Order } from './order'
import { ddmmyyyy, upiUriParams } from './upi-params'

const merchant = loadMerchants(DEFAULT_MERCHANTS_FILE).byId('demo_merchant')
if (!merchant) throw new Error('demo merchant missing')

function terms(frequency: Frequency, overrides: Partial<MandateTerms> = {}): MandateTerms {
  const hasRule = !['ONETIME', 'DAILY', 'ASPRESENTED'].includes(frequency)
  return {
    maxAmount: { minor: 1_000_00, currency: 'INR' },
    amountRule: 'VARIABLE',
    frequency,
    ruleType: hasRule ? 'AFTER' : null,
    ruleValue: hasRule ? 5 : null,
    startDate: '2026-11-30T20:00:00.000Z',
    endDate: '2056-11-30T20:00:00.000Z',
    blockFunds: frequency === 'ONETIME',
    revokableByCustomer: frequency !== 'ONETIME',
    ...overrides,
  }
}

function order(mandate: MandateTerms | null): Order {
  return {
    id: 'ordeh_0123456789abcdef0123456789abcdef',
    merchantId: 'demo_merchant',
    orderId: 'o-1',
    fingerprint: 'f',
    createdAt: '2026-11-25T10:00:00.000Z',
    expiresAt: '2026-11-26T10:00:00.000Z',
    amountMinor: 100,
    chargedTodayMinor: 100,
    currency: 'INR',
    customer: { id: null, email: null, phone: null, firstName: null, lastName: null },
    description: 'Monthly plan',
    returnUrl: null,
    udf: [],
    metadata: {},
    createMandate: mandate ? 'REQUIRED' : null,
    mandate,
    paymentRules: null,
    billing: null,
    lineItems: [],
    preferredRail: null,
    rails: null,
    language: null,
    clientAuthToken: 'tkn',
    clientAuthTokenExpiresAt: '2026-11-25T10:15:00.000Z',
    status: 'NEW',
    source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null },
    attempts: [],
    mandateStatus: null,
    mandateId: null,
    mandateToken: null,
    mandateChange: null,
    refundedMinor: 0,
    cancelledAt: null,
    revision: 0,
  }
}

function attempt(overrides: Partial<UpiAttempt> = {}): UpiAttempt {
  return {
    id: 'att_1',
    number: 2,
    txnId: 'demo_merchant-o-1-2',
    txnUuid: 'mozvYp0a7rXyZ',
    idempotencyKey: 'k',
    requestFingerprint: 'f',
    rail: 'upi',
    channel: 'intent',
    setsUpMandate: true,
    status: 'pending',
    failureReason: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    expiresAt: '2026-11-25T10:05:00.000Z',
    endedAt: null,
    payerVpa: null,
    payerName: null,
    payerApp: null,
    simulatorToken: 't',
    autoOutcome: null,
    mandateId: null,
    mandateToken: null,
    ...overrides,
  }
}

describe('ddmmyyyy', () => {
  it.each([
    ['2026-11-30T20:00:00.000Z', '01122026'],
    ['2026-01-05T00:00:00.000Z', '05012026'],
  ])('%s is %s in India', (iso, expected) => expect(ddmmyyyy(iso)).toBe(expected))
})

describe('upiUriParams for a mandate', () => {
  it.each(FREQUENCIES)('%s carries the recurrence rule only where it applies', (frequency) => {
    const params = upiUriParams(order(terms(frequency)), attempt(), merchant)
    if (params?.kind !== 'mandate') throw new Error('expected a mandate URI')
    const hasRule = !['ONETIME', 'DAILY', 'ASPRESENTED'].includes(frequency)
    expect(params.recur).toBe(frequency)
    expect(params.recurtype).toBe(hasRule ? 'AFTER' : null)
    expect(params.recurvalue).toBe(hasRule ? '5' : null)
    expect(params.purpose).toBe(frequency === 'ONETIME' ? '01' : '14')
    expect(params.block).toBe(frequency === 'ONETIME' ? 'Y' : 'N')
    expect(params.rev).toBe(frequency === 'ONETIME' ? 'N' : 'Y')
  })

  it.each([
    ['VARIABLE', 'MAX'],
    ['FIXED', 'EXACT'],
  ] as const)('amount rule %s is amrule %s', (amountRule, amrule) => {
    const params = upiUriParams(order(terms('MONTHLY', { amountRule })), attempt(), merchant)
    expect(params).toMatchObject({ amrule })
  })

  it('names payee, amount, reference and validity as NPCI expects', () => {
    expect(upiUriParams(order(terms('MONTHLY')), attempt(), merchant)).toMatchObject({
      pa: 'acmefitness@sandbox',
      pn: 'Acme Fitness',
      mc: '5968',
      tr: 'demo_merchant-o-1-2',
      tid: 'mozvYp0a7rXyZ',
      am: '1000.00',
      cu: 'INR',
      validitystart: '01122026',
      validityend: '01122056',
      txnType: 'CREATE',
      mode: '04',
    })
  })

  it.each([
    ['intent', '04'],
    ['qr', '01'],
  ] as const)('%s uses initiation mode %s', (channel, mode) => {
    expect(upiUriParams(order(terms('MONTHLY')), attempt({ channel }), merchant)).toMatchObject({ mode })
  })

  it.each([
    ['a description up to 50 characters, as written', 'x'.repeat(50), 'x'.repeat(50), 'x'.repeat(50)],
    ['a longer description, cut at 50', 'y'.repeat(51), 'y'.repeat(50), 'y'.repeat(50)],
    ['no description, the merchant', null, 'Acme Fitness', 'Acme Fitness mandate'],
  ])('names the payment and the mandate with %s', (_, description, tn, mn) => {
    expect(upiUriParams({ ...order(terms('MONTHLY')), description }, attempt(), merchant)).toMatchObject({ tn, mn })
  })

  it('leaves recurvalue out when a frequency with a rule has no rule value', () => {
    expect(upiUriParams(order(terms('MONTHLY', { ruleValue: null })), attempt(), merchant)).toMatchObject({ recurtype: 'AFTER', recurvalue: null })
  })

  it('collect needs no URI', () => {
    expect(upiUriParams(order(terms('MONTHLY')), attempt({ channel: 'collect' }), merchant)).toBeNull()
  })

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [99_999, '999.99'],
    [1_00_000_00, '100000.00'],
    [12_34_567_89, '1234567.89'],
    [9_99_99_99_999_99, '9999999999.99'],
  ])('%i paise is am=%s: rupees, two decimals, no grouping', (minor, am) => {
    expect(upiUriParams({ ...order(null), chargedTodayMinor: minor }, attempt({ setsUpMandate: false }), merchant)).toMatchObject({ am })
    expect(upiUriParams(order(terms('MONTHLY', { maxAmount: { minor, currency: 'INR' } })), attempt(), merchant)).toMatchObject({ am })
  })

  it('a payment without a mandate is a pay URI for the amount charged today', () => {
    expect(upiUriParams(order(terms('MONTHLY')), attempt({ setsUpMandate: false }), merchant)).toMatchObject({
      kind: 'pay',
      am: '1.00',
    })
  })
})
