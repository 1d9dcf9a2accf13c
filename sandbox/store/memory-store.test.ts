import { describe, expect, it } from 'vitest'
import { order, storeContract } from '../testing/store-contract'
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
