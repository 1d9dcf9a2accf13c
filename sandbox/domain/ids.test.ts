import { describe, expect, it } from 'vitest'
import { alnum, digits, hex, newCheckoutSessionId, newClientAuthToken, newClientSecret, newPageId, newRequestId } from './ids'

describe('generated ids', () => {
  it.each<[string, () => string, RegExp]>([
    ['a page id', newPageId, /^ordeh_[0-9a-f]{32}$/],
    ['a request id', newRequestId, /^[0-9a-f]{32}$/],
    ['a client auth token', newClientAuthToken, /^tkn_[0-9a-f]{32}$/],
    ['a checkout session id', newCheckoutSessionId, /^cs_[A-Za-z0-9]{24}$/],
    ['a client secret', () => newClientSecret('cs_1'), /^cs_1_secret_[A-Za-z0-9]{32}$/],
  ])('%s has its documented shape, and is never handed out twice', (_, make, shape) => {
    // Enough draws to run through the random pool (4 KB) more than once.
    const ids = Array.from({ length: 600 }, make)
    for (const id of ids) expect(id).toMatch(shape)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('takes more random bytes than the pool holds in one draw', () => {
    expect(hex(5000)).toMatch(/^[0-9a-f]{10000}$/)
  })

  it.each([1, 7, 64])('draws %i alphanumerics or digits, from the whole alphabet', (length) => {
    expect(alnum(length)).toMatch(new RegExp(`^[A-Za-z0-9]{${length}}$`))
    expect(digits(length)).toMatch(new RegExp(`^[0-9]{${length}}$`))
  })

  it('uses every letter and digit, upper and lower case', () => {
    const seen = new Set(alnum(20_000))
    expect(seen.size).toBe(62)
    expect(new Set(digits(2_000)).size).toBe(10)
  })
})
