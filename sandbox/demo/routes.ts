import { Hono } from 'hono'
import type { SandboxDeps } from '../deps'
import type { Dialect } from '../dialects/dialect'
import { bodyLimit, MAX_BODY_BYTES } from '../http/body-limit'
import type { PageTemplates } from '../http/page-html'
import { setPageHeaders } from '../http/security'
import { alnum } from '../domain/ids'
import { DemoSessionRequest } from '../../contract/demo'
import { FREQUENCIES_WITH_RULE } from '../../contract/mandate'

export type InProcessFetch = (path: string, init: RequestInit) => Promise<Response>

const DEMO_MERCHANT_ID = 'demo_merchant'

/**
 * The demo merchant's own little backend: the demo page posts its form here, and this route calls
 * the sandbox's Juspay-style POST /session the way a merchant server would, holding the API key
 * server-side so it never reaches the browser. Its own refusals are in `dialect`'s envelope, the
 * one POST /session answers in (Juspay's, wired in app.ts).
 */
export function demoRoutes(
  deps: SandboxDeps,
  templates: PageTemplates | null,
  callApi: InProcessFetch,
  dialect: Pick<Dialect, 'error'>,
): Hono {
  const app = new Hono()

  app.get('/', (c) => {
    if (!templates) return c.text('The page is not built: run npm run build.', 503)
    setPageHeaders(c, [])
    return c.html(templates.demo)
  })

  const limit = bodyLimit((c) => dialect.error(c, { status: 413, message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.` }))

  app.post('/api/sessions', limit, async (c) => {
    const merchant = deps.merchants.byId(DEMO_MERCHANT_ID)
    if (!merchant) return dialect.error(c, { status: 503, message: 'The demo merchant is not configured.' })
    const body: unknown = await c.req.json().catch(() => undefined)
    const parsed = DemoSessionRequest.safeParse(body)
    if (!parsed.success) {
      // The same envelope as the POST /session errors this route passes on, which the demo page reads.
      const fields = parsed.error.issues.map((issue) => ({ name: issue.path.map(String).join('.') || 'body', reason: issue.message }))
      return dialect.error(c, { status: 400, message: 'Some fields are not valid.', fields })
    }
    const form = parsed.data
    const payload: Record<string, unknown> = {
      order_id: `demo-${alnum(12)}`,
      amount: form.amount,
      customer_id: 'demo-customer',
      customer_email: 'customer@example.com',
      customer_phone: '9876543210',
      first_name: 'Asha',
      last_name: 'Verma',
      payment_page_client_id: DEMO_MERCHANT_ID,
      action: form.action,
      return_url: `${deps.publicOrigin}/demo/return`,
      description: form.description,
      'options.create_mandate': form.create_mandate,
      'mandate.max_amount': form.max_amount,
      'mandate.amount_rule': form.amount_rule,
      'mandate.frequency': form.frequency,
      'metadata.auto_refund_post_success': form.auto_refund ? 'true' : 'false',
    }
    if (form.rule_value !== undefined && FREQUENCIES_WITH_RULE.includes(form.frequency)) {
      payload['mandate.rule_value'] = form.rule_value
      payload['mandate.rule_type'] = form.rule_type
    }
    if (form.frequency === 'ONETIME') {
      payload['mandate.block_funds'] = true
      payload['mandate.revokable_by_customer'] = false
    }
    const res = await callApi('/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${merchant.apiKey}:`).toString('base64')}`,
        'x-merchantid': merchant.id,
      },
      body: JSON.stringify(payload),
    })
    return new Response(res.body, { status: res.status, headers: { 'content-type': 'application/json' } })
  })

  return app
}
