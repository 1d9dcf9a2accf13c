import { writeFileSync } from 'node:fs'

/**
 * Loaded into the sandbox by the bench only (`--import`, with `--expose-gc`): on SIGUSR2 it runs a
 * full garbage collection and writes `process.memoryUsage()` as JSON to BENCH_HEAP_FILE. What the
 * store holds is the live heap after a collection; the process's resident memory also counts
 * garbage not yet collected and heap V8 keeps for reuse, and does not shrink when the store does.
 */
const out = process.env['BENCH_HEAP_FILE']
const gc = (globalThis as { gc?: () => void }).gc
if (!out || !gc) throw new Error('heap-probe needs BENCH_HEAP_FILE and node --expose-gc')
process.on('SIGUSR2', () => {
  gc()
  writeFileSync(out, JSON.stringify(process.memoryUsage()))
})
