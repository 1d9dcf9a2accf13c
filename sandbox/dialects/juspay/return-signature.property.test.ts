import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signedReturnUrl, signReturnParams } from './return-signature'

const PROPERTY = { seed: 20261201, numRuns: 200 }
const RESPONSE_KEY = 'demo_response_key'

/** Parameter names and values as merchants' return URLs and results carry them, odd characters included. */
const key = fc.oneof(fc.constantFrom('order_id', 'status', 'status_id', 'ref', 'utm_source', 'a b', 'ä', 'x&y', 'Z'), fc.string({ minLength: 1, maxLength: 12 }))
const value = fc.oneof(fc.constantFrom('', 'CHARGED', '21', 'a b&c=d', '१२३', "!'()*~"), fc.string({ maxLength: 20 }))
/** Distinct names (the signature's own two left out), each with a value. */
const params = fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 8 }).map((pairs) => pairs.filter(([k]) => k !== 'signature' && k !== 'signature_algorithm'))

/** The documented steps (docs/domain/juspay.md#return-url-signature), as a merchant's server follows them. */
function verifies(url: string, secret: string): boolean {
  const search = new URL(url).searchParams
  const pairs = [...search.entries()]
    .filter(([k]) => k !== 'signature' && k !== 'signature_algorithm')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const message = encodeURIComponent(pairs.map(([k, v]) => `${k}=${v}`).join('&'))
  return createHmac('sha256', secret).update(message).digest('base64') === search.get('signature')
}

describe('the return signature, for any parameters', () => {
  it('does not depend on the order the parameters come in', () => {
    fc.assert(
      fc.property(params.chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }))), ([pairs, shuffled]) => {
        expect(signReturnParams(shuffled, RESPONSE_KEY)).toBe(signReturnParams(pairs, RESPONSE_KEY))
        expect(signReturnParams(Object.fromEntries(shuffled), RESPONSE_KEY)).toBe(signReturnParams(pairs, RESPONSE_KEY))
      }),
      PROPERTY,
    )
  })

  it('leaves out a signature the parameters already carry', () => {
    fc.assert(
      fc.property(params, value, value, (pairs, signature, algorithm) => {
        const carried: [string, string][] = [...pairs, ['signature', signature], ['signature_algorithm', algorithm]]
        expect(signReturnParams(carried, RESPONSE_KEY)).toBe(signReturnParams(pairs, RESPONSE_KEY))
      }),
      PROPERTY,
    )
  })

  it('changes when any one value changes', () => {
    fc.assert(
      fc.property(params.filter((pairs) => pairs.length > 0), fc.nat(), value, (pairs, at, replacement) => {
        const index = at % pairs.length
        const [name, before] = pairs[index] ?? ['', '']
        fc.pre(replacement !== before)
        const changed = pairs.map((pair, i): [string, string] => (i === index ? [name, replacement] : pair))
        expect(signReturnParams(changed, RESPONSE_KEY)).not.toBe(signReturnParams(pairs, RESPONSE_KEY))
      }),
      PROPERTY,
    )
  })

  it('signs a return URL, the merchant’s own query included, so that it verifies with the response key and with no other', () => {
    fc.assert(
      fc.property(params, params, fc.string({ minLength: 1, maxLength: 20 }), (merchantQuery, result, otherKey) => {
        fc.pre(otherKey !== RESPONSE_KEY)
        const base = new URL('https://shop.merchant.com/return')
        for (const [k, v] of merchantQuery) base.searchParams.append(k, v)
        const url = signedReturnUrl(base.toString(), Object.fromEntries(result), RESPONSE_KEY)
        expect(verifies(url, RESPONSE_KEY)).toBe(true)
        expect(verifies(url, otherKey)).toBe(false)
        for (const [k, v] of result) expect(new URL(url).searchParams.get(k)).toBe(v)
      }),
      PROPERTY,
    )
  })
})
