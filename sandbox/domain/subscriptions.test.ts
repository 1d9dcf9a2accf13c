import { describe, expect, it } from 'vitest'
import type { PriceSchedule } from '../../contract/billing'
import { monthlyPlan, orderBilling, orderDraft, TEST_NOW } from '../testing/fixtures'
import { MemoryStore } from '../store/memory-store'
import type { Order } from './order'
import type { OrderEventName } from './order-events'
import { startSubscription } from './subscriptions'

const LATER = new Date(TEST_NOW.getTime() + 60_000)

/** An order of the demo merchant as applyAttempt leaves it once its registration succeeded. */
const registered = (overrides: Partial<Order> = {}): Order => ({
  ...orderDraft(TEST_NOW, { orderId: 'o-1', customer: { id: 'cust-42', email: null, phone: null, firstName: null, lastName: null }, billing: orderBilling() }),
  id: 'ordeh_1',
  createdAt: TEST_NOW.toISOString(),
  clientAuthToken: 'tkn_1',
  clientAuthTokenExpiresAt: TEST_NOW.toISOString(),
  status: 'CHARGED',
  attempts: [],
  mandateStatus: 'ACTIVE',
  mandateId: 'M1234567890123456789012',
  mandateToken: 'tok',
  mandateChange: null,
  refundedMinor: 100,
  cancelledAt: null,
  revision: 0,
  ...overrides,
})

const SUCCESS: OrderEventName[] = ['MANDATE_ACTIVATED', 'ORDER_SUCCEEDED']

describe('startSubscription', () => {
  it('starts one subscription for a registration that succeeded, names it on the order, and tells merchants after the mandate', async () => {
    const store = new MemoryStore()
    const order = registered()
    const result = await startSubscription((s) => store.insertSubscription(s), { order, events: SUCCESS }, LATER)
    expect(result.events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'])
    const id = result.order.billing?.subscriptionId
    expect(id).toMatch(/^bei_[A-Za-z0-9]{22}$/)
    expect(await store.subscription('demo_merchant', id ?? '')).toEqual({
      id,
      status: 'ACTIVE',
      merchantId: 'demo_merchant',
      customerId: 'cust-42',
      plan: monthlyPlan(),
      planSnapshotAt: TEST_NOW.toISOString(),
      planAmountMinor: 49900,
      mandateId: 'M1234567890123456789012',
      mandatePageId: 'ordeh_1',
      orderId: 'o-1',
      pageId: 'ordeh_1',
      intro: { type: 'NONE' },
      billingStartsOn: '2026-12-05',
      schedule: order.billing?.schedule,
      creditMinor: 0,
      createdAt: LATER.toISOString(),
      activatedAt: LATER.toISOString(),
    })
  })

  it('starts one for an order that sells a schedule without a plan (a checkout session), with no plan and the schedule copied', async () => {
    const store = new MemoryStore()
    const billing = { ...orderBilling(), plan: null, schedule: { ...orderBilling().schedule, plan: null } }
    const result = await startSubscription((s) => store.insertSubscription(s), { order: registered({ billing }), events: SUCCESS }, LATER)
    expect(result.events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'])
    const [subscription] = await store.subscriptionsOf('demo_merchant', 'cust-42')
    expect(subscription).toMatchObject({ id: result.order.billing?.subscriptionId, plan: null, planAmountMinor: 49900, schedule: billing.schedule })
  })

  it.each<[string, Partial<Order>]>([
    ['an order without billing', { billing: null }],
    ['a failed registration', { status: 'AUTHORIZATION_FAILED', mandateStatus: 'FAILURE', mandateId: null }],
    ['a pending registration', { status: 'PENDING_VBV', mandateStatus: 'CREATED', mandateId: null }],
    ['an order that already has its subscription', { billing: { ...orderBilling(), subscriptionId: 'bei_existing' } }],
    ['a charged order whose mandate is not active', { mandateStatus: 'CREATED' }],
    ['an active mandate on an order not charged', { status: 'PENDING_VBV' }],
    ['a charged order with an active mandate but no mandate id', { mandateId: null }],
  ])('starts none for %s', async (_, overrides) => {
    const store = new MemoryStore()
    const applied = { order: registered(overrides), events: SUCCESS }
    expect(await startSubscription((s) => store.insertSubscription(s), applied, LATER)).toBe(applied)
    expect(await store.subscriptionsOf('demo_merchant', 'cust-42')).toEqual([])
  })

  it('never starts a second one for the same order, even when the order lost track of the first (its write lost): the retry names the first and tells merchants, as no write recorded it yet', async () => {
    const store = new MemoryStore()
    const first = await startSubscription((s) => store.insertSubscription(s), { order: registered(), events: SUCCESS }, LATER)
    const again = await startSubscription((s) => store.insertSubscription(s), { order: registered(), events: SUCCESS }, LATER)
    expect(again.events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED'])
    expect(again.order.billing?.subscriptionId).toBe(first.order.billing?.subscriptionId)
    expect(await store.subscriptionsOf('demo_merchant', 'cust-42')).toHaveLength(1)
  })

  it.each<[string, OrderEventName[], OrderEventName[]]>([
    ['first, when the mandate activated in an earlier write', ['ORDER_SUCCEEDED'], ['BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED']],
    ['right after the mandate’s activation, wherever it is', ['TXN_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'], ['TXN_CREATED', 'MANDATE_ACTIVATED', 'BILLING_EXECUTION_CREATED', 'BILLING_EXECUTION_ACTIVATED', 'ORDER_SUCCEEDED']],
  ])('tells merchants of the subscription %s', async (_, events, expected) => {
    const store = new MemoryStore()
    expect((await startSubscription((s) => store.insertSubscription(s), { order: registered(), events }, LATER)).events).toEqual(expected)
  })

  it.each<[string, (schedule: PriceSchedule) => PriceSchedule, string | null]>([
    ['no debit after today (the merchant presents each): no billing start', (schedule) => ({ ...schedule, charges: [] }), null],
    [
      'introductory debits first: the first regular debit',
      (schedule) => ({
        ...schedule,
        charges: [
          { date: '2026-12-05', amount: { minor: 100, currency: 'INR' }, intro: true },
          { date: '2027-01-05', amount: { minor: 49900, currency: 'INR' }, intro: false },
        ],
      }),
      '2027-01-05',
    ],
  ])('starts billing from the first regular debit: %s', async (_, reschedule, startsOn) => {
    const store = new MemoryStore()
    const billing = orderBilling()
    const result = await startSubscription((s) => store.insertSubscription(s), { order: registered({ billing: { ...billing, schedule: reschedule(billing.schedule) } }), events: SUCCESS }, LATER)
    expect((await store.subscription('demo_merchant', result.order.billing?.subscriptionId ?? ''))?.billingStartsOn).toBe(startsOn)
  })
})
