import { Hono } from 'hono'
import { onTestFinished } from 'vitest'
import { sandboxCore } from '../app'
import type { SandboxDeps } from '../deps'
import { MovableClock } from '../domain/clock'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { qaRoutes } from '../qa/routes'
import { MemoryStore } from '../store/memory-store'
import { basic, DEMO_KEY } from './security-harness'

export interface QaRequestInit {
  /** The Authorization header; the demo merchant's Basic credentials when left out, none when null. */
  auth?: string | null
  body?: string
  /** The content type; application/json when a body is sent without one. */
  type?: string
}

/**
 * The QA routes alone, mounted at /sandbox over an in-memory store with the merchants file's
 * merchants, answering in the envelope the composition root hands them. Call it inside a test:
 * the webhook dispatcher and the attempt timers stop when that test finishes.
 */
export function qaSandbox(now: Date) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => now })
  const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
  const deps: SandboxDeps = { store, clock, merchants, log: silentLogger, publicOrigin: 'http://127.0.0.1:4000', qaEnabled: true }
  const core = sandboxCore(deps)
  const { attempts, webhooks, writer, dialects } = core
  onTestFinished(() => core.stop())
  const app = new Hono()
  app.route('/sandbox', qaRoutes({ deps, attempts, webhooks, writer, renewals: core.renewals, executions: core.executions, advanceClock: core.advanceClock, dialect: dialects.byId('juspay') }))
  const request = (method: string, path: string, init: QaRequestInit = {}) => {
    const headers = new Headers()
    const auth = init.auth === undefined ? basic(DEMO_KEY) : init.auth
    if (auth !== null) headers.set('authorization', auth)
    if (init.type) headers.set('content-type', init.type)
    else if (init.body !== undefined) headers.set('content-type', 'application/json')
    return Promise.resolve(app.request(path, { method, headers, body: init.body }))
  }
  return { app, deps, store, merchants, attempts, webhooks, request }
}
