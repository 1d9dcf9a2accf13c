import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { LOCALES } from '../contract/values'
import { firstLoad } from './size/first-load'

/**
 * `npm run test:size`, after `npm run build`: fails when the JS and CSS the checkout page's HTML
 * loads before any code runs exceed the first-load budget in docs/budgets.md#first-load (100 KB gzip). Bytes are
 * deterministic for a given build, so unlike the timed figures of `npm run bench` this can gate CI.
 * The entry holds no catalog: a page fetches its language's main catalog (its own chunk,
 * `<locale>-<hash>.js`, which the server preloads) before the first paint, English's included, so
 * the budget holds for each language's first load, and the HTML alone is not a first load.
 */
const BUDGET = 100 * 1024
const root = new URL('..', import.meta.url).pathname
const dist = join(root, 'dist/page')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const { files, total } = firstLoad(dist)
for (const f of files) process.stdout.write(`  ${f.url.padEnd(44)} ${kb(f.gzip).padStart(9)}\n`)
let holds = files.length > 0
process.stdout.write(`first load without a catalog ${kb(total)} gzip, budget ${kb(BUDGET)} with one\n`)

const assets = readdirSync(join(dist, 'assets'))
for (const locale of LOCALES) {
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
