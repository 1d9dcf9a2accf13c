import type { AttemptStatus, FailureReason } from '../../../contract/attempt'
import type { AmountRule, Frequency, RuleType } from '../../../contract/mandate'
import { html } from 'hono/html'

/** Markup from `html` (already escaped), so a merchant's text can stay isolated inside a sentence. */
type Html = ReturnType<typeof html>

/**
 * Every word the simulated UPI app shows, in one place (English only: it is a sandbox tool).
 * e2e tests find the page by these texts (role + name), so change them together with the tests.
 */
export const messages = {
  banner: 'SANDBOX · simulated UPI app',
  bannerNote: 'No real money moves. Any 4 or 6 digits work as the UPI PIN.',
  appTag: 'simulated',
  documentTitle: (heading: string, appName: string) => `${heading} · ${appName} · Sandbox`,

  heading: {
    mandate: 'AutoPay mandate request',
    pay: 'Payment request',
    notFound: 'This request link is not valid',
    methodNotAllowed: 'This action is not available here',
    tooLarge: 'This request is too large',
  },
  notFoundText: 'The link may be mistyped, or it belongs to another sandbox. Start again from the checkout page.',
  methodNotAllowedText: 'Open the request link in your browser and use its buttons.',
  tooLargeText: 'The form sent more data than the simulated app accepts. Go back and try again.',

  facts: {
    label: 'Request details',
    payee: 'Payee',
    payeeVpa: 'Payee UPI ID',
    mandateName: 'Mandate name',
    note: 'Note',
    amount: 'Amount',
    maxAmount: 'Mandate amount',
    frequency: 'Frequency',
    validity: 'Valid',
    chargedToday: 'Charged today',
    cancellation: 'Cancellation',
    blockFunds: 'Funds',
    expires: 'Approve by',
    payerVpa: 'Paying from',
  },
  amountRule: {
    VARIABLE: (amount: string) => `Up to ${amount} per debit`,
    FIXED: (amount: string) => `Exactly ${amount} per debit`,
  } satisfies Record<AmountRule, (amount: string) => string>,
  validity: (start: string, end: string) => `${start} – ${end}`,
  chargedToday: (amount: string, refunded: boolean) => (refunded ? `${amount}, refunded after approval` : amount),
  nothingToday: 'Nothing today',
  revocable: 'You can cancel this mandate any time in your UPI app',
  notRevocable: 'This mandate cannot be cancelled before it ends',
  blocked: (amount: string) => `${amount} is blocked in your account until it is debited or the mandate ends`,
  notBlocked: 'No money is blocked in your account',
  expiresAt: (time: string) => `${time} IST`,

  schedule: {
    frequency: {
      ONETIME: 'One time',
      DAILY: 'Daily',
      WEEKLY: 'Weekly',
      FORTNIGHTLY: 'Fortnightly',
      MONTHLY: 'Monthly',
      BIMONTHLY: 'Every 2 months',
      QUARTERLY: 'Quarterly',
      HALFYEARLY: 'Every 6 months',
      YEARLY: 'Yearly',
      ASPRESENTED: 'As presented',
    } satisfies Record<Frequency, string>,
    rule: { ON: 'on', BEFORE: 'on or before', AFTER: 'on or after' } satisfies Record<RuleType, string>,
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    day: (n: number) => `day ${n}`,
    /** Days 29–31 do not exist in every month: the debit then falls on the month's last day. */
    lateDay: (n: number) => `day ${n} (or the last day of shorter months)`,
    fortnightDays: (first: number, second: number) => `day ${first} and day ${second}`,
    fortnightMonthEnd: 'day 15 and the last day of the month',
    join: (frequency: string, rule: string, day: string) => `${frequency}, ${rule} ${day}`,
  },

  form: {
    payerVpaLabel: 'Your UPI ID',
    payerVpaHint: 'The UPI ID this app pays from. You may change it.',
    payerVpaError: 'Enter a UPI ID such as name@bank.',
    pinLabel: 'UPI PIN',
    pinHint: 'Enter your 4- or 6-digit UPI PIN.',
    pinError: 'The UPI PIN must be 4 or 6 digits.',
    approve: 'Approve with UPI PIN',
    decline: 'Decline',
    errorSummary: 'Check the highlighted field and try again.',
  },

  result: {
    title: {
      pending: 'Waiting for your approval',
      succeeded: 'Approved',
      failed: 'Declined',
      expired: 'Expired',
      cancelled: 'Cancelled',
    } satisfies Record<AttemptStatus, string>,
    mandateApproved: (payee: Html) => html`You approved the AutoPay mandate for ${payee}.`,
    payApproved: (payee: Html) => html`You paid ${payee}.`,
    failure: {
      declined_by_customer: 'You declined this request. Nothing was authorised.',
      bank_rejected: 'The bank rejected this request. Nothing was authorised.',
      name_mismatch: 'The account holder name did not match. Nothing was authorised.',
      approval_window_expired: 'This request was not approved in time. Nothing was authorised.',
      cancelled_by_customer: 'This request was cancelled on the checkout page. Nothing was authorised.',
      authentication_failed: 'The customer could not be authenticated. Nothing was authorised.',
    } satisfies Record<FailureReason, string>,
    ended: 'This request has ended. Nothing was authorised.',
    goBack: 'You can now return to the merchant’s page.',
    alreadyDecided: 'This request was already decided or has ended, so nothing was changed.',
  },

  /** "My AutoPay mandates": the mandates a VPA registered, with pause, resume and revoke (sandbox/simulators/upi-app/mandates-screen.ts). */
  mandates: {
    heading: 'My AutoPay mandates',
    documentTitle: (vpa: string) => `My AutoPay mandates · ${vpa} · Sandbox`,
    vpaLabel: 'Your UPI ID',
    vpaHint: 'The UPI ID your mandates were approved from.',
    vpaError: 'Enter a UPI ID such as name@bank.',
    show: 'Show my mandates',
    forVpa: 'Mandates approved from',
    none: 'No AutoPay mandates were approved from this UPI ID in this sandbox.',
    listLabel: 'Your mandates',
    facts: {
      status: 'Status',
      maxAmount: 'Mandate amount',
      frequency: 'Frequency',
      mandateId: 'Mandate ID',
    },
    status: {
      ACTIVE: 'Active',
      PAUSED: (until: string) => `Paused until ${until}`,
      REVOKED: 'Revoked',
      EXPIRED: 'Expired',
    },
    pauseUntilLabel: 'Pause until',
    pauseUntilHint: 'No debits until the end of this day (IST).',
    pauseUntilError: 'Choose a day after today, before the mandate ends.',
    pause: 'Pause',
    resume: 'Resume',
    revoke: 'Revoke',
    notRevocable: 'This mandate cannot be revoked before it ends.',
    done: {
      paused: (payee: Html) => html`You paused the mandate for ${payee}.`,
      resumed: (payee: Html) => html`You resumed the mandate for ${payee}.`,
      revoked: (payee: Html) => html`You revoked the mandate for ${payee}.`,
      unchanged: 'Nothing was changed: the mandate was already in that state.',
      refused: 'That is not possible for this mandate now, so nothing was changed.',
    },
  },
} as const
