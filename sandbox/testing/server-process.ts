import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A port nobody listens on now, and the one after it (the server also opens its embed demo on PORT+1). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', reject)
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
      })
    })
    if (port < 65535 && (await isFree(port + 1))) return port
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

export interface ServerProcess {
  origin: string
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  stop(): Promise<void>
}

/**
 * The real sandbox (`tsx sandbox/server.ts`) in a child process on a free port, as `npm start`
 * runs it, with its stdout and stderr captured. Resolves once GET /healthz answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePortPair()
  let output = ''
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['sandbox/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const origin = `http://127.0.0.1:${port}`

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }

  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}:\n${output}`)
    const ready = await fetch(`${origin}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ready) break
    if (tries > 600) {
      await stop()
      throw new Error(`the sandbox did not answer /healthz:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { origin, output: () => output, stop }
}
