import { CREATE_MANDATE, type CreateMandate } from '../../../contract/mandate'
import { LOCALES, type Locale } from '../../../contract/session'
import { isAllowedReturnHost, isAllowedWebhookHost, type Merchant } from '../../merchants'
import { fail, ok, parseRupees } from './decimal'
import type { FieldErrors, RequestFields } from './fields'
import { MANDATE_FIELD_NAMES, readMandateInput, type MandateInput } from './mandate-terms'
import { parsePaymentRules, type PaymentRules } from './payment-rules'
import { bool, codePoints, email, httpUrl, integer, oneOf, orderId, phone, plainUdf, text, type Parser } from './parsers'

export const JUSPAY_ACTIONS = ['paymentPage', 'enach', 'paymentManagement'] as const
export type JuspayAction = (typeof JUSPAY_ACTIONS)[number]

/** Order expiry bounds in minutes for metadata.expiryInMins: one minute to 30 days. */
export const MAX_EXPIRY_MINUTES = 30 * 24 * 60
const METADATA_VALUE_MAX = 4096
const METADATA_KEY_MAX = 128

/**
 * Every field of a session/order request, parsed but with no defaults applied. Its digest is the
 * order's fingerprint, so the same request repeated later (when defaults such as "now" differ)
 * still replays the first order, whichever spelling it used.
 */
export interface JuspayOrderRequest {
  orderId: string | undefined
  amountMinor: number | undefined
  currency: 'INR' | undefined
  customerId: string | undefined
  customerEmail: string | undefined
  customerPhone: string | undefined
  firstName: string | undefined
  lastName: string | undefined
  description: string | undefined
  returnUrl: string | undefined
  paymentPageClientId: string | undefined
  action: JuspayAction | undefined
  language: Locale | undefined
  udf: (string | undefined)[]
  createMandate: CreateMandate | undefined
  getUpiDeepLinks: boolean | undefined
  mandate: MandateInput
  /** True when any known mandate field was sent, in any spelling. */
  mandateFieldsGiven: boolean
  metadata: Record<string, string>
  paymentRules: PaymentRules | undefined
}

const inrOnly: Parser<'INR'> = (value) =>
  value === 'INR' ? ok('INR') : fail('must be INR: UPI AutoPay and eNACH mandates are in Indian rupees only')

const name = text({ max: 255 })
const freeText = text({ max: 255, multiline: true })
const udfText = text({ max: 255 })

const returnUrls = new WeakMap<Merchant, Parser<string>>()

/** The return_url parser of a merchant, built once per merchant rather than once per request. */
function returnUrl(merchant: Merchant): Parser<string> {
  let parser = returnUrls.get(merchant)
  if (!parser) {
    parser = httpUrl({
      check: (url) => (isAllowedReturnHost(merchant, url) ? null : `host ${url.hostname} is not on this merchant's return URL allow-list`),
    })
    returnUrls.set(merchant, parser)
  }
  return parser
}

const webhookUrls = new WeakMap<Merchant, Parser<string>>()

/** The metadata.webhook_url parser of a merchant: its host must be on the webhook allow-list (docs/merchants.md). */
function webhookUrl(merchant: Merchant): Parser<string> {
  let parser = webhookUrls.get(merchant)
  if (!parser) {
    parser = httpUrl({
      check: (url) => (isAllowedWebhookHost(merchant, url) ? null : `host ${url.hostname} is not on this merchant's webhook URL allow-list`),
    })
    webhookUrls.set(merchant, parser)
  }
  return parser
}

const metadataText = text({ max: METADATA_VALUE_MAX, multiline: true })

/** Metadata values are stored as strings, as Juspay echoes them; structured values become JSON text. */
const metadataValue: Parser<string> = (value) => {
  const asText =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
  return metadataText(asText)
}

const asString = <T extends string | number | boolean>(parse: Parser<T>): Parser<string> => (value) => {
  const parsed = parse(value)
  return parsed.ok ? ok(String(parsed.value)) : parsed
}

/** Metadata keys with meaning to the sandbox get a stricter parser; others are free strings. */
const METADATA_PARSERS: Readonly<Record<string, Parser<string>>> = {
  expiryInMins: asString(integer(1, MAX_EXPIRY_MINUTES)),
  auto_refund_post_success: asString(bool),
}

function readMetadata(fields: RequestFields, merchant: Merchant, errors: FieldErrors): Record<string, string> {
  const metadata: Record<string, string> = {}
  for (const fieldName of fields.namesUnder('metadata.')) {
    const key = fieldName.slice('metadata.'.length)
    if (!key || codePoints(key) > METADATA_KEY_MAX || /[\p{Cc}\p{Cs}]/u.test(key)) {
      errors.add(fieldName, `metadata keys must be 1 to ${METADATA_KEY_MAX} printable characters`)
      continue
    }
    const value = fields.read(fieldName, key === 'webhook_url' ? webhookUrl(merchant) : (METADATA_PARSERS[key] ?? metadataValue))
    if (value !== undefined) metadata[key] = value
  }
  return metadata
}

function readPaymentRules(fields: RequestFields, errors: FieldErrors): PaymentRules | undefined {
  const [candidate] = fields.candidates('payment_rules')
  if (!candidate) return undefined
  const parsed = parsePaymentRules(candidate.value)
  if (parsed.ok) return parsed.value
  for (const issue of parsed.issues) errors.add(issue.path, issue.reason)
  return undefined
}

const UDF_NAMES = Array.from({ length: 10 }, (_, i) => `udf${i + 1}`)

function readUdfs(fields: RequestFields): (string | undefined)[] {
  return UDF_NAMES.map((fieldName, i) => fields.read(fieldName, i < 5 ? plainUdf : udfText))
}

const parseAction = oneOf(JUSPAY_ACTIONS)
const parseLanguage = oneOf(LOCALES)
const parseCreateMandate = oneOf(CREATE_MANDATE)

/** Reads and parses every field this dialect knows; unknown keys are ignored, as Juspay takes many optional ones. */
export function readRequest(fields: RequestFields, merchant: Merchant, errors: FieldErrors): JuspayOrderRequest {
  return {
    orderId: fields.read('order_id', orderId),
    amountMinor: fields.read('amount', parseRupees),
    currency: fields.read('currency', inrOnly),
    customerId: fields.read('customer_id', name),
    customerEmail: fields.read('customer_email', email),
    customerPhone: fields.read('customer_phone', phone),
    firstName: fields.read('first_name', name),
    lastName: fields.read('last_name', name),
    description: fields.read('description', freeText),
    returnUrl: fields.read('return_url', returnUrl(merchant)),
    paymentPageClientId: fields.read('payment_page_client_id', name),
    action: fields.read('action', parseAction),
    language: fields.read('language', parseLanguage),
    udf: readUdfs(fields),
    createMandate: fields.read('options.create_mandate', parseCreateMandate),
    getUpiDeepLinks: fields.read('options.get_upi_deep_links', bool),
    mandate: readMandateInput(fields),
    mandateFieldsGiven: MANDATE_FIELD_NAMES.some((field) => fields.has(`mandate.${field}`)),
    metadata: readMetadata(fields, merchant, errors),
    paymentRules: readPaymentRules(fields, errors),
  }
}
