import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const root = new URL('../..', import.meta.url).pathname

export interface RunningSandbox {
  origin: string
  stop(): Promise<void>
}

export const hasTaskset = (): boolean => spawnSync('taskset', ['--version']).status === 0

/** Starts the built sandbox, pinned to CPU 0 when the machine allows, and waits for /healthz. */
export async function startSandbox(port: number, pinToCore: number | null = null): Promise<RunningSandbox> {
  const tsx = join(root, 'node_modules/.bin/tsx')
  const command = pinToCore !== null && hasTaskset() ? 'taskset' : tsx
  const args = command === 'taskset' ? ['-c', String(pinToCore), tsx, 'sandbox/server.ts'] : ['sandbox/server.ts']
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EMBED_DEMO_PORT: String(port + 1) },
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
