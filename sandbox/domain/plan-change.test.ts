import { describe, expect, it } from 'vitest'
import type { Plan } from '../../contract/plan'
import { MemoryStore } from '../store/memory-store'
import { monthlyPlan, subscriptionFixture, TEST_NOW } from '../testing/fixtures'
import { applyWithoutPayment, planChangePreview, type ApplyRefusal, type PlanChangePreview } from './plan-change'
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
    expect(result.ok).toBe(true)
    const changed = await store.subscription('m1', 'bei_a')
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
