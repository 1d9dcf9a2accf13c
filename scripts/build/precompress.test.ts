import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { precompressFile } from './precompress'

const dir = () => mkdtempSync(join(tmpdir(), 'precompress-'))

describe('precompressFile', () => {
  test('writes a Brotli and a gzip copy that decode to the file, Brotli the smaller', () => {
    const path = join(dir(), 'index-1.js')
    const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${JSON.stringify(`the mandate disclosure ${i}`)}\n`).join('')
    writeFileSync(path, script)
    precompressFile(path)
    const br = readFileSync(`${path}.br`)
    const gz = readFileSync(`${path}.gz`)
    expect(brotliDecompressSync(br).toString()).toBe(script)
    expect(gunzipSync(gz).toString()).toBe(script)
    expect(br.length).toBeLessThan(gz.length)
    expect(gz.length).toBeLessThan(script.length / 5)
  })

  test.each([0, 1, 1023])('leaves a file of %i bytes without copies: sent as it is, it costs less than its headers would', (size) => {
    const path = join(dir(), 'tiny.js')
    writeFileSync(path, 'x'.repeat(size))
    precompressFile(path)
    expect(existsSync(`${path}.br`)).toBe(false)
    expect(existsSync(`${path}.gz`)).toBe(false)
  })

  test('removes the copies an earlier, larger build of the same file left, so they are never sent in its place', () => {
    const path = join(dir(), 'embed.js')
    writeFileSync(path, 'x'.repeat(4096))
    precompressFile(path)
    writeFileSync(path, 'x'.repeat(10))
    precompressFile(path)
    expect(existsSync(`${path}.br`)).toBe(false)
    expect(existsSync(`${path}.gz`)).toBe(false)
  })

  test('compresses a file of exactly the threshold', () => {
    const path = join(dir(), 'edge.js')
    writeFileSync(path, 'x'.repeat(1024))
    precompressFile(path)
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe('x'.repeat(1024))
  })
})
