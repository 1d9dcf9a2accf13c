import { describe, expect, it } from 'vitest'
import type { Plan } from '../../contract/plan'
import { MemoryStore } from '../store/memory-store'
import { monthlyPlan, orderDraft, subscriptionFixture, TEST_NOW, testSandbox } from '../testing/fixtures'
import { MovableClock } from './clock'
import type { Order, PlanChangeBilling } from './order'
import type { OrderEventName } from './order-events'
import { createOrder } from './orders'
import {
  applyPlanChange,
  applyWithoutPayment,
  changedSchedule,
  planChangePreview,
  revokedMandate,
  type ApplyRefusal,
  type ApplyStore,
  type PlanChangePreview,
} from './plan-change'
import { previewClaim } from './preview-claim'
import { istMidnight } from './proration'
import type { Subscription } from './subscriptions'

/**
 * applyWithoutPayment (docs/domain/billing.md#a-net-of-zero-or-below): a subscription to
 * fit_monthly (₹499 on the 5th, cap ₹1,000) whose paid cycle runs 25 Nov → 5 Dec 2026 (IST),
 * previewed at TEST_NOW for a change to another plan.
 */

const cycle = { start: istMidnight('2026-11-25'), end: istMidnight('2026-12-05') }
const MINUTE = 60 * 1000

const subscription = (overrides: Partial<Subscription> = {}) => subscriptionFixture(overrides) as Subscription & { plan: Plan }

const target = (paise: number, overrides: Partial<Plan> = {}) => monthlyPlan({ plan_id: `fit_${paise}`, amount: { type: 'FIXED', paise }, max_amount: paise, ...overrides })

function previewOf(held: Subscription & { plan: Plan }, to: Plan): PlanChangePreview {
  const amountMinor = to.amount.type === 'FIXED' ? to.amount.paise : to.max_amount
  return planChangePreview({ subscription: held, cycle, requestId: 'r1', fingerprint: 'fp', now: TEST_NOW, lifetimeMinutes: 15, next: { planId: to.plan_id, amountMinor, ruleValue: 5 } })
}

async function stored(preview: PlanChangePreview, held: Subscription): Promise<MemoryStore> {
  const store = new MemoryStore()
  await store.insertSubscription(held)
  await store.insertPreview(preview)
  return store
}

describe('planChangePreview', () => {
  it.each([
    ['below the mandate cap', 99999, true],
    ['at the mandate cap', 100000, true],
    ['above it', 100001, false],
  ])('finds a new plan priced %s sufficient: %s', (_name, paise, sufficient) => {
    expect(previewOf(subscription(), target(paise)).mandateSufficient).toBe(sufficient)
  })
})

describe('applyWithoutPayment', () => {
  it('moves the subscription to the cheaper plan, carrying the credit, and marks the preview applied', async () => {
    const held = subscription()
    const to = target(29900)
    const preview = previewOf(held, to)
    const store = await stored(preview, held)
    const result = await applyWithoutPayment(store, preview, held, to, new Date(TEST_NOW.getTime() + MINUTE))
    const changed = await store.subscription('m1', 'bei_a')
    expect(result).toEqual({ ok: true, subscription: changed, preview: { ...preview, appliedAt: new Date(TEST_NOW.getTime() + MINUTE).toISOString() } })
    expect(changed?.plan?.plan_id).toBe('fit_29900')
    expect(changed?.planAmountMinor).toBe(29900)
    expect(changed?.creditMinor).toBe(preview.proration.carryForwardMinor)
    expect(changed?.creditMinor).toBeGreaterThan(0)
    expect(changed?.schedule.charges[0]).toEqual({ date: '2026-12-05', amount: { minor: 29900 - preview.proration.carryForwardMinor, currency: 'INR' }, intro: false })
    expect((await store.preview('m1', 'bei_a', 'r1'))?.appliedAt).toBe(new Date(TEST_NOW.getTime() + MINUTE).toISOString())
  })

  const refusals: [name: string, arrange: () => { held: Subscription & { plan: Plan }; to: Plan | undefined; preview: PlanChangePreview; at: Date }, expected: ApplyRefusal][] = [
    ['an upgrade, which needs a payment', () => {
      const held = subscription()
      const to = target(79900)
      const preview = previewOf(held, to)
      return { held, to, preview, at: TEST_NOW }
      // 808,200 s of 864,000 remain: ₹799 × … = 74,741 p charged, ₹499 × … = 46,678 p credited.
    }, { reason: 'payment_required', dueMinor: 28063 }],
    ['a preview at its expiry', () => {
      const held = subscription()
      const to = target(29900)
      return { held, to, preview: previewOf(held, to), at: new Date(TEST_NOW.getTime() + 15 * MINUTE) }
    }, { reason: 'expired', at: new Date(TEST_NOW.getTime() + 15 * MINUTE).toISOString() }],
    ['a subscription whose credit moved since', () => {
      const to = target(29900)
      const preview = previewOf(subscription(), to)
      return { held: subscription({ creditMinor: 100 }), to, preview, at: TEST_NOW }
    }, { reason: 'plan_changed', planId: 'fit_monthly', amountMinor: 49900, creditMinor: 100 }],
    ['a subscription whose plan amount moved since', () => {
      const to = target(29900)
      const preview = previewOf(subscription(), to)
      return { held: subscription({ planAmountMinor: 59900 }), to, preview, at: TEST_NOW }
    }, { reason: 'plan_changed', planId: 'fit_monthly', amountMinor: 59900, creditMinor: 0 }],
    ['a subscription moved to another plan of the same price since', () => {
      const to = target(29900)
      const preview = previewOf(subscription(), to)
      return { held: subscription({ plan: monthlyPlan({ plan_id: 'fit_other' }) }), to, preview, at: TEST_NOW }
    }, { reason: 'plan_changed', planId: 'fit_other', amountMinor: 49900, creditMinor: 0 }],
    ['a subscription that no longer has a plan', () => {
      const to = target(29900)
      const preview = previewOf(subscription(), to)
      return { held: { ...subscription(), plan: null } as Subscription & { plan: Plan }, to, preview, at: TEST_NOW }
    }, { reason: 'plan_changed', planId: null, amountMinor: 49900, creditMinor: 0 }],
    ['a plan made INACTIVE since', () => {
      const held = subscription()
      const to = target(29900)
      return { held, to: { ...to, status: 'INACTIVE' }, preview: previewOf(held, to), at: TEST_NOW }
    }, { reason: 'plan_inactive', planId: 'fit_29900', status: 'INACTIVE' }],
    ['a plan no longer in the catalogue', () => {
      const held = subscription()
      const to = target(29900)
      return { held, to: undefined, preview: previewOf(held, to), at: TEST_NOW }
    }, { reason: 'plan_inactive', planId: 'fit_29900', status: null }],
    // ₹1,500 over a ₹1,000 cap, paid for whole by ₹2,000 of credit held: debits at ₹1,500 would not fit the mandate.
    ['a change the credit pays for, above the mandate\'s cap', () => {
      const held = subscription({ creditMinor: 200000 })
      const to = target(150000)
      return { held, to, preview: previewOf(held, to), at: TEST_NOW }
    }, { reason: 'needs_mandate', amountMinor: 150000, capMinor: 100000 }],
  ]

  it.each(refusals)('refuses %s, changing nothing', async (_name, arrange, expected) => {
    const { held, to, preview, at } = arrange()
    const store = await stored(preview, held)
    expect(await applyWithoutPayment(store, preview, held, to, at)).toEqual({ ok: false, refusal: expected })
    expect(await store.subscription('m1', 'bei_a')).toEqual(held)
    expect((await store.preview('m1', 'bei_a', 'r1'))?.appliedAt).toBeNull()
  })

  it('refuses a preview an order pays for', async () => {
    const held = subscription()
    const to = target(29900)
    const preview = previewOf(held, to)
    const store = await stored(preview, held)
    await store.consumePreview('m1', 'bei_a', 'r1', { orderId: 'pc-1', pageId: 'ordeh_p' })
    const consumed = await store.preview('m1', 'bei_a', 'r1')
    if (!consumed) throw new Error('preview lost')
    expect(await applyWithoutPayment(store, consumed, held, to, TEST_NOW)).toEqual({ ok: false, refusal: { reason: 'paid_by_order', orderId: 'pc-1' } })
    expect(await store.subscription('m1', 'bei_a')).toEqual(held)
  })
})

/**
 * previewClaim: the order paying for a preview claims it before it is stored
 * (docs/domain/billing.md#plan-changes-paying-for-one). Here another request stores a different
 * order under the same order id between this order's claim and its insert.
 */
describe('previewClaim', () => {
  async function race(other: 'pays for no change' | 'pays for this preview' | 'pays for another preview') {
    const held = subscription()
    const to = target(29900)
    const preview = previewOf(held, to)
    const store = await stored(preview, held)
    await store.insertPreview({ ...preview, requestId: 'r2' })
    const deps = { store, clock: new MovableClock({ now: () => TEST_NOW }) }
    const schedule = changedSchedule(held.schedule, preview, to, held.schedule.cap.minor)
    const paying = (requestId: string) => ({
      plan: to,
      schedule,
      subscriptionId: held.id,
      planChange: { preview: { ...preview, requestId }, from: { planId: 'fit_monthly', name: 'Monthly' }, to: { planId: to.plan_id, name: to.name }, newMandate: false, appliedAt: null },
    })
    const draft = (orderId: string, fingerprint: string, billing: ReturnType<typeof paying> | null) => orderDraft(TEST_NOW, { merchantId: 'm1', orderId, fingerprint, billing })
    const claimOf = (requestId: string) => previewClaim(store, 'm1', { subscriptionId: 'bei_a', requestId })
    const otherRequestId = other === 'pays for another preview' ? 'r2' : 'r1'
    const otherDraft = draft('pc-1', 'other body', other === 'pays for no change' ? null : paying(otherRequestId))
    const claim = claimOf('r1')
    let first: Order | undefined
    const outcome = await createOrder(deps, draft('pc-1', 'this body', paying('r1')), {
      ...claim,
      take: async (order) => {
        const taken = await claim.take(order)
        const created = await createOrder(deps, otherDraft, other === 'pays for no change' ? undefined : claimOf(otherRequestId))
        if (created.kind === 'created') first = created.order
        return taken
      },
    })
    expect(first).toBeDefined()
    expect(outcome).toEqual({ kind: 'conflict', existing: first })
    return { store, deps, draft, paying, claimOf }
  }

  it.each(['pays for no change', 'pays for another preview'] as const)(
    'gives the preview back when the order stored first under the same order id %s, so another order id can pay for it',
    async (other) => {
      const { store, deps, draft, paying, claimOf } = await race(other)
      expect((await store.preview('m1', 'bei_a', 'r1'))?.consumedBy).toBeNull()
      if (other === 'pays for another preview') expect((await store.preview('m1', 'bei_a', 'r2'))?.consumedBy?.orderId).toBe('pc-1')
      const next = await createOrder(deps, draft('pc-2', 'next body', paying('r1')), claimOf('r1'))
      expect(next.kind).toBe('created')
      expect((await store.preview('m1', 'bei_a', 'r1'))?.consumedBy?.orderId).toBe('pc-2')
    },
  )

  it('keeps the preview held when the order stored first under the same order id pays for the same preview', async () => {
    const { store, deps, draft, paying, claimOf } = await race('pays for this preview')
    expect((await store.preview('m1', 'bei_a', 'r1'))?.consumedBy?.orderId).toBe('pc-1')
    expect(await createOrder(deps, draft('pc-2', 'next body', paying('r1')), claimOf('r1'))).toEqual({ kind: 'unclaimed' })
  })
})

/**
 * applyPlanChange and revokedMandate: the order that paid for a plan change, folded after its
 * attempt (docs/domain/billing.md#plan-changes-the-prorated-preview). The order pays for a move from
 * fit_monthly (₹499) to a ₹299 plan (no new mandate) or a ₹1,500 plan over the ₹1,000 cap (a new one).
 */
describe('applyPlanChange', () => {
  const APPLIED_AT = new Date(TEST_NOW.getTime() + 5 * MINUTE)

  async function paidChange(toPaise: number, overrides: Partial<Order> = {}, newMandate = toPaise > 100000) {
    const held = subscription()
    const to = target(toPaise)
    const preview = previewOf(held, to)
    const schedule = changedSchedule(held.schedule, preview, to, newMandate ? toPaise : held.schedule.cap.minor)
    const planChange: PlanChangeBilling = { preview, from: { planId: 'fit_monthly', name: 'Monthly' }, to: { planId: to.plan_id, name: to.name }, newMandate, appliedAt: null }
    const { deps } = testSandbox()
    const created = await createOrder(deps, orderDraft(TEST_NOW, { merchantId: 'm1' }))
    if (created.kind !== 'created') throw new Error('order not created')
    const order: Order = {
      ...created.order,
      status: 'CHARGED',
      mandateStatus: newMandate ? 'ACTIVE' : null,
      mandateId: newMandate ? 'M2' : null,
      billing: { plan: to, schedule, subscriptionId: held.id, planChange },
      ...overrides,
    }
    const store = new MemoryStore()
    await store.insertSubscription(held)
    return { held, to, schedule, order, store }
  }

  it('moves the subscription to the new plan on the current mandate, once, the change announced before ORDER_SUCCEEDED', async () => {
    const { held, schedule, order, store } = await paidChange(29900)
    const result = await applyPlanChange(store, { order, events: ['MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'] }, APPLIED_AT)
    expect(result.events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED'])
    expect(result.revokes).toBeNull()
    expect(result.order.billing?.planChange?.appliedAt).toBe(APPLIED_AT.toISOString())
    expect(result.order).toEqual({ ...order, billing: { ...order.billing, planChange: { ...order.billing?.planChange, appliedAt: APPLIED_AT.toISOString() } } })
    const changed = await store.subscription('m1', 'bei_a')
    expect(changed).toEqual({
      ...held,
      plan: target(29900),
      planAmountMinor: 29900,
      schedule: { ...held.schedule, plan: schedule.plan, charges: schedule.charges, recurring: schedule.recurring, cap: schedule.cap },
      creditMinor: order.billing?.planChange?.preview.proration.carryForwardMinor,
    })
    expect(changed?.schedule.today).toEqual(held.schedule.today)
    expect(changed?.creditMinor).toBeGreaterThan(0)
  })

  it('keeps the subscription on its mandate when the change registers none, whatever mandate the order names', async () => {
    const { held, order, store } = await paidChange(29900, { mandateStatus: 'ACTIVE', mandateId: 'M9' })
    expect((await applyPlanChange(store, { order, events: ['ORDER_SUCCEEDED'] }, APPLIED_AT)).revokes).toBeNull()
    const changed = await store.subscription('m1', 'bei_a')
    expect(changed?.mandateId).toBe(held.mandateId)
    expect(changed?.mandatePageId).toBe(held.mandatePageId)
    expect(changed?.planAmountMinor).toBe(29900)
  })

  it('adds the change at the end when the order has not succeeded in this fold', async () => {
    const { order, store } = await paidChange(29900)
    expect((await applyPlanChange(store, { order, events: ['MANDATE_ACTIVATED'] }, APPLIED_AT)).events).toEqual(['MANDATE_ACTIVATED', 'BILLING_EXECUTION_UPDATED'])
  })

  it('moves the subscription onto the new mandate and names the old mandate’s order to revoke', async () => {
    const { held, order, store } = await paidChange(150000)
    const result = await applyPlanChange(store, { order, events: ['ORDER_SUCCEEDED'] }, APPLIED_AT)
    expect(result.events).toEqual(['BILLING_EXECUTION_UPDATED', 'ORDER_SUCCEEDED'])
    expect(result.revokes).toBe(held.mandatePageId)
    expect(result.order.billing?.planChange?.replaces).toBe(held.mandatePageId)
    const changed = await store.subscription('m1', 'bei_a')
    expect(changed?.mandateId).toBe('M2')
    expect(changed?.mandatePageId).toBe(order.id)
    expect(changed?.schedule.cap).toEqual({ minor: 150000, currency: 'INR' })
  })

  const untouched: [name: string, change: () => ReturnType<typeof paidChange>][] = [
    ['an order that pays for no plan change', () => paidChange(29900, { billing: null })],
    ['a change already applied', async () => {
      const paid = await paidChange(29900)
      const billing = paid.order.billing
      if (!billing?.planChange) throw new Error('no plan change')
      return { ...paid, order: { ...paid.order, billing: { ...billing, planChange: { ...billing.planChange, appliedAt: TEST_NOW.toISOString() } } } }
    }],
    ['an order naming no subscription', async () => {
      const paid = await paidChange(29900)
      const billing = paid.order.billing
      if (!billing) throw new Error('no billing')
      return { ...paid, order: { ...paid.order, billing: { ...billing, subscriptionId: null } } }
    }],
    ['an order not charged', () => paidChange(29900, { status: 'PENDING_VBV' })],
    ['a new mandate not active yet', () => paidChange(150000, { mandateStatus: 'CREATED' })],
    ['a new mandate without its id', () => paidChange(150000, { mandateId: null })],
    ['a subscription the store no longer has', async () => ({ ...(await paidChange(29900)), store: new MemoryStore() })],
    ['an order without its plan', async () => {
      const paid = await paidChange(29900)
      const billing = paid.order.billing
      if (!billing) throw new Error('no billing')
      return { ...paid, order: { ...paid.order, billing: { ...billing, plan: null } } }
    }],
  ]

  it.each(untouched)('leaves %s and its subscription as they are', async (_name, change) => {
    const { order, store } = await change()
    const before = await store.subscription('m1', 'bei_a')
    const events: OrderEventName[] = ['ORDER_SUCCEEDED']
    expect(await applyPlanChange(store, { order, events }, APPLIED_AT)).toEqual({ order, events, revokes: null })
    expect(await store.subscription('m1', 'bei_a')).toEqual(before)
  })
})

describe('revokedMandate', () => {
  const holder = (mandateStatus: Order['mandateStatus']) => ({ id: 'ordeh_a', mandateStatus, mandateId: 'M1' }) as Order

  it('revokes the old mandate’s order while its mandate is active, and only the status changes', () => {
    expect(revokedMandate(holder('ACTIVE'))).toEqual({ order: { id: 'ordeh_a', mandateStatus: 'REVOKED', mandateId: 'M1' }, events: ['MANDATE_REVOKED'] })
  })

  it.each(['PAUSED', 'REVOKED', 'CREATED', null] as const)('leaves a mandate %s alone', (status) => {
    expect(revokedMandate(holder(status))).toBeNull()
  })
})

describe('changedSchedule', () => {
  const held = subscription()
  const asPresented = { ...held.schedule, recurring: { ...held.schedule.recurring, interval: 'ASPRESENTED' as const, ruleType: null, ruleValue: null } }

  it('promises no dates for a plan whose debits the merchant presents', () => {
    const preview = previewOf(held, target(29900))
    expect(changedSchedule(asPresented, { ...preview, next: { ...preview.next, ruleValue: null } }, target(29900), 100000).charges).toEqual([])
  })

  it('takes the new plan’s name and description, amount and cap', () => {
    const to = target(29900, { name: 'Lite', description: 'Billed on the 5th, for less.' })
    const schedule = changedSchedule(held.schedule, previewOf(held, to), to, 120000)
    expect(schedule.plan).toEqual({ id: 'fit_29900', name: 'Lite', description: 'Billed on the 5th, for less.' })
    expect(schedule.recurring.amount).toEqual({ minor: 29900, currency: 'INR' })
    expect(schedule.cap).toEqual({ minor: 120000, currency: 'INR' })
    expect(schedule.today).toEqual(held.schedule.today)
  })

  it.each([
    ['keeps the rule type with no rule value', 'AFTER', null, 'AFTER'],
    ['keeps the mandate’s rule type for a new rule value', 'AFTER', 7, 'AFTER'],
    ['takes ON for a rule value where the schedule had no rule type', null, 7, 'ON'],
    ['keeps no rule type with no rule value', null, null, null],
  ] as const)('%s', (_name, ruleType, ruleValue, expected) => {
    const preview = previewOf(held, target(29900))
    const current = { ...held.schedule, recurring: { ...held.schedule.recurring, ruleType } }
    const schedule = changedSchedule(current, { ...preview, next: { ...preview.next, ruleValue } }, target(29900), 100000)
    expect(schedule.recurring.ruleType).toBe(expected)
    expect(schedule.recurring.ruleValue).toBe(ruleValue)
  })
})

describe('applyWithoutPayment, with a store that would mark any preview applied', () => {
  it('refuses a preview an order pays for before asking the store', async () => {
    const held = subscription()
    const to = target(29900)
    const preview = { ...previewOf(held, to), consumedBy: { orderId: 'pc-1', pageId: 'ordeh_p' } }
    let asked = 0
    const store: ApplyStore = {
      updateSubscription: () => Promise.resolve(),
      markPreviewApplied: () => {
        asked++
        return Promise.resolve(true)
      },
    }
    expect(await applyWithoutPayment(store, preview, held, to, TEST_NOW)).toEqual({ ok: false, refusal: { reason: 'paid_by_order', orderId: 'pc-1' } })
    expect(asked).toBe(0)
  })
})

describe('applyWithoutPayment, when the store will not mark the preview applied', () => {
  it('answers paid_by_order, changing nothing and naming no order, when the preview names none', async () => {
    const held = subscription()
    const to = target(29900)
    const preview = previewOf(held, to)
    let updated = 0
    const store: ApplyStore = {
      updateSubscription: () => {
        updated++
        return Promise.resolve()
      },
      markPreviewApplied: () => Promise.resolve(false),
    }
    expect(await applyWithoutPayment(store, preview, held, to, TEST_NOW)).toEqual({ ok: false, refusal: { reason: 'paid_by_order', orderId: '' } })
    expect(updated).toBe(0)
  })
})
