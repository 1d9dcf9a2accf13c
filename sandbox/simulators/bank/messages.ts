import { html } from 'hono/html'
import type { FailureReason } from '../../../contract/attempt'
import type { AccountType, AuthMode } from '../../../contract/enach'
import type { AmountRule } from '../../../contract/mandate'

/** Markup from `html` (already escaped), so a merchant's text can stay isolated inside a sentence. */
type Html = ReturnType<typeof html>

/**
 * Every word the simulated bank / NPCI pages show, in one place (English only: a sandbox tool).
 * e2e tests find the pages by these texts (role + name), so change them together with the tests.
 */
export const messages = {
  banner: 'SANDBOX · simulated bank',
  bannerNote: 'No real money moves. Any user ID and password work; the OTP is 123456.',
  bankTag: 'simulated',
  documentTitle: (heading: string, bankName: string) => `${heading} · ${bankName} · Sandbox`,

  flow: { mandate: 'NPCI eMandate', payment: 'Net banking payment' },
  stepOf: (n: number, total: number, name: string) => `Step ${n} of ${total}: ${name}`,
  stepName: {
    credentials: { netbanking: 'Log in', debit_card: 'Debit card', aadhaar: 'Aadhaar' },
    otp: 'OTP',
    consent: { mandate: 'Authorise', payment: 'Confirm' },
  },

  heading: {
    credentials: {
      netbanking: 'Log in to net banking',
      debit_card: 'Verify with your debit card',
      aadhaar: 'Verify with Aadhaar',
    } satisfies Record<AuthMode, string>,
    otp: 'Enter OTP',
    consent: { mandate: 'Authorise eMandate', payment: 'Confirm payment' },
    status: { mandate: 'eMandate status', payment: 'Payment status' },
    notFound: 'This bank link is not valid',
    methodNotAllowed: 'This action is not available here',
    tooLarge: 'This request is too large',
  },
  notFoundText: 'The link may be mistyped, or it belongs to another sandbox. Start again from the checkout page.',
  methodNotAllowedText: 'Open the bank link in your browser and use its buttons.',
  tooLargeText: 'The form sent more data than the simulated bank accepts. Go back and try again.',

  form: {
    userIdLabel: 'User ID',
    userIdError: 'Enter your user ID.',
    passwordLabel: 'Password',
    passwordError: 'Enter your password.',
    login: 'Log in',
    cardNumberLabel: 'Debit card number',
    cardNumberHint: '12 to 19 digits, as printed on the card.',
    cardNumberError: 'Enter a valid debit card number.',
    expiryLabel: 'Expiry date (MM/YY)',
    expiryHint: 'For example 08/29.',
    expiryFormatError: 'Enter the expiry date as MM/YY.',
    expiryPastError: 'This card has expired.',
    aadhaarLabel: 'Aadhaar number',
    aadhaarHint: '12 digits, as printed on your Aadhaar card.',
    aadhaarError: 'Enter a valid 12-digit Aadhaar number.',
    continue: 'Continue',
    otpLabel: 'OTP',
    otpHint: {
      netbanking: 'Enter the 6-digit OTP sent to the mobile number registered with your bank.',
      debit_card: 'Enter the 6-digit OTP sent to the mobile number registered with your card.',
      aadhaar: 'Enter the 6-digit OTP sent to the mobile number linked with your Aadhaar.',
    } satisfies Record<AuthMode, string>,
    otpFormatError: 'Enter the 6-digit OTP.',
    otpWrong: (left: number) => `Incorrect OTP. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`,
    verifyOtp: 'Verify OTP',
    authorise: 'Authorise mandate',
    confirmPayment: (amount: string) => `Confirm payment of ${amount}`,
    decline: 'Decline',
    cancel: 'Cancel and return to merchant',
    errorSummary: 'Check the highlighted field and try again.',
  },

  facts: {
    label: { mandate: 'Mandate details', payment: 'Payment details' },
    payee: 'Payee',
    purpose: 'Purpose',
    maxAmount: 'Maximum amount',
    amountRule: 'Debit type',
    amount: 'Amount',
    frequency: 'Frequency',
    startDate: 'Start date',
    endDate: 'End date',
    chargedToday: 'Charged today',
    account: 'Debit from account',
    holder: 'Account holder',
    ifsc: 'IFSC',
    accountType: 'Account type',
    bank: 'Bank',
    umrn: 'UMRN',
  },
  amountRule: {
    VARIABLE: 'Up to the maximum amount per debit',
    FIXED: 'Exactly the maximum amount per debit',
  } satisfies Record<AmountRule, string>,
  accountType: {
    SAVINGS: 'Savings',
    CURRENT: 'Current',
    CASH_CREDIT: 'Cash credit',
    OTHER: 'Other',
  } satisfies Record<AccountType, string>,
  untilCancelled: 'Until cancelled',
  chargedToday: (amount: string, refunded: boolean) => (refunded ? `${amount}, refunded after registration` : amount),
  nothingToday: 'Nothing today',

  result: {
    title: {
      awaitingBank: 'Awaiting bank confirmation',
      mandateRegistered: 'Mandate registered',
      paid: 'Payment successful',
      failed: 'Not authorised',
      expired: 'Expired',
      cancelled: 'Cancelled',
    },
    awaitingBank: 'You authorised the mandate. Your bank is confirming it; the merchant’s page shows the result.',
    mandateRegistered: (payee: Html) => html`Your eMandate for ${payee} is registered.`,
    paid: (payee: Html, amount: string) => html`You paid ${amount} to ${payee}.`,
    failure: {
      declined_by_customer: 'You declined at your bank. Nothing was authorised.',
      bank_rejected: 'Your bank rejected the mandate. Nothing was authorised.',
      name_mismatch: 'The account holder name does not match the bank’s records. Nothing was authorised.',
      approval_window_expired: 'This request was not completed in time. Nothing was authorised.',
      cancelled_by_customer: 'This request was cancelled on the checkout page. Nothing was authorised.',
      authentication_failed: 'Too many incorrect OTPs. Nothing was authorised.',
    } satisfies Record<FailureReason, string>,
    ended: 'This request has ended. Nothing was authorised.',
    alreadyDecided: 'This request was already decided or has ended, so nothing was changed.',
    outOfStep: 'That step is not available now. Continue with the step shown.',
    returnToMerchant: 'Return to merchant',
  },

  /** One registered eMandate at the bank, which the customer may cancel (sandbox/simulators/bank/mandate-screen.ts). */
  mandate: {
    heading: 'Your eMandate',
    manage: 'View or cancel this eMandate',
    status: 'Status',
    statusText: { ACTIVE: 'Active', PAUSED: 'Paused', REVOKED: 'Cancelled', EXPIRED: 'Expired' },
    cancel: 'Cancel this eMandate',
    cancelHint: 'The merchant is told at once and can no longer debit your account through it.',
    done: {
      cancelled: (payee: Html) => html`You cancelled the eMandate for ${payee}.`,
      unchanged: 'Nothing was changed: the eMandate was already cancelled.',
      refused: 'This eMandate can no longer be cancelled, so nothing was changed.',
    },
  },
} as const
