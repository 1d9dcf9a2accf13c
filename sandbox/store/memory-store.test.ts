import { describe, expect, it } from 'vitest'
import type { Plan } from '../../contract/plan'
import type { NetbankingAttempt, UpiAttempt } from '../domain/attempt'
import type { Order } from '../domain/order'
import type { PlanChangePreview } from '../domain/plan-change'
import type { Subscription } from '../domain/subscriptions'
import { monthlyPlan, orderBilling, orderDraft, subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import type { WebhookDelivery } from '../domain/webhook-delivery'
import { MemoryStore } from './memory-store'

const attemptBase = (n: number) => ({
  id: `att_${n}`,
  number: n,
  txnId: `demo_merchant-o-1-${n}`,
  txnUuid: `uuid${n}`,
  idempotencyKey: `k${n}`,
  requestFingerprint: `f${n}`,
  setsUpMandate: true,
  status: 'failed' as const,
  failureReason: 'declined_by_customer' as const,
  createdAt: TEST_NOW.toISOString(),
  expiresAt: TEST_NOW.toISOString(),
  endedAt: TEST_NOW.toISOString(),
  simulatorToken: `tok${n}`,
  autoOutcome: null,
  mandateId: null,
  mandateToken: null,
})

/** One attempt of each rail's shape, so every rail's own part is copied too. */
const upiAttempt = (): UpiAttempt => ({ ...attemptBase(1), rail: 'upi', channel: 'collect', payerVpa: 'asha@okaxis', payerName: 'Asha', payerApp: 'gpay' })
const netbankingAttempt = (): NetbankingAttempt => ({
  ...attemptBase(2),
  rail: 'netbanking',
  bank: {
    bankCode: 'HDFC',
    bankName: 'HDFC Bank',
    authMode: 'netbanking',
    scenario: 'approve',
    step: 'consent',
    stage: 'awaiting_customer',
    otpFailures: 1,
    account: { masked: 'XXXXXX1111', last4: '1111', ifsc: 'HDFC0001234', accountType: 'SAVINGS', holderName: 'Asha Verma' },
    umrn: null,
  },
})

const order = (): Order => ({
  ...orderDraft(TEST_NOW, {
    orderId: 'o-1',
    paymentRules: { payment_flows: { billing_creation: { plans: [{ amount: '10.00' }] } } },
    source: {
      dialect: 'checkout',
      sessionId: 'cs_1',
      clientSecret: 'cs_1_secret_x',
      mode: 'subscription',
      cancelUrl: null,
      raw: { line_items: [{ price_data: { unit_amount: 100 } }], created: new Date('2026-11-25T10:00:00.000Z') },
    },
  }),
  id: 'ordeh_1',
  createdAt: TEST_NOW.toISOString(),
  clientAuthToken: 'tkn_1',
  clientAuthTokenExpiresAt: TEST_NOW.toISOString(),
  status: 'NEW',
  attempts: [upiAttempt(), netbankingAttempt()],
  mandateStatus: null,
  mandateId: null,
  mandateToken: null,
  refundedMinor: 0,
  cancelledAt: null,
})

/** Changes something at every depth of an order, as a careless caller might. */
function scribble(o: Order): void {
  o.status = 'CHARGED'
  o.customer.email = 'changed@example.com'
  o.udf.push('x')
  o.metadata['added'] = 'x'
  if (o.mandate) o.mandate.maxAmount.minor = 1
  ;((o.paymentRules as { payment_flows: { billing_creation: { plans: { amount: string }[] } } }).payment_flows.billing_creation.plans[0] as {
    amount: string
  }).amount = '0.01'
  for (const attempt of o.attempts) {
    attempt.status = 'succeeded'
    if (attempt.rail === 'upi') attempt.payerVpa = 'changed@okaxis'
    if (attempt.rail === 'netbanking') {
      attempt.bank.otpFailures = 3
      if (attempt.bank.account) attempt.bank.account.masked = 'XXXXXX9999'
    }
  }
  o.attempts.pop()
  if (o.source.dialect === 'checkout') {
    ;(o.source.raw as { line_items: unknown[]; created: Date }).line_items.pop()
    ;(o.source.raw as { created: Date }).created.setUTCFullYear(2000)
  }
}

describe('MemoryStore orders', () => {
  it('keeps its own copy of an inserted order, so the caller changing it later changes nothing stored', () => {
    const store = new MemoryStore()
    const inserted = order()
    store.insertOrder(inserted)
    scribble(inserted)
    expect(store.orderById('ordeh_1')).toEqual(order())
  })

  it('hands out copies of orders, from every lookup and from a refused insert', () => {
    const store = new MemoryStore()
    store.insertOrder(order())
    const refused = store.insertOrder({ ...order(), id: 'ordeh_2' })
    const reads = [
      store.orderById('ordeh_1'),
      store.orderByMerchantOrderId('demo_merchant', 'O-1'),
      store.orderByCheckoutSessionId('cs_1'),
      store.orderByClientSecret('cs_1_secret_x'),
      refused.inserted ? undefined : refused.existing,
    ]
    for (const read of reads) {
      expect(read).toEqual(order())
      if (read) scribble(read)
    }
    expect(store.orderById('ordeh_1')).toEqual(order())
  })

  it('keeps its own copy on update', () => {
    const store = new MemoryStore()
    store.insertOrder(order())
    const updated = { ...order(), status: 'CHARGED' as const }
    store.updateOrder(updated)
    scribble(updated)
    expect(store.orderById('ordeh_1')).toEqual({ ...order(), status: 'CHARGED' })
  })

  it('copies values of every kind faithfully', () => {
    const store = new MemoryStore()
    store.insertOrder(order())
    const stored = store.orderById('ordeh_1')
    const raw = stored?.source.dialect === 'checkout' ? (stored.source.raw as { created: unknown }) : null
    expect(raw?.created).toEqual(new Date('2026-11-25T10:00:00.000Z'))
    expect(raw?.created).toBeInstanceOf(Date)
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype)
  })
})

const delivery = (id: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id,
  event_name: 'TXN_CREATED',
  url: null,
  status: 'pending',
  attempts: [],
  created_at: '2026-11-25T10:00:00.000Z',
  delivered_at: null,
  body: { id, event_name: 'TXN_CREATED', date_created: '2026-11-25T10:00:00Z', content: { order: { order_id: 'o-1' } } },
  ...overrides,
})

/** A store holding merchant m1's orders with these order ids: webhook records are kept only for orders the store holds. */
function withOrders(...orderIds: string[]): MemoryStore {
  const store = new MemoryStore()
  orderIds.forEach((orderId, i) => store.insertOrder({ ...order(), id: `ordeh_w${i}`, orderId, merchantId: 'm1' }))
  return store
}

describe('MemoryStore webhook records', () => {
  it('keeps records per merchant order in creation order, updating in place', () => {
    const store = withOrders('o-1')
    store.saveWebhook('m1', 'o-1', delivery('evt_a'))
    store.saveWebhook('m1', 'o-1', delivery('evt_b'))
    store.saveWebhook('m1', 'o-1', delivery('evt_a', { status: 'delivered' }))
    expect(store.webhooksFor('m1', 'o-1').map((d) => [d.id, d.status])).toEqual([
      ['evt_a', 'delivered'],
      ['evt_b', 'pending'],
    ])
  })

  it('scopes records by merchant and matches the order id case-insensitively', () => {
    const store = withOrders('Order-1')
    store.saveWebhook('m1', 'Order-1', delivery('evt_a'))
    expect(store.webhooksFor('m1', 'order-1')).toHaveLength(1)
    expect(store.webhooksFor('m2', 'Order-1')).toEqual([])
    expect(store.webhooksFor('m1', 'other')).toEqual([])
  })

  it('hands out copies, so callers cannot change what is stored', () => {
    const store = withOrders('o-1')
    const saved = delivery('evt_a')
    store.saveWebhook('m1', 'o-1', saved)
    saved.status = 'failed'
    const read = store.webhooksFor('m1', 'o-1')
    read[0]?.attempts.push({ at: 'x', http_status: 200, error: null, duration_ms: 1 })
    expect(store.webhooksFor('m1', 'o-1')[0]).toMatchObject({ status: 'pending', attempts: [] })
  })

  it('forgets them with their order on the merchant\'s reset, and records nothing for an order it does not hold', () => {
    const store = withOrders('o-1')
    store.saveWebhook('m1', 'o-1', delivery('evt_a'))
    store.saveWebhook('m1', 'o-2', delivery('evt_b'))
    expect(store.webhooksFor('m1', 'o-2')).toEqual([])
    store.resetMerchant('m1')
    expect(store.webhooksFor('m1', 'o-1')).toEqual([])
    store.saveWebhook('m1', 'o-1', delivery('evt_c'))
    expect(store.webhooksFor('m1', 'o-1')).toEqual([])
  })
})

describe('MemoryStore run-time plans', () => {
  const plan = (planId: string, name = 'Monthly'): Plan => monthlyPlan({ plan_id: planId, name })

  it('keeps plans per merchant in the order added, refusing a taken plan_id with the plan that holds it', () => {
    const store = new MemoryStore()
    expect(store.insertPlan('m1', plan('b'))).toEqual({ inserted: true })
    expect(store.insertPlan('m1', plan('a'))).toEqual({ inserted: true })
    expect(store.insertPlan('m1', plan('a', 'Other'))).toEqual({ inserted: false, existing: plan('a') })
    expect(store.insertPlan('m2', plan('a', 'Other'))).toEqual({ inserted: true })
    expect(store.plansOf('m1').map((p) => [p.plan_id, p.name])).toEqual([
      ['b', 'Monthly'],
      ['a', 'Monthly'],
    ])
    expect(store.plansOf('m3')).toEqual([])
  })

  it('matches plan_id exactly, case included', () => {
    const store = new MemoryStore()
    store.insertPlan('m1', plan('fit'))
    expect(store.insertPlan('m1', plan('FIT'))).toEqual({ inserted: true })
  })

  it('hands out copies, so callers cannot change what is stored', () => {
    const store = new MemoryStore()
    const saved = plan('a')
    store.insertPlan('m1', saved)
    saved.name = 'changed'
    const read = store.plansOf('m1')
    if (read[0]) read[0].max_amount = 1
    expect(store.plansOf('m1')).toEqual([plan('a')])
  })

  it('forgets them on the merchant\'s reset, and only that merchant\'s', () => {
    const store = new MemoryStore()
    store.insertPlan('m1', plan('a'))
    store.insertPlan('m2', plan('b'))
    store.resetMerchant('m1')
    expect(store.plansOf('m1')).toEqual([])
    expect(store.plansOf('m2')).toEqual([plan('b')])
  })
})

describe('MemoryStore subscriptions', () => {
  const { schedule } = orderBilling()
  const subscription = (id: string, overrides: Partial<Subscription> = {}): Subscription =>
    subscriptionFixture({ id, mandatePageId: `ordeh_${id}`, orderId: `order-${id}`, pageId: `ordeh_${id}`, schedule, ...overrides })

  it('keeps one subscription per order, answering the one an order already started', () => {
    const store = new MemoryStore()
    expect(store.insertSubscription(subscription('a'))).toEqual({ inserted: true })
    expect(store.insertSubscription(subscription('b', { pageId: 'ordeh_a' }))).toEqual({ inserted: false, existing: subscription('a') })
    expect(store.subscription('m1', 'b')).toBeUndefined()
  })

  it("finds a subscription by id within its merchant only", () => {
    const store = new MemoryStore()
    store.insertSubscription(subscription('a'))
    expect(store.subscription('m1', 'a')).toEqual(subscription('a'))
    expect(store.subscription('m2', 'a')).toBeUndefined()
    expect(store.subscription('m1', 'A')).toBeUndefined()
  })

  it("lists a customer's subscriptions of one merchant, oldest first", () => {
    const store = new MemoryStore()
    store.insertSubscription(subscription('b'))
    store.insertSubscription(subscription('a'))
    store.insertSubscription(subscription('c', { customerId: 'cust-2' }))
    store.insertSubscription(subscription('d', { merchantId: 'm2' }))
    expect(store.subscriptionsOf('m1', 'cust-1').map((s) => s.id)).toEqual(['b', 'a'])
    expect(store.subscriptionsOf('m2', 'cust-1').map((s) => s.id)).toEqual(['d'])
    expect(store.subscriptionsOf('m1', 'nobody')).toEqual([])
  })

  it('hands out copies, so callers cannot change what is stored', () => {
    const store = new MemoryStore()
    const saved = subscription('a')
    store.insertSubscription(saved)
    if (!saved.plan) throw new Error('the fixture subscription lost its plan')
    saved.plan.name = 'changed'
    const read = store.subscription('m1', 'a')
    if (read) read.schedule.cap.minor = 1
    const [listed] = store.subscriptionsOf('m1', 'cust-1')
    if (listed) listed.status = 'ACTIVE'
    expect(store.subscription('m1', 'a')).toEqual(subscription('a'))
  })

  it('forgets them on the merchant\'s reset, and only that merchant\'s', () => {
    const store = new MemoryStore()
    store.insertSubscription(subscription('a'))
    store.insertSubscription(subscription('b', { merchantId: 'm2' }))
    store.resetMerchant('m1')
    expect(store.subscription('m2', 'b')).toBeDefined()
    expect(store.subscription('m1', 'a')).toBeUndefined()
    expect(store.subscriptionsOf('m1', 'cust-1')).toEqual([])
    expect(store.insertSubscription(subscription('a'))).toEqual({ inserted: true })
  })
})

describe('MemoryStore plan-change previews', () => {
  const preview = (requestId: string, overrides: Partial<PlanChangePreview> = {}): PlanChangePreview => ({
    merchantId: 'm1',
    subscriptionId: 'bei_a',
    requestId,
    fingerprint: `fp-${requestId}`,
    prorationAt: TEST_NOW.toISOString(),
    expiresAt: '2026-11-25T10:15:00.000Z',
    current: { planId: 'fit_monthly', amountMinor: 49900, periodStart: '2026-11-24T18:30:00.000Z', periodEnd: '2026-12-04T18:30:00.000Z' },
    next: { planId: 'fit_monthly_plus', amountMinor: 79900, ruleValue: 5 },
    proration: {
      cycleSeconds: 864000,
      remainingSeconds: 808200,
      unusedCreditMinor: 46678,
      newPlanChargeMinor: 74741,
      heldCreditMinor: 0,
      creditAppliedMinor: 0,
      proratedMinor: 28063,
      carryForwardMinor: 0,
    },
    nextInvoice: { date: '2026-12-05', amountMinor: 79900 },
    mandateSufficient: false,
    consumedBy: null,
    appliedAt: null,
    ...overrides,
  })

  it('lets one order consume a preview: the same order again holds it, another does not, and an unknown preview is not consumed', () => {
    const store = new MemoryStore()
    store.insertPreview(preview('r1'))
    const by = { orderId: 'pc-1', pageId: 'ordeh_1' }
    expect(store.consumePreview('m1', 'bei_a', 'r1', by)).toBe(true)
    expect(store.consumePreview('m1', 'bei_a', 'r1', by)).toBe(true)
    expect(store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-2', pageId: 'ordeh_2' })).toBe(false)
    expect(store.consumePreview('m2', 'bei_a', 'r1', by)).toBe(false)
    expect(store.preview('m1', 'bei_a', 'r1')?.consumedBy).toEqual(by)
  })

  it('applies a preview without payment once, never one an order pays for, and no order pays for one applied', () => {
    const store = new MemoryStore()
    store.insertPreview(preview('r1'))
    store.insertPreview(preview('r2'))
    const at = '2026-11-25T10:05:00.000Z'
    expect(store.markPreviewApplied('m1', 'bei_a', 'r1', at)).toBe(true)
    expect(store.markPreviewApplied('m1', 'bei_a', 'r1', at)).toBe(false)
    expect(store.preview('m1', 'bei_a', 'r1')?.appliedAt).toBe(at)
    expect(store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-1', pageId: 'ordeh_1' })).toBe(false)
    expect(store.consumePreview('m1', 'bei_a', 'r2', { orderId: 'pc-2', pageId: 'ordeh_2' })).toBe(true)
    expect(store.markPreviewApplied('m1', 'bei_a', 'r2', at)).toBe(false)
    expect(store.preview('m1', 'bei_a', 'r2')?.appliedAt).toBeNull()
    expect(store.markPreviewApplied('m2', 'bei_a', 'r1', at)).toBe(false)
    expect(store.markPreviewApplied('m1', 'bei_a', 'r3', at)).toBe(false)
  })

  it('keeps one preview per merchant, subscription and request_id, answering the one already there', () => {
    const store = new MemoryStore()
    expect(store.insertPreview(preview('r1'))).toEqual({ inserted: true })
    expect(store.insertPreview(preview('r1', { fingerprint: 'other' }))).toEqual({ inserted: false, existing: preview('r1') })
    expect(store.insertPreview(preview('r1', { subscriptionId: 'bei_b' }))).toEqual({ inserted: true })
    expect(store.insertPreview(preview('r1', { merchantId: 'm2' }))).toEqual({ inserted: true })
    expect(store.preview('m1', 'bei_a', 'r1')).toEqual(preview('r1'))
    expect(store.preview('m2', 'bei_a', 'r1')).toEqual(preview('r1', { merchantId: 'm2' }))
    expect(store.preview('m1', 'bei_a', 'R1')).toBeUndefined()
    expect(store.preview('m3', 'bei_a', 'r1')).toBeUndefined()
  })

  it('hands out copies, so callers cannot change what is stored', () => {
    const store = new MemoryStore()
    const saved = preview('r1')
    store.insertPreview(saved)
    saved.proration.proratedMinor = 1
    const read = store.preview('m1', 'bei_a', 'r1')
    if (read) read.next.amountMinor = 1
    expect(store.preview('m1', 'bei_a', 'r1')).toEqual(preview('r1'))
  })

  it('forgets them on the merchant\'s reset, and only that merchant\'s', () => {
    const store = new MemoryStore()
    store.insertPreview(preview('r1'))
    store.insertPreview(preview('r1', { merchantId: 'm2' }))
    store.resetMerchant('m1')
    expect(store.preview('m2', 'bei_a', 'r1')).toBeDefined()
    expect(store.preview('m1', 'bei_a', 'r1')).toBeUndefined()
    expect(store.insertPreview(preview('r1'))).toEqual({ inserted: true })
  })
})
