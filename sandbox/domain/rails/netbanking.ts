import type { StartNetbankingAttempt } from '../../../contract/attempt'
import { bankByCode, type Bank, type EnachDetails } from '../../../contract/enach'
import type { Frequency } from '../../../contract/mandate'
import type { Money } from '../../../contract/money'
import type { SessionView } from '../../../contract/session'
import type { Merchant } from '../../merchants'
import { bankScenario } from '../../../contract/scenarios'
import type { BankAttempt, EnachAccount, NetbankingAttempt } from '../attempt'
import type { Order } from '../order'
import { newUmrn } from '../umrn'
import type { RailDefinition } from './definition'

/** The third wrong OTP at the simulated bank fails the attempt. */
export const MAX_OTP_FAILURES = 3

/** Juspay frequencies with an NPCI eNACH frequency code (docs/domain/enach.md#frequencies); BIMONTHLY (every two months) has none. */
const ENACH_FREQUENCIES: readonly Frequency[] = [
  'DAILY',
  'WEEKLY',
  'FORTNIGHTLY',
  'MONTHLY',
  'QUARTERLY',
  'HALFYEARLY',
  'YEARLY',
  'ASPRESENTED',
]

export type NetbankingStartError =
  | 'enach_details_required'
  | 'bank_required'
  | 'bank_unknown'
  | 'auth_mode_unsupported'
  | 'ifsc_bank_mismatch'
  | 'amount_above_mode_limit'

type BankPlan = { ok: true; bank: BankAttempt } | { ok: false; error: NetbankingStartError }

/** 'X' for all but the last four characters: XXXXXX1111. */
export const maskAccountNumber = (accountNumber: string): string =>
  `${'X'.repeat(Math.max(accountNumber.length - 4, 0))}${accountNumber.slice(-4)}`

function account(details: EnachDetails): EnachAccount {
  return {
    masked: maskAccountNumber(details.accountNumber),
    last4: details.accountNumber.slice(-4),
    ifsc: details.ifsc,
    accountType: details.accountType,
    holderName: details.accountHolderName,
  }
}

const fresh = (bank: Bank, rest: Pick<BankAttempt, 'authMode' | 'scenario' | 'account'>): BankAttempt => ({
  bankCode: bank.code,
  bankName: bank.name,
  step: 'credentials',
  stage: 'awaiting_customer',
  otpFailures: 0,
  umrn: null,
  ...rest,
})

/** An eNACH registration: the bank must offer the auth mode, own the IFSC, and the mode's limit must cover the mandate. */
function mandatePlan(order: Order, merchant: Merchant, details: EnachDetails | undefined): BankPlan {
  if (!details) return { ok: false, error: 'enach_details_required' }
  const bank = bankByCode(details.bankCode)
  if (!bank) return { ok: false, error: 'bank_unknown' }
  if (!bank.modes.includes(details.authMode)) return { ok: false, error: 'auth_mode_unsupported' }
  if (details.ifsc.slice(0, 4) !== bank.code) return { ok: false, error: 'ifsc_bank_mismatch' }
  const maxMinor = order.mandate?.maxAmount.minor ?? 0
  if (maxMinor > merchant.enachLimitsMinor[details.authMode]) return { ok: false, error: 'amount_above_mode_limit' }
  // The account number picks the scenario here and is then dropped: only its masked form is kept.
  const scenario = bankScenario(details.accountNumber)
  return { ok: true, bank: fresh(bank, { authMode: details.authMode, scenario, account: account(details) }) }
}

/** A plain net banking payment: a bank that offers net banking; nothing to reject, so it approves. */
function paymentPlan(bankCode: string | undefined): BankPlan {
  if (!bankCode) return { ok: false, error: 'bank_required' }
  const bank = bankByCode(bankCode)
  if (!bank) return { ok: false, error: 'bank_unknown' }
  if (!bank.modes.includes('netbanking')) return { ok: false, error: 'auth_mode_unsupported' }
  return { ok: true, bank: fresh(bank, { authMode: 'netbanking', scenario: 'approve', account: null }) }
}

/** The bank side of a net banking attempt, or why it cannot start. */
function bankPlan(order: Order, merchant: Merchant, request: StartNetbankingAttempt): BankPlan {
  return request.setUpMandate ? mandatePlan(order, merchant, request.enach) : paymentPlan(request.bankCode)
}

const simulatorPath = (attempt: NetbankingAttempt): string => `/simulator/bank/${attempt.simulatorToken}`

/** The highest eNACH limit of any auth mode the merchant allows: above it no way of authorising can register. */
const enachMaxMinor = (merchant: Merchant): number => Math.max(...Object.values(merchant.enachLimitsMinor))

/** The merchant's eNACH limit per auth mode, for the page; null when the merchant does not offer this rail. */
export function enachLimits(merchant: Merchant, money: (minor: number) => Money): SessionView['enachLimits'] {
  if (!merchant.instruments.includes('netbanking')) return null
  return {
    netbanking: money(merchant.enachLimitsMinor.netbanking),
    debit_card: money(merchant.enachLimitsMinor.debit_card),
    aadhaar: money(merchant.enachLimitsMinor.aadhaar),
  }
}

/**
 * eNACH mandates (the customer authorises at the bank by net banking, debit card or Aadhaar) and
 * plain net banking payments. The customer moves through the simulated bank, which answers by the
 * account number's scenario (contract/scenarios.ts) once the customer has authorised.
 */
export const netbanking: RailDefinition<'netbanking', NetbankingStartError> = {
  mandateBlocker(mandate, merchant) {
    if (mandate.frequency === 'ONETIME') return 'onetime_upi_only'
    if (!ENACH_FREQUENCIES.includes(mandate.frequency)) return 'enach_frequency_unsupported'
    if (mandate.maxAmount.minor > enachMaxMinor(merchant)) return 'enach_max_amount_exceeded'
    return null
  },
  notices: () => [],
  plan(order, merchant, request) {
    const planned = bankPlan(order, merchant, request)
    return planned.ok ? { ok: true, part: { rail: 'netbanking', bank: planned.bank } } : planned
  },
  /** Longer than UPI's: log in at the bank, an OTP, then the bank's confirmation. */
  approvalWindowMs: 30 * 60 * 1000,
  autoOutcome: () => null,
  simulatorPath,
  awaitingBank: (attempt) => attempt.bank.stage === 'awaiting_bank',
  registered: (attempt, at) => (attempt.bank.account ? { ...attempt, bank: { ...attempt.bank, umrn: newUmrn(at) } } : attempt),
  umrn: (attempt) => attempt.bank.umrn,
  view(_order, attempt) {
    const { bank } = attempt
    const account = bank.account
    return {
      rail: 'netbanking',
      netbanking: {
        bankCode: bank.bankCode,
        bankName: bank.bankName,
        authMode: bank.authMode,
        account: account ? { numberMasked: account.masked, ifsc: account.ifsc, accountType: account.accountType } : null,
        bankUrl: simulatorPath(attempt),
        stage: bank.stage,
        umrn: bank.umrn,
      },
    }
  },
}
