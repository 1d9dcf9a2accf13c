import { Hono } from 'hono'
import { negotiatedCompress } from './http/compress'
import { allowedHosts, hostAllowList } from './http/hosts'
import type { Now } from './http/rate-limit'
import { apiLimits } from './http/api-limits'
import { DEFAULT_LIMITS, type EdgeLimits } from './http/limits'
import { StreamCaps } from './http/stream-caps'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Locale } from '../contract/session'
import { LOCALES, PAGE_ID_PATTERN } from '../contract/session'
import type { BootPayload } from '../contract/boot'
import type { SandboxDeps } from './deps'
import { juspayDialect } from './dialects/juspay/dialect'
import { checkoutDialect } from './dialects/checkout/dialect'
import { zenskarDialect } from './dialects/zenskar/dialect'
import { pluralDialect } from './dialects/plural/dialect'
import { pageApiRoutes } from './page-api/routes'
import { qaRoutes } from './qa/routes'
import { demoRoutes } from './demo/routes'
import { upiAppRoutes } from './simulators/upi-app/routes'
import { bankRoutes } from './simulators/bank/routes'
import { toSessionView } from './domain/view'
import { dialectRegistry, type DialectId, type Dialects, type DialectServices } from './dialects/dialect'
import { AttemptService } from './domain/attempt-service'
import { OrderEventBus } from './domain/order-events'
import { WebhookDispatcher } from './webhooks/dispatcher'
import { baseSecurityHeaders, setPageHeaders } from './http/security'
import { renderCheckout, type PageTemplates } from './http/page-html'
import { notFound } from './http/not-found'
import { pageFraming, type PageFraming } from './http/framing'
import { EMBED_PARAMS } from '../contract/embed-protocol'
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
}

function preferredLocale(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase().split(/[-;]/)[0] ?? ''
  return LOCALES.find((locale) => locale === first) ?? 'en'
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
export function dialectServices(deps: SandboxDeps, attempts: AttemptService, bus: OrderEventBus): DialectServices {
  return {
    deps,
    refresh: (order) => attempts.refresh(order),
    publish: (change) => bus.publish(change),
    startAttempt: (order, merchant, request, key) => attempts.start(order, merchant, request, key),
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
  const bus = new OrderEventBus()
  const attempts = new AttemptService(deps, bus)
  const dialects = createDialects(dialectServices(deps, attempts, bus))
  const sandboxApis = dialects.byId(SANDBOX_APIS_SPEAK)
  const webhooks = new WebhookDispatcher({ deps, bus, dialects })
  webhooks.start()

  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    deps.log.info('request', {
      method: c.req.method,
      path: redact(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  })
  const limits = options.limits ?? DEFAULT_LIMITS
  app.use(hostAllowList(options.allowedHosts ?? allowedHosts(deps.publicOrigin)))
  app.use(baseSecurityHeaders)
  app.use(negotiatedCompress())
  app.use(apiLimits(dialects, limits, options.now))

  app.onError((err, c) => {
    deps.log.error('unhandled', { path: redact(c.req.path), message: redact(String(err)) })
    return c.json({ error: { code: 'internal', message: 'The sandbox failed to answer this request.' } }, 500)
  })

  app.notFound(notFound(dialects))

  app.get('/healthz', (c) => c.json({ status: 'ok' }))

  for (const dialect of dialects.all()) dialect.mount(app)
  const streams = new StreamCaps(limits.streamsPerOrder, limits.streamsPerClient)
  app.route('/api', pageApiRoutes({ deps, attempts, bus, dialects, streams }))
  if (deps.qaEnabled) app.route('/sandbox', qaRoutes({ deps, attempts, webhooks, dialect: sandboxApis }))
  app.route('/simulator/upi', upiAppRoutes(deps, attempts))
  app.route('/simulator/bank', bankRoutes(deps, attempts))
  if (options.demoEnabled ?? true) {
    app.route('/demo', demoRoutes(deps, options.templates, (path, init) => Promise.resolve(app.request(path, init)), sandboxApis, options.now))
  }

  const checkoutTemplate = options.templates?.checkout

  app.get('/orders/:pageId/payment-page', (c) => {
    if (!checkoutTemplate) return c.text('The page is not built: run npm run build.', 503)
    const pageId = c.req.param('pageId')
    const stored = PAGE_ID_PATTERN.test(pageId) ? deps.store.orderById(pageId) : undefined
    const order = stored ? attempts.refresh(stored) : undefined
    const merchant = order ? deps.merchants.byId(order.merchantId) : undefined
    let boot: BootPayload
    let lang = preferredLocale(c.req.header('accept-language'))
    if (!PAGE_ID_PATTERN.test(pageId)) {
      boot = { kind: 'error', code: 'malformed' }
    } else if (!order || !merchant) {
      boot = { kind: 'error', code: 'not_found' }
    } else {
      const view = toSessionView(order, merchant, deps.clock.now(), dialects.forOrder(order).signReturn)
      boot = { kind: 'session', view }
      lang = view.language ?? lang
    }
    const framing = pageFraming(merchant, c.req.query(EMBED_PARAMS.hostOrigin))
    setPageHeaders(c, framing.ancestors, imageOrigins(merchant, framing))
    return c.html(renderCheckout(checkoutTemplate, boot, lang, framing.embed), boot.kind === 'session' ? 200 : 404)
  })

  app.get('/checkout', (c) => {
    if (!checkoutTemplate) return c.text('The page is not built: run npm run build.', 503)
    setPageHeaders(c, [])
    return c.html(renderCheckout(checkoutTemplate, null, preferredLocale(c.req.header('accept-language'))))
  })

  /** The client-secret page named by its session, so it can carry that merchant's frame-ancestors. */
  app.get('/checkout/:sessionId', (c) => {
    if (!checkoutTemplate) return c.text('The page is not built: run npm run build.', 503)
    const order = deps.store.orderByCheckoutSessionId(c.req.param('sessionId'))
    const merchant = order ? deps.merchants.byId(order.merchantId) : undefined
    const framing = pageFraming(merchant, c.req.query(EMBED_PARAMS.hostOrigin))
    setPageHeaders(c, framing.ancestors, imageOrigins(merchant, framing))
    return c.html(renderCheckout(checkoutTemplate, null, preferredLocale(c.req.header('accept-language')), framing.embed))
  })

  if (options.staticDir) {
    const root = options.staticDir
    app.use(
      '/assets/*',
      async (c, next) => {
        await next()
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
      serveStatic({ root }),
    )
    app.get('/favicon.svg', serveStatic({ root }))
    app.get(
      '/embed.js',
      async (c, next) => {
        await next()
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=300')
      },
      serveStatic({ root }),
    )
  }

  return app
}
