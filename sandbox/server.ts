import { serve } from '@hono/node-server'
import { Server as HttpServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createApp, sandboxCore } from './app'
import type { SandboxDeps } from './deps'
import { systemClock } from './domain/clock'
import { retentionFromEnv } from './domain/retention'
import { jsonLogger } from './log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from './merchants'
import { openStore } from './store/open-store'
import { loadFirstScreenRenderer, loadTemplates } from './http/page-html'
import { embedHostApp } from './demo/embed-host-app'
import { allowedHosts } from './http/hosts'
import { limitsFromEnv } from './http/limits'

const port = Number(process.env['PORT'] ?? 4000)
const host = process.env['HOST'] ?? '127.0.0.1'
const publicOrigin = process.env['PUBLIC_URL'] ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
const staticDir = fileURLToPath(new URL('../dist/page', import.meta.url))
const log = jsonLogger()

const demoEnabled = process.env['SANDBOX_DEMO'] !== 'off'
const hosts = allowedHosts(publicOrigin, process.env['SANDBOX_ALLOWED_HOSTS'])
const templates = loadTemplates(staticDir)
const renderFirstScreen = templates ? await loadFirstScreenRenderer(fileURLToPath(new URL('../dist/ssr', import.meta.url))) : null
const embedHostPort = Number(process.env['EMBED_DEMO_PORT'] ?? port + 1)
// Real time: each merchant's sandbox clock runs from it, ahead by what QA moved it (docs/decisions/0015-a-clock-per-merchant.md).
const clock = systemClock
// Memory by default; REDIS_URL shares the state with every instance on that Redis (docs/architecture.md#shared-sandbox).
const { store, broadcast } = await openStore(process.env, { now: () => clock.now(), retention: retentionFromEnv(process.env) })
const deps: SandboxDeps = {
  store,
  clock,
  merchants: loadMerchants(process.env['MERCHANTS_FILE'] ?? DEFAULT_MERCHANTS_FILE),
  log,
  publicOrigin,
  qaEnabled: process.env['SANDBOX_QA'] !== 'off',
}
const leaseMs = Number(process.env['SANDBOX_JOB_LEASE_MS'])
const core = sandboxCore(deps, { broadcast, ...(leaseMs > 0 ? { jobLeaseMs: leaseMs } : {}) })
const app = createApp(deps, {
  templates,
  staticDir: templates ? staticDir : null,
  allowedHosts: hosts,
  demoEnabled,
  limits: limitsFromEnv(process.env),
  core,
  renderFirstScreen,
})

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  log.info('listening', {
    url: publicOrigin,
    page_built: templates !== null,
    first_screen_rendered: renderFirstScreen !== null,
    store: process.env['REDIS_URL'] ? 'redis' : 'memory',
  })
  process.stdout.write(
    [
      '',
      `mandate-checkout sandbox on ${publicOrigin}`,
      ...(demoEnabled
        ? [
            `  demo merchant  ${publicOrigin}/demo`,
            `  embedded demo  http://${host.includes(':') ? `[${host}]` : host}:${embedHostPort}/ (another origin framing the page)`,
          ]
        : []),
      `  health         ${publicOrigin}/healthz`,
      `  merchant API   POST ${publicOrigin}/session (HTTP Basic with the merchant's API key, see README)`,
      '',
    ].join('\n') + '\n',
  )
})
// Idle keep-alive connections stay open longer than clients' pools keep them (Node's default is
// 5 s): a client reusing a connection the server is closing at that moment gets ECONNRESET.
if (server instanceof HttpServer) {
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
}

/** The embedding demo merchant on the next port; none when the demo is off (SANDBOX_DEMO=off). */
const embedHost = demoEnabled
  ? serve({
      fetch: embedHostApp({
        checkoutOrigin: publicOrigin,
        staticDir,
        allowedHosts: hosts,
        callCheckout: (path, init) => Promise.resolve(app.request(path, init)),
      }).fetch,
      port: embedHostPort,
      hostname: host,
    })
  : null

/**
 * Stops accepting, ends open event streams (they would hold the close forever), stops taking jobs
 * (one cut short is due again once its lease ends), lets go of the store, then exits.
 */
function shutdown(signal: string): void {
  log.info('shutdown', { signal })
  embedHost?.close()
  server.close(() => {
    void core
      .stop()
      .then(() => Promise.all([store.close(), broadcast.close()]))
      .finally(() => process.exit(0))
  })
  for (const s of embedHost ? [server, embedHost] : [server]) if ('closeAllConnections' in s) s.closeAllConnections()
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
