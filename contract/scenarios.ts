/**
 * The scenario catalogue: magic values that pick an outcome. A shared contract like the schemas
 * beside it: the sandbox domain decides outcomes by it, and its tests, the e2e journeys and QA
 * teams import it (never retyped as literals). Documented in the README.
 */

/** How a UPI attempt behaves once the customer's VPA is known. */
export type UpiScenario =
  | { kind: 'approve_after_delay'; delayMs: number }
  | { kind: 'decline'; delayMs: number }
  | { kind: 'wait' }
  | { kind: 'expire_after'; windowMs: number }
  | { kind: 'unknown_vpa' }
  | { kind: 'handle_without_autopay' }

export const MAGIC_VPAS = {
  success: 'success@upi',
  failure: 'failure@upi',
  pending: 'pending@upi',
  expired: 'expired@upi',
  unknown: 'unknown@upi',
} as const

/** Any VPA at this handle exists but its PSP does not support AutoPay mandates. */
export const NON_AUTOPAY_HANDLE = 'nomandate'

export const SUCCESS_DELAY_MS = 1500
export const EXPIRED_WINDOW_MS = 4000

export function upiScenario(vpa: string): UpiScenario {
  const normalised = vpa.trim().toLowerCase()
  switch (normalised) {
    case MAGIC_VPAS.success:
      return { kind: 'approve_after_delay', delayMs: SUCCESS_DELAY_MS }
    case MAGIC_VPAS.failure:
      return { kind: 'decline', delayMs: SUCCESS_DELAY_MS }
    case MAGIC_VPAS.pending:
      return { kind: 'wait' }
    case MAGIC_VPAS.expired:
      return { kind: 'expire_after', windowMs: EXPIRED_WINDOW_MS }
    case MAGIC_VPAS.unknown:
      return { kind: 'unknown_vpa' }
    default:
      return normalised.endsWith(`@${NON_AUTOPAY_HANDLE}`) ? { kind: 'handle_without_autopay' } : { kind: 'wait' }
  }
}

/** eNACH: what the simulated bank answers after the customer authenticates, by account number. */
export const MAGIC_ACCOUNTS = {
  approved: '1111111111',
  rejected: '2222222222',
  pending: '3333333333',
  nameMismatch: '4444444444',
} as const

export type BankScenario = 'approve' | 'reject' | 'wait' | 'name_mismatch'

export function bankScenario(accountNumber: string): BankScenario {
  switch (accountNumber) {
    case MAGIC_ACCOUNTS.rejected:
      return 'reject'
    case MAGIC_ACCOUNTS.pending:
      return 'wait'
    case MAGIC_ACCOUNTS.nameMismatch:
      return 'name_mismatch'
    default:
      return 'approve'
  }
}

/** The simulated bank's one-time password. */
export const BANK_OTP = '123456'

/** Reasons a bank declines a scheduled debit that QA may choose for a mandate's next debit (docs/domain/renewals.md#what-qa-chooses). */
export const BANK_DECLINES = ['insufficient_funds', 'mandate_revoked_at_bank', 'account_closed'] as const
export type BankDecline = (typeof BANK_DECLINES)[number]
