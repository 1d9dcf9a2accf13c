import { AUTH_MODES, BANKS, type AuthMode, type Bank } from '../../../contract/enach'
import type { Money } from '../../../contract/money'
import type { EnachLimits } from '../../../contract/session'

/** Why an auth mode is not offered: the bank does not support it, or the mandate's maximum is above its limit. */
export type ModeBlock = 'bank_unsupported' | 'above_limit'

export interface ModeChoice {
  mode: AuthMode
  block: ModeBlock | null
  /** The most this mode may authorise for this merchant. */
  limit: Money
}

/** What the customer is doing at the bank: registering a mandate up to `maxAmount`, or a plain net banking payment. */
export type BankPurpose = { kind: 'mandate'; maxAmount: Money; limits: EnachLimits } | { kind: 'payment' }

/** Each auth mode, in a fixed order, with why it is not offered for this bank and mandate. */
export function modeChoices(bank: Bank, maxAmount: Money, limits: EnachLimits): ModeChoice[] {
  return AUTH_MODES.map((mode) => {
    const limit = limits[mode]
    if (!bank.modes.includes(mode)) return { mode, block: 'bank_unsupported', limit }
    if (maxAmount.minor > limit.minor) return { mode, block: 'above_limit', limit }
    return { mode, block: null, limit }
  })
}

/**
 * Why a bank cannot be used here. For a mandate: each mode it offers is above the mode's limit
 * (`modes` lists them, `limit` is the highest of their limits). For a payment: no net banking.
 */
export type BankBlock = { reason: 'modes_above_limit'; modes: AuthMode[]; limit: Money } | { reason: 'no_netbanking' }

export function bankBlock(bank: Bank, purpose: BankPurpose): BankBlock | null {
  if (purpose.kind === 'payment') return bank.modes.includes('netbanking') ? null : { reason: 'no_netbanking' }
  const choices = modeChoices(bank, purpose.maxAmount, purpose.limits).filter((choice) => choice.block !== 'bank_unsupported')
  if (choices.some((choice) => choice.block === null)) return null
  const limit = choices.reduce((high, choice) => (choice.limit.minor > high.minor ? choice.limit : high), choices[0]?.limit ?? purpose.maxAmount)
  return { reason: 'modes_above_limit', modes: choices.map((choice) => choice.mode), limit }
}

/** The first mode offered for this bank and mandate, to preselect; null when none is. */
export function firstOfferedMode(bank: Bank, maxAmount: Money, limits: EnachLimits): AuthMode | null {
  return modeChoices(bank, maxAmount, limits).find((choice) => choice.block === null)?.mode ?? null
}

/** Case, accents and punctuation do not matter when searching: "Punjab & Sind" finds "punjab sind". */
const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** "Punjab National Bank" → "pnb", so the usual short names find their bank. */
const initials = (name: string): string =>
  fold(name)
    .split(' ')
    .filter((word) => word !== 'of' && word !== 'and')
    .map((word) => word[0] ?? '')
    .join('')

/** How well a bank matches the query: 0 no match, higher is better. */
function matchRank(bank: Bank, query: string): number {
  const name = fold(bank.name)
  const code = bank.code.toLowerCase()
  if (name.startsWith(query) || code.startsWith(query.replace(/ /g, ''))) return 3
  if (initials(bank.name).startsWith(query.replace(/ /g, ''))) return 2
  if (name.includes(query)) return 1
  return 0
}

/**
 * The banks to list for a query. With no query: popular banks first, then the rest, each by name.
 * With one: best matches first (name or code prefix, then initials, then anywhere in the name),
 * popular banks first within a rank.
 */
export function searchBanks(query: string, banks: readonly Bank[] = BANKS): Bank[] {
  const folded = fold(query)
  const byName = (a: Bank, b: Bank) => a.name.localeCompare(b.name, 'en')
  const popularFirst = (a: Bank, b: Bank) => Number(b.popular) - Number(a.popular)
  if (folded === '') return [...banks].sort((a, b) => popularFirst(a, b) || byName(a, b))
  return banks
    .map((bank) => ({ bank, rank: matchRank(bank, folded) }))
    .filter((entry) => entry.rank > 0)
    .sort((a, b) => b.rank - a.rank || popularFirst(a.bank, b.bank) || byName(a.bank, b.bank))
    .map((entry) => entry.bank)
}

/** Dots for all but the last four characters: how the form shows an account number once entered. */
export const maskAccountNumber = (accountNumber: string): string =>
  accountNumber.length <= 4 ? accountNumber : `${'•'.repeat(accountNumber.length - 4)}${accountNumber.slice(-4)}`
