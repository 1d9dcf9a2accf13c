import { describe, expect, it } from 'vitest'
import { delivery, order, storeContract } from '../testing/store-contract'
import { MemoryStore } from './memory-store'

storeContract('MemoryStore', {
  open: (options) => Promise.resolve(new MemoryStore(options)),
  // One process holds one store: every handle on it is the same object.
  peers: (store, count) => Promise.resolve(Array.from({ length: count }, () => store)),
})

describe('MemoryStore keeps orders as Redis does, as JSON', () => {
  it('reads an order back as its JSON, a Date in a raw request as its ISO text, and no caller reaches what is stored', async () => {
    const store = new MemoryStore()
    const base = order()
    if (base.source.dialect !== 'checkout') throw new Error('the fixture order is a checkout session')
    const inserted = { ...base, source: { ...base.source, raw: { created: new Date('2026-11-25T10:00:00.000Z'), nested: { kept: ['a'] } } } }
    const asJson: unknown = JSON.parse(JSON.stringify(inserted))
    await store.insertOrder(inserted)
    inserted.source.raw.nested.kept.push('changed after the insert')

    const first = await store.orderById('ordeh_1')
    expect(first).toStrictEqual(asJson)
    if (first?.source.dialect !== 'checkout') throw new Error('the stored order is a checkout session')
    ;(first.source.raw as { nested: { kept: string[] } }).nested.kept.push('changed after a read')
    expect(await store.orderById('ordeh_1')).toStrictEqual(asJson)
    expect(await store.orderByMerchantOrderId(base.merchantId, base.orderId)).toStrictEqual(asJson)
  })
})

describe('MemoryStore forgets an order whole', () => {
  /** Entries in every map the store keeps, and in the lists those maps hold: what a forgotten order must leave none of. */
  const entries = (store: MemoryStore): number =>
    Object.values(store)
      .filter((value): value is Map<unknown, unknown> => value instanceof Map)
      .reduce((n, map) => n + map.size + [...map.values()].reduce<number>((m, value) => m + (Array.isArray(value) ? value.length : 0), 0), 0)

  /** The n-th checkout session of a merchant, with a simulator token, a mandate its payer registered and a webhook record. */
  async function withOrder(store: MemoryStore, n: number, merchantId: string): Promise<void> {
    const base = order()
    if (base.source.dialect !== 'checkout') throw new Error('the fixture order is a checkout session')
    await store.insertOrder(order({ id: `ordeh_${n}`, orderId: `o-${n}`, merchantId, source: { ...base.source, sessionId: `cs_${n}`, clientSecret: `cs_${n}_secret` } }))
    await store.indexToken(`tok_${n}`, `ordeh_${n}`)
    await store.indexMandate(`ordeh_${n}`, `mid_${n}`, 'asha@okaxis')
    await store.indexMandate(`ordeh_${n}`, `mid_${n}b`, 'asha@okaxis')
    await store.saveWebhook(merchantId, `o-${n}`, delivery(`evt_${n}`))
  }

  it("leaves no entry of an order it forgot in any index, and the rest of the payer's orders as they were", async () => {
    const survivorOnly = new MemoryStore()
    await withOrder(survivorOnly, 1, 'demo_merchant')
    const store = new MemoryStore()
    await withOrder(store, 1, 'demo_merchant')
    await withOrder(store, 2, 'other_merchant')
    await withOrder(store, 3, 'other_merchant')
    await store.resetMerchant('other_merchant')
    expect(entries(store)).toBe(entries(survivorOnly))
    expect((await store.ordersOfPayer('asha@okaxis')).map((o) => o.id)).toEqual(['ordeh_1'])
    await store.resetMerchant('demo_merchant')
    expect(entries(store)).toBe(0)
  })
})
