import { describe, expect, it } from 'vitest'
import type { AttemptView } from '../../contract/attempt'
import type { SessionView } from '../../contract/session'
import { attemptView, netbankingAttemptView, sessionView } from '../testing/session-view'
import { checkoutStage, chosenStep, FIRST_STEP, initialStep, stepFor, stepKey, type CheckoutStep, type RailStep, type Stage } from './checkout-step'

const attempt = attemptView

const view = (latest: AttemptView | null): SessionView =>
  sessionView({
    createMandate: 'REQUIRED',
    upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent', 'qr', 'collect'] },
    expiresAt: '2026-11-26T18:00:00.000Z',
    attempt: latest,
    attemptsLeft: 24,
  })

const pending = attempt({})
const declined = attempt({ status: 'failed', failureReason: 'declined_by_customer', channel: 'intent' })
const qrExpired = attempt({ status: 'expired', failureReason: 'approval_window_expired', channel: 'qr' })
const collectExpired = attempt({ status: 'expired', failureReason: 'approval_window_expired', channel: 'collect' })
const intentExpired = attempt({ status: 'expired', failureReason: 'approval_window_expired', channel: 'intent' })
const cancelled = attempt({ status: 'cancelled', failureReason: 'cancelled_by_customer', channel: 'collect' })

const bankPending = netbankingAttemptView({})
const bankRejected = netbankingAttemptView({ status: 'failed', failureReason: 'bank_rejected' })
const netbanking = (after: string | null = null): RailStep => ({ name: 'rail', rail: 'netbanking', setUpMandate: true, after })

const upi = (channel: 'intent' | 'qr' | 'collect', after: string | null = null): RailStep => ({ name: 'rail', rail: 'upi', channel, setUpMandate: true, after })

describe('checkoutStage', () => {
  it.each<[string, AttemptView | null, CheckoutStep, Stage]>([
    ['nothing tried yet', null, FIRST_STEP, { name: 'choose' }],
    ['continue pressed', null, upi('qr'), upi('qr')],
    ['a pending attempt shows its rail even from the choice', pending, FIRST_STEP, upi('qr')],
    ['a pending attempt wins over another chosen channel', pending, upi('collect', 'att_0'), upi('qr', 'att_0')],
    ['a pending collect request keeps its channel', attempt({ channel: 'collect' }), FIRST_STEP, upi('collect')],
    ['a declined attempt shows the failure', declined, upi('intent'), { name: 'failed', attempt: declined }],
    ['a declined attempt after a reload', declined, FIRST_STEP, { name: 'failed', attempt: declined }],
    ['a failure the customer moved on from', declined, { name: 'choose', dismissed: 'att_1' }, { name: 'choose' }],
    ['try again after a failure', declined, upi('intent', 'att_1'), upi('intent', 'att_1')],
    ['an expired QR renews in place', qrExpired, upi('qr'), upi('qr')],
    ['an expired collect request is sent again in place', collectExpired, upi('collect'), upi('collect')],
    ['an expired intent request is a failure', intentExpired, upi('intent'), { name: 'failed', attempt: intentExpired }],
    ['an expired QR seen from another channel is a failure', qrExpired, upi('collect'), { name: 'failed', attempt: qrExpired }],
    ['an expired QR after a reload is a failure', qrExpired, FIRST_STEP, { name: 'failed', attempt: qrExpired }],
    ['a cancelled request is a failure', cancelled, upi('collect'), { name: 'failed', attempt: cancelled }],
    ['switching channel after cancelling', cancelled, upi('qr', 'att_1'), upi('qr', 'att_1')],
    ['a success waits for the completed screen', attempt({ status: 'succeeded' }), upi('qr'), upi('qr')],
    ['eNACH chosen', null, netbanking(), netbanking()],
    ['back from the bank, request still open', bankPending, FIRST_STEP, netbanking()],
    ['a pending eNACH request wins over a UPI step', bankPending, upi('qr', 'att_0'), netbanking()],
    ['the bank rejected', bankRejected, netbanking(), { name: 'failed', attempt: bankRejected }],
    ['the bank rejected, seen after a reload', bankRejected, FIRST_STEP, { name: 'failed', attempt: bankRejected }],
    ['retry after the bank rejected', bankRejected, netbanking('att_1'), netbanking('att_1')],
    ['a cancelled eNACH request left behind', netbankingAttemptView({ status: 'cancelled' }), netbanking('att_1'), netbanking('att_1')],
  ])('%s', (_name, latest, step, expected) => {
    expect(checkoutStage(view(latest), step)).toEqual(expected)
  })
})

describe('initialStep', () => {
  it.each<[string, AttemptView | null, CheckoutStep]>([
    ['no attempt', null, FIRST_STEP],
    ['a pending QR attempt', pending, upi('qr')],
    ['a pending intent payment', attempt({ channel: 'intent', setsUpMandate: false }), { name: 'rail', rail: 'upi', channel: 'intent', setUpMandate: false, after: null }],
    ['an ended attempt', declined, FIRST_STEP],
    ['a pending eNACH request', bankPending, netbanking()],
  ])('%s', (_name, latest, expected) => {
    expect(initialStep(view(latest))).toEqual(expected)
  })

  const netbankingFirst = (over: Partial<SessionView>): SessionView => ({
    ...view(null),
    preferredRail: 'netbanking',
    instruments: [
      { rail: 'upi', mandate: 'required', available: true, unavailableReason: null, notices: [] },
      { rail: 'netbanking', mandate: 'required', available: true, unavailableReason: null, notices: [] },
    ],
    ...over,
  })
  it.each<[string, SessionView, CheckoutStep]>([
    ['action enach opens straight into eNACH', netbankingFirst({}), netbanking()],
    [
      'unless eNACH is not available for this mandate',
      netbankingFirst({ instruments: [{ rail: 'netbanking', mandate: 'required', available: false, unavailableReason: 'onetime_upi_only', notices: [] }] }),
      FIRST_STEP,
    ],
    ['unless an attempt already ended', netbankingFirst({ attempt: bankRejected }), FIRST_STEP],
    [
      'a plain net banking payment when no mandate is asked',
      netbankingFirst({ createMandate: null, instruments: [{ rail: 'netbanking', mandate: 'none', available: true, unavailableReason: null, notices: [] }] }),
      { name: 'rail', rail: 'netbanking', setUpMandate: false, after: null },
    ],
  ])('%s', (_name, session, expected) => {
    expect(initialStep(session)).toEqual(expected)
  })
})

describe('stepFor', () => {
  it.each<[string, AttemptView, string | null, RailStep]>([
    ['a UPI attempt keeps its channel', attempt({ channel: 'collect' }), null, upi('collect')],
    ['a UPI payment without a mandate', attempt({ channel: 'intent', setsUpMandate: false }), 'att_1', { name: 'rail', rail: 'upi', channel: 'intent', setUpMandate: false, after: 'att_1' }],
    ['a net banking attempt', bankRejected, 'att_1', netbanking('att_1')],
  ])('%s', (_name, tried, after, expected) => {
    expect(stepFor(tried, after)).toEqual(expected)
  })
})

describe('chosenStep', () => {
  it.each<[string, Parameters<typeof chosenStep>, RailStep | null]>([
    ['UPI on the channel the device gets', ['upi', true, null, 'qr'], upi('qr')],
    ['UPI with no channel allowed', ['upi', true, null, null], null],
    ['net banking needs no channel', ['netbanking', true, 'att_1', null], netbanking('att_1')],
  ])('%s', (_name, args, expected) => {
    expect(chosenStep(...args)).toEqual(expected)
  })
})

describe('stepKey', () => {
  it('changes with the UPI channel and the attempt left behind, not with the mandate choice', () => {
    expect(stepKey(upi('qr'))).not.toBe(stepKey(upi('collect')))
    expect(stepKey(upi('qr'))).not.toBe(stepKey(upi('qr', 'att_1')))
    expect(stepKey(upi('qr'))).toBe(stepKey({ ...upi('qr'), setUpMandate: false }))
    expect(stepKey(netbanking())).not.toBe(stepKey(netbanking('att_1')))
  })
})
