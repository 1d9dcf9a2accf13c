import { describe, expect, it } from 'vitest'
import { deepCopy } from './copy'

describe('deepCopy: what the store hands out shares nothing with what it keeps', () => {
  it.each([['text'], [42], [0], [true], [null], [undefined]])('%j comes back as it is', (value) => {
    expect(deepCopy(value)).toBe(value)
  })

  it('copies every level of an order-like tree: changing the copy leaves the original as it was', () => {
    const original = {
      orderId: 'o-1',
      amountMinor: 100,
      metadata: { plan: 'basic' },
      attempts: [{ id: 'a-1', events: [{ at: '2026-11-25T10:00:00.000Z', status: 'pending' }] }],
      udf: ['', 'x'],
      cancelledAt: null,
    }
    const copy = deepCopy(original)
    expect(copy).toEqual(original)
    expect(Array.isArray(copy.attempts)).toBe(true)
    expect(Array.isArray(copy.udf)).toBe(true)
    copy.metadata.plan = 'pro'
    copy.attempts[0]?.events.push({ at: '2026-11-25T10:01:00.000Z', status: 'succeeded' })
    copy.udf.length = 0
    expect(original.metadata.plan).toBe('basic')
    expect(original.attempts[0]?.events).toHaveLength(1)
    expect(original.udf).toEqual(['', 'x'])
  })

  it('copies a value that is not a plain object or array, such as a Date or a Map, with its type', () => {
    const at = new Date('2026-11-25T10:00:00.000Z')
    const original = { at, seen: new Map([['k', { n: 1 }]]) }
    const copy = deepCopy(original)
    expect(copy.at).toBeInstanceOf(Date)
    expect(copy.at.getTime()).toBe(at.getTime())
    expect(copy.at).not.toBe(at)
    expect(copy.seen).toBeInstanceOf(Map)
    expect(copy.seen.get('k')).toEqual({ n: 1 })
    expect(copy.seen.get('k')).not.toBe(original.seen.get('k'))
  })

  it('keeps a "__proto__" key a merchant sent as plain data, and gives nothing a new prototype', () => {
    const original = JSON.parse('{"metadata":{"__proto__":{"admin":"true"},"plan":"basic"}}') as { metadata: Record<string, unknown> }
    const copy = deepCopy(original)
    expect(Object.getPrototypeOf(copy.metadata)).toBe(Object.prototype)
    expect(copy.metadata['admin']).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(copy.metadata, '__proto__')).toEqual({
      value: { admin: 'true' },
      enumerable: true,
      writable: true,
      configurable: true,
    })
    expect(Object.keys(copy.metadata)).toEqual(['__proto__', 'plan'])
    expect(copy.metadata['__proto__']).not.toBe(original.metadata['__proto__'])
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original))
  })
})
