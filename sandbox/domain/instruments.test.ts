import { describe, expect, it } from 'vitest'
import type { MandateTerms } from '../../contract/mandate'
import type { CreateMandate } from '../../contract/mandate'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { mandateTerms } from '../testing/fixtures'
import { eligibleInstruments } from './instruments'
import { UPI_AFA_FREE_LIMIT_MINOR, UPI_AUTOPAY_MAX_MINOR } from './rails/upi'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const both = merchants.byId('demo_merchant')
const upiOnly = merchants.byId('other_merchant')
if (!both || !upiOnly) throw new Error('demo merchants missing')
/** The demo merchant's highest eNACH limit. */
const ENACH_MAX = Math.max(...Object.values(both.enachLimitsMinor))

type Row = [
  name: string,
  createMandate: CreateMandate | null,
  mandate: MandateTerms | null,
  expected: Record<'upi' | 'netbanking', { available: boolean; mandate: string; reason: string | null; notices: string[] }>,
]

const ok = (mandate: string, notices: string[] = []) => ({ available: true, mandate, reason: null, notices })

const rows: Row[] = [
  ['no mandate asked', null, null, { upi: ok('none'), netbanking: ok('none') }],
  ['REQUIRED monthly ₹1,000', 'REQUIRED', mandateTerms(1_000_00), { upi: ok('required'), netbanking: ok('required') }],
  ['OPTIONAL monthly ₹1,000', 'OPTIONAL', mandateTerms(1_000_00), { upi: ok('optional'), netbanking: ok('optional') }],
  ['mandate terms with no create_mandate', null, mandateTerms(1_000_00), { upi: ok('none'), netbanking: ok('none') }],
  [
    'OPTIONAL above ₹15,000 tells of the extra approval on UPI',
    'OPTIONAL',
    mandateTerms(UPI_AFA_FREE_LIMIT_MINOR + 1),
    { upi: ok('optional', ['upi_extra_approval_above_limit']), netbanking: ok('optional') },
  ],
  [
    'REQUIRED ₹15,000 is still AFA-free',
    'REQUIRED',
    mandateTerms(UPI_AFA_FREE_LIMIT_MINOR),
    { upi: ok('required'), netbanking: ok('required') },
  ],
  [
    'REQUIRED just above ₹15,000 needs extra approval on UPI',
    'REQUIRED',
    mandateTerms(UPI_AFA_FREE_LIMIT_MINOR + 1),
    { upi: ok('required', ['upi_extra_approval_above_limit']), netbanking: ok('required') },
  ],
  [
    'REQUIRED ₹1,00,000 is the UPI ceiling',
    'REQUIRED',
    mandateTerms(UPI_AUTOPAY_MAX_MINOR),
    { upi: ok('required', ['upi_extra_approval_above_limit']), netbanking: ok('required') },
  ],
  [
    'REQUIRED above ₹1,00,000 leaves only eNACH',
    'REQUIRED',
    mandateTerms(UPI_AUTOPAY_MAX_MINOR + 1),
    {
      upi: { available: false, mandate: 'required', reason: 'upi_max_amount_exceeded', notices: [] },
      netbanking: ok('required'),
    },
  ],
  [
    'OPTIONAL above ₹1,00,000 keeps UPI but drops its AutoPay opt-in',
    'OPTIONAL',
    mandateTerms(UPI_AUTOPAY_MAX_MINOR + 1),
    {
      upi: { available: true, mandate: 'none', reason: 'upi_max_amount_exceeded', notices: [] },
      netbanking: ok('optional'),
    },
  ],
  [
    'REQUIRED above every eNACH limit',
    'REQUIRED',
    mandateTerms(ENACH_MAX + 1),
    {
      upi: { available: false, mandate: 'required', reason: 'upi_max_amount_exceeded', notices: [] },
      netbanking: { available: false, mandate: 'required', reason: 'enach_max_amount_exceeded', notices: [] },
    },
  ],
  [
    'REQUIRED ONETIME is UPI only',
    'REQUIRED',
    mandateTerms(5_000_00, 'ONETIME'),
    { upi: ok('required'), netbanking: { available: false, mandate: 'required', reason: 'onetime_upi_only', notices: [] } },
  ],
  [
    'REQUIRED BIMONTHLY has no eNACH frequency code',
    'REQUIRED',
    mandateTerms(5_000_00, 'BIMONTHLY'),
    {
      upi: ok('required'),
      netbanking: { available: false, mandate: 'required', reason: 'enach_frequency_unsupported', notices: [] },
    },
  ],
]

describe('eligibleInstruments', () => {
  it.each(rows)('%s', (_name, createMandate, mandate, expected) => {
    const result = eligibleInstruments(both, { createMandate, mandate, rails: null })
    const byRail = Object.fromEntries(
      result.map((i) => [i.rail, { available: i.available, mandate: i.mandate, reason: i.unavailableReason, notices: i.notices }]),
    )
    expect(byRail).toEqual(expected)
  })

  it('offers only the instruments the merchant has', () => {
    const result = eligibleInstruments(upiOnly, { createMandate: null, mandate: null, rails: null })
    expect(result.map((i) => i.rail)).toEqual(['upi'])
  })

  it('offers only the rails the order allows, of those the merchant has', () => {
    const [createMandate, mandate] = [rows[0]?.[1] ?? null, rows[0]?.[2] ?? null]
    expect(eligibleInstruments(both, { createMandate, mandate, rails: ['upi'] }).map((i) => i.rail)).toEqual(['upi'])
    expect(eligibleInstruments(upiOnly, { createMandate, mandate, rails: ['netbanking'] })).toEqual([])
  })
})
