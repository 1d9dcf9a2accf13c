import { describe, expect, it } from 'vitest'
import type { BootPayload } from '../../contract/boot'
import { renderCheckout, scriptSafeJson } from './page-html'

describe('scriptSafeJson', () => {
  it.each([
    ['</script><script>alert(1)</script>', '\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'],
    ['a & b', 'a \\u0026 b'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['Acme \u202Egnp.exe \u2066x\u2069 \u200F\u061C', 'Acme \\u202egnp.exe \\u2066x\\u2069 \\u200f\\u061c'],
  ])('escapes %j so it cannot leave the data element', (input, escaped) => {
    const out = scriptSafeJson({ v: input })
    expect(out).toBe(`{"v":"${escaped}"}`)
    expect(JSON.parse(out)).toEqual({ v: input })
  })
})

describe('renderCheckout', () => {
  const template = '<!doctype html><html lang="en"><head><title>x</title></head><body></body></html>'
  it('sets lang and inlines the boot payload as non-executable JSON', () => {
    const html = renderCheckout(template, { kind: 'error', code: 'not_found' }, 'hi')
    expect(html).toContain('<html lang="hi"')
    expect(html).toContain('<script type="application/json" id="boot-data">{"kind":"error","code":"not_found"}</script></head>')
  })
  it('leaves the page without data on the client-secret path', () => {
    expect(renderCheckout(template, null, 'en')).not.toContain('boot-data')
  })
  it('inlines the accepted embedding as its own data element, on either path', () => {
    const embed = { hostOrigin: 'http://localhost:4401', navigateTopOnComplete: false }
    const html = renderCheckout(template, null, 'en', embed)
    expect(html).toContain(
      '<script type="application/json" id="embed-data">{"hostOrigin":"http://localhost:4401","navigateTopOnComplete":false}</script></head>',
    )
    expect(html).not.toContain('boot-data')
  })

  it('refuses to embed a payload that breaks the contract (the page reads it without a schema)', () => {
    const broken = { kind: 'session', view: { pageId: 'ordeh_x' } } as unknown as BootPayload
    expect(() => renderCheckout(template, broken, 'en')).toThrow(/breaks the contract/)
  })
})
