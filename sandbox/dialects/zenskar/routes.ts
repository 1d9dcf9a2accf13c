import { randomUUID } from 'node:crypto'
import { clockFor } from '../../domain/clock'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import type { DialectServices, MerchantAuth } from '../dialect'
import { bodyLimit, MAX_BODY_BYTES } from '../../http/body-limit'
import { requireMerchant } from '../../http/auth'
import type { Order } from '../../domain/order'
import { createOrder, fingerprint, type OrderDraft } from '../../domain/orders'
import { merchantPlans } from '../../domain/plans'
import type { Merchant, MerchantDirectory } from '../../merchants'
import { checkoutTerms, istToday, type CheckoutTerms } from './checkout-terms'
import { estimatesOf, toZenskarCheckout, zenskarSource } from './checkout-object'
import { zenskarError, type ZenskarErrorSpec } from './errors'
import { parseCheckoutBody, type CheckoutRequest } from './request'

type ZenskarEnv = { Variables: { merchant: Merchant } }
type ZenskarContext = Context<ZenskarEnv>

const CHECKOUT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * `x-api-key` is the merchant's API key. `organisation` is optional here; when sent it must be the
 * merchant's id, so a request meant for another organisation is never served by this key.
 */
export function authenticateMerchant(c: Context, merchants: MerchantDirectory): MerchantAuth {
  const key = c.req.header('x-api-key')
  if (!key) return { ok: false, response: zenskarError(c, { status: 401, code: 'unauthorized', message: 'Send your API key in the x-api-key header.' }) }
  const merchant = merchants.byApiKey(key)
  if (!merchant) return { ok: false, response: zenskarError(c, { status: 401, code: 'unauthorized', message: 'The API key is not valid.' }) }
  const organisation = c.req.header('organisation')
  if (organisation !== undefined && organisation !== merchant.id) {
    return {
      ok: false,
      response: zenskarError(c, {
        status: 401,
        code: 'organisation_mismatch',
        message: 'The organisation header does not name the organisation of this API key. Send your merchant id, or leave the header out.',
        field: 'organisation',
      }),
    }
  }
  return { ok: true, merchant }
}

export const notFound = (c: Context): Response => zenskarError(c, { status: 404, code: 'not_found', message: 'No such checkout.' })

const methodNotAllowed =
  (allow: string) =>
  (c: Context): Response => {
    c.header('Allow', allow)
    return zenskarError(c, { status: 405, code: 'method_not_allowed', message: `${c.req.method} is not allowed here; use ${allow}.` })
  }

const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') return zenskarError(c, { status: 415, code: 'unsupported_media_type', message: 'Send the request body as application/json.' })
  await next()
}
const limit = bodyLimit((c) => zenskarError(c, { status: 413, code: 'body_too_large', message: `The request body must be at most ${MAX_BODY_BYTES} bytes.` }))

type Read = { ok: true; request: CheckoutRequest; terms: CheckoutTerms } | { ok: false; error: ZenskarErrorSpec }

/** The body read, parsed and checked against the merchant's plans and the clock. */
async function readCheckout(c: ZenskarContext, services: DialectServices): Promise<Read> {
  const bytes = await c.req.arrayBuffer()
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { ok: false, error: { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' } }
  }
  const parsed = parseCheckoutBody(body)
  if (!parsed.ok) return parsed
  const merchant = c.get('merchant')
  const { store } = services.deps
  const plans = await merchantPlans(store, merchant)
  const now = (await clockFor(services.deps, merchant.id)).now()
  const checked = checkoutTerms(parsed.request, merchant, (planId) => plans.find((plan) => plan.plan_id === planId), now)
  return checked.ok ? { ok: true, request: parsed.request, terms: checked.terms } : checked
}

function draftOf(merchant: Merchant, checkoutId: string, request: CheckoutRequest, terms: CheckoutTerms): OrderDraft {
  const today = terms.schedule.today
  return {
    merchantId: merchant.id,
    orderId: checkoutId,
    fingerprint: fingerprint({ checkoutId, request }),
    expiresAt: terms.expiresAt.toISOString(),
    amountMinor: today.amount.minor,
    chargedTodayMinor: today.amount.minor,
    currency: 'INR',
    customer: { id: request.customer_id, email: null, phone: null, firstName: null, lastName: null },
    description: terms.plan.name,
    returnUrl: terms.successUrl,
    udf: [],
    metadata: today.refunded ? { auto_refund_post_success: 'true' } : {},
    createMandate: 'REQUIRED',
    mandate: terms.mandate,
    paymentRules: null,
    billing: { plan: terms.plan, schedule: terms.schedule, subscriptionId: null, planChange: null },
    lineItems: [{ name: terms.plan.name, quantity: terms.quantity, amount: terms.schedule.recurring.amount }],
    preferredRail: null,
    rails: null,
    language: null,
    source: {
      dialect: 'zenskar',
      checkoutId,
      planId: terms.plan.plan_id,
      customerId: request.customer_id,
      startDate: terms.startDate,
      endDate: terms.endDate,
      successUrl: terms.successUrl,
      cancelUrl: terms.cancelUrl,
      productOverrides: terms.productOverrides,
    },
  }
}

async function answer(c: ZenskarContext, services: DialectServices, order: Order, status: 200 | 201 = 200): Promise<Response> {
  const source = zenskarSource(order)
  if (!source) throw new Error(`order ${order.id} is not a zenskar checkout`)
  const refreshed = await services.refresh(order)
  const now = (await clockFor(services.deps, order.merchantId)).now()
  return c.json(toZenskarCheckout(refreshed, source, services.deps.publicOrigin, now), status)
}

/** Zenskar's new-generation checkouts (docs/domain/zenskar.md), mounted at /checkouts. */
export function zenskarRoutes(services: DialectServices, authenticate: (c: Context) => MerchantAuth): Hono<ZenskarEnv> {
  const app = new Hono<ZenskarEnv>()
  const auth = requireMerchant<ZenskarEnv>(authenticate)
  const { deps } = services

  app.post('/preview', auth, jsonOnly, limit, async (c) => {
    const read = await readCheckout(c, services)
    if (!read.ok) return zenskarError(c, read.error)
    return c.json({ estimates: estimatesOf(read.terms.schedule, istToday((await clockFor(deps, c.get('merchant').id)).now())) })
  })

  app.post('/', auth, jsonOnly, limit, async (c) => {
    const read = await readCheckout(c, services)
    if (!read.ok) return zenskarError(c, read.error)
    const merchant = c.get('merchant')
    const outcome = await createOrder(deps, draftOf(merchant, randomUUID(), read.request, read.terms))
    if (outcome.kind !== 'created') throw new Error('a fresh checkout id collided with an order')
    deps.log.info('zenskar_checkout_created', { merchant: merchant.id, checkout: outcome.order.orderId })
    return answer(c, services, outcome.order, 201)
  })

  // Before GET /:id, which would read `preview` as a checkout id and answer 404 to a GET.
  app.all('/preview', methodNotAllowed('POST'))
  app.get('/:id', auth, async (c) => {
    const id = c.req.param('id')
    const order = CHECKOUT_ID_PATTERN.test(id) ? await deps.store.orderByMerchantOrderId(c.get('merchant').id, id) : undefined
    // Another merchant's checkout reads exactly like a missing one, so ids cannot be probed.
    if (!order || !zenskarSource(order)) return notFound(c)
    return answer(c, services, order)
  })

  app.all('/', methodNotAllowed('POST'))
  app.all('/:id', methodNotAllowed('GET'))
  app.all('*', notFound)
  return app
}

