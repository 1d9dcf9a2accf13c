import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * tsc keeps the source's extensionless relative imports in the .d.ts it writes; a consumer whose
 * TypeScript resolves as Node does (`moduleResolution: node16`/`nodenext`) needs them to name the
 * file, so each gets its `.js`.
 */
const RELATIVE = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+?)(?<!\.js)\2/g

function* declarations(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* declarations(path)
    else if (entry.name.endsWith('.d.ts')) yield path
  }
}

const root = new URL('../dist/types', import.meta.url).pathname
for (const file of declarations(root)) {
  const text = readFileSync(file, 'utf8')
  const fixed = text.replace(RELATIVE, (_match, lead: string, quote: string, path: string) => `${lead}${quote}${path}.js${quote}`)
  if (fixed !== text) writeFileSync(file, fixed)
}
