import type { DebitChoice, DebitNotification } from './renewal'

// What a mandate's order records of the merchant's own notices and debits; sandbox/domain/mandate-debits.ts decides them.

/** A notice the merchant sent (`pre_debit_notify`), and the execution that used it, if one has. */
export interface MerchantNotice extends DebitNotification {
  description: string
  /** The merchant order id of the execution this notice covered; a notice covers one debit. */
  usedBy: string | null
}

/** A debit the merchant presented (`POST /txns`): the frequency's period it takes, until it fails. */
export interface MerchantExecution {
  orderId: string
  /**
   * What makes a repeat of the request that presented it (sandbox/domain/mandate-executions.ts): a
   * repeat finding this entry without its order stored yet stores it, so a first try that stopped
   * after taking the period is finished by its retry.
   */
  fingerprint: string
  /** The mandate's frequency period the debit falls in (`debitPeriod`); null when the frequency sets no limit. */
  period: string | null
  amountMinor: number
  executionAt: string
  /** When the merchant presented it, on its sandbox clock. */
  presentedAt: string
  status: 'pending' | 'succeeded' | 'failed'
}

/** What a mandate's order keeps of the merchant's own notices and debits, oldest first, and QA's choice for its next debit when no subscription carries it. */
export interface MerchantDebits {
  notices: MerchantNotice[]
  executions: MerchantExecution[]
  nextDebit: DebitChoice | null
}
