import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The layer and cycle rules of `npm run lint` (eslint.config.js, .oxlintrc.json) fire on code that
 * breaks them and stay quiet on code that keeps them. Snippets are linted as if they lived at the
 * given path; the cycles are real files under fixtures/, which the lint of the repository skips.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const FIXTURES = 'scripts/lint/fixtures'
/** Type information is irrelevant to these rules and costs a program for the whole project. */
const WITHOUT_TYPES = { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }

/** The repository's config; the layer tests leave out the cycle rule, which would walk every import graph they touch. */
const cycles = new ESLint({ cwd: ROOT, ignore: false, overrideConfig: [WITHOUT_TYPES] })
const layers = new ESLint({ cwd: ROOT, ignore: false, overrideConfig: [WITHOUT_TYPES, { rules: { 'import-x/no-cycle': 'off' } }] })

const importing = (source: string): string => `import { a } from '${source}'\nexport const b = a\n`

beforeAll(async () => {
  // The first lint loads the plugins and the resolver: paid here, not by the first test.
  await layers.lintText("import * as z from 'zod/mini'\nimport { Money } from './money'\nexport const c = [z, Money]\n", {
    filePath: join(ROOT, 'contract/example.ts'),
  })
}, 60_000)

async function lintAt(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await layers.lintText(code, { filePath: join(ROOT, filePath) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map(({ ruleId, message }) => ({ ruleId, message }))
}

describe('layer boundaries (boundaries/dependencies)', () => {
  const broken: [string, string, string, RegExp][] = [
    ['the domain importing a simulator', 'sandbox/domain/example.ts', '../simulators/bank/routes', /domain imports only/],
    ['the domain importing a dialect', 'sandbox/domain/example.ts', '../dialects/juspay/routes', /domain imports only/],
    ['the domain importing the composition root', 'sandbox/domain/example.ts', '../app', /domain imports only/],
    ['the domain importing the store implementation', 'sandbox/domain/example.ts', '../store/memory-store', /through its interface/],
    ['the store importing webhooks', 'sandbox/store/example.ts', '../webhooks/dispatcher', /store never imports webhooks/],
    ['http importing a dialect', 'sandbox/http/example.ts', '../dialects/checkout/routes', /http never imports a dialect/],
    ['QA picking a dialect itself', 'sandbox/qa/example.ts', '../dialects/juspay/errors', /Only the composition root picks dialects/],
    ['the dialect seam importing a dialect', 'sandbox/dialects/dialect.ts', './juspay/errors', /no policy allowing/],
    ['webhooks importing a dialect', 'sandbox/webhooks/example.ts', '../dialects/juspay/routes', /webhooks never imports a dialect/],
    ['a dialect importing another', 'sandbox/dialects/checkout/example.ts', '../juspay/routes', /dialect never imports another dialect/],
    ['the sandbox importing the page', 'sandbox/qa/example.ts', '../../src/lib/format', /imports only contract from outside sandbox/],
    ['the page importing the sandbox', 'src/app/example.ts', '../../sandbox/log', /Nothing in src imports the sandbox/],
    ['the page importing a Node built-in', 'src/lib/example.ts', 'node:fs', /no Node built-ins/],
    ['a feature importing another feature', 'src/features/upi/example.ts', '../netbanking/enach-rules', /feature never imports another feature/],
    ['lib importing a feature', 'src/lib/example.ts', '../features/upi/upi-uri', /no policy allowing/],
    ['contract importing a package other than zod', 'contract/example.ts', 'react', /contract imports nothing but zod/],
    ['e2e importing page code', 'e2e/example.ts', '../src/features/upi/upi-uri', /no policy allowing/],
    ["the sandbox's log importing the composition root", 'sandbox/log.ts', './app', /log and merchant directory import only contract/],
    ['production sandbox code importing test support', 'sandbox/http/example.ts', '../testing/fixtures', /Only tests import test support/],
    ['production page code importing test support', 'src/features/upi/example.ts', '../../testing/session-view', /Only tests import test support/],
  ]
  it.each(broken)('reports %s', async (_name, filePath, source, message) => {
    const findings = await lintAt(filePath, importing(source))
    expect(findings).toEqual([{ ruleId: 'boundaries/dependencies', message: expect.stringMatching(message) as unknown }])
  })

  const kept: [string, string, string][] = [
    ['the domain importing contract', 'sandbox/domain/example.ts', '../../contract/session'],
    ['the domain importing the merchant directory', 'sandbox/domain/example.ts', '../merchants'],
    ['a domain test building the in-memory store', 'sandbox/domain/example.test.ts', '../store/memory-store'],
    ['a dialect importing its own files', 'sandbox/dialects/checkout/example.ts', './errors'],
    ['a dialect importing the domain', 'sandbox/dialects/juspay/example.ts', '../../domain/order'],
    ['a dialect importing http', 'sandbox/dialects/juspay/example.ts', '../../http/security'],
    ['a feature importing lib', 'src/features/upi/example.ts', '../../lib/format'],
    ['the app importing a feature', 'src/app/example.ts', '../features/upi/upi-uri'],
    ['contract importing zod', 'contract/example.ts', 'zod/mini'],
    ['e2e importing the test ids', 'e2e/example.ts', '../src/lib/test-ids'],
    ['a sandbox test importing test support', 'sandbox/http/example.test.ts', '../testing/fixtures'],
    ['a page test importing test support', 'src/features/upi/example.test.ts', '../../testing/session-view'],
    ['http importing the dialect seam', 'sandbox/http/example.ts', '../dialects/dialect'],
    ['webhooks importing the dialect seam', 'sandbox/webhooks/example.ts', '../dialects/dialect'],
    ['the dialect seam importing the domain', 'sandbox/dialects/dialect.ts', '../domain/order'],
    ['the composition root importing a dialect', 'sandbox/app.ts', './dialects/juspay/routes'],
  ]
  it.each(kept)('allows %s', async (_name, filePath, source) => {
    expect(await lintAt(filePath, importing(source))).toEqual([])
  })

  it('lets a route take the deps bundle as a type, and the domain not at all', async () => {
    const typeOnly = "import type { SandboxDeps } from '../deps'\nexport type D = SandboxDeps\n"
    expect(await lintAt('sandbox/page-api/example.ts', typeOnly)).toEqual([])
    expect(await lintAt('sandbox/domain/example.ts', typeOnly)).toMatchObject([{ ruleId: 'boundaries/dependencies' }])
  })
})

describe('import cycles', () => {
  it('reports a cycle through a lazy import (import-x/no-cycle)', async () => {
    const [result] = await cycles.lintFiles([`${FIXTURES}/lazy-cycle/step.ts`])
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle')
  })

  it('reports a cycle closed by a type import (oxlint import/no-cycle)', () => {
    // The repository's config without its ignore patterns, which skip the fixtures.
    const config = JSON.parse(readFileSync(join(ROOT, '.oxlintrc.json'), 'utf8')) as Record<string, unknown>
    delete config['ignorePatterns']
    delete config['$schema']
    const configDir = mkdtempSync(join(tmpdir(), 'oxlint-'))
    let stdout: string
    try {
      writeFileSync(join(configDir, 'oxlintrc.json'), JSON.stringify(config))
      const args = ['-c', join(configDir, 'oxlintrc.json'), '-f', 'json', `${FIXTURES}/type-cycle`]
      stdout = spawnSync(join(ROOT, 'node_modules/.bin/oxlint'), args, { cwd: ROOT, encoding: 'utf8' }).stdout
    } finally {
      rmSync(configDir, { recursive: true, force: true })
    }
    const report = JSON.parse(stdout) as { diagnostics: { code: string; filename: string }[] }
    expect(report.diagnostics.map((d) => [d.code, d.filename]).sort()).toEqual([
      ['import(no-cycle)', `${FIXTURES}/type-cycle/view.ts`],
      ['import(no-cycle)', `${FIXTURES}/type-cycle/waiting.ts`],
    ])
  })
})
