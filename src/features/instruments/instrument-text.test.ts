import { describe, expect, it } from 'vitest'
import { UNAVAILABLE_REASONS, type Instrument } from '../../../contract/instrument'
import { en } from '../../i18n/en'
import { hi } from '../../i18n/hi'
import { phraseText } from '../../i18n/phrase'
import { initialInstrument, instrumentHint, instrumentLabel, noticeTexts, unavailableText } from './instrument-text'

const upi = (over: Partial<Instrument> = {}): Instrument => ({
  rail: 'upi',
  mandate: 'required',
  available: true,
  unavailableReason: null,
  notices: [],
  ...over,
})

describe('instrumentLabel', () => {
  it.each([
    ['upi', 'required', 'UPI AutoPay', 'UPI ऑटोपे'],
    ['netbanking', 'required', 'eNACH (bank account mandate)', 'ई-नैच (बैंक खाता मैंडेट)'],
    ['upi', 'optional', 'UPI', 'UPI'],
    ['netbanking', 'optional', 'Net banking', 'नेट बैंकिंग'],
    ['upi', 'none', 'UPI', 'UPI'],
    ['netbanking', 'none', 'Net banking', 'नेट बैंकिंग'],
  ] as const)('%s with mandate %s is %s', (rail, mandate, english, hindi) => {
    expect(phraseText(instrumentLabel({ rail, mandate }), en)).toBe(english)
    expect(phraseText(instrumentLabel({ rail, mandate }), hi)).toBe(hindi)
  })
})

describe('instrumentHint', () => {
  it.each([
    ['UPI names the channel this device gets', upi(), 'qr', 'Scan a QR code with any UPI app'],
    ['UPI with no channel allowed has none', upi(), null, null],
    ['eNACH names the ways to approve', upi({ rail: 'netbanking' }), null, 'Approve the mandate with your bank: net banking, debit card or Aadhaar.'],
    ['net banking without a mandate', upi({ rail: 'netbanking', mandate: 'none' }), null, 'Pay from your bank account through your bank’s website.'],
    ['an option that is not offered has none', upi({ available: false, unavailableReason: 'upi_max_amount_exceeded' }), 'qr', null],
  ] as const)('%s', (_name, instrument, channel, text) => {
    const key = instrumentHint(instrument, channel)
    expect(key && en[key]).toBe(text)
  })
})

describe('unavailableText', () => {
  it.each(UNAVAILABLE_REASONS)('%s has its own words, for a withheld option and a withheld opt-in', (reason) => {
    const required = unavailableText(upi({ available: false, unavailableReason: reason }), 'en')
    const optional = unavailableText(upi({ mandate: 'none', unavailableReason: reason }), 'en')
    expect(required && phraseText(required, en)).toMatch(/^Not available\. .+\.$/)
    expect(optional && phraseText(optional, en)).toMatch(/^You can pay with this option, but a mandate cannot be set up with it\. .+/)
    expect(required && phraseText(required, hi)).toMatch(/^उपलब्ध नहीं। /)
  })

  it('names the UPI AutoPay cap', () => {
    const text = unavailableText(upi({ available: false, unavailableReason: 'upi_max_amount_exceeded' }), 'en')
    expect(text && phraseText(text, en)).toBe('Not available. UPI AutoPay allows at most ₹1,00,000.00 per debit, and this mandate allows more.')
  })

  it('is null when nothing is withheld', () => {
    expect(unavailableText(upi(), 'en')).toBeNull()
  })
})

describe('noticeTexts', () => {
  it('explains the extra approval above ₹15,000', () => {
    const [notice] = noticeTexts(upi({ notices: ['upi_extra_approval_above_limit'] }), 'en')
    expect(notice && phraseText(notice, en)).toBe('Debits above ₹15,000.00 need your UPI PIN each time.')
  })
})

describe('initialInstrument', () => {
  const nb = upi({ rail: 'netbanking' })
  it.each([
    ['preferred netbanking', [upi(), nb], 'netbanking', 'netbanking'],
    ['no preference takes the first', [upi(), nb], null, 'upi'],
    ['preferred but unavailable', [upi(), upi({ rail: 'netbanking', available: false, unavailableReason: 'onetime_upi_only' })], 'netbanking', 'upi'],
    ['first unavailable', [upi({ available: false, unavailableReason: 'upi_max_amount_exceeded' }), nb], null, 'netbanking'],
    ['none available', [upi({ available: false, unavailableReason: 'upi_max_amount_exceeded' })], null, null],
  ] as const)('%s', (_name, instruments, preferred, expected) => {
    expect(initialInstrument(instruments, preferred)).toBe(expected)
  })
})
