import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processCpuMs, processRssMb } from './proc'

export const root = new URL('../..', import.meta.url).pathname

export interface RunningSandbox {
  origin: string
  /** CPU time (user + system) the sandbox process has used so far, in ms; null where /proc is not there. */
  cpuMs(): number | null
  /** Resident memory of the sandbox process, in MB; null where /proc is not there. */
  rssMb(): number | null
  /** The live heap after a full collection, in MB (V8's heap and the memory outside it that objects hold); only when started `withHeapProbe`. */
  heapMb(): Promise<number>
  stop(): Promise<void>
}

export const hasTaskset = (): boolean => spawnSync('taskset', ['--version']).status === 0

/**
 * Starts the built sandbox, pinned to a CPU when asked and the machine allows, and waits for
 * /healthz. Node runs the server itself (tsx as an import hook, not its CLI, which would add a
 * wrapper process), so the child is the server and its CPU time can be read. `nodeFlags` go to that
 * Node (--cpu-prof, which NODE_OPTIONS does not take).
 */
export function startSandbox(
  port: number,
  pinToCore: number | null = null,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
  withHeapProbe = false,
): Promise<RunningSandbox> {
  return startServer('sandbox/server.ts', port, pinToCore, env, nodeFlags, withHeapProbe)
}

/**
 * The reference server (scripts/bench/reference-server.ts), started as the sandbox is: what this
 * machine gives a bare Node HTTP server at the same moment, so a sandbox figure can be read against it.
 */
export function startReference(port: number, pinToCore: number | null = null): Promise<RunningSandbox> {
  return startServer('scripts/bench/reference-server.ts', port, pinToCore, {}, [], false)
}

async function startServer(
  script: string,
  port: number,
  pinToCore: number | null,
  env: Record<string, string>,
  nodeFlags: readonly string[],
  withHeapProbe: boolean,
): Promise<RunningSandbox> {
  const heapFile = withHeapProbe ? join(mkdtempSync(join(tmpdir(), 'bench-heap-')), 'heap.json') : ''
  const probe = withHeapProbe ? ['--expose-gc', '--import', 'tsx', '--import', './scripts/bench/heap-probe.ts'] : ['--import', 'tsx']
  const node = [process.execPath, ...nodeFlags, ...probe, script]
  const pinned = pinToCore !== null && hasTaskset()
  const [command = process.execPath, ...args] = pinned ? ['taskset', '-c', String(pinToCore), ...node] : node
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    // The per-key rate limit's default is far above the bench's load; set it higher still so a faster machine is never limited.
    env: { ...process.env, SANDBOX_API_KEY_RATE: '1000000', ...env, PORT: String(port), HOST: '127.0.0.1', EMBED_DEMO_PORT: String(port + 1), ...(withHeapProbe ? { BENCH_HEAP_FILE: heapFile } : {}) },
    stdio: 'ignore',
  })
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    origin,
    cpuMs: () => processCpuMs(child.pid),
    rssMb: () => processRssMb(child.pid),
    heapMb: async () => {
      if (!withHeapProbe) throw new Error('started without the heap probe')
      rmSync(heapFile, { force: true })
      child.kill('SIGUSR2')
      for (let i = 0; i < 600 && !existsSync(heapFile); i++) await new Promise((r) => setTimeout(r, 50))
      if (!existsSync(heapFile)) throw new Error('The sandbox wrote no heap figure within 30 s of SIGUSR2: did scripts/bench/heap-probe.ts load?')
      const usage = JSON.parse(readFileSync(heapFile, 'utf8')) as { heapUsed: number; external: number }
      return (usage.heapUsed + usage.external) / 1024 / 1024
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export const BASIC = `Basic ${Buffer.from('demo_api_key:').toString('base64')}`

let counter = 0
/** Creates a REQUIRED monthly mandate session through the merchant API and returns its page URL. */
export async function createSession(origin: string, extra: Record<string, unknown> = {}): Promise<{ orderId: string; url: string }> {
  const orderId = `b${Date.now().toString(36)}${(counter++).toString(36)}`
  const res = await fetch(`${origin}/session`, {
    method: 'POST',
    headers: { authorization: BASIC, 'content-type': 'application/json' },
    body: JSON.stringify({
      order_id: orderId,
      amount: '1.00',
      return_url: 'https://shop.merchant.com',
      description: 'Acme Fitness monthly membership',
      'options.create_mandate': 'REQUIRED',
      'mandate.max_amount': '1000.00',
      'mandate.frequency': 'MONTHLY',
      'mandate.rule_value': '5',
      'metadata.auto_refund_post_success': 'true',
      ...extra,
    }),
  })
  const body = (await res.json()) as { payment_links?: { web?: string } }
  const url = body.payment_links?.web
  if (!res.ok || !url) throw new Error(`POST /session answered ${res.status}`)
  return { orderId, url }
}
