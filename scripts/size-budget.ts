import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { LOCALES } from '../contract/values'
import { firstLoad } from './size/first-load'

/**
 * `npm run test:size`, after `npm run build`: fails when the JS and CSS the checkout page's HTML
 * loads before any code runs exceed the first-load budget in docs/budgets.md#first-load (100 KB gzip). Bytes are
 * deterministic for a given build, so unlike the timed figures of `npm run bench` this can gate CI.
 * A page that starts in another language also fetches that language's main catalog (its own chunk,
 * `<locale>-<hash>.js`) before the first paint, so the budget holds for each language's first load too.
 */
const BUDGET = 100 * 1024
const root = new URL('..', import.meta.url).pathname
const dist = join(root, 'dist/page')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const { files, total } = firstLoad(dist)
for (const f of files) process.stdout.write(`  ${f.url.padEnd(44)} ${kb(f.gzip).padStart(9)}\n`)
let holds = files.length > 0 && total <= BUDGET
process.stdout.write(`${total <= BUDGET ? 'ok' : 'OVER'}: first load ${kb(total)} gzip, budget ${kb(BUDGET)}\n`)

const assets = readdirSync(join(dist, 'assets'))
for (const locale of LOCALES.filter((l) => l !== 'en')) {
  const chunk = assets.find((name) => new RegExp(`^${locale}-[\\w-]+\\.js$`).test(name))
  if (!chunk) {
    holds = false
    process.stdout.write(`MISSING: no catalog chunk for ${locale}\n`)
    continue
  }
  const withCatalog = firstLoad(dist, 'index.html', [`/assets/${chunk}`]).total
  holds &&= withCatalog <= BUDGET
  process.stdout.write(`${withCatalog <= BUDGET ? 'ok' : 'OVER'}: first load in ${locale} ${kb(withCatalog)} gzip (catalog ${kb(withCatalog - total)})\n`)
}
if (!holds) process.exitCode = 1
