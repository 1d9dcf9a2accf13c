import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../../merchants'
import { order } from '../../testing/store-contract'
import { signedReturnUrl, signReturn, signReturnParams } from './return-signature'

/** A second, independent reading of the documented steps: byte-wise RFC 3986 encoding, Node's HMAC. */
function independentSignature(query: string, key: string): string {
  const strictEncode = (s: string) =>
    Array.from(new TextEncoder().encode(s))
      .map((b) => {
        const c = String.fromCharCode(b)
        return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
      })
      .join('')
  const pairs: [string, string][] = []
  for (const [k, v] of new URLSearchParams(query)) {
    if (k !== 'signature' && k !== 'signature_algorithm') pairs.push([strictEncode(k), strictEncode(v)])
  }
  pairs.sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))
  const joined = pairs.map(([k, v]) => `${k}=${v}`).join('&')
  return createHmac('sha256', key).update(strictEncode(joined)).digest('base64')
}

describe('signReturnParams', () => {
  it('matches a vector computed outside this code base (Python hmac + urllib.parse.quote)', () => {
    expect(signReturnParams({ status_id: '21', order_id: 'order-1001', status: 'CHARGED' }, 'demo_response_key')).toBe(
      'wbynstvU8PRasqTi3cXe00h16YFDCx+Da5/prPP3090=',
    )
  })

  it.each([
    [{ order_id: 'A_1', status: 'CHARGED', status_id: '21' }],
    [{ order_id: 'x-9', status: 'AUTHENTICATION_FAILED', status_id: '26' }],
    [{ order_id: 'zz', status: 'AUTHORIZATION_FAILED', status_id: '27', extra: 'a b&c=d' }],
  ])('agrees with an independent implementation for %j', (params) => {
    const url = new URL(signedReturnUrl('https://shop.merchant.com/return', params, 'demo_response_key'))
    const received = url.searchParams.get('signature')
    expect(url.searchParams.get('signature_algorithm')).toBe('HMAC-SHA256')
    expect(received).toBe(independentSignature(url.search, 'demo_response_key'))
  })

  it.each([
    ['https://shop.merchant.com/return?plan=basic', { plan: 'basic' }],
    ['https://shop.merchant.com/return?plan=basic&ref=a%20b&plan=gold', { plan: 'basic', ref: 'a b' }],
    ['https://shop.merchant.com/return?status=STALE&signature=forged&signature_algorithm=MD5&z=1', { z: '1' }],
  ])('signs every parameter of the final URL, the merchant’s own query of %s included', (returnUrl, kept) => {
    const params = { order_id: 'o1', status: 'CHARGED', status_id: '21' }
    const url = new URL(signedReturnUrl(returnUrl, params, 'demo_response_key'))
    for (const [key, value] of Object.entries({ ...kept, ...params })) expect(url.searchParams.get(key)).toBe(value)
    expect(url.searchParams.getAll('signature')).toHaveLength(1)
    expect(url.searchParams.getAll('signature_algorithm')).toEqual(['HMAC-SHA256'])
    expect(url.searchParams.get('signature')).toBe(independentSignature(url.search, 'demo_response_key'))
    expect(url.searchParams.get('signature')).not.toBe(signReturnParams(params, 'demo_response_key'))
  })

  it('changes when any parameter changes', () => {
    const a = signReturnParams({ order_id: 'o1', status: 'CHARGED', status_id: '21' }, 'k')
    const b = signReturnParams({ order_id: 'o1', status: 'CHARGED', status_id: '26' }, 'k')
    expect(a).not.toBe(b)
  })
})

describe('signReturn', () => {
  it("names the order's result and signs it with the merchant's response key, never its API key", () => {
    const merchant = loadMerchants(DEFAULT_MERCHANTS_FILE).byId('demo_merchant')
    if (!merchant) throw new Error('demo merchant missing')
    const url = new URL(signReturn('https://shop.merchant.com/return?plan=basic', order({ orderId: 'o-42', status: 'CHARGED' }), merchant))
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ plan: 'basic', order_id: 'o-42', status: 'CHARGED', status_id: '21', signature_algorithm: 'HMAC-SHA256' })
    expect(url.searchParams.get('signature')).toBe(independentSignature(url.search, merchant.responseKey))
    expect(url.searchParams.get('signature')).not.toBe(independentSignature(url.search, merchant.apiKey))
  })
})
