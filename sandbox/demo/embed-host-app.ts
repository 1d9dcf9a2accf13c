import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { serveStatic } from '@hono/node-server/serve-static'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as z from 'zod'
import { bodyLimit } from '../http/body-limit'
import { hostRefusal } from '../http/hosts'
import type { Now } from '../http/rate-limit'
import { demoGuard } from './guard'
import type { InProcessFetch } from './routes'

const HOST_LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="#0f766e"/><path d="M12 28l8-16 8 16z" fill="#fff"/></svg>'

const HostSessionRequest = z.object({ plan: z.enum(['upi', 'enach']) })

export interface EmbedHostOptions {
  /** Where the checkout (and /embed.js) is served from: another origin than this host. */
  checkoutOrigin: string
  staticDir: string
  /** Host names this page answers to, the checkout's own (sandbox/http/hosts.ts). */
  allowedHosts: ReadonlySet<string>
  /** Calls the sandbox in-process, as the demo merchant's server would over the network. */
  callCheckout: InProcessFetch
  /** The rate limit's clock (tests move it by hand). */
  now?: Now
}

/**
 * A second demo merchant page on its own origin (another port) that embeds the checkout, so the
 * cross-origin frame, frame-ancestors and message origin checks are exercised for real.
 */
export function embedHostApp({ checkoutOrigin, staticDir, allowedHosts, callCheckout, now }: EmbedHostOptions): Hono {
  const app = new Hono()
  const templatePath = join(staticDir, 'embed-host.html')
  const template = existsSync(templatePath) ? readFileSync(templatePath, 'utf8') : null

  const refuseHost = hostRefusal(allowedHosts)
  app.use(async (c, next) => refuseHost(c) ?? next())
  app.use(compress())
  app.use(async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
  })

  app.get('/', (c) => {
    if (!template) return c.text('The demo is not built: run npm run build.', 503)
    c.header(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' ${checkoutOrigin}`,
        `frame-src ${checkoutOrigin}`,
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    )
    c.header('Cache-Control', 'no-store')
    return c.html(template.replace('<body>', `<body data-checkout-origin="${checkoutOrigin}">`))
  })

  const limit = bodyLimit((c) => c.json({ error: { message: 'The request body is too large.' } }, 413))

  const guard = demoGuard({ now, refuse: (c, status, message) => c.json({ error: { message } }, status) })

  app.post('/api/sessions', guard, limit, async (c) => {
    const parsed = HostSessionRequest.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) return c.json({ error: { message: 'plan must be upi or enach' } }, 400)
    const res = await callCheckout('/demo/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        amount: '1.00',
        max_amount: '499.00',
        frequency: 'MONTHLY',
        rule_type: 'AFTER',
        rule_value: 5,
        amount_rule: 'VARIABLE',
        create_mandate: 'REQUIRED',
        description: 'Acme Fitness monthly membership',
        action: parsed.data.plan === 'enach' ? 'enach' : 'paymentPage',
        auto_refund: true,
      }),
    })
    return new Response(res.body, { status: res.status, headers: { 'content-type': 'application/json' } })
  })

  /** The demo merchant's own logo, which it hands to the framed checkout (appearance.logoUrl). */
  app.get('/logo.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(HOST_LOGO, 200, { 'Content-Type': 'image/svg+xml' })
  })

  app.use('/assets/*', serveStatic({ root: staticDir }))
  return app
}
