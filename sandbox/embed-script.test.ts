import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { EMBED_SCRIPT_VERSION } from '../contract/embed-protocol'
import { testSandbox } from './testing/fixtures'

test('GET /embed.js names the script\'s version in a header, cacheable for five minutes', async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'embed-script-'))
  writeFileSync(join(staticDir, 'embed.js'), `/*! mandate-checkout embed.js ${EMBED_SCRIPT_VERSION} */\n`)
  const { app } = testSandbox({ staticDir })
  const res = await app.request('/embed.js')
  expect(res.status).toBe(200)
  expect(res.headers.get('x-embed-script-version')).toBe(EMBED_SCRIPT_VERSION)
  expect(res.headers.get('cache-control')).toBe('public, max-age=300')
})

test('the embed script\'s version is a semantic version, and the changelog\'s latest entry', () => {
  expect(EMBED_SCRIPT_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
  const changelog = readFileSync(join(import.meta.dirname, '../docs/embed-changelog.md'), 'utf8')
  expect(changelog.match(/^## (\S+)$/m)?.[1]).toBe(EMBED_SCRIPT_VERSION)
})
