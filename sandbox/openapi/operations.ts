import type * as z from 'zod/mini'
import { StartAttempt, VpaVerification } from '../../contract/attempt'
import { DemoPlans, DemoSessionRequest } from '../../contract/demo'
import { Plan } from '../../contract/plan'
import { ClientSecretLookup, SessionView } from '../../contract/session'
import { CreateSessionBody } from '../dialects/checkout/request-schema'
import { CheckoutSession } from '../dialects/checkout/session-object'
import { CheckoutSubscription } from '../dialects/checkout/subscription-object'
import { SubscriptionBody } from '../dialects/plural/request'
import { CheckoutBody } from '../dialects/zenskar/request'
import { VpaRequest } from '../page-api/routes'
import { ApproveBody, ClockMove, EmptyBody } from '../qa/routes'
import { NextDebit } from '../qa/renewal-routes'
import { CredentialsBody, OtpBody } from '../simulators/bank/forms'
import { ApprovalBody, DeclineBody } from '../simulators/upi-app/approval-form'
import {
  Health,
  JuspayCommand,
  JuspayExecution,
  JuspayExecutionRequest,
  JuspayObject,
  JuspayOrderCreated,
  JuspayOrderRequest,
  JuspayOrderStatus,
  JuspaySession,
  PauseUntil,
  PluralCreated,
  PluralSubscription,
  QaClock,
  QaDecision,
  QaExpired,
  QaNextDebit,
  QaPlans,
  QaReset,
  QaTimeline,
  QaWebhooks,
  ZenskarCheckout,
  ZenskarPreview,
} from './shapes'

/**
 * Every route the sandbox serves, as the OpenAPI document describes it. To describe a new route,
 * add one entry here: openapi.test.ts fails for a route the app registers that has none, and for
 * an entry no route serves. Paths are OpenAPI's (`{id}`), the app's `:id` in braces.
 */

type Schema = z.core.$ZodType

/** The API a route belongs to; each answers its refusals in one envelope (`ENVELOPES` in document.ts). */
export type Area = 'juspay' | 'checkout' | 'zenskar' | 'plural' | 'qa' | 'page-api' | 'pages' | 'simulators' | 'demo' | 'meta'

/** How a route is authenticated: the merchant's API key in each dialect's own way, or not at all. */
export type Auth = 'basic' | 'bearer' | 'x-api-key' | 'none'

export type Media = 'json' | 'form'

export interface Answer {
  status: number
  description: string
  /** A JSON body's schema; none for a body that is not JSON. */
  schema?: Schema
  /** The media type of a body that is not JSON. */
  media?: 'application/json' | 'text/html' | 'text/css' | 'text/event-stream' | 'text/javascript' | 'image/svg+xml'
}

export interface Operation {
  method: 'get' | 'post'
  path: string
  area: Area
  summary: string
  description?: string
  auth: Auth
  body?: { schema: Schema; media: readonly Media[]; required: boolean }
  query?: Readonly<Record<string, string>>
  /** Path parameters that take only some values. */
  pathEnums?: Readonly<Record<string, readonly string[]>>
  answers: readonly Answer[]
  /** Refusal statuses, answered in the area's envelope. */
  refusals: readonly number[]
}

const json = (status: number, description: string, schema: Schema): Answer => ({ status, description, schema })
const html = (status: number, description: string): Answer => ({ status, description, media: 'text/html' })
const seeOther = (description: string): Answer => ({ status: 303, description })

const MANDATE_COMMANDS = ['revoke', 'pause', 'activate', 'cancel_recurring_transaction', 'pre_debit_notify'] as const

const juspay: Operation[] = [
  {
    method: 'post',
    path: '/session',
    area: 'juspay',
    summary: 'Create an order and its payment page session',
    description: 'Juspay\'s Session API: the order, its payment link and the HyperCheckout SDK payload. Repeating a request exactly answers the same order.',
    auth: 'basic',
    body: { schema: JuspayOrderRequest, media: ['json'], required: true },
    answers: [json(200, 'The order\'s session', JuspaySession)],
    refusals: [400, 401, 403, 413, 415],
  },
  {
    method: 'post',
    path: '/orders',
    area: 'juspay',
    summary: 'Create an order',
    description: 'Juspay\'s Order Create API: the same request as /session, JSON or form-encoded; answers the order and its payment link.',
    auth: 'basic',
    body: { schema: JuspayOrderRequest, media: ['json', 'form'], required: true },
    answers: [json(200, 'The order', JuspayOrderCreated)],
    refusals: [400, 401, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/orders/{order_id}',
    area: 'juspay',
    summary: 'Order status',
    description: 'The order as it stands, with its latest transaction and its mandate.',
    auth: 'basic',
    answers: [json(200, 'The order', JuspayOrderStatus)],
    refusals: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/billing',
    area: 'juspay',
    summary: 'Billing command: preview or apply a plan change',
    description: 'Juspay Billing multiplexes on `command`: `preview_prorated_amount` and `apply_plan_change` (docs/domain/billing.md).',
    auth: 'basic',
    body: { schema: JuspayCommand(['preview_prorated_amount', 'apply_plan_change']), media: ['json'], required: true },
    answers: [json(200, 'The preview, or the applied change', JuspayObject)],
    refusals: [400, 401, 403, 404, 409, 413, 415],
  },
  ...['/billing/execution-info', '/billing/execution-info/'].map(
    (path): Operation => ({
      method: 'post',
      path,
      area: 'juspay',
      summary: 'One billing execution',
      description: '`command: "get"` with `billing_execution_info_id`, JSON or form-encoded.',
      auth: 'basic',
      body: { schema: JuspayCommand(['get']), media: ['json', 'form'], required: true },
      answers: [json(200, 'The billing execution', JuspayObject)],
      refusals: [400, 401, 403, 404, 413, 415],
    }),
  ),
  {
    method: 'get',
    path: '/billing/execution-info/list/{customer_id}',
    area: 'juspay',
    summary: 'A customer\'s billing executions',
    auth: 'basic',
    answers: [json(200, 'The customer\'s executions', JuspayObject)],
    refusals: [401, 403],
  },
  {
    method: 'get',
    path: '/mandates/{mandate_id}',
    area: 'juspay',
    summary: 'A mandate',
    auth: 'basic',
    answers: [json(200, 'The mandate', JuspayObject)],
    refusals: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/mandates/{mandate_id}',
    area: 'juspay',
    summary: 'Revoke, pause or activate a mandate, cancel a scheduled debit, or send a pre-debit notice',
    description:
      '`command` is `revoke`, `pause` (with `pause_start_date` and `pause_end_date`, Unix seconds), `activate` (docs/domain/mandates.md), `cancel_recurring_transaction` (with `order_id`), or `pre_debit_notify` (with `object_reference_id`, `description` and `source_info` `{amount, txn_date}`; answers the notification object; docs/domain/renewals.md).',
    auth: 'basic',
    body: { schema: JuspayCommand(MANDATE_COMMANDS), media: ['form', 'json'], required: true },
    answers: [json(200, 'The mandate after the command, the cancelled debit, or the notice', JuspayObject)],
    refusals: [400, 401, 403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/txns',
    area: 'juspay',
    summary: 'Present a debit on a mandate (a mandate execution)',
    description:
      'A new order debited on the mandate at `mandate.execution_date`, on the merchant\'s sandbox clock; a UPI mandate needs the `id` of a successful pre-debit notice for that amount and day. Refused above `max_amount`, outside the validity, on a mandate that is not ACTIVE, or in a period of the frequency that already had a debit (docs/domain/renewals.md#the-merchants-own-debits).',
    auth: 'basic',
    body: { schema: JuspayExecutionRequest, media: ['form'], required: true },
    answers: [json(200, 'The order and its transaction, PENDING_VBV until the debit runs', JuspayExecution)],
    refusals: [400, 401, 403, 404, 409, 413, 415],
  },
]

const checkout: Operation[] = [
  {
    method: 'post',
    path: '/v1/checkout/sessions',
    area: 'checkout',
    summary: 'Create a checkout session',
    description: 'UseePay/Stripe style. Amounts in major units; repeating a request with the same merchant_order_id answers the same session.',
    auth: 'bearer',
    body: { schema: CreateSessionBody, media: ['json'], required: true },
    answers: [json(200, 'The checkout session', CheckoutSession)],
    refusals: [400, 401, 413, 415],
  },
  {
    method: 'get',
    path: '/v1/checkout/sessions/{id}',
    area: 'checkout',
    summary: 'Retrieve a checkout session',
    auth: 'bearer',
    answers: [json(200, 'The checkout session', CheckoutSession)],
    refusals: [401, 404],
  },
  {
    method: 'get',
    path: '/v1/subscriptions/{id}',
    area: 'checkout',
    summary: 'Retrieve the subscription a session started',
    auth: 'bearer',
    answers: [json(200, 'The subscription', CheckoutSubscription)],
    refusals: [401, 404],
  },
]

const zenskar: Operation[] = [
  {
    method: 'post',
    path: '/checkouts',
    area: 'zenskar',
    summary: 'Create a checkout for a plan',
    auth: 'x-api-key',
    body: { schema: CheckoutBody, media: ['json'], required: true },
    answers: [json(200, 'The checkout', ZenskarCheckout)],
    refusals: [400, 401, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/checkouts/preview',
    area: 'zenskar',
    summary: 'Preview a checkout\'s charges',
    auth: 'x-api-key',
    body: { schema: CheckoutBody, media: ['json'], required: true },
    answers: [json(200, 'The estimated charges', ZenskarPreview)],
    refusals: [400, 401, 413, 415],
  },
  {
    method: 'get',
    path: '/checkouts/{id}',
    area: 'zenskar',
    summary: 'Retrieve a checkout',
    auth: 'x-api-key',
    answers: [json(200, 'The checkout', ZenskarCheckout)],
    refusals: [401, 404],
  },
]

const plural: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/upi/subscription/process/payment',
    area: 'plural',
    summary: 'Create a UPI AutoPay subscription and send its mandate request',
    auth: 'bearer',
    body: { schema: SubscriptionBody, media: ['json'], required: true },
    answers: [json(200, 'The subscription and its payment links', PluralCreated)],
    refusals: [400, 401, 409, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/v1/upi/subscription/{id}',
    area: 'plural',
    summary: 'Retrieve a subscription',
    auth: 'bearer',
    answers: [json(200, 'The subscription', PluralSubscription)],
    refusals: [401, 404],
  },
]

const decisions = (['approve', 'decline', 'expire'] as const).map(
  (decision): Operation => ({
    method: 'post',
    path: `/sandbox/orders/{orderId}/attempt/${decision}`,
    area: 'qa',
    summary: `${decision[0]?.toUpperCase()}${decision.slice(1)} the order's pending attempt`,
    description: decision === 'approve' ? 'As the customer\'s bank would; `payer_vpa` names the payer (optional). No body means `{}`.' : 'As the customer\'s bank would. No body, or `{}`.',
    auth: 'basic',
    body: { schema: decision === 'approve' ? ApproveBody : EmptyBody, media: ['json'], required: false },
    answers: [json(200, 'The attempt and the order after the decision', QaDecision)],
    refusals: [400, 401, 404, 409, 413, 415],
  }),
)

const qa: Operation[] = [
  {
    method: 'post',
    path: '/sandbox/orders/{orderId}/expire',
    area: 'qa',
    summary: 'End the order\'s payment link now',
    description: 'A debit on a mandate (a subscription\'s or one presented with POST /txns) has no link and runs at its own date: 409.',
    auth: 'basic',
    answers: [json(200, 'When the link ended', QaExpired)],
    refusals: [401, 404, 409],
  },
  ...decisions,
  {
    method: 'get',
    path: '/sandbox/orders/{orderId}/webhooks',
    area: 'qa',
    summary: 'The order\'s webhooks, sent and due',
    auth: 'basic',
    answers: [json(200, 'Every webhook of the order, with its body and delivery attempts', QaWebhooks)],
    refusals: [401, 404],
  },
  {
    method: 'post',
    path: '/sandbox/plans',
    area: 'qa',
    summary: 'Add a plan to the merchant\'s catalogue',
    auth: 'basic',
    body: { schema: Plan, media: ['json'], required: true },
    answers: [json(201, 'The plan, added', Plan), json(200, 'The same plan was already there', Plan)],
    refusals: [400, 401, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/sandbox/plans',
    area: 'qa',
    summary: 'The merchant\'s plans',
    auth: 'basic',
    answers: [json(200, 'The merchants file\'s plans and those added here', QaPlans)],
    refusals: [401],
  },
  {
    method: 'get',
    path: '/sandbox/plans/{planId}',
    area: 'qa',
    summary: 'One of the merchant\'s plans',
    auth: 'basic',
    answers: [json(200, 'The plan', Plan)],
    refusals: [401, 404],
  },
  {
    method: 'get',
    path: '/sandbox/clock',
    area: 'qa',
    summary: 'The merchant\'s sandbox clock',
    auth: 'basic',
    answers: [json(200, 'The clock', QaClock)],
    refusals: [401],
  },
  {
    method: 'post',
    path: '/sandbox/clock',
    area: 'qa',
    summary: 'Move the merchant\'s sandbox clock forward',
    description: 'Exactly one of `advance_by_seconds` or `advance_to`; what falls due on the way runs (docs/domain/sandbox-clock.md).',
    auth: 'basic',
    body: { schema: ClockMove, media: ['json'], required: true },
    answers: [json(200, 'The clock after the move', QaClock)],
    refusals: [400, 401, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/sandbox/mandates/{mandateId}/next-debit',
    area: 'qa',
    summary: 'Choose what the next debit of a subscription\'s mandate does',
    description: 'Success, or a failure with a bank\'s reason; kept for that debit\'s retries. Without a choice, debits succeed (docs/domain/renewals.md).',
    auth: 'basic',
    body: { schema: NextDebit, media: ['json'], required: true },
    answers: [json(200, 'The choice, and the debit it applies to', QaNextDebit)],
    refusals: [400, 401, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/sandbox/subscriptions/{subscriptionId}/timeline',
    area: 'qa',
    summary: 'A subscription\'s timeline: notices, debits, retries, status changes and webhooks, on the merchant\'s clock',
    auth: 'basic',
    answers: [json(200, 'The timeline', QaTimeline)],
    refusals: [401, 404],
  },
  {
    method: 'get',
    path: '/sandbox/mandates/{mandateId}/timeline',
    area: 'qa',
    summary: 'The timeline of the subscription a mandate carries',
    auth: 'basic',
    answers: [json(200, 'The timeline', QaTimeline)],
    refusals: [401, 404, 409],
  },
  {
    method: 'post',
    path: '/sandbox/reset',
    area: 'qa',
    summary: 'Forget the merchant\'s orders, webhooks, jobs and run-time plans, and put its clock back',
    auth: 'basic',
    answers: [json(200, 'Reset', QaReset)],
    refusals: [401],
  },
]

const pageApi: Operation[] = [
  {
    method: 'get',
    path: '/api/pages/{pageId}',
    area: 'page-api',
    summary: 'The payment page\'s session view',
    description: 'The page\'s own API, reached through the unguessable page id (`ordeh_…`) of a payment link.',
    auth: 'none',
    answers: [json(200, 'The session as the page shows it', SessionView)],
    refusals: [400, 404],
  },
  {
    method: 'post',
    path: '/api/pages/{pageId}/attempts',
    area: 'page-api',
    summary: 'Start a payment attempt (UPI or eNACH)',
    description: 'Needs an `Idempotency-Key` header (1 to 255 printable ASCII characters): the same key answers the same attempt.',
    auth: 'none',
    body: { schema: StartAttempt, media: ['json'], required: true },
    answers: [json(201, 'The session with the new attempt', SessionView), json(200, 'The session, the attempt started earlier with this key', SessionView)],
    refusals: [400, 404, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/pages/{pageId}/attempts/{attemptId}/cancel',
    area: 'page-api',
    summary: 'Cancel the pending attempt',
    auth: 'none',
    answers: [json(200, 'The session after the cancel', SessionView)],
    refusals: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/api/pages/{pageId}/cancel',
    area: 'page-api',
    summary: 'The customer cancels the session',
    auth: 'none',
    answers: [json(200, 'The session, cancelled', SessionView)],
    refusals: [400, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/pages/{pageId}/vpa',
    area: 'page-api',
    summary: 'Check a UPI VPA before paying',
    auth: 'none',
    body: { schema: VpaRequest, media: ['json'], required: true },
    answers: [json(200, 'Whether the VPA is valid, and its holder\'s name', VpaVerification)],
    refusals: [400, 404, 413, 415],
  },
  {
    method: 'get',
    path: '/api/pages/{pageId}/events',
    area: 'page-api',
    summary: 'The session\'s live status',
    description: 'Server-sent events: a `session` event with the session view (JSON) now and at every change.',
    auth: 'none',
    answers: [{ status: 200, description: 'The event stream', media: 'text/event-stream' }],
    refusals: [400, 404, 429],
  },
  {
    method: 'post',
    path: '/api/checkout/lookup',
    area: 'page-api',
    summary: 'The session view of a checkout session\'s client secret',
    auth: 'none',
    body: { schema: ClientSecretLookup, media: ['json'], required: true },
    answers: [json(200, 'The session as the page shows it', SessionView)],
    refusals: [400, 404, 413, 415],
  },
]

const PAGE_NOT_BUILT = html(503, 'The page is not built (npm run build)')

const pages: Operation[] = [
  {
    method: 'get',
    path: '/orders/{pageId}/payment-page',
    area: 'pages',
    summary: 'The hosted payment page of an order (`payment_links.web`)',
    description: 'With `embed_host` (the framing page\'s origin) when it is framed by /embed.js.',
    auth: 'none',
    answers: [html(200, 'The payment page'), html(404, 'The page, saying the session is not found'), PAGE_NOT_BUILT],
    refusals: [],
  },
  {
    method: 'get',
    path: '/checkout',
    area: 'pages',
    summary: 'The payment page of a checkout session, given its client secret in the fragment',
    auth: 'none',
    answers: [html(200, 'The payment page'), PAGE_NOT_BUILT],
    refusals: [],
  },
  {
    method: 'get',
    path: '/checkout/{sessionId}',
    area: 'pages',
    summary: 'The payment page of a checkout session, named by its id (`url` of the session)',
    auth: 'none',
    answers: [html(200, 'The payment page'), PAGE_NOT_BUILT],
    refusals: [],
  },
  {
    method: 'get',
    path: '/embed.js',
    area: 'pages',
    summary: 'The embed script a merchant page includes to frame the checkout (docs/embedding.md)',
    auth: 'none',
    answers: [{ status: 200, description: 'The script', media: 'text/javascript' }],
    refusals: [],
  },
  {
    method: 'get',
    path: '/favicon.svg',
    area: 'pages',
    summary: 'The page\'s icon',
    auth: 'none',
    answers: [{ status: 200, description: 'The icon', media: 'image/svg+xml' }],
    refusals: [],
  },
]

const css = (path: string): Operation => ({
  method: 'get',
  path,
  area: 'simulators',
  summary: 'The simulator\'s stylesheet',
  auth: 'none',
  answers: [{ status: 200, description: 'The stylesheet (ETag, 304 to If-None-Match)', media: 'text/css' }],
  refusals: [],
})

const simulatorPage = (path: string, summary: string, query?: Record<string, string>): Operation => ({
  method: 'get',
  path,
  area: 'simulators',
  summary,
  auth: 'none',
  ...(query ? { query } : {}),
  answers: [html(200, 'The screen'), html(404, 'Not found')],
  refusals: [],
})

const simulatorStep = (path: string, summary: string, body?: Schema): Operation => ({
  method: 'post',
  path,
  area: 'simulators',
  summary,
  auth: 'none',
  ...(body ? { body: { schema: body, media: ['form'], required: false } } : {}),
  answers: [seeOther('The next screen'), html(400, 'The screen again, naming the fields in error'), html(404, 'Not found'), html(409, 'The screen, saying it has already ended'), html(413, 'The body is too large')],
  refusals: [],
})

const LANGUAGE_QUERY = { lang: 'The language to show the screen in (a locale code)' }

const simulators: Operation[] = [
  css('/simulator/upi/assets/app.css'),
  simulatorPage('/simulator/upi/mandates', 'The simulated UPI app\'s "My AutoPay mandates" screen', {
    vpa: 'The payer\'s VPA whose mandates to list',
    done: 'The command just done (shows its message)',
    mandate: 'The mandate the command acted on',
    ...LANGUAGE_QUERY,
  }),
  {
    ...simulatorStep('/simulator/upi/mandates/{token}/{action}', 'Pause, resume or revoke a mandate as its payer'),
    body: { schema: PauseUntil, media: ['form'], required: false },
    pathEnums: { action: ['pause', 'resume', 'revoke'] },
  },
  simulatorPage('/simulator/upi/{token}', 'The simulated UPI app\'s approval screen for an attempt', { app: 'The payer app it stands for', ...LANGUAGE_QUERY }),
  simulatorStep('/simulator/upi/{token}/approve', 'Approve with a UPI PIN (any 4 or 6 digits)', ApprovalBody),
  simulatorStep('/simulator/upi/{token}/decline', 'Decline', DeclineBody),
  css('/simulator/bank/assets/bank.css'),
  simulatorPage('/simulator/bank/{token}', 'The simulated bank\'s eNACH screen for an attempt', LANGUAGE_QUERY),
  simulatorPage('/simulator/bank/{token}/mandate', 'The registered eMandate as the bank shows it', { done: 'The command just done', ...LANGUAGE_QUERY }),
  simulatorStep('/simulator/bank/{token}/mandate/cancel', 'Cancel the eMandate at the bank'),
  simulatorStep('/simulator/bank/{token}/credentials', 'Log in (net banking, debit card or Aadhaar)', CredentialsBody),
  simulatorStep('/simulator/bank/{token}/otp', 'Enter the OTP', OtpBody),
  simulatorStep('/simulator/bank/{token}/authorise', 'Authorise the mandate'),
  simulatorStep('/simulator/bank/{token}/decline', 'Decline the mandate'),
]

const demo: Operation[] = [
  {
    method: 'get',
    path: '/demo',
    area: 'demo',
    summary: 'The demo merchant\'s page',
    auth: 'none',
    answers: [html(200, 'The page'), PAGE_NOT_BUILT],
    refusals: [],
  },
  {
    method: 'get',
    path: '/demo/api/plans',
    area: 'demo',
    summary: 'The plans the demo merchant sells',
    auth: 'none',
    answers: [json(200, 'Its active plans', DemoPlans)],
    refusals: [503],
  },
  {
    method: 'post',
    path: '/demo/api/sessions',
    area: 'demo',
    summary: 'The demo merchant\'s server creates a session (POST /session) from its form',
    description: 'From the sandbox\'s own origin only; at most 20 sessions at once per client, then one every 3 s.',
    auth: 'none',
    body: { schema: DemoSessionRequest, media: ['json'], required: true },
    answers: [json(200, 'POST /session\'s answer', JuspaySession)],
    refusals: [400, 403, 413, 415, 429, 503],
  },
]

const meta: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    area: 'meta',
    summary: 'Ready to serve',
    auth: 'none',
    answers: [json(200, 'Ready', Health)],
    refusals: [],
  },
  {
    method: 'get',
    path: '/openapi.json',
    area: 'meta',
    summary: 'This document',
    auth: 'none',
    answers: [{ status: 200, description: 'The OpenAPI 3.1 document', media: 'application/json' }],
    refusals: [],
  },
]

export const OPERATIONS: readonly Operation[] = [...juspay, ...checkout, ...zenskar, ...plural, ...qa, ...pageApi, ...pages, ...simulators, ...demo, ...meta]
