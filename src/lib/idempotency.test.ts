import { afterEach, describe, expect, it, vi } from 'vitest'
import { newIdempotencyKey } from './idempotency'

/** The real source of randomness, kept before any test replaces the global crypto. */
const getRandomValues = crypto.getRandomValues.bind(crypto)

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The crypto an insecure context has: getRandomValues, but no randomUUID. */
function insecureCrypto(fill?: number) {
  vi.stubGlobal('crypto', {
    getRandomValues: (array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> => (fill === undefined ? getRandomValues(array) : array.fill(fill)),
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('newIdempotencyKey', () => {
  it('makes a random UUID without crypto.randomUUID, as over plain HTTP on a host other than loopback', () => {
    insecureCrypto()
    expect('randomUUID' in crypto).toBe(false)
    const keys = Array.from({ length: 200 }, newIdempotencyKey)
    for (const key of keys) expect(key).toMatch(UUID_V4)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it.each([
    [0x00, '00000000-0000-4000-8000-000000000000'],
    [0xff, 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    [0x5a, '5a5a5a5a-5a5a-4a5a-9a5a-5a5a5a5a5a5a'],
  ])('sets the version and variant bits whatever the random bytes (every byte %i)', (fill, expected) => {
    insecureCrypto(fill)
    expect(newIdempotencyKey()).toBe(expected)
  })

  it('is a key the page API accepts: 36 visible ASCII characters', () => {
    expect(newIdempotencyKey()).toMatch(/^[\x21-\x7e]{36}$/)
  })
})
