import { spawn, execFileSync, type ChildProcess, type ExecFileSyncOptions } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The QA kit as a merchant gets it: packs @mandate-checkout/testing (its prepack builds it),
 * installs the tarball into a copy of examples/merchant-qa, typechecks that project against the
 * installed types, starts the sandbox on a free port and runs the example's journeys against it.
 */
const root = new URL('..', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'merchant-qa-'))
const example = join(work, 'merchant-qa')
const quiet: ExecFileSyncOptions = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }

/** A port whose next port is free too: the sandbox opens its embedding demo on PORT+1. */
async function freePortPair(): Promise<number> {
  const listen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(null))
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null))
      })
    })
  for (;;) {
    const port = await listen(0)
    if (port !== null && port < 65535 && (await listen(port + 1)) !== null) return port
  }
}

async function waitHealthy(url: string, sandbox: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (sandbox.exitCode !== null) throw new Error(`the sandbox exited with ${sandbox.exitCode}`)
    const ok = await fetch(`${url}/healthz`).then((res) => res.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the sandbox did not answer ${url}/healthz within 30 s`)
}

let sandbox: ChildProcess | null = null
try {
  process.stdout.write('Packing @mandate-checkout/testing…\n')
  execFileSync('npm', ['pack', '--workspace', '@mandate-checkout/testing', '--pack-destination', work, '--silent'], quiet)
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack wrote no tarball')

  cpSync(join(root, 'examples/merchant-qa'), example, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|test-results|playwright-report)$/.test(path),
  })
  cpSync(join(work, tarball), join(example, 'mandate-checkout-testing.tgz'))
  process.stdout.write(`Installing ${tarball} into a copy of examples/merchant-qa…\n`)
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent'], { ...quiet, cwd: example })
  execFileSync('npx', ['tsc', '-p', '.'], { cwd: example, stdio: 'inherit' })

  execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/ensure-build.ts'], { cwd: root, stdio: 'inherit' })
  const port = await freePortPair()
  const url = `http://127.0.0.1:${port}`
  sandbox = spawn(join(root, 'node_modules/.bin/tsx'), ['sandbox/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitHealthy(url, sandbox)

  process.stdout.write(`Running the example's journeys against ${url}…\n`)
  execFileSync('npx', ['playwright', 'test'], { cwd: example, stdio: 'inherit', env: { ...process.env, SANDBOX_URL: url } })
} finally {
  if (sandbox && sandbox.exitCode === null) {
    const exited = new Promise((resolve) => sandbox?.once('exit', resolve))
    sandbox.kill('SIGTERM')
    await exited
  }
  rmSync(work, { recursive: true, force: true })
}
