import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fingerprint } from './orders'

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
})
