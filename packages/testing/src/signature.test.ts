import { describe, expect, it } from 'vitest'
import { verifyReturnSignature, verifyWebhookSignature } from './signature'

/** Written by the sandbox's own signer (sandbox/dialects/juspay/return-signature.ts) for the demo merchant. */
const SIGNED_RETURN =
  'https://shop.merchant.com/return?order_id=qa-5f2a9c1e04b7&status=CHARGED&status_id=21&signature=zxE8u4rNhukI3PJ1SLroZPaL7t1OgG3QxbCo7WxV5e4%3D&signature_algorithm=HMAC-SHA256'
const KEY = 'demo_response_key'

describe('verifyReturnSignature', () => {
  it('accepts the sandbox’s signed return as a URL, a URL object, a query string, its params and the completed event’s result', () => {
    const url = new URL(SIGNED_RETURN)
    const result = Object.fromEntries(url.searchParams.entries())
    for (const source of [SIGNED_RETURN, url, url.search, url.searchParams, result]) expect(verifyReturnSignature(source, KEY)).toBe(true)
  })

  it('covers the merchant’s own query on its return_url, as the sandbox signs it', () => {
    const withCart =
      'https://shop.merchant.com/return?cart=7&order_id=qa-5f2a9c1e04b7&status=CHARGED&status_id=21&signature=f%2Fcp8WHLBw%2Ft9ZR%2FhVinGkrWng9Dc%2F6M%2BIBbtOE8O8A%3D&signature_algorithm=HMAC-SHA256'
    expect(verifyReturnSignature(withCart, KEY)).toBe(true)
    expect(verifyReturnSignature(withCart.replace('cart=7', 'cart=8'), KEY)).toBe(false)
  })

  it('refuses another key, a changed field, an added field, a missing signature and another algorithm', () => {
    const params = (change: (p: URLSearchParams) => void) => {
      const p = new URL(SIGNED_RETURN).searchParams
      change(p)
      return p
    }
    expect(verifyReturnSignature(SIGNED_RETURN, 'other_key')).toBe(false)
    expect(verifyReturnSignature(params((p) => p.set('status', 'AUTHORIZATION_FAILED')), KEY)).toBe(false)
    expect(verifyReturnSignature(params((p) => p.set('amount', '1.00')), KEY)).toBe(false)
    expect(verifyReturnSignature(params((p) => p.delete('signature')), KEY)).toBe(false)
    expect(verifyReturnSignature(params((p) => p.set('signature_algorithm', 'MD5')), KEY)).toBe(false)
  })
})

describe('verifyWebhookSignature', () => {
  /** Written by the sandbox's own signer (sandbox/webhooks/signing.ts). */
  const rawBody = '{"event_name":"ORDER_SUCCEEDED","content":{"order":{"order_id":"qa-5f2a9c1e04b7"}}}'
  const header = 't=1796000000,v1=cb2f1c49d4151ee3f88289d5870da671b3cec33b0f3a4eca26ab120214cdc5a1'
  const at = (nowSeconds: number, change: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
    verifyWebhookSignature({ header, rawBody, responseKey: KEY, nowSeconds, ...change })

  it('accepts the sandbox’s signature within five minutes either way, with unknown keys and other v1s beside it', () => {
    expect(at(1796000000)).toBe(true)
    expect(at(1796000300)).toBe(true)
    expect(at(1795999700)).toBe(true)
    expect(at(1796000000, { header: `v0=abc, t=1796000000, v1=${'0'.repeat(64)}, v1=${header.split('v1=')[1] ?? ''}` })).toBe(true)
  })

  it('refuses a stale or future t, another key, a changed body, and a missing or malformed header', () => {
    expect(at(1796000301)).toBe(false)
    expect(at(1795999699)).toBe(false)
    expect(at(1796000000, { responseKey: 'other_key' })).toBe(false)
    expect(at(1796000000, { rawBody: rawBody.replace('ORDER_SUCCEEDED', 'ORDER_FAILED') })).toBe(false)
    expect(at(1796000000, { rawBody: JSON.stringify(JSON.parse(rawBody), null, 2) })).toBe(false)
    for (const bad of [undefined, '', 'v1=cb2f', 't=soon,v1=cb2f', 't=1796000000', 't=1796000000,v1=short']) {
      expect(at(1796000000, { header: bad })).toBe(false)
    }
  })
})
