/** The magic values that pick an outcome, from the catalogue the sandbox itself decides by. */
export {
  BANK_DECLINES,
  BANK_OTP,
  EXPIRED_WINDOW_MS,
  MAGIC_ACCOUNTS,
  MAGIC_VPAS,
  NON_AUTOPAY_HANDLE,
  SUCCESS_DELAY_MS,
} from '../../../contract/scenarios'
export type { BankDecline } from '../../../contract/scenarios'
