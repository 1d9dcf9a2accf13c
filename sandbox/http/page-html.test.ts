import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BootPayload } from '../../contract/boot'
import type { FirstScreen } from '../../contract/first-screen'
import { loadFirstScreenRenderer, loadTemplates, renderCheckout, scriptSafeJson, styleHash, withFirstScreen, withLanguage } from './page-html'

describe('scriptSafeJson', () => {
  it.each([
    ['</script><script>alert(1)</script>', '\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'],
    ['a & b', 'a \\u0026 b'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['para\u2029sep', 'para\\u2029sep'],
    ['Acme \u202Egnp.exe \u2066x\u2069 \u200F\u061C', 'Acme \\u202egnp.exe \\u2066x\\u2069 \\u200f\\u061c'],
  ])('escapes %j so it cannot leave the data element', (input, escaped) => {
    const out = scriptSafeJson({ v: input })
    expect(out).toBe(`{"v":"${escaped}"}`)
    expect(JSON.parse(out)).toEqual({ v: input })
  })
})

describe('renderCheckout', () => {
  const template = '<!doctype html><html lang="en"><head><title>x</title></head><body></body></html>'
  it('sets lang and inlines the boot payload as non-executable JSON, at the end of the head', () => {
    expect(renderCheckout(template, { kind: 'error', code: 'not_found' }, 'hi')).toBe(
      '<!doctype html><html lang="hi" dir="ltr"><head><title>x</title><script type="application/json" id="boot-data">{"kind":"error","code":"not_found"}</script></head><body></body></html>',
    )
  })
  it('lays a right-to-left language out right to left from the first paint', () => {
    expect(renderCheckout(template, null, 'ur')).toContain('<html lang="ur" dir="rtl"')
  })
  it('leaves the page without data on the client-secret path', () => {
    expect(renderCheckout(template, null, 'en')).not.toContain('boot-data')
  })
  it('inlines the accepted embedding as its own data element, on either path', () => {
    const embed = { hostOrigin: 'http://localhost:4401', navigateTopOnComplete: false }
    expect(renderCheckout(template, null, 'en', embed)).toBe(
      '<!doctype html><html lang="en" dir="ltr"><head><title>x</title>' +
        '<script type="application/json" id="embed-data">{"hostOrigin":"http://localhost:4401","navigateTopOnComplete":false}</script>' +
        '</head><body></body></html>',
    )
    expect(renderCheckout(template, { kind: 'error', code: 'not_found' }, 'en', embed)).toBe(
      '<!doctype html><html lang="en" dir="ltr"><head><title>x</title>' +
        '<script type="application/json" id="boot-data">{"kind":"error","code":"not_found"}</script>' +
        '<script type="application/json" id="embed-data">{"hostOrigin":"http://localhost:4401","navigateTopOnComplete":false}</script>' +
        '</head><body></body></html>',
    )
  })

  it("keeps `$'`, `$``, `$$` in the data as text (a replacement string would read them as patterns)", () => {
    const html = renderCheckout(template, null, 'en', { hostOrigin: "http://x$'$`$$", navigateTopOnComplete: false })
    expect(html).toContain('"hostOrigin":"http://x$\'$`$$"')
    expect(html.match(/<\/html>/g)).toHaveLength(1)
  })

  it('refuses to embed a payload that breaks the contract (the page reads it without a schema)', () => {
    const broken = { kind: 'session', view: { pageId: 'ordeh_x' } } as unknown as BootPayload
    expect(() => renderCheckout(template, broken, 'en')).toThrow(/breaks the contract/)
  })
})

describe('loadTemplates', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const built = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'page-'))
    dirs.push(dir)
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true })
      writeFileSync(join(dir, name), text)
    }
    return dir
  }

  it('inlines the built style sheet, hashed for the CSP, instead of a link that costs the first paint a round trip', () => {
    const css = 'body{color:red}'
    const dir = built({
      'index.html': '<html lang="en"><head><link rel="stylesheet" crossorigin href="/assets/index-1.css"></head><body><div id="root"></div></body></html>',
      'demo.html': '<html></html>',
      'assets/index-1.css': css,
    })
    const templates = loadTemplates(dir)
    expect(templates?.checkout).toContain(`<head><style>${css}</style></head>`)
    expect(templates?.styleHashes).toEqual([styleHash(css)])
    expect(styleHash(css)).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/)
    // SHA-256 of nothing, the value CSP's own examples give.
    expect(styleHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  })

  it('keeps a link whose style sheet the build does not hold, and hashes nothing for it', () => {
    const link = '<link rel="stylesheet" href="/assets/gone-1.css">'
    const templates = loadTemplates(built({ 'index.html': `<html><head>${link}</head></html>`, 'demo.html': '<html></html>' }))
    expect(templates?.checkout).toBe(`<html><head>${link}</head></html>`)
    expect(templates?.styleHashes).toEqual([])
  })

  it('answers null until both documents are built', () => {
    expect(loadTemplates(built({ 'index.html': '<html></html>' }))).toBeNull()
    expect(loadTemplates(built({ 'demo.html': '<html></html>' }))).toBeNull()
  })

  it("loads the server renderer, null when it is not built, and refuses one that exports none", async () => {
    expect(await loadFirstScreenRenderer(built({}))).toBeNull()
    const render = await loadFirstScreenRenderer(built({ 'ssr.js': 'export function renderFirstScreen() { return "drawn" }' }))
    expect(render?.({} as Parameters<NonNullable<typeof render>>[0])).toBe('drawn')
    const wrong = built({ 'ssr.js': 'export const somethingElse = 1' })
    await expect(loadFirstScreenRenderer(wrong)).rejects.toThrow(`${join(wrong, 'ssr.js')} exports no renderFirstScreen`)
  })

  it("reads from the build's manifest which chunks each module takes", () => {
    const manifest = {
      'index.html': { file: 'assets/index-1.js', isEntry: true },
      'src/i18n/hi/index.ts': { file: 'assets/hi-1.js', imports: ['index.html'], isDynamicEntry: true },
      'src/a.tsx': { file: 'assets/a-1.js', imports: ['index.html', '_shared-1.js'] },
      '_shared-1.js': { file: 'assets/shared-1.js', imports: ['index.html'] },
    }
    const dir = built({ 'index.html': '<html></html>', 'demo.html': '<html></html>', '.vite/manifest.json': JSON.stringify(manifest) })
    const chunks = loadTemplates(dir)?.chunks
    expect(chunks?.get('src/i18n/hi/index.ts')).toEqual(['assets/hi-1.js', 'assets/index-1.js'])
    expect(chunks?.get('src/a.tsx')).toEqual(['assets/a-1.js', 'assets/index-1.js', 'assets/shared-1.js'])
  })
})

describe('withFirstScreen', () => {
  const document =
    '<!doctype html><html lang="en"><head><script type="module" crossorigin src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>'
  const chunks = new Map([
    ['src/i18n/hi/index.ts', ['assets/hi-1.js', 'assets/index-1.js']],
    ['src/b.tsx', ['assets/b-1.js']],
  ])
  const screen = (over: Partial<FirstScreen> = {}): FirstScreen => ({
    html: '<h1>Review and pay</h1>',
    css: ':root{--brand:#0f766e;--brand-fg:#ffffff}',
    theme: 'light',
    modules: ['src/i18n/hi/index.ts', 'src/b.tsx', 'src/en-is-in-the-entry.ts'],
    ...over,
  })

  it('draws the markup into the root, the colours as a hashed style element, the theme on <html>, and preloads what the screen needs', () => {
    const { html, styleHash: hash } = withFirstScreen(document, screen(), chunks)
    expect(html).toBe(
      '<!doctype html><html data-theme="light" lang="en"><head><script type="module" crossorigin src="/assets/index-1.js"></script>' +
        '<style>:root{--brand:#0f766e;--brand-fg:#ffffff}</style><link rel="modulepreload" crossorigin href="/assets/hi-1.js"><link rel="modulepreload" crossorigin href="/assets/b-1.js"></head>' +
        '<body><div id="root"><h1>Review and pay</h1></div></body></html>',
    )
    expect(hash).toBe(styleHash(':root{--brand:#0f766e;--brand-fg:#ffffff}'))
  })

  it("preloads the language's catalog, once, and nothing for a language the entry carries", () => {
    expect(withLanguage(document, 'hi', chunks)).toBe(document.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/hi-1.js"></head>'))
    expect(withLanguage(document, 'ta', chunks)).toBe(document)
  })

  it('leaves the theme to the browser when it follows the device', () => {
    expect(withFirstScreen(document, screen({ theme: null }), chunks).html).toContain('<html lang="en">')
  })

  it("keeps `$'` and `$&` in the markup as text", () => {
    const { html } = withFirstScreen(document, screen({ html: "<p>Acme $' $& $$</p>" }), chunks)
    expect(html).toContain("<div id=\"root\"><p>Acme $' $& $$</p></div>")
  })
})
