import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../store/memory-store'
import { FailingStore } from '../testing/failing-store'
import { orderDraft, TEST_NOW } from '../testing/fixtures'
import { preview } from '../testing/store-contract'
import { MovableClock } from './clock'
import type { Order } from './order'
import { createOrder, fingerprint, type Claim, type OrderDraft } from './orders'
import { previewClaim } from './preview-claim'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('fingerprint', () => {
  it('is the SHA-256 of the value as JSON with every object\'s keys sorted', () => {
    const value = { b: [3, { y: 'é', x: null }], a: { d: true, c: 1.5 }, e: '"quoted"' }
    expect(fingerprint(value)).toBe(sha256('{"a":{"c":1.5,"d":true},"b":[3,{"x":null,"y":"é"}],"e":"\\"quoted\\""}'))
  })

  it('does not depend on key order, at any depth', () => {
    expect(fingerprint({ a: 1, b: { c: 2, d: [{ e: 3, f: 4 }] } })).toBe(fingerprint({ b: { d: [{ f: 4, e: 3 }], c: 2 }, a: 1 }))
  })

  it('depends on values, array order and types', () => {
    const base = fingerprint({ a: [1, 2], b: '1' })
    expect(fingerprint({ a: [2, 1], b: '1' })).not.toBe(base)
    expect(fingerprint({ a: [1, 2], b: 1 })).not.toBe(base)
    expect(fingerprint({ a: [1, 2], b: '1', c: null })).not.toBe(base)
  })

  it('treats an undefined field as absent, and an undefined array item as null, as JSON does', () => {
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }))
    expect(fingerprint([undefined, 1])).toBe(fingerprint([null, 1]))
  })

  it('digests bare values', () => {
    expect(fingerprint('x')).toBe(sha256('"x"'))
    expect(fingerprint(42)).toBe(sha256('42'))
  })

  it('digests no value at all (no request body) as the empty text', () => {
    expect(fingerprint(undefined)).toBe(sha256(''))
  })
})

describe('createOrder', () => {
  const setup = () => {
    const store = new MemoryStore()
    const clock = new MovableClock({ now: () => TEST_NOW })
    return { store, clock, deps: { store, clock } }
  }
  const draft = (overrides: Partial<OrderDraft> = {}) => orderDraft(TEST_NOW, { orderId: 'o-1', fingerprint: 'print-1', ...overrides })

  it('stores a new order as the draft says, unpaid, with a page id and a client token good for 15 minutes on the merchant\'s clock', async () => {
    const { store, deps } = setup()
    await store.advanceClock('demo_merchant', 3 * 3600 * 1000)
    const created = await createOrder(deps, draft())
    if (created.kind !== 'created') throw new Error(created.kind)
    const { order } = created
    const { orderId, fingerprint: print, amountMinor, customer, mandate, metadata, source } = draft()
    expect(order).toMatchObject({ merchantId: 'demo_merchant', orderId, fingerprint: print, amountMinor, customer, mandate, metadata, source })
    expect(order).toMatchObject({
      createdAt: '2026-11-25T13:00:00.000Z',
      clientAuthTokenExpiresAt: '2026-11-25T13:15:00.000Z',
      status: 'NEW',
      attempts: [],
      mandateStatus: null,
      mandateId: null,
      mandateToken: null,
      mandateChange: null,
      refundedMinor: 0,
      cancelledAt: null,
      revision: 0,
    })
    expect(order.id).toMatch(/^ordeh_[0-9a-f]{32}$/)
    expect(order.clientAuthToken).toMatch(/^tkn_[0-9a-f]{32}$/)
    expect(await store.orderByMerchantOrderId('demo_merchant', 'o-1')).toEqual(order)
  })

  it('answers a repeat of the same request with the stored order, and a different request under the same order id as a conflict', async () => {
    const { store, clock, deps } = setup()
    const first = await createOrder(deps, draft())
    if (first.kind !== 'created') throw new Error(first.kind)
    clock.advance(60_000)
    expect(await createOrder(deps, draft())).toEqual({ kind: 'replayed', order: first.order })
    expect(await createOrder(deps, draft({ fingerprint: 'print-2' }))).toEqual({ kind: 'conflict', existing: first.order })
    expect(await store.size()).toBe(1)
  })

  /** A claim that records what it is asked, taking (or not) as told. */
  const recordingClaim = (takes = true, onTake: () => Promise<void> = () => Promise.resolve()) => {
    const taken: Order[] = []
    const givenBack: Order[] = []
    const claim: Claim = {
      take: async (order) => {
        taken.push(order)
        await onTake()
        return takes
      },
      giveBack: (stored) => {
        givenBack.push(stored)
        return Promise.resolve()
      },
    }
    return { claim, taken, givenBack }
  }

  it('does not claim anything again, or give anything back, for a repeat or a conflict (a plan change\'s preview is claimed once, by the order stored)', async () => {
    const { deps } = setup()
    const { claim, taken, givenBack } = recordingClaim()
    await createOrder(deps, draft(), claim)
    await createOrder(deps, draft(), claim)
    await createOrder(deps, draft({ fingerprint: 'print-2' }), claim)
    expect(taken).toHaveLength(1)
    expect(givenBack).toEqual([])
  })

  it('stores nothing when the claim fails, and hands the claim the order about to be stored', async () => {
    const { store, deps } = setup()
    const { claim, taken: claimed, givenBack } = recordingClaim(false)
    const outcome = await createOrder(deps, draft(), claim)
    expect(outcome).toEqual({ kind: 'unclaimed' })
    expect(givenBack).toEqual([])
    expect(claimed).toMatchObject([{ orderId: 'o-1', status: 'NEW' }])
    expect(await store.size()).toBe(0)
    const retried = await createOrder(deps, draft())
    expect(retried.kind).toBe('created')
  })

  it('creates the order on a retry whose first try claimed the preview and stopped before storing it', async () => {
    const store = new FailingStore()
    const deps = { store, clock: new MovableClock({ now: () => TEST_NOW }) }
    await store.insertPreview(preview('r1'))
    const claim = previewClaim(store, 'm1', { subscriptionId: 'bei_a', requestId: 'r1' })
    store.failNext({ method: 'insertOrder', orderId: 'o-1' })
    await expect(createOrder(deps, draft(), claim)).rejects.toThrow('store unreachable')
    expect(await store.size()).toBe(0)
    const retried = await createOrder(deps, draft(), claim)
    expect(retried.kind).toBe('created')
    expect(await createOrder(deps, draft({ orderId: 'o-2' }), claim)).toEqual({ kind: 'unclaimed' })
  })

  it.each<[string, string, 'replayed' | 'conflict']>([
    ['the same request', 'print-1', 'replayed'],
    ['another request', 'print-2', 'conflict'],
  ])('stores one order when %s under the same order id is stored while this one is being made', async (_name, otherPrint, kind) => {
    const { store, deps } = setup()
    let other: Order | undefined
    const { claim, givenBack } = recordingClaim(true, async () => {
      const created = await createOrder(deps, draft({ fingerprint: otherPrint }))
      if (created.kind === 'created') other = created.order
    })
    const outcome = await createOrder(deps, draft(), claim)
    expect(other).toBeDefined()
    expect(outcome).toEqual(kind === 'replayed' ? { kind, order: other } : { kind, existing: other })
    // The claim is given back only to a different order, handed the order that was stored.
    expect(givenBack).toEqual(kind === 'replayed' ? [] : [other])
    expect(await store.size()).toBe(1)
  })
})
