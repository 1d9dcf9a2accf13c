import { describe, expect, it } from 'vitest'
import { bankByCode, BANKS, type Bank } from '../../../contract/enach'
import { inr } from '../../../contract/money'
import type { EnachLimits } from '../../../contract/session'
import { bankBlock, firstOfferedMode, maskAccountNumber, modeChoices, searchBanks } from './enach-rules'

const limits: EnachLimits = { netbanking: inr(10_00_000_00), debit_card: inr(10_00_000_00), aadhaar: inr(1_00_000_00) }
const bank = (code: string): Bank => {
  const found = bankByCode(code)
  if (!found) throw new Error(`no bank ${code}`)
  return found
}

describe('modeChoices', () => {
  it.each([
    ['SBIN', 50_000_00, { netbanking: null, debit_card: null, aadhaar: null }],
    ['SBIN', 1_00_000_00, { netbanking: null, debit_card: null, aadhaar: null }],
    ['SBIN', 1_00_000_01, { netbanking: null, debit_card: null, aadhaar: 'above_limit' }],
    ['KKBK', 50_000_00, { netbanking: null, debit_card: null, aadhaar: 'bank_unsupported' }],
    ['CBIN', 50_000_00, { netbanking: null, debit_card: 'bank_unsupported', aadhaar: 'bank_unsupported' }],
    ['AIRP', 2_00_000_00, { netbanking: 'bank_unsupported', debit_card: 'bank_unsupported', aadhaar: 'above_limit' }],
    ['SBIN', 10_00_000_01, { netbanking: 'above_limit', debit_card: 'above_limit', aadhaar: 'above_limit' }],
  ] as const)('%s for a mandate up to %i paise', (code, max, expected) => {
    const choices = modeChoices(bank(code), inr(max), limits)
    expect(Object.fromEntries(choices.map((c) => [c.mode, c.block]))).toEqual(expected)
    expect(choices.map((c) => c.limit)).toEqual([limits.netbanking, limits.debit_card, limits.aadhaar])
  })

  it('preselects the first mode offered, or none', () => {
    expect(firstOfferedMode(bank('SBIN'), inr(100), limits)).toBe('netbanking')
    expect(firstOfferedMode(bank('UJVN'), inr(100), limits)).toBe('debit_card')
    expect(firstOfferedMode(bank('AIRP'), inr(100), limits)).toBe('aadhaar')
    expect(firstOfferedMode(bank('AIRP'), inr(1_00_000_01), limits)).toBeNull()
  })
})

describe('bankBlock', () => {
  const mandate = (max: number) => ({ kind: 'mandate' as const, maxAmount: inr(max), limits })
  it.each([
    ['SBIN', mandate(5_00_000_00), null],
    ['AIRP', mandate(50_000_00), null],
    ['AIRP', mandate(1_00_000_01), { reason: 'modes_above_limit', modes: ['aadhaar'], limit: limits.aadhaar }],
    ['KKBK', mandate(10_00_000_01), { reason: 'modes_above_limit', modes: ['netbanking', 'debit_card'], limit: limits.netbanking }],
    ['SBIN', { kind: 'payment' as const }, null],
    ['AIRP', { kind: 'payment' as const }, { reason: 'no_netbanking' }],
    ['UJVN', { kind: 'payment' as const }, { reason: 'no_netbanking' }],
  ] as const)('%s: %o', (code, purpose, expected) => {
    expect(bankBlock(bank(code), purpose)).toEqual(expected)
  })

  it('names the highest limit of the modes the bank offers, wherever it is in the list', () => {
    const uneven: EnachLimits = { netbanking: inr(1_00_000_00), debit_card: inr(5_00_000_00), aadhaar: inr(2_00_000_00) }
    expect(bankBlock(bank('SBIN'), { kind: 'mandate', maxAmount: inr(6_00_000_00), limits: uneven })).toEqual({
      reason: 'modes_above_limit',
      modes: ['netbanking', 'debit_card', 'aadhaar'],
      limit: uneven.debit_card,
    })
  })

  it('a bank that offers no mode at all names none, and the mandate\'s own maximum', () => {
    const none: Bank = { code: 'NONE', name: 'No Modes Bank', modes: [], popular: false }
    expect(bankBlock(none, mandate(100))).toEqual({ reason: 'modes_above_limit', modes: [], limit: inr(100) })
  })
})

describe('searchBanks', () => {
  it('lists popular banks first, then the rest, each by name, with nothing lost', () => {
    const all = searchBanks('')
    expect(all).toHaveLength(BANKS.length)
    const firstOther = all.findIndex((b) => !b.popular)
    expect(all.slice(firstOther).every((b) => !b.popular)).toBe(true)
    expect(all.slice(0, firstOther).map((b) => b.name)).toEqual(all.slice(0, firstOther).map((b) => b.name).sort((a, b) => a.localeCompare(b, 'en')))
  })

  it.each([
    ['sbi', 'SBIN'],
    ['SBIN', 'SBIN'],
    ['state bank', 'SBIN'],
    ['pnb', 'PUNB'],
    ['hdfc', 'HDFC'],
    ['kotak', 'KKBK'],
    ['  Kotak  ', 'KKBK'],
    ['punjab sind', 'PSIB'],
    ['punjab & sind', 'PSIB'],
    ['airtel', 'AIRP'],
  ])('%j finds %s first', (query, code) => {
    expect(searchBanks(query)[0]?.code).toBe(code)
  })

  it.each([
    // Name prefix first (India Post, Indian Bank, Indian Overseas Bank), then anywhere in the name, popular first.
    ['india', ['IPOS', 'IDIB', 'IOBA', 'SBIN', 'BKID', 'CBIN', 'DBSS', 'SIBL', 'UBIN']],
    // A name that starts with the query outranks one that only holds it.
    ['dhan', ['DLXB', 'BDBL']],
    // Initials skip "of": Bank of Baroda is "bb", as Bandhan Bank is; the popular one first.
    ['bb', ['BARB', 'BDBL']],
    ['pn', ['PUNB']],
    ['p n b', ['PUNB']],
    // A code prefix, spaces and all.
    ['uti', ['UTIB']],
    ['sb in', ['SBIN']],
    // Accents do not matter.
    ['sūryoday', ['SURY']],
    ['small', ['AUBL', 'ESFB', 'JSFB', 'SURY', 'UJVN', 'UTKS']],
  ])('%j lists %j, in that order', (query, codes) => {
    expect(searchBanks(query).map((b) => b.code)).toEqual(codes)
  })

  it('skips "and" in initials as it skips "of"', () => {
    const banks: Bank[] = [
      { code: 'FATB', name: 'Farmers and Traders Bank', modes: ['netbanking'], popular: false },
      { code: 'FBOX', name: 'Fishers Bank of Xanadu', modes: ['netbanking'], popular: false },
    ]
    expect(searchBanks('ftb', banks).map((b) => b.code)).toEqual(['FATB'])
    expect(searchBanks('fbx', banks).map((b) => b.code)).toEqual(['FBOX'])
  })

  it.each(['zzzz', '<script>', 'x'.repeat(500)])('%j finds nothing', (query) => {
    expect(searchBanks(query)).toEqual([])
  })

  it.each(['\u202e', ' - ', '&'])('%j (only punctuation or controls) lists every bank', (query) => {
    expect(searchBanks(query)).toHaveLength(BANKS.length)
  })
})

describe('maskAccountNumber', () => {
  it.each([
    ['1111111111', '••••••1111'],
    ['12345', '•2345'],
    ['1234', '1234'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskAccountNumber(input)).toBe(expected)
  })
})
