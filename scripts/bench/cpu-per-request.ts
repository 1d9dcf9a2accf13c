import { fillSessions } from './measures'
import { startSandbox } from './sandbox-process'

/**
 * Server CPU per POST /session (memory store), in µs: utime + stime of the sandbox over the
 * requests it served, the figure that holds still when other work shares the machine (req/s does
 * not). Each run starts a fresh sandbox, warms it with 3,000 sessions, then creates `count` at 50
 * connections. With PROFILE_DIR set, each run's sandbox also writes a V8 CPU profile there.
 *
 *   npm run bench:cpu -- [runs=3] [count=20000]      (BENCH_PORT, default 4300)
 *
 * Under load the runs of one build still spread by about ±30 µs: compare two builds by
 * alternating their runs, not one after the other.
 */
const runs = Number(process.argv[2] ?? 3)
const count = Number(process.argv[3] ?? 20_000)
const port = Number(process.env['BENCH_PORT'] ?? 4300)
const profileDir = process.env['PROFILE_DIR']

const figures: number[] = []
for (let run = 1; run <= runs; run++) {
  const sandbox = await startSandbox(port, null, {}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])
  await fillSessions(sandbox, 3_000)
  const before = sandbox.cpuMs()
  const result = await fillSessions(sandbox, count)
  const after = sandbox.cpuMs()
  await sandbox.stop()
  if (before === null || after === null) throw new Error('No /proc here: the sandbox CPU time cannot be read.')
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} answers other than 2xx and ${result.errors} errors`)
  const us = ((after - before) * 1000) / result.requests
  figures.push(us)
  process.stdout.write(`run ${run}: ${us.toFixed(1)} µs CPU per request (${result.requests} requests)\n`)
}
process.stdout.write(`best of ${runs}: ${Math.min(...figures).toFixed(1)} µs CPU per request\n`)
