import { Hono } from 'hono'
import type { SandboxDeps } from '../deps'
import type { Dialect } from '../dialects/dialect'
import { bodyLimit, MAX_BODY_BYTES } from '../http/body-limit'
import type { Now } from '../http/rate-limit'
import { demoGuard } from './guard'
import type { PageTemplates } from '../http/page-html'
import { setPageHeaders } from '../http/security'
import { alnum } from '../domain/ids'
import { DemoSessionRequest } from '../../contract/demo'
import { FREQUENCIES_WITH_RULE } from '../../contract/mandate'
import type { DemoPlan } from '../../contract/demo'
import { merchantPlans } from '../domain/plans'

export type InProcessFetch = (path: string, init: RequestInit) => Promise<Response>

const DEMO_MERCHANT_ID = 'demo_merchant'

/**
 * The demo merchant's own little backend: the demo page posts its form here, and this route calls
 * the sandbox's Juspay-style POST /session the way a merchant server would, holding the API key
 * server-side so it never reaches the browser. Its own refusals are in `dialect`'s envelope, the
 * one POST /session answers in (Juspay's, wired in app.ts).
 */
/** The mandate's terms as the form set them, for a session that sells no plan. */
function mandateFields(form: DemoSessionRequest): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    'options.create_mandate': form.create_mandate,
    'mandate.max_amount': form.max_amount,
    'mandate.amount_rule': form.amount_rule,
    'mandate.frequency': form.frequency,
  }
  if (form.rule_value !== undefined && FREQUENCIES_WITH_RULE.includes(form.frequency)) {
    fields['mandate.rule_value'] = form.rule_value
    fields['mandate.rule_type'] = form.rule_type
  }
  if (form.frequency === 'ONETIME') {
    fields['mandate.block_funds'] = true
    fields['mandate.revokable_by_customer'] = false
  }
  return fields
}

/**
 * Juspay Billing flow 2 (docs/domain/billing.md#juspay-billing-flows): the session registers the
 * plan, and the mandate's terms are left to come from it.
 */
function planFields(planId: string, planAmount: string | undefined): Record<string, unknown> {
  const info = { plan_id: planId, ...(planAmount === undefined ? {} : { plan_amount: planAmount }) }
  return { 'options.create_mandate': 'REQUIRED', payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info } } } }
}

export function demoRoutes(
  deps: SandboxDeps,
  templates: PageTemplates | null,
  callApi: InProcessFetch,
  dialect: Pick<Dialect, 'error'>,
  now?: Now,
): Hono {
  const app = new Hono()

  app.get('/', (c) => {
    if (!templates) return c.text('The page is not built: run npm run build.', 503)
    setPageHeaders(c, [])
    return c.html(templates.demo)
  })

  const limit = bodyLimit((c) => dialect.error(c, { status: 413, message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.` }))

  /** The plans the demo merchant sells today: its ACTIVE plans, the merchants file's and QA's. */
  app.get('/api/plans', async (c) => {
    const merchant = deps.merchants.byId(DEMO_MERCHANT_ID)
    if (!merchant) return dialect.error(c, { status: 503, message: 'The demo merchant is not configured.' })
    const plans: DemoPlan[] = (await merchantPlans(deps.store, merchant))
      .filter((plan) => plan.status === 'ACTIVE')
      .map((plan) => ({ plan_id: plan.plan_id, name: plan.name, variable: plan.amount.type === 'VARIABLE' }))
    return c.json({ plans })
  })

  const guard = demoGuard({ publicOrigin: deps.publicOrigin, now, refuse: (c, status, message) => dialect.error(c, { status, message }) })

  app.post('/api/sessions', guard, limit, async (c) => {
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
      'metadata.auto_refund_post_success': form.auto_refund ? 'true' : 'false',
      ...(form.plan_id === undefined ? mandateFields(form) : planFields(form.plan_id, form.plan_amount)),
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
