import type { MandateStatus } from '../../contract/status'

// What an order records of its mandate's last change after registration; sandbox/domain/mandate-lifecycle.ts makes them.

/**
 * Who changed the mandate: the merchant through its API, the customer in the UPI app or at the bank,
 * the payer's bank declining a debit because the mandate was revoked there, or the end of a pause
 * window (`pause_end`).
 */
export type MandateActor = 'merchant' | 'customer_upi_app' | 'customer_bank' | 'payer_bank' | 'pause_end'

/** A pause window, ISO-8601 instants: debits are held from its start until its end. */
export interface MandatePause {
  startDate: string
  endDate: string
}

/** The last change after registration: the status it led to, when, by whom, and the pause window while paused. */
export interface MandateChange {
  status: MandateStatus
  at: string
  by: MandateActor
  pause: MandatePause | null
}
