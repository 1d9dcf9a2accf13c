import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { clockFor } from '../../domain/clock'
import { buildUpiUri } from '../../../contract/upi-uri'
import type { DialectServices, MerchantAuth } from '../dialect'
import { authenticateBearer, requireMerchant } from '../../http/auth'
import { bodyLimit, MAX_BODY_BYTES } from '../../http/body-limit'
import { digits } from '../../domain/ids'
import type { Order } from '../../domain/order'
import { createOrder, fingerprint, type OrderDraft } from '../../domain/orders'
import { merchantPlans } from '../../domain/plans'
import { upiUriParams } from '../../domain/upi-params'
import { isAllowedWebhookHost, type Merchant, type MerchantDirectory } from '../../merchants'
import { invalidField, PLURAL_CODES, pluralError, type PluralErrorSpec } from './errors'
import { parseSubscriptionBody, type SubscriptionRequest } from './request'
import {
  PLURAL_SUBSCRIPTION_ID_PATTERN,
  pageIdOf,
  paymentPageUrl,
  pluralSource,
  subscriptionIdOf,
  toPluralSubscription,
} from './subscription-object'
import { subscriptionTerms, type SubscriptionTerms } from './terms'

type PluralEnv = { Variables: { merchant: Merchant } }
type PluralContext = Context<PluralEnv>

export const PROCESS_PAYMENT_PATH = '/api/v1/upi/subscription/process/payment'
export const SUBSCRIPTION_PATH = '/api/v1/upi/subscription'

/** The key of the attempt a request starts: one per order, so a replay never sends a second request. */
const CREATE_ATTEMPT_KEY = 'plural:process-payment'

const AUTH_MESSAGES = {
  missing: 'Send your API key as Authorization: Bearer <key>.',
  malformed: 'The Authorization header is not Bearer with an API key.',
  unknown_key: 'The API key is not valid.',
} as const

/** `Authorization: Bearer <API key>` (docs/domain/plural.md#authentication). */
export function authenticateMerchant(c: Context, merchants: MerchantDirectory): MerchantAuth {
  const auth = authenticateBearer(c.req.header('authorization'), merchants)
  if (auth.ok) return auth
  return { ok: false, response: pluralError(c, { status: 401, code: PLURAL_CODES.unauthorized, message: AUTH_MESSAGES[auth.reason] }) }
}

export const notFound = (c: Context): Response => pluralError(c, { status: 404, code: PLURAL_CODES.notFound, message: 'No such subscription or endpoint.' })

const methodNotAllowed =
  (allow: string) =>
  (c: Context): Response => {
    c.header('Allow', allow)
    return pluralError(c, { status: 405, code: PLURAL_CODES.methodNotAllowed, message: `${c.req.method} is not allowed here; use ${allow}.` })
  }

const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') return pluralError(c, { status: 415, code: PLURAL_CODES.unsupportedMediaType, message: 'Send the request body as application/json.' })
  await next()
}

const limit = bodyLimit((c) =>
  pluralError(c, { status: 413, code: PLURAL_CODES.bodyTooLarge, message: `The request body must be at most ${MAX_BODY_BYTES} bytes.` }),
)

type Read = { ok: true; request: SubscriptionRequest; print: string } | { ok: false; error: PluralErrorSpec }

async function readRequest(c: PluralContext): Promise<Read> {
  const bytes = await c.req.arrayBuffer()
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { ok: false, error: { status: 400, code: PLURAL_CODES.invalidField, message: 'The request body is not valid JSON.' } }
  }
  const parsed = parseSubscriptionBody(body)
  if (!parsed.ok) return parsed
  const merchant = c.get('merchant')
  if (parsed.request.merchantId !== merchant.id) {
    return { ok: false, error: { status: 403, code: PLURAL_CODES.merchantMismatch, message: 'merchantId does not name the merchant of this API key.' } }
  }
  const callback = parsed.request.callbackUrl
  if (callback && !isAllowedWebhookHost(merchant, new URL(callback))) {
    return { ok: false, error: invalidField('callbackUrl', `names a host that is not on this merchant's webhook allow-list (docs/merchants.md): ${new URL(callback).hostname}`) }
  }
  return { ok: true, request: parsed.request, print: fingerprint(parsed.request) }
}

/** Plural's ids are numbers; ours are 12 digits, never starting with 0, within JSON's exact integers [I]. */
const newPluralOrderId = (): number => Number(`${1 + Number(digits(1)) % 9}${digits(11)}`)

function draftOf(merchant: Merchant, request: SubscriptionRequest, print: string, terms: SubscriptionTerms): OrderDraft {
  const today = terms.schedule.today
  const { customerData } = request
  const metadata: Record<string, string> = {}
  if (today.refunded) metadata['auto_refund_post_success'] = 'true'
  if (request.callbackUrl) metadata['webhook_url'] = request.callbackUrl
  return {
    merchantId: merchant.id,
    orderId: request.clientUniqueReference,
    fingerprint: print,
    expiresAt: terms.expiresAt.toISOString(),
    amountMinor: today.amount.minor,
    chargedTodayMinor: today.amount.minor,
    currency: 'INR',
    customer: {
      id: null,
      email: customerData.customerEmail,
      phone: `+${customerData.countryCode}${customerData.customerMobile}`,
      firstName: customerData.firstName?.trim() || null,
      lastName: customerData.lastName?.trim() || null,
    },
    description: terms.plan.name,
    returnUrl: null,
    udf: [],
    metadata,
    createMandate: 'REQUIRED',
    mandate: terms.mandate,
    paymentRules: null,
    billing: { plan: terms.plan, schedule: terms.schedule, subscriptionId: null, planChange: null },
    lineItems: [{ name: terms.plan.name, quantity: terms.quantity, amount: terms.schedule.recurring.amount }],
    preferredRail: 'upi',
    // Plural's API is UPI's alone: the page offers no other rail for it.
    rails: ['upi'],
    language: null,
    source: {
      dialect: 'plural',
      pluralOrderId: newPluralOrderId(),
      planId: terms.planId,
      txnMode: terms.channel === 'collect' ? 'C' : 'I',
      quantity: terms.quantity,
      trialPeriodInDays: terms.trialDays,
      startDate: request.startDate,
      endDate: request.endDate,
      enableNotification: request.enableNotification ?? false,
    },
  }
}

/** Plural's success answer, with the sandbox's links (docs/domain/plural.md#the-answer). */
function created(order: Order, merchant: Merchant, publicOrigin: string) {
  const source = pluralSource(order)
  if (!source) throw new Error(`order ${order.id} is not a plural subscription`)
  const attempt = order.attempts[0]
  if (attempt?.rail !== 'upi') throw new Error(`plural subscription ${order.id} has no UPI request`)
  const uri = upiUriParams(order, attempt, merchant)
  return {
    response_code: '1',
    response_message: 'Transaction initiated',
    merchant_order_id: String(source.pluralOrderId),
    order_id: source.pluralOrderId,
    subscription_id: subscriptionIdOf(order),
    plan_id: source.planId,
    payment_page_url: paymentPageUrl(publicOrigin, order),
    upi_app_url: `${publicOrigin}/simulator/upi/${attempt.simulatorToken}`,
    ...(uri ? { upi_intent_link: buildUpiUri(uri) } : {}),
  }
}

/** Plural's subscription API (docs/domain/plural.md), mounted at the root under /api/v1/upi/subscription. */
export function pluralRoutes(services: DialectServices, authenticate: (c: Context) => MerchantAuth): Hono<PluralEnv> {
  const app = new Hono<PluralEnv>()
  const auth = requireMerchant<PluralEnv>(authenticate)
  const { deps } = services

  app.post(PROCESS_PAYMENT_PATH, auth, jsonOnly, limit, async (c) => {
    const read = await readRequest(c)
    if (!read.ok) return pluralError(c, read.error)
    const merchant = c.get('merchant')
    const { request, print } = read
    const repeated = (existing: Order): Response => {
      if (existing.fingerprint !== print || !pluralSource(existing)) {
        return pluralError(c, {
          status: 409,
          code: PLURAL_CODES.duplicateReference,
          message: `clientUniqueReference ${request.clientUniqueReference} is already used by a request with different details. Use a new reference, or repeat the original request exactly to get the same answer.`,
        })
      }
      return c.json(created(existing, merchant, deps.publicOrigin), 200)
    }
    const existing = await deps.store.orderByMerchantOrderId(merchant.id, request.clientUniqueReference)
    if (existing) return repeated(existing)
    const plans = await merchantPlans(deps.store, merchant)
    const now = (await clockFor(deps, merchant.id)).now()
    const checked = subscriptionTerms(request, merchant, (planId) => plans.find((plan) => plan.plan_id === planId), now)
    if (!checked.ok) return pluralError(c, checked.error)
    const { terms } = checked
    const outcome = await createOrder(deps, draftOf(merchant, request, print, terms))
    // Another request with this reference was stored between the check above and this insert.
    if (outcome.kind === 'replayed') return repeated(outcome.order)
    if (outcome.kind === 'conflict') return repeated(outcome.existing)
    if (outcome.kind !== 'created') throw new Error('an order that claims nothing was refused its claim')
    const started = await services.startAttempt(outcome.order, merchant, { rail: 'upi', channel: terms.channel, setUpMandate: true, ...(terms.vpa ? { vpa: terms.vpa } : {}) }, CREATE_ATTEMPT_KEY)
    // Every rule the attempt checks was checked above, before anything was stored.
    if (!started.ok) throw new Error(`plural subscription ${outcome.order.id} could not start its UPI request: ${started.error}`)
    const answer = created(started.order, merchant, deps.publicOrigin)
    deps.log.info('plural_subscription_created', { merchant: merchant.id, order: answer.order_id, mode: terms.channel })
    return c.json(answer, 200)
  })

  app.get(`${SUBSCRIPTION_PATH}/:id`, auth, async (c) => {
    const id = c.req.param('id')
    const stored = PLURAL_SUBSCRIPTION_ID_PATTERN.test(id) ? await deps.store.orderById(pageIdOf(id)) : undefined
    // Another merchant's subscription reads exactly like a missing one, so ids cannot be probed.
    const order = stored && stored.merchantId === c.get('merchant').id ? await services.refresh(stored) : undefined
    const source = order ? pluralSource(order) : null
    if (!order || !source) return notFound(c)
    return c.json(toPluralSubscription(order, source, deps.publicOrigin, (await clockFor(deps, order.merchantId)).now()))
  })

  app.all(PROCESS_PAYMENT_PATH, methodNotAllowed('POST'))
  app.all(`${SUBSCRIPTION_PATH}/:id`, methodNotAllowed('GET'))
  app.all('/api/v1/upi/*', notFound)
  return app
}
