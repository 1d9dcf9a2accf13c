import { describe, expect, it } from 'vitest'
import type { Order } from '../../domain/order'
import type { OrderEventName } from '../../domain/order-events'
import type { Subscription } from '../../domain/subscriptions'
import { mandateTerms, orderBilling, subscriptionFixture } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import { billingExecution } from './billing-execution'
import { mandateObject } from './mandate-object'
import { notificationObject } from './notification-object'
import { orderStatusResponse } from './order-status'
import { juspayWebhook } from './webhook'

/**
 * The Juspay webhook envelope, built straight from a stored order: which events carry the mandate,
 * the notice or the billing execution beside the order. The delivery itself is the dispatcher's
 * (sandbox/webhooks/); the journeys that send these are in routes.test.ts and billing-routes.test.ts.
 */

const ORIGIN = 'https://sandbox.example'
const NOW = new Date('2026-12-03T04:30:00.250Z')

/** An order that has everything an envelope may carry: a mandate, a scheduled debit's notice and a subscription. */
const fullOrder = (): Order =>
  storedOrder({
    merchantId: 'm1',
    mandate: mandateTerms(99_900),
    mandateId: 'M1',
    mandateStatus: 'ACTIVE',
    billing: { ...orderBilling(), subscriptionId: 'bei_a' },
    debit: {
      subscriptionId: 'bei_a',
      cycle: 2,
      dueAt: '2026-12-05T04:30:00.000Z',
      notification: { id: 'ntf_1', objectReferenceId: 'ref_1', status: 'SUCCESS', amountMinor: 49_900, txnDate: '2026-12-05T04:30:00.000Z', createdAt: '2026-12-03T04:30:00.000Z', failure: null },
    },
  })

/** Finds subscriptions from a list, recording each look-up. */
function subscriptions(...stored: Subscription[]) {
  const asked: string[] = []
  const find = (merchantId: string, id: string): Promise<Subscription | undefined> => {
    asked.push(`${merchantId}/${id}`)
    return Promise.resolve(stored.find((s) => s.merchantId === merchantId && s.id === id))
  }
  return { asked, find }
}

describe('juspayWebhook', () => {
  it('wraps the order as GET /orders answers it, with a fresh event id and the time without milliseconds', async () => {
    const order = fullOrder()
    const { find } = subscriptions()
    const message = await juspayWebhook(order, 'ORDER_SUCCEEDED', NOW, ORIGIN, find)
    expect(message.id).toMatch(/^evt_V2_[0-9a-f]{32}$/)
    expect(message.body).toEqual({
      id: message.id,
      event_name: 'ORDER_SUCCEEDED',
      date_created: '2026-12-03T04:30:00Z',
      content: { order: orderStatusResponse(order, ORIGIN) },
    })
    const again = await juspayWebhook(order, 'ORDER_SUCCEEDED', NOW, ORIGIN, find)
    expect(again.id).not.toBe(message.id)
  })

  it.each<[OrderEventName, string[]]>([
    ['TXN_CREATED', []],
    ['ORDER_FAILED', []],
    ['MANDATE_ACTIVATED', ['mandate']],
    ['MANDATE_REVOKED', ['mandate']],
    ['NOTIFICATION_SUCCEEDED', ['notification']],
    ['NOTIFICATION_FAILED', ['notification']],
    ['BILLING_EXECUTION_ACTIVATED', ['billing_execution_info']],
    ['BILLING_TXN_SCHEDULED', ['billing_execution_info']],
  ])('%s carries the order and %j', async (event, extra) => {
    const order = fullOrder()
    const { find } = subscriptions(subscriptionFixture({ id: 'bei_a', merchantId: 'm1' }))
    const { body } = await juspayWebhook(order, event, NOW, ORIGIN, find)
    const content = body['content'] as Record<string, unknown>
    expect(Object.keys(content).sort()).toEqual(['order', ...extra].sort())
  })

  it('carries the mandate, the notice and the billing execution as their own readers answer them', async () => {
    const order = fullOrder()
    const subscription = subscriptionFixture({ id: 'bei_a', merchantId: 'm1' })
    const { find } = subscriptions(subscription)
    const content = async (event: OrderEventName) => (await juspayWebhook(order, event, NOW, ORIGIN, find)).body['content'] as Record<string, unknown>
    expect((await content('MANDATE_PAUSED'))['mandate']).toEqual(mandateObject(order))
    expect((await content('NOTIFICATION_SUCCEEDED'))['notification']).toEqual(notificationObject(order))
    expect((await content('BILLING_EXECUTION_UPDATED'))['billing_execution_info']).toEqual(billingExecution(subscription))
  })

  it('looks the subscription up under the order\'s merchant, and only for BILLING_* events', async () => {
    const { asked, find } = subscriptions()
    await juspayWebhook(fullOrder(), 'ORDER_SUCCEEDED', NOW, ORIGIN, find)
    await juspayWebhook(fullOrder(), 'MANDATE_ACTIVATED', NOW, ORIGIN, find)
    expect(asked).toEqual([])
    await juspayWebhook(fullOrder(), 'BILLING_EXECUTION_CREATED', NOW, ORIGIN, find)
    expect(asked).toEqual(['m1/bei_a'])
  })

  it('leaves out what the order does not have', async () => {
    const bare = storedOrder({ mandate: null, billing: null })
    const { asked, find } = subscriptions(subscriptionFixture())
    for (const event of ['MANDATE_FAILED', 'NOTIFICATION_FAILED', 'BILLING_EXECUTION_DEACTIVATED'] as const) {
      const { body } = await juspayWebhook(bare, event, NOW, ORIGIN, find)
      expect(Object.keys(body['content'] as object)).toEqual(['order'])
    }
    expect(asked).toEqual([])
  })

  it('leaves out a billing execution that is not found', async () => {
    const { asked, find } = subscriptions()
    const { body } = await juspayWebhook(fullOrder(), 'BILLING_TXN_RETRY_EXCEEDED', NOW, ORIGIN, find)
    expect(Object.keys(body['content'] as object)).toEqual(['order'])
    expect(asked).toEqual(['m1/bei_a'])
  })
})
