import { Hono } from 'hono'
import { preferredLocale } from './http/accept-language'
import { edge } from './http/edge'
import { allowedHosts } from './http/hosts'
import type { Now } from './http/rate-limit'
import { DEFAULT_LIMITS, type EdgeLimits } from './http/limits'
import { StreamCaps } from './http/stream-caps'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Locale } from '../contract/session'
import { PAGE_ID_PATTERN } from '../contract/session'
import type { BootPayload } from '../contract/boot'
import type { SandboxDeps } from './deps'
import { juspayDialect } from './dialects/juspay/dialect'
import { checkoutDialect } from './dialects/checkout/dialect'
import { zenskarDialect } from './dialects/zenskar/dialect'
import { pluralDialect } from './dialects/plural/dialect'
import { pageApiRoutes } from './page-api/routes'
import { qaRoutes } from './qa/routes'
import { demoRoutes } from './demo/routes'
import { openApiRoute } from './openapi/route'
import { upiAppRoutes } from './simulators/upi-app/routes'
import { bankRoutes } from './simulators/bank/routes'
import { toSessionView } from './domain/view'
import { clockFor, type MerchantClock } from './domain/clock'
import { dialectRegistry, type DialectId, type Dialects, type DialectServices } from './dialects/dialect'
import { AttemptService, dueJobPageId } from './domain/attempt-service'
import { OrderEventBus } from './domain/order-events'
import { OrderWriter } from './domain/order-writer'
import { MandateService } from './domain/mandate-service'
import { MandateExecutions } from './domain/mandate-executions'
import { Renewals } from './domain/renewals'
import { JobRunner } from './store/job-runner'
import type { Broadcast } from './store/broadcast'
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhooks/dispatcher'
import { setPageHeaders } from './http/security'
import { renderCheckout, withFirstScreen, withLanguage, type PageTemplates } from './http/page-html'
import type { RenderFirstScreen } from '../contract/first-screen'
import { notFound } from './http/not-found'
import { pageFraming, type PageFraming } from './http/framing'
import { EMBED_PARAMS, EMBED_SCRIPT_VERSION } from '../contract/embed-protocol'
import { redact } from './log'
import type { Merchant } from './merchants'

/** Images the page may load: the merchant's logo, and in an accepted host's frame the host's own (set_appearance). */
function imageOrigins(merchant: Merchant | undefined, framing: PageFraming): string[] {
  const origins = merchant?.brand.logoUrl ? [new URL(merchant.brand.logoUrl).origin] : []
  return framing.embed ? [...origins, framing.embed.hostOrigin] : origins
}

export interface AppOptions {
  /** Built HTML templates; null when the page is not built (API-only tests). */
  templates: PageTemplates | null
  /** Folder of the built page's static files, or null. */
  staticDir: string | null
  /** Host names the server answers to; by default the public origin's and the loopback names. */
  allowedHosts?: ReadonlySet<string>
  /** The demo merchant's page and API (/demo); off answers 404, for a shared deployment. Default on. */
  demoEnabled?: boolean
  /** The rate limits' clock, in ms; tests move it by hand. Default performance.now. */
  now?: Now
  /** Rate limits and stream caps; DEFAULT_LIMITS when not given. */
  limits?: EdgeLimits
  /** The working parts (the server builds them to stop them on shutdown); a fresh set over `deps` when not given. */
  core?: SandboxCore
  /** The page's server renderer (dist/ssr/); without it the page renders in the browser alone. */
  renderFirstScreen?: RenderFirstScreen | null
}

/** The QA API and the demo merchant's API answer in Juspay's envelope, as the demo's POST /session does. */
const SANDBOX_APIS_SPEAK: DialectId = 'juspay'

/**
 * Every merchant API dialect, in the order their routes are mounted. Checkout-session and Zenskar
 * orders are reported to the merchant (webhooks, signed return) the way Juspay orders are, so those
 * dialects are given Juspay's reporting (docs/decisions/0009-dialect-owns-its-edge.md); Plural's
 * sends its own callbacks and is lent only the return signer, which its orders never use.
 */
/** What the sandbox lends every dialect: its dependencies, and the attempt service's refresh and start. */
export function dialectServices(
  deps: SandboxDeps,
  attempts: AttemptService,
  writer: OrderWriter,
  mandates: MandateService,
  renewals: Renewals,
  executions: MandateExecutions,
): DialectServices {
  return {
    deps,
    mandates,
    renewals,
    executions,
    refresh: (order) => attempts.refresh(order),
    announce: (order, events) => writer.change(order, (current) => ({ write: { order: current, events }, answer: () => undefined })),
    startAttempt: (order, merchant, request, key) => attempts.start(order, merchant, request, key),
  }
}

export interface CoreOptions {
  /** Order changes shared with the other instances on the same store; none for one process. */
  broadcast?: Broadcast | null
  /** How long a job an instance took is its own before another may take it (JobRunner); 30 s by default. */
  jobLeaseMs?: number
  /** The webhook dispatcher's retry delays, timeout and network (tests shorten and stub them). */
  dispatcher?: Partial<Pick<WebhookDispatcherOptions, 'resolve' | 'transport' | 'retryDelaysMs' | 'timeoutMs'>>
}

/** The sandbox's working parts behind its routes, wired once (docs/architecture.md#shared-sandbox). */
export interface SandboxCore {
  bus: OrderEventBus
  writer: OrderWriter
  attempts: AttemptService
  mandates: MandateService
  renewals: Renewals
  executions: MandateExecutions
  dialects: Dialects
  webhooks: WebhookDispatcher
  jobs: JobRunner
  /**
   * Moves a merchant's clock forward to a sandbox time (ms), running its due work on the way
   * (JobRunner.runDueUpTo), then tells the pages of its orders (the QA API's POST /sandbox/clock).
   */
  advanceClock: (merchantId: string, to: number) => Promise<MerchantClock>
  /** Stops taking jobs, aborts webhook requests in flight, and waits for the jobs running. */
  stop(): Promise<void>
}

export function sandboxCore(deps: SandboxDeps, options: CoreOptions = {}): SandboxCore {
  const bus = new OrderEventBus(options.broadcast ?? null, (error) =>
    deps.log.error('broadcast_failed', { message: error instanceof Error ? error.message : 'unknown' }),
  )
  const jobs: JobRunner = new JobRunner({
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    ...(options.jobLeaseMs === undefined ? {} : { leaseMs: options.jobLeaseMs }),
    handlers: {
      webhook: (job) => webhooks.run(job),
      attempt_due: async (job) => {
        const pageId = dueJobPageId(job.payload)
        if (pageId) await attempts.refreshById(pageId)
        await deps.store.finishJob(job.id)
      },
      debit: (job) => renewals.run(job),
      mandate_expiry: (job) => renewals.expire(job),
      pause_end: (job) => mandates.endPause(job),
      execution: (job) => executions.run(job),
      mandate_replaced: (job) => attempts.revokeReplaced(job),
    },
  })
  const wakeAt = (dueAt: number) => jobs.wakeAt(dueAt)
  const writer = new OrderWriter(deps.store, deps.clock, bus, wakeAt)
  const attempts = new AttemptService(deps, writer)
  const mandates = new MandateService(deps, writer)
  const renewals = new Renewals(deps, writer, mandates)
  const executions = new MandateExecutions(deps, writer, mandates, renewals)
  const dialects = createDialects(dialectServices(deps, attempts, writer, mandates, renewals, executions))
  const webhooks = new WebhookDispatcher({ deps, dialects, wakeAt, ...options.dispatcher })
  writer.follow(webhooks)
  writer.follow(attempts.dueJobs)
  writer.follow(attempts.replacedMandates)
  writer.follow(mandates.index)
  writer.follow(mandates.pauses)
  writer.follow(executions.follow)
  writer.follow(renewals.follow)
  jobs.start()
  return {
    bus,
    writer,
    attempts,
    mandates,
    renewals,
    executions,
    dialects,
    webhooks,
    jobs,
    advanceClock: async (merchantId, to) => {
      const clock = await jobs.runDueUpTo(merchantId, to)
      bus.clockMoved(merchantId)
      return clock
    },
    stop: async () => {
      webhooks.stop()
      await jobs.stop()
    },
  }
}

export function createDialects(services: DialectServices): Dialects {
  const juspay = juspayDialect(services)
  const reporting = { signReturn: juspay.signReturn, webhook: juspay.webhook }
  return dialectRegistry(
    {
      juspay,
      checkout: checkoutDialect(services, reporting),
      zenskar: zenskarDialect(services, reporting),
      plural: pluralDialect(services, { signReturn: juspay.signReturn }),
    },
    { '/sandbox': SANDBOX_APIS_SPEAK, '/demo/api': SANDBOX_APIS_SPEAK },
  )
}

export function createApp(deps: SandboxDeps, options: AppOptions): Hono {
  const app = new Hono()
  const { bus, attempts, mandates, renewals, executions, dialects, webhooks, writer, advanceClock } = options.core ?? sandboxCore(deps)
  const sandboxApis = dialects.byId(SANDBOX_APIS_SPEAK)

  const limits = options.limits ?? DEFAULT_LIMITS
  app.use(edge({ log: deps.log, hosts: options.allowedHosts ?? allowedHosts(deps.publicOrigin), dialects, limits, now: options.now }))

  app.onError((err, c) => {
    deps.log.error('unhandled', { path: redact(c.req.path), message: redact(String(err)) })
    return c.json({ error: { code: 'internal', message: 'The sandbox failed to answer this request.' } }, 500)
  })

  app.notFound(notFound(dialects))

  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/openapi.json', openApiRoute(deps.publicOrigin))

  for (const dialect of dialects.all()) dialect.mount(app)
  const streams = new StreamCaps(limits.streamsPerOrder, limits.streamsPerClient)
  app.route('/api', pageApiRoutes({ deps, attempts, bus, writer, dialects, streams }))
  if (deps.qaEnabled) app.route('/sandbox', qaRoutes({ deps, attempts, webhooks, writer, renewals, executions, advanceClock, dialect: sandboxApis }))
  app.route('/simulator/upi', upiAppRoutes(deps, attempts, mandates))
  app.route('/simulator/bank', bankRoutes(deps, attempts, mandates))
  if (options.demoEnabled ?? true) {
    app.route('/demo', demoRoutes(deps, options.templates, (path, init) => Promise.resolve(app.request(path, init)), sandboxApis, options.now))
  }

  const checkoutTemplate = options.templates?.checkout

  /**
   * The payment page's boot payload and language, from the store: the one place the page route
   * reads the order (the boot data and the server-rendered screen are both made from it).
   */
  const pageBoot = async (pageId: string, acceptLanguage: string | undefined): Promise<{ boot: BootPayload; lang: Locale; merchant: Merchant | undefined }> => {
    const lang = preferredLocale(acceptLanguage)
    if (!PAGE_ID_PATTERN.test(pageId)) return { boot: { kind: 'error', code: 'malformed' }, lang, merchant: undefined }
    const stored = await deps.store.orderById(pageId)
    const order = stored ? await attempts.refresh(stored) : undefined
    const merchant = order ? deps.merchants.byId(order.merchantId) : undefined
    if (!order || !merchant) return { boot: { kind: 'error', code: 'not_found' }, lang, merchant }
    const view = toSessionView(order, merchant, (await clockFor(deps, order.merchantId)).now(), dialects.forOrder(order).signReturn)
    return { boot: { kind: 'session', view }, lang: view.language ?? lang, merchant }
  }

  const renderFirstScreen = options.renderFirstScreen ?? null

  app.get('/orders/:pageId/payment-page', async (c) => {
    if (!options.templates || !checkoutTemplate) return c.text('The page is not built: run npm run build.', 503)
    const { boot, lang, merchant } = await pageBoot(c.req.param('pageId'), c.req.header('accept-language'))
    const framing = pageFraming(merchant, c.req.query(EMBED_PARAMS.hostOrigin))
    let html = withLanguage(renderCheckout(checkoutTemplate, boot, lang, framing.embed), lang, options.templates.chunks)
    const styleHashes = [...options.templates.styleHashes]
    // The first screen arrives drawn (docs/decisions/0014-server-rendered-first-screen.md), except in
    // a host's frame, whose appearance the browser applies as it renders. A renderer that fails
    // leaves the page to render in the browser, as it does without one.
    if (renderFirstScreen && !framing.embed) {
      const request = { boot, locale: lang, userAgent: c.req.header('user-agent') ?? '', search: new URL(c.req.url).search }
      const screen = await renderFirstScreen(request).catch((error: unknown) => {
        deps.log.error('first screen not rendered', { path: redact(c.req.path), message: redact(String(error)) })
        return null
      })
      if (screen) {
        const rendered = withFirstScreen(html, screen, options.templates.chunks)
        html = rendered.html
        styleHashes.push(rendered.styleHash)
      }
    }
    setPageHeaders(c, framing.ancestors, imageOrigins(merchant, framing), styleHashes)
    return c.html(html, boot.kind === 'session' ? 200 : 404)
  })

  app.get('/checkout', (c) => {
    if (!options.templates || !checkoutTemplate) return c.text('The page is not built: run npm run build.', 503)
    setPageHeaders(c, [], [], options.templates.styleHashes)
    const lang = preferredLocale(c.req.header('accept-language'))
    return c.html(withLanguage(renderCheckout(checkoutTemplate, null, lang), lang, options.templates.chunks))
  })

  /** The client-secret page named by its session, so it can carry that merchant's frame-ancestors. */
  app.get('/checkout/:sessionId', async (c) => {
    if (!options.templates || !checkoutTemplate) return c.text('The page is not built: run npm run build.', 503)
    const order = await deps.store.orderByCheckoutSessionId(c.req.param('sessionId'))
    const merchant = order ? deps.merchants.byId(order.merchantId) : undefined
    const framing = pageFraming(merchant, c.req.query(EMBED_PARAMS.hostOrigin))
    setPageHeaders(c, framing.ancestors, imageOrigins(merchant, framing), options.templates.styleHashes)
    const lang = preferredLocale(c.req.header('accept-language'))
    return c.html(withLanguage(renderCheckout(checkoutTemplate, null, lang, framing.embed), lang, options.templates.chunks))
  })

  if (options.staticDir) {
    const root = options.staticDir
    app.use(
      '/assets/*',
      async (c, next) => {
        await next()
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
        // The answer depends on Accept-Encoding even when it is the file as it is: a cache in front
        // must not hand that copy to a browser that takes Brotli, nor a Brotli copy to one that does not.
        if (c.res.ok && !c.res.headers.get('vary')?.includes('Accept-Encoding')) c.header('Vary', 'Accept-Encoding', { append: true })
      },
      // The build's Brotli or gzip copy when the browser accepts it (scripts/build/precompress.ts).
      serveStatic({ root, precompressed: true }),
    )
    app.get('/favicon.svg', serveStatic({ root }))
    app.get(
      '/embed.js',
      async (c, next) => {
        await next()
        if (c.res.ok) {
          c.header('Cache-Control', 'public, max-age=300')
          c.header('X-Embed-Script-Version', EMBED_SCRIPT_VERSION)
        }
      },
      serveStatic({ root, precompressed: true }),
    )
  }

  return app
}
