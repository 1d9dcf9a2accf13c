import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, test } from 'vitest'
import { testSandbox } from '../testing/fixtures'

/** A built page's files as the build leaves them (scripts/build/precompress.ts): a script with its compressed copies, and one too small to have any. */
const SCRIPT = `export const words = ${JSON.stringify('the mandate disclosure '.repeat(200))}\n`
const TINY = 'export const x = 1\n'

describe('the page’s built files', () => {
  let app: ReturnType<typeof testSandbox>['app']
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'static-assets-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'assets/tiny-1.js'), TINY)
    for (const file of ['assets/index-1.js', 'embed.js']) {
      writeFileSync(join(root, file), SCRIPT)
      writeFileSync(join(root, `${file}.br`), brotliCompressSync(SCRIPT))
      writeFileSync(join(root, `${file}.gz`), gzipSync(SCRIPT))
    }
    app = testSandbox({ staticDir: root }).app
  })

  const get = (path: string, acceptEncoding?: string) =>
    app.request(path, { headers: { host: '127.0.0.1:4000', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } })

  test.each([
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['br', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ] as const)('a browser accepting %s gets the build’s %s copy, which is the script', async (accepted, encoding, decode) => {
    for (const path of ['/assets/index-1.js', '/embed.js']) {
      const res = await get(path, accepted)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-encoding')).toBe(encoding)
      if (path.startsWith('/assets/')) expect(res.headers.get('vary')).toBe('Accept-Encoding')
      else expect(res.headers.get('vary')).toContain('Accept-Encoding')
      expect(res.headers.get('content-type')).toContain('javascript')
      const body = Buffer.from(await res.arrayBuffer())
      expect(body.length).toBeLessThan(SCRIPT.length / 10)
      expect(decode(body).toString()).toBe(SCRIPT)
    }
  })

  test('an asset keeps its year-long immutable caching when sent compressed', async () => {
    expect((await get('/assets/index-1.js', 'br')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  test('a client that accepts no encoding gets the script as it is, marked as chosen by Accept-Encoding for caches', async () => {
    const res = await get('/assets/index-1.js')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(await res.text()).toBe(SCRIPT)
  })

  test('a file too small to be worth compressing has no copies and is sent as it is', async () => {
    const res = await get('/assets/tiny-1.js', 'br')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe(TINY)
  })

  test('a missing asset is a 404, whatever the browser accepts', async () => {
    expect((await get('/assets/missing-1.js', 'br')).status).toBe(404)
  })
})
