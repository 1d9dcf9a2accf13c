import { describe, expect, it } from 'vitest'
import { order, storeContract } from '../testing/store-contract'
import { MemoryStore } from './memory-store'

storeContract('MemoryStore', {
  open: (options) => Promise.resolve(new MemoryStore(options)),
  // One process holds one store: every handle on it is the same object.
  peers: (store, count) => Promise.resolve(Array.from({ length: count }, () => store)),
})

describe('MemoryStore copies', () => {
  it('copies values of every kind faithfully, a Date in a raw request included', async () => {
    const store = new MemoryStore()
    const created = new Date('2026-11-25T10:00:00.000Z')
    const base = order()
    if (base.source.dialect !== 'checkout') throw new Error('the fixture order is a checkout session')
    const inserted = { ...base, source: { ...base.source, raw: { created } } }
    await store.insertOrder(inserted)
    created.setUTCFullYear(2000)
    const stored = await store.orderById('ordeh_1')
    const raw = stored?.source.dialect === 'checkout' ? (stored.source.raw as { created: unknown }) : null
    expect(raw?.created).toEqual(new Date('2026-11-25T10:00:00.000Z'))
    expect(raw?.created).toBeInstanceOf(Date)
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype)
  })
})
