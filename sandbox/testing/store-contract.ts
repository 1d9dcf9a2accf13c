import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Plan } from '../../contract/plan'
import type { NetbankingAttempt, UpiAttempt } from '../domain/attempt'
import { MovableClock } from '../domain/clock'
import type { Order } from '../domain/order'
import type { PlanChangePreview } from '../domain/plan-change'
import type { RetentionPolicy } from '../domain/retention'
import type { Subscription } from '../domain/subscriptions'
import type { WebhookDelivery } from '../domain/webhook-delivery'
import type { ScheduledJob, Store } from '../store/store'
import { monthlyPlan, orderBilling, orderDraft, subscriptionFixture, TEST_NOW } from './fixtures'

/** A store under test: the interface, and the sweep each store runs by itself once a sandbox minute. */
export type ContractStore = Store & { sweep(): Promise<number> }

export interface ContractOptions {
  now?: () => Date
  retention?: RetentionPolicy
}

/** How the suite gets stores: each `open` is a new, empty store; `peers` are more handles on one store's state, as other instances have. */
export interface ContractTarget {
  open(options?: ContractOptions): Promise<ContractStore>
  peers(store: ContractStore, count: number): Promise<Store[]>
}

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

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

/** One attempt of each rail's shape, so every rail's own part is stored and copied too. */
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

/** A checkout session's order of the demo merchant, with attempts of two rails; what a store keeps must come back equal. */
export const order = (overrides: Partial<Order> = {}): Order => ({
  ...orderDraft(TEST_NOW, {
    orderId: 'o-1',
    paymentRules: { payment_flows: { billing_creation: { plans: [{ amount: '10.00' }] } } },
    source: {
      dialect: 'checkout',
      sessionId: 'cs_1',
      clientSecret: 'cs_1_secret_x',
      mode: 'subscription',
      cancelUrl: null,
      raw: { line_items: [{ price_data: { unit_amount: 100 } }], created: 1764064800 },
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
  mandateChange: null,
  refundedMinor: 0,
  cancelledAt: null,
  revision: 0,
  ...overrides,
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
  if (o.source.dialect === 'checkout') (o.source.raw as { line_items: unknown[] }).line_items.pop()
}

const JUSPAY_SOURCE: Order['source'] = { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null }

/** The n-th order of merchant `merchantId`, created at `at` and open for a day, without attempts. */
export const plainOrder = (n: number | string, at: Date = TEST_NOW, merchantId = 'demo_merchant'): Order =>
  order({
    id: `ordeh_p${n}`,
    orderId: `p-${n}`,
    merchantId,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + DAY).toISOString(),
    attempts: [],
    source: JUSPAY_SOURCE,
  })

export const delivery = (id: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
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

const plan = (planId: string, name = 'Monthly'): Plan => monthlyPlan({ plan_id: planId, name })

const { schedule: subscriptionSchedule } = orderBilling()
const subscription = (id: string, overrides: Partial<Subscription> = {}): Subscription =>
  subscriptionFixture({ id, mandatePageId: `ordeh_${id}`, orderId: `order-${id}`, pageId: `ordeh_${id}`, schedule: subscriptionSchedule, ...overrides })

export const preview = (requestId: string, overrides: Partial<PlanChangePreview> = {}): PlanChangePreview => ({
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

const job = (id: string, dueAt: number, overrides: Partial<ScheduledJob> = {}): ScheduledJob => ({
  id,
  merchantId: 'm1',
  dueAt,
  kind: 'webhook',
  payload: JSON.stringify({ deliveryId: id }),
  ...overrides,
})

const T = TEST_NOW.getTime()
const ids = (jobs: readonly ScheduledJob[]): string[] => jobs.map((j) => j.id)
const PARALLEL = 12

/**
 * The one suite every store passes (docs/architecture.md#shared-sandbox): what the Store interface
 * promises, the retention rule, and its atomic steps raced from several handles at once.
 */
export function storeContract(name: string, target: ContractTarget): void {
  async function open(options?: ContractOptions): Promise<ContractStore> {
    const store = await target.open(options)
    onTestFinished(() => store.close())
    return store
  }
  async function peers(store: ContractStore, count = PARALLEL): Promise<Store[]> {
    const handles = await target.peers(store, count)
    onTestFinished(async () => {
      await Promise.all(handles.map((handle) => handle.close()))
    })
    return handles
  }
  /** A store holding merchant m1's orders with these order ids: webhook records are kept only for orders the store holds. */
  async function withOrders(...orderIds: string[]): Promise<ContractStore> {
    const store = await open()
    for (const [i, orderId] of orderIds.entries()) await store.insertOrder({ ...plainOrder(`w${i}`), orderId, merchantId: 'm1' })
    return store
  }

  describe(`${name}: orders`, () => {
    it('keeps its own copy of an inserted order, so the caller changing it later changes nothing stored', async () => {
      const store = await open()
      const inserted = order()
      await store.insertOrder(inserted)
      scribble(inserted)
      expect(await store.orderById('ordeh_1')).toEqual(order())
    })

    it('hands out copies of orders, from every lookup and from a refused insert', async () => {
      const store = await open()
      await store.insertOrder(order())
      await store.indexToken('tok-a', 'ordeh_1')
      const refused = await store.insertOrder({ ...order(), id: 'ordeh_2' })
      const reads = [
        await store.orderById('ordeh_1'),
        await store.orderByMerchantOrderId('demo_merchant', 'O-1'),
        await store.orderByCheckoutSessionId('cs_1'),
        await store.orderByClientSecret('cs_1_secret_x'),
        await store.orderByToken('tok-a'),
        refused.inserted ? undefined : refused.existing,
      ]
      for (const read of reads) {
        expect(read).toEqual(order())
        if (read) scribble(read)
      }
      expect(await store.orderById('ordeh_1')).toEqual(order())
    })

    it('refuses a merchant order id the merchant already has, whatever its case, and lets another merchant use it', async () => {
      const store = await open()
      expect(await store.insertOrder(order())).toEqual({ inserted: true })
      expect(await store.insertOrder({ ...order(), id: 'ordeh_2', orderId: 'O-1' })).toEqual({ inserted: false, existing: order() })
      expect(await store.insertOrder(plainOrder(3, TEST_NOW, 'other_merchant'))).toEqual({ inserted: true })
      expect(await store.insertOrder({ ...plainOrder(4, TEST_NOW, 'other_merchant'), orderId: 'o-1' })).toEqual({ inserted: true })
      expect(await store.orderById('ordeh_2')).toBeUndefined()
      expect(await store.size()).toBe(3)
    })

    it('finds nothing for ids it does not hold', async () => {
      const store = await open()
      await store.insertOrder(order())
      expect(await store.orderById('ordeh_x')).toBeUndefined()
      expect(await store.orderByMerchantOrderId('other_merchant', 'o-1')).toBeUndefined()
      expect(await store.orderByCheckoutSessionId('cs_x')).toBeUndefined()
      expect(await store.orderByClientSecret('cs_1_secret_y')).toBeUndefined()
      expect(await store.orderByToken('tok-x')).toBeUndefined()
    })

    it('writes an order only from the revision it holds, bumping it; a stale write changes nothing', async () => {
      const store = await open()
      await store.insertOrder(order())
      expect(await store.updateOrder({ ...order(), status: 'PENDING_VBV' })).toBe(true)
      expect(await store.orderById('ordeh_1')).toEqual({ ...order(), status: 'PENDING_VBV', revision: 1 })
      expect(await store.updateOrder({ ...order(), status: 'CHARGED' })).toBe(false)
      expect(await store.updateOrder({ ...order(), status: 'CHARGED', revision: 2 })).toBe(false)
      expect(await store.updateOrder({ ...order(), status: 'CHARGED', revision: 1 })).toBe(true)
      expect(await store.orderByMerchantOrderId('demo_merchant', 'o-1')).toMatchObject({ status: 'CHARGED', revision: 2 })
    })

    it('refuses to update an order it does not hold', async () => {
      const store = await open()
      await expect(store.updateOrder(order())).rejects.toThrow(/unknown order ordeh_1/)
      expect(await store.size()).toBe(0)
    })

    it('keeps its own copy on update', async () => {
      const store = await open()
      await store.insertOrder(order())
      const updated = { ...order(), status: 'CHARGED' as const }
      await store.updateOrder(updated)
      scribble(updated)
      expect(await store.orderById('ordeh_1')).toEqual({ ...order(), status: 'CHARGED', revision: 1 })
    })

    it('finds an order by each of its simulator tokens', async () => {
      const store = await open()
      await store.insertOrder(order())
      await store.indexToken('tok-a', 'ordeh_1')
      await store.indexToken('tok-b', 'ordeh_1')
      expect((await store.orderByToken('tok-a'))?.id).toBe('ordeh_1')
      expect((await store.orderByToken('tok-b'))?.id).toBe('ordeh_1')
    })

    it('indexes no token of an order it does not hold', async () => {
      const store = await open()
      await store.indexToken('tok-a', 'ordeh_1')
      await store.insertOrder(order())
      expect(await store.orderByToken('tok-a')).toBeUndefined()
    })
  })

  describe(`${name}: registered mandates`, () => {
    it("finds an order by its mandate id, and lists a payer's orders in the order indexed, each once", async () => {
      const store = await open()
      await store.insertOrder(plainOrder(1))
      await store.insertOrder(plainOrder(2, TEST_NOW, 'other_merchant'))
      await store.insertOrder(plainOrder(3))
      await store.indexMandate('ordeh_p2', 'mid_2', 'asha@okaxis')
      await store.indexMandate('ordeh_p1', 'mid_1', 'asha@okaxis')
      await store.indexMandate('ordeh_p1', 'mid_1', 'asha@okaxis')
      await store.indexMandate('ordeh_p3', 'mid_3', null)
      expect((await store.orderByMandateId('mid_1'))?.id).toBe('ordeh_p1')
      expect((await store.orderByMandateId('mid_3'))?.id).toBe('ordeh_p3')
      expect(await store.orderByMandateId('mid_4')).toBeUndefined()
      expect((await store.ordersOfPayer('asha@okaxis')).map((o) => o.id)).toEqual(['ordeh_p2', 'ordeh_p1'])
      expect(await store.ordersOfPayer('ravi@okaxis')).toEqual([])
    })

    it('indexes nothing for an order it does not hold, and forgets the indexes with the order', async () => {
      const store = await open()
      await store.indexMandate('ordeh_p1', 'mid_1', 'asha@okaxis')
      await store.insertOrder(plainOrder(1))
      expect(await store.orderByMandateId('mid_1')).toBeUndefined()
      expect(await store.ordersOfPayer('asha@okaxis')).toEqual([])
      await store.insertOrder(plainOrder(2, TEST_NOW, 'other_merchant'))
      await store.indexMandate('ordeh_p1', 'mid_1', 'asha@okaxis')
      await store.indexMandate('ordeh_p2', 'mid_2', 'asha@okaxis')
      await store.resetMerchant('demo_merchant')
      expect(await store.orderByMandateId('mid_1')).toBeUndefined()
      expect((await store.ordersOfPayer('asha@okaxis')).map((o) => o.id)).toEqual(['ordeh_p2'])
    })
  })

  describe(`${name}: webhook records`, () => {
    it('keeps records per merchant order in creation order, updating in place', async () => {
      const store = await withOrders('o-1')
      await store.saveWebhook('m1', 'o-1', delivery('evt_a'))
      await store.saveWebhook('m1', 'o-1', delivery('evt_b'))
      await store.saveWebhook('m1', 'o-1', delivery('evt_a', { status: 'delivered' }))
      expect((await store.webhooksFor('m1', 'o-1')).map((d) => [d.id, d.status])).toEqual([
        ['evt_a', 'delivered'],
        ['evt_b', 'pending'],
      ])
      expect(await store.webhooksFor('m1', 'o-1')).toEqual([delivery('evt_a', { status: 'delivered' }), delivery('evt_b')])
    })

    it('scopes records by merchant and matches the order id case-insensitively', async () => {
      const store = await withOrders('Order-1')
      await store.saveWebhook('m1', 'Order-1', delivery('evt_a'))
      expect(await store.webhooksFor('m1', 'order-1')).toHaveLength(1)
      expect(await store.webhooksFor('m2', 'Order-1')).toEqual([])
      expect(await store.webhooksFor('m1', 'other')).toEqual([])
    })

    it('hands out copies, so callers cannot change what is stored', async () => {
      const store = await withOrders('o-1')
      const saved = delivery('evt_a')
      await store.saveWebhook('m1', 'o-1', saved)
      saved.status = 'failed'
      const read = await store.webhooksFor('m1', 'o-1')
      read[0]?.attempts.push({ at: 'x', http_status: 200, error: null, duration_ms: 1 })
      expect((await store.webhooksFor('m1', 'o-1'))[0]).toMatchObject({ status: 'pending', attempts: [] })
    })

    it("forgets them with their order on the merchant's reset, and records nothing for an order it does not hold", async () => {
      const store = await withOrders('o-1')
      await store.saveWebhook('m1', 'o-1', delivery('evt_a'))
      await store.saveWebhook('m1', 'o-2', delivery('evt_b'))
      expect(await store.webhooksFor('m1', 'o-2')).toEqual([])
      await store.resetMerchant('m1')
      expect(await store.webhooksFor('m1', 'o-1')).toEqual([])
      await store.saveWebhook('m1', 'o-1', delivery('evt_c'))
      expect(await store.webhooksFor('m1', 'o-1')).toEqual([])
    })
  })

  describe(`${name}: run-time plans`, () => {
    it('keeps plans per merchant in the order added, refusing a taken plan_id with the plan that holds it', async () => {
      const store = await open()
      expect(await store.insertPlan('m1', plan('b'))).toEqual({ inserted: true })
      expect(await store.insertPlan('m1', plan('a'))).toEqual({ inserted: true })
      expect(await store.insertPlan('m1', plan('a', 'Other'))).toEqual({ inserted: false, existing: plan('a') })
      expect(await store.insertPlan('m2', plan('a', 'Other'))).toEqual({ inserted: true })
      expect((await store.plansOf('m1')).map((p) => [p.plan_id, p.name])).toEqual([
        ['b', 'Monthly'],
        ['a', 'Monthly'],
      ])
      expect(await store.plansOf('m3')).toEqual([])
    })

    it('matches plan_id exactly, case included', async () => {
      const store = await open()
      await store.insertPlan('m1', plan('fit'))
      expect(await store.insertPlan('m1', plan('FIT'))).toEqual({ inserted: true })
    })

    it('hands out copies, so callers cannot change what is stored', async () => {
      const store = await open()
      const saved = plan('a')
      await store.insertPlan('m1', saved)
      saved.name = 'changed'
      const read = await store.plansOf('m1')
      if (read[0]) read[0].max_amount = 1
      expect(await store.plansOf('m1')).toEqual([plan('a')])
    })

    it("forgets them on the merchant's reset, and only that merchant's", async () => {
      const store = await open()
      await store.insertPlan('m1', plan('a'))
      await store.insertPlan('m2', plan('b'))
      await store.resetMerchant('m1')
      expect(await store.plansOf('m1')).toEqual([])
      expect(await store.plansOf('m2')).toEqual([plan('b')])
      expect(await store.insertPlan('m1', plan('a'))).toEqual({ inserted: true })
    })
  })

  describe(`${name}: subscriptions`, () => {
    it('keeps one subscription per order, answering the one an order already started', async () => {
      const store = await open()
      expect(await store.insertSubscription(subscription('a'))).toEqual({ inserted: true })
      expect(await store.insertSubscription(subscription('b', { pageId: 'ordeh_a' }))).toEqual({ inserted: false, existing: subscription('a') })
      expect(await store.subscription('m1', 'b')).toBeUndefined()
    })

    it('finds a subscription by id within its merchant only', async () => {
      const store = await open()
      await store.insertSubscription(subscription('a'))
      expect(await store.subscription('m1', 'a')).toEqual(subscription('a'))
      expect(await store.subscription('m2', 'a')).toBeUndefined()
      expect(await store.subscription('m1', 'A')).toBeUndefined()
    })

    it("lists a customer's subscriptions of one merchant, oldest first", async () => {
      const store = await open()
      await store.insertSubscription(subscription('b'))
      await store.insertSubscription(subscription('a'))
      await store.insertSubscription(subscription('c', { customerId: 'cust-2' }))
      await store.insertSubscription(subscription('d', { merchantId: 'm2' }))
      expect((await store.subscriptionsOf('m1', 'cust-1')).map((s) => s.id)).toEqual(['b', 'a'])
      expect((await store.subscriptionsOf('m2', 'cust-1')).map((s) => s.id)).toEqual(['d'])
      expect(await store.subscriptionsOf('m1', 'nobody')).toEqual([])
    })

    it('replaces a stored subscription, keeping its place, and refuses one it does not hold', async () => {
      const store = await open()
      await store.insertSubscription(subscription('a'))
      await store.insertSubscription(subscription('b'))
      await store.updateSubscription(subscription('a', { planAmountMinor: 79900, creditMinor: 100 }))
      expect(await store.subscription('m1', 'a')).toEqual(subscription('a', { planAmountMinor: 79900, creditMinor: 100 }))
      expect((await store.subscriptionsOf('m1', 'cust-1')).map((s) => [s.id, s.creditMinor])).toEqual([
        ['a', 100],
        ['b', 0],
      ])
      await expect(store.updateSubscription(subscription('z'))).rejects.toThrow(/unknown subscription z/)
      expect(await store.subscription('m1', 'z')).toBeUndefined()
    })

    it('hands out copies, so callers cannot change what is stored', async () => {
      const store = await open()
      const saved = subscription('a')
      await store.insertSubscription(saved)
      if (!saved.plan) throw new Error('the fixture subscription lost its plan')
      saved.plan.name = 'changed'
      const read = await store.subscription('m1', 'a')
      if (read) read.schedule.cap.minor = 1
      const [listed] = await store.subscriptionsOf('m1', 'cust-1')
      if (listed) listed.creditMinor = 1
      expect(await store.subscription('m1', 'a')).toEqual(subscription('a'))
    })

    it("forgets them on the merchant's reset, and only that merchant's", async () => {
      const store = await open()
      await store.insertSubscription(subscription('a'))
      await store.insertSubscription(subscription('b', { merchantId: 'm2' }))
      await store.resetMerchant('m1')
      expect(await store.subscription('m2', 'b')).toBeDefined()
      expect(await store.subscription('m1', 'a')).toBeUndefined()
      expect(await store.subscriptionsOf('m1', 'cust-1')).toEqual([])
      expect(await store.insertSubscription(subscription('a'))).toEqual({ inserted: true })
    })
  })

  describe(`${name}: plan-change previews`, () => {
    it('lets one order consume a preview: the same order again holds it, another does not, and an unknown preview is not consumed', async () => {
      const store = await open()
      await store.insertPreview(preview('r1'))
      const by = { orderId: 'pc-1', pageId: 'ordeh_1' }
      expect(await store.consumePreview('m1', 'bei_a', 'r1', by)).toBe(true)
      expect(await store.consumePreview('m1', 'bei_a', 'r1', by)).toBe(true)
      expect(await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-2', pageId: 'ordeh_2' })).toBe(false)
      expect(await store.consumePreview('m2', 'bei_a', 'r1', by)).toBe(false)
      // The same order id on a retry whose first try stopped before its order was stored: a new page id, in any case.
      expect(await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'PC-1', pageId: 'ordeh_3' })).toBe(true)
      expect((await store.preview('m1', 'bei_a', 'r1'))?.consumedBy).toEqual(by)
    })

    it('gives a preview back only from the order id that holds it (in any case), and never one applied', async () => {
      const store = await open()
      await store.insertPreview(preview('r1'))
      await store.insertPreview(preview('r2'))
      expect(await store.releasePreview('m1', 'bei_a', 'r1', 'pc-1')).toBe(false)
      await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-1', pageId: 'ordeh_1' })
      expect(await store.releasePreview('m1', 'bei_a', 'r1', 'pc-2')).toBe(false)
      expect(await store.releasePreview('m2', 'bei_a', 'r1', 'pc-1')).toBe(false)
      expect(await store.releasePreview('m1', 'bei_b', 'r1', 'pc-1')).toBe(false)
      expect((await store.preview('m1', 'bei_a', 'r1'))?.consumedBy).toEqual({ orderId: 'pc-1', pageId: 'ordeh_1' })
      expect(await store.releasePreview('m1', 'bei_a', 'r1', 'PC-1')).toBe(true)
      expect(await store.preview('m1', 'bei_a', 'r1')).toEqual(preview('r1'))
      expect(await store.releasePreview('m1', 'bei_a', 'r1', 'pc-1')).toBe(false)
      // Free again: another order id may pay for it, or it may be applied without payment.
      expect(await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-2', pageId: 'ordeh_2' })).toBe(true)
      await store.markPreviewApplied('m1', 'bei_a', 'r2', '2026-11-25T10:05:00.000Z')
      expect(await store.releasePreview('m1', 'bei_a', 'r2', 'pc-1')).toBe(false)
      expect((await store.preview('m1', 'bei_a', 'r2'))?.appliedAt).toBe('2026-11-25T10:05:00.000Z')
    })

    it('applies a preview without payment once, never one an order pays for, and no order pays for one applied', async () => {
      const store = await open()
      await store.insertPreview(preview('r1'))
      await store.insertPreview(preview('r2'))
      const at = '2026-11-25T10:05:00.000Z'
      expect(await store.markPreviewApplied('m1', 'bei_a', 'r1', at)).toBe(true)
      expect(await store.markPreviewApplied('m1', 'bei_a', 'r1', at)).toBe(false)
      expect((await store.preview('m1', 'bei_a', 'r1'))?.appliedAt).toBe(at)
      expect(await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-1', pageId: 'ordeh_1' })).toBe(false)
      expect(await store.consumePreview('m1', 'bei_a', 'r2', { orderId: 'pc-2', pageId: 'ordeh_2' })).toBe(true)
      expect(await store.markPreviewApplied('m1', 'bei_a', 'r2', at)).toBe(false)
      expect((await store.preview('m1', 'bei_a', 'r2'))?.appliedAt).toBeNull()
      expect(await store.markPreviewApplied('m2', 'bei_a', 'r1', at)).toBe(false)
      expect(await store.markPreviewApplied('m1', 'bei_a', 'r3', at)).toBe(false)
    })

    it('keeps one preview per merchant, subscription and request_id, answering the one already there', async () => {
      const store = await open()
      expect(await store.insertPreview(preview('r1'))).toEqual({ inserted: true })
      expect(await store.insertPreview(preview('r1', { fingerprint: 'other' }))).toEqual({ inserted: false, existing: preview('r1') })
      expect(await store.insertPreview(preview('r1', { subscriptionId: 'bei_b' }))).toEqual({ inserted: true })
      expect(await store.insertPreview(preview('r1', { merchantId: 'm2' }))).toEqual({ inserted: true })
      expect(await store.preview('m1', 'bei_a', 'r1')).toEqual(preview('r1'))
      expect(await store.preview('m2', 'bei_a', 'r1')).toEqual(preview('r1', { merchantId: 'm2' }))
      expect(await store.preview('m1', 'bei_a', 'R1')).toBeUndefined()
      expect(await store.preview('m3', 'bei_a', 'r1')).toBeUndefined()
    })

    it('keeps previews apart whose ids hold the separators a store might join them with', async () => {
      const store = await open()
      expect(await store.insertPreview(preview('b:c', { subscriptionId: 'a' }))).toEqual({ inserted: true })
      expect(await store.insertPreview(preview('c', { subscriptionId: 'a:b' }))).toEqual({ inserted: true })
      expect(await store.insertPreview(preview('c', { subscriptionId: 'b', merchantId: 'm1:a' }))).toEqual({ inserted: true })
      expect(await store.preview('m1', 'a:b', 'c')).toEqual(preview('c', { subscriptionId: 'a:b' }))
      expect(await store.preview('m1', 'a', 'b:c')).toEqual(preview('b:c', { subscriptionId: 'a' }))
      expect(await store.preview('m1', 'a:b:c', '')).toBeUndefined()
    })

    it('answers a consumed or applied preview as it now stands', async () => {
      const store = await open()
      await store.insertPreview(preview('r1'))
      await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-1', pageId: 'ordeh_1' })
      expect(await store.insertPreview(preview('r1'))).toEqual({ inserted: false, existing: preview('r1', { consumedBy: { orderId: 'pc-1', pageId: 'ordeh_1' } }) })
      await store.insertPreview(preview('r2'))
      await store.markPreviewApplied('m1', 'bei_a', 'r2', '2026-11-25T10:05:00.000Z')
      expect(await store.preview('m1', 'bei_a', 'r2')).toEqual(preview('r2', { appliedAt: '2026-11-25T10:05:00.000Z' }))
    })

    it('hands out copies, so callers cannot change what is stored', async () => {
      const store = await open()
      const saved = preview('r1')
      await store.insertPreview(saved)
      saved.proration.proratedMinor = 1
      const read = await store.preview('m1', 'bei_a', 'r1')
      if (read) read.next.amountMinor = 1
      expect(await store.preview('m1', 'bei_a', 'r1')).toEqual(preview('r1'))
    })

    it("forgets them on the merchant's reset, and only that merchant's", async () => {
      const store = await open()
      await store.insertPreview(preview('r1'))
      await store.insertPreview(preview('r1', { merchantId: 'm2' }))
      await store.resetMerchant('m1')
      expect(await store.preview('m2', 'bei_a', 'r1')).toBeDefined()
      expect(await store.preview('m1', 'bei_a', 'r1')).toBeUndefined()
      expect(await store.insertPreview(preview('r1'))).toEqual({ inserted: true })
    })
  })

  describe(`${name}: scheduled jobs`, () => {
    it('hands out the jobs due by then, soonest first, up to the limit, and each once while its lease runs', async () => {
      const store = await open()
      await store.schedule(job('late', T + 2000))
      await store.schedule(job('b', T + 1000))
      await store.schedule(job('a', T))
      await store.schedule(job('c', T + 1000, { kind: 'attempt_due', merchantId: 'm2', payload: '{"pageId":"ordeh_1"}' }))
      expect(ids(await store.claimDue(T + 1000, 60_000, 2))).toEqual(['a', 'b'])
      expect(await store.claimDue(T + 1000, 60_000, 10)).toEqual([job('c', T + 1000, { kind: 'attempt_due', merchantId: 'm2', payload: '{"pageId":"ordeh_1"}' })])
      expect(await store.claimDue(T + 1000, 60_000, 10)).toEqual([])
      expect(ids(await store.claimDue(T + 5000, 60_000, 10))).toEqual(['late'])
    })

    it('hands out jobs by due time whatever their ids, and those due at one moment in id order', async () => {
      const store = await open()
      await store.schedule(job('a-last', T + 2000))
      await store.schedule(job('m', T + 1000))
      await store.schedule(job('k', T + 1000))
      await store.schedule(job('z-first', T))
      expect(ids(await store.claimDue(T + 2000, 60_000, 10))).toEqual(['z-first', 'k', 'm', 'a-last'])
    })

    it('hands a job out again once its lease has run out in real time, whatever the sandbox time', async () => {
      const store = await open()
      await store.schedule(job('a', T))
      expect(ids(await store.claimDue(T, 100, 10))).toEqual(['a'])
      expect(await store.claimDue(T, 100, 10)).toEqual([])
      await sleep(150)
      expect(ids(await store.claimDue(T, 100, 10))).toEqual(['a'])
    })

    it('ends a job held: gone, or due again later with its new payload', async () => {
      const store = await open()
      await store.schedule(job('gone', T))
      await store.schedule(job('retry', T))
      await store.claimDue(T, 60_000, 10)
      await store.finishJob('gone')
      await store.finishJob('retry', { dueAt: T + 30_000, payload: '{"try":2}' })
      expect(await store.claimDue(T + 29_999, 60_000, 10)).toEqual([])
      expect(await store.claimDue(T + 30_000, 60_000, 10)).toEqual([job('retry', T + 30_000, { payload: '{"try":2}' })])
      await store.finishJob('retry')
      await store.finishJob('never-scheduled')
      expect(await store.claimDue(T + DAY, 1, 10)).toEqual([])
    })

    it('lets a job scheduled anew while held stand: finishing the old run changes nothing', async () => {
      const store = await open()
      await store.schedule(job('a', T))
      await store.claimDue(T, 60_000, 10)
      await store.schedule(job('a', T + 5000, { payload: 'new' }))
      await store.finishJob('a')
      await store.finishJob('a', { dueAt: T + DAY, payload: 'old' })
      expect(await store.claimDue(T + 5000, 60_000, 10)).toEqual([job('a', T + 5000, { payload: 'new' })])
    })

    it('schedules the jobs of an order update with it, and none when the update is refused', async () => {
      const store = await open()
      await store.insertOrder(order())
      expect(await store.updateOrder({ ...order(), status: 'PENDING_VBV' }, [job('due-1', T + 1000, { kind: 'attempt_due' })])).toBe(true)
      expect(await store.updateOrder({ ...order(), status: 'CHARGED' }, [job('due-2', T)])).toBe(false)
      expect(ids(await store.claimDue(T + DAY, 60_000, 10))).toEqual(['due-1'])
    })

    it("drops a merchant's jobs on its reset, and only that merchant's", async () => {
      const store = await open()
      await store.schedule(job('a', T))
      await store.schedule(job('b', T, { merchantId: 'm2' }))
      await store.resetMerchant('m1')
      expect(ids(await store.claimDue(T, 60_000, 10))).toEqual(['b'])
    })

    it('refuses a due time, lease or limit that is not a number it can use, scheduling nothing', async () => {
      const store = await open()
      await expect(store.schedule(job('a', Number.NaN))).rejects.toThrow(RangeError)
      await expect(store.schedule(job('', T))).rejects.toThrow(RangeError)
      await expect(store.claimDue(T, 0, 10)).rejects.toThrow(RangeError)
      await expect(store.claimDue(T, 1000, 0)).rejects.toThrow(RangeError)
      await expect(store.claimDue(Number.POSITIVE_INFINITY, 1000, 1)).rejects.toThrow(RangeError)
      await expect(store.finishJob('a', { dueAt: Number.NaN, payload: '' })).rejects.toThrow(RangeError)
      await store.insertOrder(order())
      await expect(store.updateOrder({ ...order(), status: 'CHARGED' }, [job('b', Number.NaN)])).rejects.toThrow(RangeError)
      expect(await store.orderById('ordeh_1')).toEqual(order())
      expect(await store.claimDue(T + DAY, 1000, 10)).toEqual([])
    })
  })

  describe(`${name}: a merchant's clock`, () => {
    it('runs on real time until moved, moves forward only, and each merchant has its own', async () => {
      const store = await open()
      expect(await store.clockOffset('m1')).toBe(0)
      expect(await store.advanceClock('m1', HOUR)).toBe(HOUR)
      expect(await store.advanceClock('m1', 1000)).toBe(HOUR)
      expect(await store.advanceClock('m1', DAY)).toBe(DAY)
      expect(await store.clockOffset('m1')).toBe(DAY)
      expect(await store.clockOffset('m2')).toBe(0)
    })

    it("puts the merchant's clock back to real time on its reset, and only that merchant's", async () => {
      const store = await open()
      await store.advanceClock('m1', HOUR)
      await store.advanceClock('m2', DAY)
      await store.resetMerchant('m1')
      expect(await store.clockOffset('m1')).toBe(0)
      expect(await store.clockOffset('m2')).toBe(DAY)
    })

    it("brings the merchant's jobs due sooner in real time as its clock moves, and nobody else's", async () => {
      const store = await open()
      await store.schedule(job('mine', T + HOUR))
      await store.schedule(job('theirs', T + HOUR, { merchantId: 'm2' }))
      expect(await store.claimDue(T, 60_000, 10)).toEqual([])
      await store.advanceClock('m1', HOUR)
      expect(await store.claimDue(T, 60_000, 10)).toEqual([job('mine', T + HOUR)])
      expect(await store.claimDue(T + HOUR - 1, 60_000, 10)).toEqual([])
    })

    it("schedules a job at its sandbox time on a moved clock, a retry included: due in real time that much sooner", async () => {
      const store = await open()
      await store.advanceClock('m1', DAY)
      await store.schedule(job('a', T + DAY))
      expect(await store.claimDue(T - 1, 60_000, 10)).toEqual([])
      expect(await store.claimDue(T, 60_000, 10)).toEqual([job('a', T + DAY)])
      await store.finishJob('a', { dueAt: T + DAY + 5000, payload: 'retry' })
      expect(await store.claimDue(T + 4999, 60_000, 10)).toEqual([])
      expect(await store.claimDue(T + 5000, 60_000, 10)).toEqual([job('a', T + DAY + 5000, { payload: 'retry' })])
      await store.insertOrder(order())
      await store.updateOrder(order(), [job('with-order', T + DAY + HOUR)])
      expect(ids(await store.claimDue(T + HOUR, 60_000, 10))).toEqual(['with-order'])
    })

    it("hands out the merchant's soonest job due by a sandbox time, one at a time, waiting on one another caller holds", async () => {
      const store = await open()
      await store.advanceClock('m1', DAY)
      await store.schedule(job('later', T + DAY + 2000))
      await store.schedule(job('b', T + DAY + 1000))
      await store.schedule(job('a', T + DAY + 1000))
      await store.schedule(job('other-merchant', T + 10 * DAY, { merchantId: 'm2' }))
      expect(await store.claimNextDue('m1', T + DAY + 999, 60_000)).toBeNull()
      expect(await store.claimNextDue('m1', T + DAY + 1000, 60_000)).toEqual(job('a', T + DAY + 1000))
      expect(await store.claimNextDue('m1', T + DAY + 1000, 60_000)).toBe('held')
      expect(await store.claimDue(T + 1000, 60_000, 10)).toEqual([job('b', T + DAY + 1000)])
      await store.finishJob('a')
      expect(await store.claimNextDue('m1', T + DAY + 5000, 60_000)).toBe('held')
      await store.finishJob('b')
      expect(await store.claimNextDue('m1', T + DAY + 5000, 60_000)).toEqual(job('later', T + DAY + 2000))
      await store.finishJob('later')
      expect(await store.claimNextDue('m1', T + 10 * DAY, 60_000)).toBeNull()
      expect(await store.claimNextDue('m2', T + 10 * DAY, 60_000)).toEqual(job('other-merchant', T + 10 * DAY, { merchantId: 'm2' }))
    })

    it('hands a job out again once its lease has run out, to the merchant as to anyone', async () => {
      const store = await open()
      await store.schedule(job('a', T))
      expect(await store.claimNextDue('m1', T, 100)).toEqual(job('a', T))
      expect(await store.claimDue(T, 100, 10)).toEqual([])
      await sleep(150)
      expect(ids(await store.claimDue(T, 100, 10))).toEqual(['a'])
      expect(await store.claimNextDue('m1', T, 100)).toBe('held')
      await sleep(150)
      expect(await store.claimNextDue('m1', T, 100)).toEqual(job('a', T))
    })

    it('refuses an offset, due time or lease it cannot use, changing nothing', async () => {
      const store = await open()
      await expect(store.advanceClock('m1', Number.NaN)).rejects.toThrow(RangeError)
      await expect(store.advanceClock('m1', 1.5)).rejects.toThrow(RangeError)
      await expect(store.claimNextDue('m1', Number.NaN, 1000)).rejects.toThrow(RangeError)
      await expect(store.claimNextDue('m1', T, 0)).rejects.toThrow(RangeError)
      expect(await store.clockOffset('m1')).toBe(0)
    })
  })

  describe(`${name}: a merchant's reset`, () => {
    it("forgets the merchant's orders with every index to them, answering their page ids, and leaves other merchants' alone", async () => {
      const store = await open()
      await store.insertOrder(order())
      await store.insertOrder(plainOrder(2))
      await store.insertOrder(plainOrder(3, TEST_NOW, 'other_merchant'))
      await store.indexToken('tok-1', 'ordeh_1')
      await store.indexToken('tok-3', 'ordeh_p3')
      expect((await store.resetMerchant('demo_merchant')).sort()).toEqual(['ordeh_1', 'ordeh_p2'])
      expect(await store.size()).toBe(1)
      expect(await store.orderById('ordeh_1')).toBeUndefined()
      expect(await store.orderByMerchantOrderId('demo_merchant', 'o-1')).toBeUndefined()
      expect(await store.orderByCheckoutSessionId('cs_1')).toBeUndefined()
      expect(await store.orderByClientSecret('cs_1_secret_x')).toBeUndefined()
      expect(await store.orderByToken('tok-1')).toBeUndefined()
      expect((await store.orderByToken('tok-3'))?.id).toBe('ordeh_p3')
      expect(await store.resetMerchant('demo_merchant')).toEqual([])
      expect(await store.insertOrder(order())).toEqual({ inserted: true })
    })
  })

  describe(`${name}: bounded by the retention policy`, () => {
    /** A store on a clock the test moves, keeping `maxOrders` orders at most. */
    async function bounded(maxOrders = 100) {
      const clock = new MovableClock({ now: () => TEST_NOW })
      const store = await open({ now: () => clock.now(), retention: { retentionMs: 7 * DAY, maxOrders } })
      let n = 0
      const insert = async (overrides: Partial<Order> = {}): Promise<Order> => {
        const inserted = { ...plainOrder(n++, clock.now()), ...overrides }
        expect(await store.insertOrder(inserted)).toEqual({ inserted: true })
        return inserted
      }
      /** Makes the order's mandate live; answers the order as now stored. */
      const live = async (inserted: Order): Promise<Order> => {
        const charged: Order = { ...inserted, status: 'CHARGED', mandateStatus: 'ACTIVE' }
        expect(await store.updateOrder(charged)).toBe(true)
        return { ...charged, revision: charged.revision + 1 }
      }
      return { store, clock, insert, live }
    }

    it('forgets a finished order, its tokens and webhook records once the period has passed, and keeps the rest', async () => {
      const { store, clock, insert } = await bounded()
      const finished = await insert()
      await store.indexToken('tok-finished', finished.id)
      await store.saveWebhook(finished.merchantId, finished.orderId, delivery('evt_1', { status: 'not_sent' }))
      const active = await insert()
      await store.updateOrder({ ...active, status: 'CHARGED', mandateStatus: 'ACTIVE' })
      clock.advance(8 * DAY - 1)
      const open = await insert()
      expect(await store.sweep()).toBe(0)
      clock.advance(1)
      expect(await store.sweep()).toBe(1)
      expect(await store.orderById(finished.id)).toBeUndefined()
      expect(await store.orderByMerchantOrderId(finished.merchantId, finished.orderId)).toBeUndefined()
      expect(await store.orderByToken('tok-finished')).toBeUndefined()
      expect(await store.webhooksFor(finished.merchantId, finished.orderId)).toEqual([])
      expect((await store.orderById(active.id))?.mandateStatus).toBe('ACTIVE')
      expect(await store.orderById(open.id)).toBeDefined()
      // The merchant order id is free again once forgotten.
      await insert({ orderId: finished.orderId })
    })

    it('keeps the orders a subscription needs, and forgets previews once the period has passed since they expired', async () => {
      const { store, clock, insert } = await bounded()
      const started = await insert()
      const debitsThrough = await insert()
      await store.insertSubscription(subscription('a', { pageId: started.id, mandatePageId: debitsThrough.id }))
      await store.insertPreview(preview('r1'))
      // The preview expires 15 minutes after TEST_NOW, and goes the retention period after that.
      clock.advance(7 * DAY + 15 * 60 * 1000 - 1)
      expect(await store.sweep()).toBe(0)
      expect(await store.preview('m1', 'bei_a', 'r1')).toBeDefined()
      clock.advance(1)
      expect(await store.sweep()).toBe(0)
      expect(await store.preview('m1', 'bei_a', 'r1')).toBeUndefined()
      clock.advance(DAY)
      expect(await store.sweep()).toBe(0)
      expect(await store.orderById(started.id)).toBeDefined()
      expect(await store.orderById(debitsThrough.id)).toBeDefined()
    })

    it('sweeps nothing by age without a clock to measure it on', async () => {
      const store = await open()
      const finished = plainOrder(1, new Date(TEST_NOW.getTime() - 30 * DAY))
      await store.insertOrder(finished)
      await store.insertPreview(preview('r1', { expiresAt: new Date(TEST_NOW.getTime() - 30 * DAY).toISOString() }))
      expect(await store.sweep()).toBe(0)
      expect(await store.orderById(finished.id)).toBeDefined()
      expect(await store.preview('m1', 'bei_a', 'r1')).toBeDefined()
    })

    it('sweeps as orders are inserted, once a sandbox minute', async () => {
      const { store, clock, insert } = await bounded()
      const finished = await insert()
      clock.advance(8 * DAY)
      await insert()
      expect(await store.orderById(finished.id)).toBeUndefined()
    })

    it('holds no more than the cap: the oldest orders go first, never a live mandate or an order a subscription needs', async () => {
      const { store, insert, live } = await bounded(3)
      const mandate = await live(await insert())
      const oldest = await insert()
      const older = await insert()
      const newest = await insert()
      expect(await store.size()).toBe(3)
      expect(await store.orderById(oldest.id)).toBeUndefined()
      expect(await store.orderByMerchantOrderId(oldest.merchantId, oldest.orderId)).toBeUndefined()
      await store.insertSubscription(subscription('a', { pageId: older.id, mandatePageId: mandate.id }))
      const latest = await insert()
      expect(await store.size()).toBe(3)
      expect(await store.orderById(newest.id)).toBeUndefined()
      expect(await store.orderById(older.id)).toBeDefined()
      expect(await store.orderById(mandate.id)).toBeDefined()
      expect(await store.orderById(latest.id)).toBeDefined()
    })

    it('forgets an order the cap had to keep once it may go, before any younger order', async () => {
      const { store, insert, live } = await bounded(3)
      const mandate = await live(await insert())
      const second = await insert()
      const third = await insert()
      const fourth = await insert()
      expect(await store.orderById(second.id)).toBeUndefined()
      await store.updateOrder({ ...mandate, mandateStatus: 'REVOKED' })
      const fifth = await insert()
      expect(await store.orderById(mandate.id)).toBeUndefined()
      for (const kept of [third, fourth, fifth]) expect(await store.orderById(kept.id)).toBeDefined()
      // Live again, it stays, and the cap goes on with the oldest of the rest.
      await live(third)
      await insert()
      expect(await store.orderById(third.id)).toBeDefined()
      expect(await store.orderById(fourth.id)).toBeUndefined()
    })

    it('forgets the orders it had to keep in the order they were created, whatever order they are let go in', async () => {
      const { store, insert, live } = await bounded(5)
      const [first, second, third] = [await live(await insert()), await live(await insert()), await live(await insert())]
      const [fourth, fifth] = [await insert(), await insert()]
      const sixth = await insert()
      expect(await store.orderById(fourth.id)).toBeUndefined()
      const seventh = await insert()
      expect(await store.orderById(fifth.id)).toBeUndefined()
      // A write to an order the cap has not come to yet does not bring it forward.
      await store.updateOrder({ ...seventh, udf: ['written'] })
      await store.updateOrder({ ...second, mandateStatus: 'REVOKED' })
      await store.updateOrder({ ...third, mandateStatus: 'REVOKED' })
      await store.updateOrder({ ...first, mandateStatus: 'EXPIRED' })
      for (const [n, gone] of [first, second, third, sixth, seventh].entries()) {
        await insert()
        expect(await store.orderById(gone.id), `insert ${n + 1} after the changes`).toBeUndefined()
        if (n < 4) expect(await store.orderById(seventh.id), `insert ${n + 1} after the changes`).toBeDefined()
      }
    })

    it('counts an order forgotten and inserted again from its new insert', async () => {
      const { store, insert } = await bounded(3)
      const again = await insert()
      await store.resetMerchant(again.merchantId)
      const oldest = await insert()
      expect(await store.insertOrder(again)).toEqual({ inserted: true })
      await insert()
      await insert()
      expect(await store.orderById(oldest.id)).toBeUndefined()
      expect(await store.orderById(again.id)).toEqual(again)
    })

    it('keeps an order let go that is live again by the time the cap comes to it', async () => {
      const { store, insert, live } = await bounded(2)
      const mandate = await live(await insert())
      await insert()
      const third = await insert()
      expect(await store.updateOrder({ ...mandate, mandateStatus: 'REVOKED' })).toBe(true)
      await live({ ...mandate, revision: mandate.revision + 1 })
      await insert()
      expect(await store.orderById(mandate.id)).toBeDefined()
      expect(await store.orderById(third.id)).toBeUndefined()
    })

    it('holds more than the cap when every order must stay, and still takes inserts', async () => {
      const { store, insert } = await bounded(1)
      const kept: Order[] = []
      // Inserted with their mandates live: the cap never had an order it could forget.
      for (let n = 0; n < 3; n++) kept.push(await insert({ status: 'CHARGED', mandateStatus: 'ACTIVE' }))
      for (const order of kept) expect(await store.orderById(order.id)).toBeDefined()
      expect(await store.size()).toBe(3)
      const open = await insert()
      expect(await store.orderById(open.id)).toBeUndefined()
      expect(await store.size()).toBe(3)
    })
  })

  describe(`${name}: atomic under concurrency, from ${PARALLEL} handles at once`, () => {
    it('inserts one order for one merchant order id, and every other caller is answered with that order', async () => {
      const store = await open()
      const handles = await peers(store)
      const results = await Promise.all(handles.map((handle, i) => handle.insertOrder({ ...order(), id: `ordeh_race${i}`, orderId: i % 2 ? 'O-1' : 'o-1' })))
      const winners = results.flatMap((result, i) => (result.inserted ? [`ordeh_race${i}`] : []))
      expect(winners).toHaveLength(1)
      for (const result of results) if (!result.inserted) expect(result.existing.id).toBe(winners[0])
      expect(await store.size()).toBe(1)
    })

    it('writes an order once from one revision: exactly one update succeeds, with its jobs', async () => {
      const store = await open()
      await store.insertOrder(order())
      const handles = await peers(store)
      const results = await Promise.all(
        handles.map((handle, i) => handle.updateOrder({ ...order(), udf: [`writer-${i}`] }, [job(`job-${i}`, T)])),
      )
      expect(results.filter(Boolean)).toHaveLength(1)
      const winner = results.indexOf(true)
      expect(await store.orderById('ordeh_1')).toEqual({ ...order(), udf: [`writer-${winner}`], revision: 1 })
      expect(ids(await store.claimDue(T, 60_000, 100))).toEqual([`job-${winner}`])
    })

    it('hands each due job to exactly one caller', async () => {
      const store = await open()
      const jobs = Array.from({ length: 40 }, (_, i) => job(`j${String(i).padStart(2, '0')}`, T + i))
      for (const scheduled of jobs) await store.schedule(scheduled)
      const handles = await peers(store)
      const claimed = await Promise.all(handles.map((handle) => handle.claimDue(T + DAY, 60_000, 5)))
      const all = claimed.flatMap(ids)
      expect(new Set(all).size).toBe(all.length)
      expect(all.sort()).toEqual(ids(jobs))
    })

    it("moves a merchant's clock to the furthest offset asked, its jobs with it exactly once", async () => {
      const store = await open()
      await store.schedule(job('a', T + 12 * HOUR))
      const handles = await peers(store)
      await Promise.all(handles.map((handle, i) => handle.advanceClock('m1', (i + 1) * HOUR)))
      expect(await store.clockOffset('m1')).toBe(PARALLEL * HOUR)
      expect(await store.claimDue(T - 1, 60_000, 10)).toEqual([])
      expect(ids(await store.claimDue(T, 60_000, 10))).toEqual(['a'])
    })

    it("hands each of a merchant's due jobs to exactly one caller, soonest first", async () => {
      const store = await open()
      const jobs = Array.from({ length: 20 }, (_, i) => job(`j${String(i).padStart(2, '0')}`, T + i))
      for (const scheduled of jobs) await store.schedule(scheduled)
      const handles = await peers(store)
      const claimed = await Promise.all(handles.map((handle) => handle.claimNextDue('m1', T + DAY, 60_000)))
      const taken = claimed.filter((c): c is ScheduledJob => c !== null && c !== 'held')
      expect(ids(taken)).toEqual(['j00'])
    })

    it('lets one order consume a preview, and either an order or apply_plan_change take it, never both', async () => {
      const store = await open()
      await store.insertPreview(preview('r1'))
      await store.insertPreview(preview('r2'))
      const handles = await peers(store)
      const consumed = await Promise.all(handles.map((handle, i) => handle.consumePreview('m1', 'bei_a', 'r1', { orderId: `pc-${i}`, pageId: `ordeh_${i}` })))
      expect(consumed.filter(Boolean)).toHaveLength(1)
      expect((await store.preview('m1', 'bei_a', 'r1'))?.consumedBy?.pageId).toBe(`ordeh_${consumed.indexOf(true)}`)
      const taken = await Promise.all(
        handles.map((handle, i) =>
          i % 2
            ? handle.markPreviewApplied('m1', 'bei_a', 'r2', '2026-11-25T10:05:00.000Z')
            : handle.consumePreview('m1', 'bei_a', 'r2', { orderId: `pc-${i}`, pageId: `ordeh_${i}` }),
        ),
      )
      expect(taken.filter(Boolean)).toHaveLength(1)
      const stood = await store.preview('m1', 'bei_a', 'r2')
      expect(stood?.appliedAt === null).not.toBe(stood?.consumedBy === null)
    })

    it('inserts one subscription per order, one plan per plan_id and one preview per request_id', async () => {
      const store = await open()
      const handles = await peers(store)
      const subscriptions = await Promise.all(handles.map((handle, i) => handle.insertSubscription(subscription(`s${i}`, { pageId: 'ordeh_one' }))))
      const plans = await Promise.all(handles.map((handle, i) => handle.insertPlan('m1', plan('one', `Plan ${i}`))))
      const previews = await Promise.all(handles.map((handle, i) => handle.insertPreview(preview('one', { fingerprint: `fp-${i}` }))))
      for (const results of [subscriptions, plans, previews]) expect(results.filter((result) => result.inserted)).toHaveLength(1)
      expect(await store.subscriptionsOf('m1', 'cust-1')).toHaveLength(1)
      expect(await store.plansOf('m1')).toHaveLength(1)
    })
  })
}
