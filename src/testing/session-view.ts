import type { NetbankingAttemptView, UpiAttemptView } from '../../contract/attempt'
import type { SessionView } from '../../contract/session'

/** An open session with nothing chosen or tried yet, for unit tests; override what a test is about. */
export const sessionView = (over: Partial<SessionView> = {}): SessionView => ({
  pageId: 'ordeh_0123456789abcdef0123456789abcdef',
  orderId: 'order_1',
  state: 'open',
  status: 'NEW',
  statusId: 10,
  merchant: { name: 'Acme Fitness', brandColor: '#0f766e', logoUrl: null },
  amount: { minor: 100, currency: 'INR' },
  chargedToday: { minor: 100, currency: 'INR' },
  registrationRefunded: true,
  description: null,
  customer: null,
  lineItems: [],
  schedule: null,
  planChange: null,
  createMandate: null,
  mandate: null,
  instruments: [],
  preferredRail: null,
  upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent'] },
  enachLimits: null,
  language: null,
  expiresAt: '2026-11-25T18:00:00.000Z',
  serverNow: '2026-11-25T17:45:00.000Z',
  outcome: null,
  attempt: null,
  attemptsLeft: 3,
  returnUrl: null,
  cancelUrl: null,
  ...over,
})

const attemptCommon = {
  id: 'att_1',
  number: 1,
  setsUpMandate: true,
  status: 'pending',
  failureReason: null,
  createdAt: '2026-11-25T18:00:00.000Z',
  expiresAt: '2026-11-25T18:05:00.000Z',
  endedAt: null,
} as const

/** A pending UPI QR attempt that sets up the mandate, for unit tests; override what a test is about. */
export const attemptView = (over: Partial<UpiAttemptView> = {}): UpiAttemptView => ({
  ...attemptCommon,
  rail: 'upi',
  channel: 'qr',
  upi: { uri: null, payerVpa: null, payerName: null, simulatorUrl: '/simulator/upi/att_1' },
  ...over,
})

/** A pending eNACH registration waiting for the customer at their bank, for unit tests; override what a test is about. */
export const netbankingAttemptView = (over: Partial<NetbankingAttemptView> = {}): NetbankingAttemptView => ({
  ...attemptCommon,
  rail: 'netbanking',
  netbanking: {
    bankCode: 'HDFC',
    bankName: 'HDFC Bank',
    authMode: 'netbanking',
    account: { numberMasked: '••••••••1234', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
    bankUrl: '/simulator/bank/att_1',
    stage: 'awaiting_customer',
    umrn: null,
  },
  ...over,
})
