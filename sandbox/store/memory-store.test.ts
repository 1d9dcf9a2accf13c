import { describe, expect, it } from 'vitest'
import type { WebhookDelivery } from '../webhooks/delivery'
import { MemoryStore } from './memory-store'

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

describe('MemoryStore webhook records', () => {
  it('keeps records per merchant order in creation order, updating in place', () => {
    const store = new MemoryStore()
    store.saveWebhook('m1', 'o-1', delivery('evt_a'))
    store.saveWebhook('m1', 'o-1', delivery('evt_b'))
    store.saveWebhook('m1', 'o-1', delivery('evt_a', { status: 'delivered' }))
    expect(store.webhooksFor('m1', 'o-1').map((d) => [d.id, d.status])).toEqual([
      ['evt_a', 'delivered'],
      ['evt_b', 'pending'],
    ])
  })

  it('scopes records by merchant and matches the order id case-insensitively', () => {
    const store = new MemoryStore()
    store.saveWebhook('m1', 'Order-1', delivery('evt_a'))
    expect(store.webhooksFor('m1', 'order-1')).toHaveLength(1)
    expect(store.webhooksFor('m2', 'Order-1')).toEqual([])
    expect(store.webhooksFor('m1', 'other')).toEqual([])
  })

  it('hands out copies, so callers cannot change what is stored', () => {
    const store = new MemoryStore()
    const saved = delivery('evt_a')
    store.saveWebhook('m1', 'o-1', saved)
    saved.status = 'failed'
    const read = store.webhooksFor('m1', 'o-1')
    read[0]?.attempts.push({ at: 'x', http_status: 200, error: null, duration_ms: 1 })
    expect(store.webhooksFor('m1', 'o-1')[0]).toMatchObject({ status: 'pending', attempts: [] })
  })

  it('forgets them on reset', () => {
    const store = new MemoryStore()
    store.saveWebhook('m1', 'o-1', delivery('evt_a'))
    store.reset()
    expect(store.webhooksFor('m1', 'o-1')).toEqual([])
  })
})
