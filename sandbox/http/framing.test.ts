import { describe, expect, it } from 'vitest'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type Merchant } from '../merchants'
import { originMatches, pageFraming } from './framing'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const demo = merchants.byId('demo_merchant') as Merchant
const other = merchants.byId('other_merchant') as Merchant

describe('originMatches', () => {
  it.each([
    ['http://localhost:*', 'http://localhost:4401', true],
    ['http://localhost:*', 'http://localhost', true],
    ['http://localhost:*', 'https://localhost:4401', false],
    ['http://localhost:*', 'http://localhost.evil.test:4401', false],
    ['http://127.0.0.1:*', 'http://127.0.0.10:80', false],
    ['https://shop.example.com', 'https://shop.example.com', true],
    ['https://shop.example.com', 'https://shop.example.com:8443', false],
    ['https://shop.example.com:443', 'https://shop.example.com', true],
    ['https://shop.example.com', 'http://shop.example.com', false],
    ['https://*.example.com', 'https://a.b.example.com', true],
    ['https://*.example.com', 'https://example.com', false],
    ['https://*.example.com', 'https://evilexample.com', false],
    ['https://shop.example.com', 'https://shop.example.com/path', false],
    ['http://shop.example.com', 'http://shop.example.com:443', false],
    ['http://shop.example.com:80', 'http://shop.example.com', true],
    ['not a pattern', 'https://shop.example.com', false],
  ])('%s matches %s: %s', (pattern, origin, expected) => {
    expect(originMatches(pattern, origin)).toBe(expected)
  })
})

describe('pageFraming', () => {
  it("keeps the merchant's framing origins when the page is not opened by the embed script", () => {
    expect(pageFraming(demo, undefined)).toEqual({ ancestors: demo.framingOrigins, embed: null })
  })

  it('narrows framing to the host the embed script named when the merchant allows it', () => {
    expect(pageFraming(demo, 'http://localhost:4401')).toEqual({
      ancestors: ['http://localhost:4401'],
      embed: { hostOrigin: 'http://localhost:4401', navigateTopOnComplete: false },
    })
  })

  it('passes on the merchant setting for navigating the top window', () => {
    const navigating: Merchant = { ...demo, embed: { navigateTopOnComplete: true } }
    expect(pageFraming(navigating, 'http://127.0.0.1:5000').embed?.navigateTopOnComplete).toBe(true)
  })

  it.each([
    ['an origin the merchant does not allow', 'https://evil.example'],
    ['an origin with a path', 'http://localhost:4401/shop'],
    ['an origin with a trailing slash', 'http://localhost:4401/'],
    ['an origin in capitals', 'http://LOCALHOST:4401'],
    ['an origin spelling its default port', 'http://localhost:80'],
    ['another scheme', 'javascript:alert(1)'],
    ['not a URL', 'localhost:4401'],
    ['an empty value', ''],
    ['a wildcard', '*'],
    ['null', 'null'],
  ])('refuses all framing for %s', (_name, value) => {
    expect(pageFraming(demo, value)).toEqual({ ancestors: [], embed: null })
  })

  it('takes an origin of up to 200 characters, and refuses a longer one unparsed', () => {
    const wildcard: Merchant = { ...demo, framingOrigins: ['https://*.example.com'] }
    const origin = (length: number) => `https://${'a'.repeat(length - 'https://.example.com'.length)}.example.com`
    expect(pageFraming(wildcard, origin(200)).ancestors).toEqual([origin(200)])
    expect(pageFraming(wildcard, origin(201))).toEqual({ ancestors: [], embed: null })
  })

  it('refuses all framing for a merchant with no framing origins, and for an unknown merchant', () => {
    expect(pageFraming(other, 'http://localhost:4401')).toEqual({ ancestors: [], embed: null })
    expect(pageFraming(other, undefined)).toEqual({ ancestors: [], embed: null })
    expect(pageFraming(undefined, 'http://localhost:4401')).toEqual({ ancestors: [], embed: null })
  })
})
