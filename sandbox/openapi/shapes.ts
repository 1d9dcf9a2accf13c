import * as z from 'zod'
import { AMOUNT_RULES, CREATE_MANDATE, FREQUENCIES, RULE_TYPES } from '../../contract/mandate'
import { Plan } from '../../contract/plan'
import { LOCALES } from '../../contract/session'
import { MandateStatus, OrderStatus } from '../../contract/status'

/**
 * The wire shapes that have no zod schema where they are made (the Juspay dialect reads its
 * request field by field and writes its answers as TypeScript objects; Zenskar's and Plural's
 * answers too). Only the fields a merchant reads are named; an answer may carry more
 * (looseObject). openapi.test.ts parses the sandbox's real answers with these, so they cannot
 * drift from what it sends.
 */

const Rupees = z.union([z.string(), z.number()]).meta({ description: 'Rupees in major units, e.g. "1.00" or 1' })
const JuspayTime = z.string().meta({ description: 'ISO 8601 date-time in UTC' })

/**
 * Juspay's order and session request. Mandate, options and metadata fields may be sent dotted
 * (`mandate.max_amount`) or nested (`"mandate": {"max_amount": …}`); mandate fields also with an
 * underscore (`mandate_max_amount`). Unknown fields are ignored, as Juspay takes many.
 */
export const JuspayOrderRequest = z.looseObject({
  order_id: z.string().max(20).meta({ description: 'The merchant\'s order id, under 21 characters; repeating a request with the same id answers the same order' }),
  amount: Rupees,
  currency: z.literal('INR').optional(),
  customer_id: z.string().optional(),
  customer_email: z.string().optional(),
  customer_phone: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  description: z.string().optional(),
  return_url: z.string().optional().meta({ description: 'On the merchant\'s return URL allow-list; gets the signed result query' }),
  payment_page_client_id: z.string().optional(),
  action: z.enum(['paymentPage', 'enach', 'paymentManagement']).optional(),
  language: z.enum(LOCALES).optional(),
  'options.create_mandate': z.enum(CREATE_MANDATE).optional(),
  'options.get_upi_deep_links': z.union([z.boolean(), z.string()]).optional(),
  'mandate.max_amount': Rupees.optional(),
  'mandate.amount_rule': z.enum(AMOUNT_RULES).optional(),
  'mandate.frequency': z.enum(FREQUENCIES).optional(),
  'mandate.rule_type': z.enum(RULE_TYPES).optional(),
  'mandate.rule_value': z.union([z.string(), z.number()]).optional(),
  'mandate.start_date': z.union([z.string(), z.number()]).optional().meta({ description: 'Unix time in seconds' }),
  'mandate.end_date': z.union([z.string(), z.number()]).optional().meta({ description: 'Unix time in seconds' }),
  'mandate.block_funds': z.union([z.boolean(), z.string()]).optional(),
  'mandate.revokable_by_customer': z.union([z.boolean(), z.string()]).optional(),
  'metadata.webhook_url': z.string().optional().meta({ description: 'On the merchant\'s webhook URL allow-list' }),
  payment_rules: z.unknown().optional().meta({ description: 'The payment rules object (docs/domain/juspay.md)' }),
})

export const JuspayOrderCreated = z.looseObject({
  status: z.literal('NEW'),
  id: z.string(),
  order_id: z.string(),
  payment_links: z.looseObject({ web: z.string(), expiry: JuspayTime }),
  order_expiry: JuspayTime,
})

export const JuspaySession = z.looseObject({
  ...JuspayOrderCreated.shape,
  sdk_payload: z.looseObject({
    requestId: z.string(),
    service: z.literal('in.juspay.hyperpay'),
    payload: z.record(z.string(), z.string()),
    expiry: JuspayTime,
  }),
})

export const JuspayMandate = z.looseObject({
  mandate_status: MandateStatus,
  mandate_id: z.string().optional().meta({ description: 'Once the mandate is registered' }),
  mandate_type: z.string(),
  umrn: z.string().optional().meta({ description: 'eNACH only: NPCI\'s mandate reference, once registered' }),
  start_date: z.string(),
  end_date: z.string(),
  revokable_by_customer: z.boolean(),
  block_fund: z.boolean(),
  max_amount: z.number(),
  frequency: z.string(),
  amount_rule: z.string(),
})

export const JuspayOrderStatus = z.looseObject({
  order_id: z.string(),
  id: z.string(),
  merchant_id: z.string(),
  status: OrderStatus,
  status_id: z.int(),
  amount: z.number(),
  currency: z.string(),
  date_created: z.string(),
  return_url: z.nullable(z.string()),
  payment_links: z.looseObject({ web: z.string(), iframe: z.string(), mobile: z.string() }),
  order_expiry: z.string(),
  metadata: z.record(z.string(), z.string()),
  mandate: JuspayMandate.optional(),
})

/** POST /billing, POST /billing/execution-info and POST /mandates/{id}: Juspay multiplexes on `command`. */
export const JuspayCommand = (commands: readonly [string, ...string[]]) => z.looseObject({ command: z.enum(commands) })

/** A merchant's mandate execution, form-encoded as Juspay's /txns takes it (docs/domain/renewals.md#the-merchants-own-debits). */
export const JuspayExecutionRequest = z.object({
  'order.order_id': z.string(),
  'order.amount': z.string(),
  'order.customer_id': z.string(),
  mandate_id: z.string(),
  'mandate.notification_id': z.string().optional(),
  'mandate.execution_date': z.string(),
  merchant_id: z.string(),
  format: z.literal('json'),
})

/** What an execution answers: the order and its transaction's ids, PENDING_VBV until the debit runs. */
export const JuspayExecution = z.object({ order_id: z.string(), txn_id: z.string(), txn_uuid: z.string(), status: OrderStatus })

/** Answers this sandbox shapes as Juspay documents them (docs/domain/billing.md, docs/domain/mandates.md). */
export const JuspayObject = z.looseObject({})

/** The answer to a QA decision on an order's pending attempt. */
export const QaDecision = z.object({
  order_id: z.string(),
  attempt: z.object({ number: z.int(), status: z.string(), failure_reason: z.nullable(z.string()) }),
  status: OrderStatus,
  status_id: z.int(),
})

export const QaExpired = z.object({ order_id: z.string(), expired_at: z.string() })

export const QaWebhooks = z.object({
  order_id: z.string(),
  webhooks: z.array(
    z.looseObject({
      id: z.string(),
      event_name: z.string(),
      url: z.nullable(z.string()),
      status: z.string(),
      attempts: z.array(z.looseObject({})),
      created_at: z.string(),
      delivered_at: z.nullable(z.string()),
      refusal: z.string().optional(),
      body: z.record(z.string(), z.unknown()).meta({ description: 'What was (or would have been) sent, as the order\'s dialect shaped it' }),
    }),
  ),
})

export const QaClock = z.object({
  now: z.int().meta({ description: 'The merchant\'s sandbox time, Unix seconds' }),
  now_iso: z.string(),
  offset_seconds: z.int(),
})

export const QaPlans = z.object({ plans: z.array(Plan) })

const SubscriptionStatus = z.enum(['ACTIVE', 'PAST_DUE', 'PAUSED', 'HALTED', 'CANCELLED', 'COMPLETED'])

/** POST /sandbox/mandates/{id}/next-debit: the choice kept, and the debit it applies to when one is scheduled. */
export const QaNextDebit = z.object({
  mandate_id: z.string(),
  billing_execution_info_id: z.string().nullable(),
  next_debit: z.looseObject({ outcome: z.enum(['success', 'failure']) }),
  status: SubscriptionStatus.nullable(),
  scheduled: z.object({ cycle: z.int().nullable(), order_id: z.string(), date: z.string() }).nullable(),
})

/** A subscription's timeline (docs/domain/renewals.md#the-qa-api): its own steps and the webhooks of its orders, in time order. */
export const QaTimeline = z.object({
  billing_execution_info_id: z.string().nullable(),
  mandate_id: z.string(),
  status: SubscriptionStatus.nullable(),
  timeline: z.array(z.looseObject({ at: z.string().meta({ description: 'The merchant\'s sandbox time, ISO 8601' }), event: z.string() })),
})

export const QaReset = z.object({ reset: z.literal(true) })

/** The simulated UPI app's pause form: the last day of the pause, in India. */
export const PauseUntil = z.object({ pause_until: z.string().meta({ description: 'YYYY-MM-DD' }).optional() })

export const Health = z.object({ status: z.literal('ok') })

/** Zenskar's checkout, its preview and Plural's subscription answers (docs/domain/zenskar.md, docs/domain/plural.md). */
export const ZenskarCheckout = z.looseObject({ id: z.string() })
export const ZenskarPreview = z.looseObject({ estimates: z.array(z.looseObject({})) })
export const PluralCreated = z.looseObject({
  order_id: z.string(),
  subscription_id: z.string(),
  payment_page_url: z.string(),
  upi_app_url: z.string(),
})
export const PluralSubscription = z.looseObject({ subscription_id: z.string() })
