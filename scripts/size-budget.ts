import { join } from 'node:path'
import { firstLoad } from './size/first-load'

/**
 * `npm run test:size`, after `npm run build`: fails when the JS and CSS the checkout page's HTML
 * loads before any code runs exceed the first-load budget in docs/budgets.md#first-load (100 KB gzip). Bytes are
 * deterministic for a given build, so unlike the timed figures of `npm run bench` this can gate CI.
 */
const BUDGET = 100 * 1024
const root = new URL('..', import.meta.url).pathname
const { files, total } = firstLoad(join(root, 'dist/page'))
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
for (const f of files) process.stdout.write(`  ${f.url.padEnd(44)} ${kb(f.gzip).padStart(9)}\n`)
const holds = files.length > 0 && total <= BUDGET
process.stdout.write(`${holds ? 'ok' : 'OVER'}: first load ${kb(total)} gzip, budget ${kb(BUDGET)}\n`)
if (!holds) process.exitCode = 1
