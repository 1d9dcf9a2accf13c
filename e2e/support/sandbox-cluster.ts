import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { startRedis, type RedisServer } from '../../sandbox/testing/redis-server'

/** One sandbox process of a cluster: its origin, and a way to kill it as a crash would. */
export interface SandboxInstance {
  origin: string
  /** SIGKILL: no shutdown, no lease given back, streams cut. */
  crash(): Promise<void>
}

export interface SandboxCluster {
  instances: SandboxInstance[]
  stop(): Promise<void>
}

const waitForHealth = async (origin: string, child: ChildProcess, output: () => string): Promise<void> => {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`sandbox at ${origin} exited with ${child.exitCode}:\n${output()}`)
    const ok = await fetch(`${origin}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`sandbox at ${origin} did not come up:\n${output()}`)
}

/**
 * A shared sandbox as a QA team runs one (docs/architecture.md#shared-sandbox): a throwaway Redis
 * and `count` sandbox processes on it, each on its own port of 127.0.0.1, with the demo merchant
 * pages off. Each process is node itself (no npx in between), so a crash kills the sandbox.
 */
export async function startCluster(firstPort: number, count: number, env: Record<string, string> = {}): Promise<SandboxCluster> {
  const redis: RedisServer = await startRedis()
  const prefix = `e2e-${randomBytes(4).toString('hex')}:`
  const children: ChildProcess[] = []
  const instances: SandboxInstance[] = []
  try {
    for (let i = 0; i < count; i++) {
      const port = firstPort + i
      const origin = `http://127.0.0.1:${port}`
      const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: redis.url, REDIS_PREFIX: prefix, SANDBOX_DEMO: 'off', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      children.push(child)
      let output = ''
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      await waitForHealth(origin, child, () => output)
      instances.push({
        origin,
        crash: async () => {
          child.kill('SIGKILL')
          await exited
        },
      })
    }
  } catch (error) {
    for (const child of children) child.kill('SIGKILL')
    await redis.stop()
    throw error
  }
  return {
    instances,
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve()
              child.once('exit', () => resolve())
              child.kill('SIGTERM')
            }),
        ),
      )
      await redis.stop()
    },
  }
}
