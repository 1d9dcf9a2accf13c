import { describe, expect, it } from 'vitest'
import { SessionView } from '../../contract/session'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type Merchant } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { monthlyPlan, orderBilling, orderDraft, subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import type { Attempt, NetbankingAttempt, UpiAttempt } from './attempt'
import { MovableClock } from './clock'
import type { Customer, Order } from './order'
import { createOrder, type OrderDraft } from './orders'
import { changedSchedule, planChangePreview } from './plan-change'
import { istMidnight } from './proration'
import { order as storedOrder } from '../testing/store-contract'
import { maskEmail, maskPhone, toSessionView, type ReturnSigner } from './view'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const demo = merchants.byId('demo_merchant')
const upiOnly = merchants.byId('other_merchant')
if (!demo || !upiOnly) throw new Error('demo merchants missing')
const merchant: Merchant = demo

/** Signs the return URL as a dialect would, so a test sees which order it was asked for. */
const sign: ReturnSigner = (url, order) => `${url}?order_id=${order.orderId}&status=${order.status}`

const base = async (draft: Partial<OrderDraft> = {}): Promise<Order> => {
  const created = await createOrder({ store: new MemoryStore(), clock: new MovableClock({ now: () => TEST_NOW }) }, orderDraft(TEST_NOW, { orderId: 'o-1', ...draft }))
  if (created.kind !== 'created') throw new Error(created.kind)
  return created.order
}

const upiAttempt = (overrides: Partial<UpiAttempt> = {}): UpiAttempt => ({
  id: 'att_1',
  number: 1,
  txnId: 'demo_merchant-o-1-1',
  txnUuid: 'u1',
  idempotencyKey: 'k1',
  requestFingerprint: 'f',
  rail: 'upi',
  channel: 'collect',
  payerVpa: 'asha@okaxis',
  payerName: 'Asha',
  payerApp: null,
  setsUpMandate: true,
  status: 'pending',
  failureReason: null,
  createdAt: TEST_NOW.toISOString(),
  expiresAt: new Date(TEST_NOW.getTime() + 5 * 60_000).toISOString(),
  endedAt: null,
  simulatorToken: 'tok1',
  autoOutcome: null,
  mandateId: null,
  mandateToken: null,
  ...overrides,
})

const succeeded = (overrides: Partial<UpiAttempt> = {}): UpiAttempt =>
  upiAttempt({ status: 'succeeded', endedAt: new Date(TEST_NOW.getTime() + 60_000).toISOString(), mandateId: 'MID1', mandateToken: 'mt', ...overrides })

const charged = async (attempt: Attempt, draft: Partial<OrderDraft> = {}): Promise<Order> => ({
  ...(await base(draft)),
  status: 'CHARGED',
  mandateStatus: attempt.setsUpMandate ? 'ACTIVE' : null,
  mandateId: attempt.setsUpMandate ? 'MID1' : null,
  attempts: [attempt],
})

const view = (order: Order, now = TEST_NOW, on: Merchant = merchant) => toSessionView(order, on, now, sign)

describe('maskEmail', () => {
  it.each([
    ['asha@example.com', 'a***@example.com'],
    ['ab@example.com', 'a**@example.com'],
    ['a@example.com', 'a**@example.com'],
    ['first@last@example.com', 'f*********@example.com'],
    ['@example.com', '***'],
    ['no-at-sign', '***'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked)
  })
})

describe('maskPhone', () => {
  it.each([
    ['+91 98765 43210', '********3210'],
    ['9876543210', '******3210'],
    ['1234', '1234'],
    ['123', '****'],
    ['+1 (23)', '****'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })
})

describe('toSessionView: the session as the page shows it', () => {
  it('shows a new session: open, its amounts, merchant, mandate and what is offered, no attempt yet', async () => {
    const order = await base()
    const shown = view(order)
    expect(SessionView.parse(shown)).toEqual(shown)
    expect(shown).toMatchObject({
      pageId: order.id,
      orderId: 'o-1',
      state: 'open',
      status: 'NEW',
      statusId: 10,
      merchant: { name: 'Acme Fitness', brandColor: '#0f766e', logoUrl: null },
      amount: { minor: 100, currency: 'INR' },
      chargedToday: { minor: 100, currency: 'INR' },
      registrationRefunded: true,
      description: 'Monthly plan',
      customer: null,
      schedule: null,
      planChange: null,
      createMandate: 'REQUIRED',
      mandate: order.mandate,
      preferredRail: null,
      upiChannelPolicy: merchant.upi.channelPolicy,
      enachLimits: {
        netbanking: { minor: merchant.enachLimitsMinor.netbanking, currency: 'INR' },
        debit_card: { minor: merchant.enachLimitsMinor.debit_card, currency: 'INR' },
        aadhaar: { minor: merchant.enachLimitsMinor.aadhaar, currency: 'INR' },
      },
      expiresAt: order.expiresAt,
      serverNow: TEST_NOW.toISOString(),
      outcome: null,
      attempt: null,
      attemptsLeft: 25,
      returnUrl: null,
      cancelUrl: null,
    })
    expect(shown.instruments.map((i) => [i.rail, i.mandate, i.available])).toEqual([['upi', 'required', true], ['netbanking', 'required', true]])
  })

  it('says the registration charge is kept when the order does not ask for its refund', async () => {
    expect(view(await base({ metadata: {} })).registrationRefunded).toBe(false)
    expect(view(await base({ metadata: { auto_refund_post_success: 'false' } })).registrationRefunded).toBe(false)
  })

  it('gives no eNACH limits for a merchant that does not offer net banking', async () => {
    expect(view(await base(), TEST_NOW, upiOnly).enachLimits).toBeNull()
  })

  it.each<[string, Partial<Customer>, ReturnType<typeof view>['customer']]>([
    ['a full name, email and phone', { firstName: 'Asha', lastName: 'Verma', email: 'asha@example.com', phone: '9876543210' }, { name: 'Asha Verma', email: 'a***@example.com', phone: '******3210' }],
    ['a first name alone', { firstName: 'Asha' }, { name: 'Asha', email: null, phone: null }],
    ['a last name alone', { lastName: 'Verma' }, { name: 'Verma', email: null, phone: null }],
    ['an email alone', { email: 'asha@example.com' }, { name: null, email: 'a***@example.com', phone: null }],
    ['a phone alone', { phone: '9876543210' }, { name: null, email: null, phone: '******3210' }],
    ['empty texts', { firstName: '', lastName: '', email: '', phone: '' }, null],
  ])('shows the customer from %s, masked', async (_name, customer, shown) => {
    const order = await base({ customer: { id: null, email: null, phone: null, firstName: null, lastName: null, ...customer } })
    expect(view(order).customer).toEqual(shown)
  })

  it('shows a pending UPI attempt with what the app needs, and the attempts left', async () => {
    const order = { ...(await base()), status: 'PENDING_VBV' as const, mandateStatus: 'CREATED' as const, attempts: [upiAttempt()] }
    const shown = view(order)
    expect(SessionView.parse(shown)).toEqual(shown)
    expect(shown.attempt).toMatchObject({
      id: 'att_1',
      number: 1,
      setsUpMandate: true,
      status: 'pending',
      failureReason: null,
      createdAt: TEST_NOW.toISOString(),
      expiresAt: upiAttempt().expiresAt,
      endedAt: null,
      rail: 'upi',
      channel: 'collect',
      upi: { payerVpa: 'asha@okaxis', payerName: 'Asha', simulatorUrl: '/simulator/upi/tok1' },
    })
    expect(shown).toMatchObject({ attemptsLeft: 24, outcome: null, returnUrl: null })
  })

  it('shows the latest attempt, not the first', async () => {
    const first = upiAttempt({ status: 'failed', failureReason: 'declined_by_customer', endedAt: TEST_NOW.toISOString() })
    const second = upiAttempt({ id: 'att_2', number: 2 })
    const order = { ...(await base()), status: 'PENDING_VBV' as const, attempts: [first, second] }
    expect(view(order).attempt?.id).toBe('att_2')
  })

  it('shows a pending eNACH attempt with the bank and the masked account, then its UMRN once registered', async () => {
    const shape = storedOrder().attempts.find((a): a is NetbankingAttempt => a.rail === 'netbanking')
    if (!shape) throw new Error('no net banking attempt')
    const attempt: NetbankingAttempt = { ...shape, status: 'pending', failureReason: null, endedAt: null }
    const order = { ...(await base()), status: 'PENDING_VBV' as const, attempts: [attempt] }
    expect(view(order).attempt).toMatchObject({
      rail: 'netbanking',
      netbanking: {
        bankCode: 'HDFC',
        bankName: 'HDFC Bank',
        authMode: 'netbanking',
        account: { numberMasked: 'XXXXXX1111', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
        bankUrl: '/simulator/bank/tok2',
        stage: 'awaiting_customer',
        umrn: null,
      },
    })
    const registered: NetbankingAttempt = { ...attempt, status: 'succeeded', bank: { ...attempt.bank, umrn: 'HDFC7000000000000001', account: null } }
    expect(view({ ...order, attempts: [registered] }).attempt).toMatchObject({ netbanking: { account: null, umrn: 'HDFC7000000000000001' } })
  })

  it('shows a registered UPI mandate\'s outcome: its id, when it completed, the first debit, where the payer sees it', async () => {
    const order = await charged(succeeded())
    const shown = view(order)
    expect(SessionView.parse(shown)).toEqual(shown)
    expect(shown.outcome).toEqual({
      status: 'CHARGED',
      statusId: 21,
      mandateStatus: 'ACTIVE',
      mandateId: 'MID1',
      completedAt: succeeded().endedAt,
      // Monthly from 25 November, rule AFTER 5: the first debit falls on 5 December (IST midnight).
      firstDebitDate: '2026-12-04T18:30:00.000Z',
      mandatesUrl: '/simulator/upi/mandates?vpa=asha%40okaxis',
    })
    expect(shown.state).toBe('completed')
  })

  it('shows a paid order without a mandate: no debit date, no mandate list', async () => {
    const order = await charged(succeeded({ setsUpMandate: false, mandateId: null, mandateToken: null }), { createMandate: 'OPTIONAL' })
    expect(view(order).outcome).toMatchObject({ mandateStatus: null, mandateId: null, firstDebitDate: null, mandatesUrl: null })
  })

  it('shows no outcome for a charged order whose mandate is no longer active (no debit date) or whose payer has no VPA', async () => {
    const paused = { ...(await charged(succeeded())), mandateStatus: 'PAUSED' as const }
    expect(view(paused).outcome).toMatchObject({ mandateStatus: 'PAUSED', firstDebitDate: null })
    const intent = await charged(succeeded({ channel: 'intent', payerVpa: null }))
    expect(view(intent).outcome).toMatchObject({ mandateId: 'MID1', mandatesUrl: null })
  })

  it('shows no outcome before the order is charged, or while its attempt has no end', async () => {
    const failed = { ...(await base()), status: 'AUTHORIZATION_FAILED' as const, attempts: [upiAttempt({ status: 'failed', endedAt: TEST_NOW.toISOString() })] }
    expect(view(failed).outcome).toBeNull()
    const unended = await charged(succeeded({ endedAt: null }))
    expect(view(unended).outcome).toBeNull()
  })

  it.each<[string, Order['status'], boolean, string | null]>([
    ['charged', 'CHARGED', false, 'https://shop.merchant.com/return?order_id=o-1&status=CHARGED'],
    ['declined', 'AUTHORIZATION_FAILED', false, 'https://shop.merchant.com/return?order_id=o-1&status=AUTHORIZATION_FAILED'],
    ['failed authentication', 'AUTHENTICATION_FAILED', false, 'https://shop.merchant.com/return?order_id=o-1&status=AUTHENTICATION_FAILED'],
    ['declined by the gateway', 'JUSPAY_DECLINED', false, 'https://shop.merchant.com/return?order_id=o-1&status=JUSPAY_DECLINED'],
    ['pending', 'PENDING_VBV', false, null],
    ['new and open', 'NEW', false, null],
    ['new and expired', 'NEW', true, 'https://shop.merchant.com/return?order_id=o-1&status=NEW'],
  ])('hands the signed return URL once there is a result: %s', async (_name, status, expired, url) => {
    const order = { ...(await base()), status }
    const now = expired ? new Date(Date.parse(order.expiresAt)) : TEST_NOW
    expect(view(order, now).returnUrl).toBe(url)
  })

  it('hands no return URL to an order that gave none', async () => {
    const order = { ...(await base({ returnUrl: null })), status: 'CHARGED' as const }
    expect(view(order).returnUrl).toBeNull()
  })

  it('counts the attempts left down to none, never below', async () => {
    const ended = upiAttempt({ status: 'cancelled', endedAt: TEST_NOW.toISOString() })
    const order = { ...(await base()), attempts: Array.from({ length: 26 }, () => ended) }
    expect(view(order).attemptsLeft).toBe(0)
  })

  it('shows a checkout session\'s cancel_url', async () => {
    const order = await base({ source: { dialect: 'checkout', sessionId: 'cs_1', clientSecret: 's', mode: 'subscription', cancelUrl: 'https://shop.merchant.com/cancel', raw: {} } })
    expect(view(order).cancelUrl).toBe('https://shop.merchant.com/cancel')
  })

  it('shows a plan registration\'s schedule', async () => {
    const billing = orderBilling()
    expect(view(await base({ billing })).schedule).toEqual(billing.schedule)
  })
})

describe('toSessionView: a plan change\'s session', () => {
  /** A move from fit_monthly (₹499, paid 25 Nov → 5 Dec 2026 IST) to a ₹799 plan, previewed at TEST_NOW. */
  async function changeOrder() {
    const held = subscriptionFixture({ merchantId: 'demo_merchant' })
    const from = monthlyPlan()
    const to = monthlyPlan({ plan_id: 'fit_799', name: 'Plus', amount: { type: 'FIXED', paise: 79900 }, max_amount: 79900 })
    const preview = planChangePreview({
      subscription: { ...held, plan: from },
      cycle: { start: istMidnight('2026-11-25'), end: istMidnight('2026-12-05') },
      requestId: 'r1',
      fingerprint: 'fp',
      now: TEST_NOW,
      lifetimeMinutes: 15,
      next: { planId: to.plan_id, amountMinor: 79900, ruleValue: 5 },
    })
    const order = await base({
      billing: {
        plan: to,
        schedule: changedSchedule(held.schedule, preview, to, 100000),
        subscriptionId: held.id,
        planChange: { preview, from: { planId: from.plan_id, name: from.name }, to: { planId: to.plan_id, name: to.name }, newMandate: false, appliedAt: null },
      },
    })
    return { order, preview }
  }

  it('shows what the change pays for instead of a schedule: both plans, the credit and charge, the days covered, the next debit', async () => {
    const { order, preview } = await changeOrder()
    const shown = view(order)
    expect(SessionView.parse(shown)).toEqual(shown)
    const inr = (minor: number) => ({ minor, currency: 'INR' })
    expect(shown.schedule).toBeNull()
    expect(shown.planChange).toEqual({
      from: { planId: 'fit_monthly', name: 'Monthly', amount: inr(49900) },
      to: { planId: 'fit_799', name: 'Plus', amount: inr(79900) },
      interval: 'MONTHLY',
      credit: inr(preview.proration.unusedCreditMinor),
      charge: inr(preview.proration.newPlanChargeMinor),
      heldCredit: inr(preview.proration.creditAppliedMinor),
      payNow: inr(preview.proration.proratedMinor),
      // Changed on 25 Nov (IST): the 25th through the 4th of December, 10 days.
      covers: { from: '2026-11-25', until: '2026-12-04', days: 10 },
      nextCharge: { date: '2026-12-05', amount: inr(79900), intro: false },
      quoteExpiresAt: preview.expiresAt,
      newMandate: false,
    })
    expect(preview.proration.unusedCreditMinor).not.toBe(preview.proration.newPlanChargeMinor)
    expect(preview.proration.proratedMinor).toBeGreaterThan(0)
  })
})
