/**
 * Test ids for elements with no accessible handle of their own. Shared with e2e: import, never retype.
 * Prefer role + accessible name; add an id here only where nothing accessible identifies the element.
 */
export const TEST_IDS = {
  /** The total amount in the order summary. */
  amountDue: 'amount-due',
  /** What the customer pays today. */
  chargedToday: 'charged-today',
  /** The mandate's maximum per debit. */
  maxPerDebit: 'max-per-debit',
  /** The plain-words mandate disclosure block. */
  mandateDisclosure: 'mandate-disclosure',
  /** The UPI channel hint shown under the UPI option. */
  upiChannel: 'upi-channel',
  /** The link expiry line. */
  linkExpiry: 'link-expiry',
  /** The price schedule block (also a region named by its heading, "What you will pay"). */
  priceSchedule: 'price-schedule',
  /** The price schedule's line with the first debit at the regular price, its date and amount. */
  firstRegularDebit: 'first-regular-debit',
  /** The success screen's first debit: its date, and its amount when the session has a price schedule. */
  firstDebit: 'first-debit',
  mandatesLink: 'mandates-link',
  /** A plan-change session's block (also a region named by its heading, "Change your plan"). */
  planChange: 'plan-change',
  /** What a plan change charges now (credit and charge netted). */
  planChangePayNow: 'plan-change-pay-now',
  /** Credit carried from an earlier plan change, taken off what is paid now. */
  planChangeHeldCredit: 'plan-change-held-credit',
  /** From when the new plan's price applies, and what it is. */
  planChangeNextCharge: 'plan-change-next-charge',
  /** The time left on a plan change's quote (a timer). */
  quoteTimer: 'quote-timer',
  /** "This quote has expired", in place of the timer once it reaches zero. */
  quoteExpired: 'quote-expired',
  /** What a plan-change session's success or failure means for the plan. */
  planChangeResult: 'plan-change-result',
} as const

/** The Element Timing identifier (`elementtiming`) of the payment options' labels: the bench reads when the browser painted them. */
export const FIRST_OPTION_TIMING = 'payment-option'
