import { inr } from '../../contract/values'

/** Debits above this need the customer's UPI PIN each time (RBI AFA-free limit for recurring mandates, docs/domain/upi.md#limits). */
export const UPI_EXTRA_APPROVAL_LIMIT = inr(15_000_00)
