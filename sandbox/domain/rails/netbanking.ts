import type { StartNetbankingAttempt } from '../../../contract/attempt'
import { bankByCode, type Bank, type EnachDetails } from '../../../contract/enach'
import type { Merchant } from '../../merchants'
import { bankScenario } from '../../../contract/scenarios'
import type { BankAttempt, EnachAccount } from '../attempt'
import type { Order } from '../order'

export type BankStartError =
  | 'enach_details_required'
  | 'bank_required'
  | 'bank_unknown'
  | 'auth_mode_unsupported'
  | 'ifsc_bank_mismatch'
  | 'amount_above_mode_limit'

export type BankPlan = { ok: true; bank: BankAttempt } | { ok: false; error: BankStartError }

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
export function planBankAttempt(order: Order, merchant: Merchant, request: StartNetbankingAttempt): BankPlan {
  return request.setUpMandate ? mandatePlan(order, merchant, request.enach) : paymentPlan(request.bankCode)
}
