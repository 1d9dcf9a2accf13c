import { inr } from '../../../contract/money'
import type { LineItem, Locale } from '../../../contract/session'
import { LOCALES } from '../../../contract/session'
import type { Customer } from '../../domain/order'
import type { OrderDraft } from '../../domain/orders'
import type { Merchant } from '../../merchants'
import { minorToMajor } from './amount'
import { sessionBilling } from './billing'
import { buildMandateTerms } from './mandate-terms'
import { returnUrlOf } from './request-rules'
import type { CreateSessionLineItem, CreateSessionRequest } from './request-schema'

/**
 * The request in wire form: the parsed request's shape with amounts back in major units. This is
 * what is stored, fingerprinted and echoed, and it parses again to the same request.
 */
export type CanonicalBody = CreateSessionRequest

function canonicalLineItem(item: CreateSessionLineItem): CanonicalBody['line_items'][number] {
  return { ...item, price_data: { ...item.price_data, unit_amount: minorToMajor(item.price_data.unit_amount) } }
}

/**
 * One spelling per request: "99.99" and 99.99, "inr" and "INR", a missing interval_count and 1
 * all give the same canonical body, so a replay that differs only in spelling is not a conflict.
 */
export function canonicalBody(request: CreateSessionRequest): CanonicalBody {
  const discount = request.subscription_data?.discount_period_config
  return {
    ...request,
    amount: minorToMajor(request.amount),
    line_items: request.line_items.map(canonicalLineItem),
    subscription_data: request.subscription_data && {
      ...request.subscription_data,
      discount_period_config: discount && {
        ...discount,
        discount_period_amount: minorToMajor(discount.discount_period_amount),
      },
    },
  }
}

/** Splits on the first space: "Asha Rani Verma" → Asha / Rani Verma. */
export function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const trimmed = name.trim()
  const space = trimmed.indexOf(' ')
  if (space === -1) return { firstName: trimmed || null, lastName: null }
  return { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1).trim() || null }
}

function toCustomer(customer: CreateSessionRequest['customer']): Customer {
  if (!customer) return { id: null, email: null, phone: null, firstName: null, lastName: null }
  return { id: customer.merchant_customer_id, email: customer.email, phone: customer.phone ?? null, ...splitName(customer.name) }
}

function toLineItem(item: CreateSessionLineItem): LineItem {
  return {
    name: item.price_data.product_data.name,
    quantity: item.quantity,
    amount: inr(item.quantity * item.price_data.unit_amount),
  }
}

function languageOf(metadata: Record<string, string>): Locale | null {
  const language = metadata['language']
  return LOCALES.find((locale) => locale === language) ?? null
}

function chargedTodayMinor(request: CreateSessionRequest): number {
  const discount = request.subscription_data?.discount_period_config
  return request.mode === 'subscription' && discount ? discount.discount_period_amount : request.amount
}

function mandateOf(request: CreateSessionRequest, now: Date): Pick<OrderDraft, 'createMandate' | 'mandate'> {
  if (request.mode === 'payment') return { createMandate: null, mandate: null }
  const recurring = request.line_items.find((item) => item.price_data.recurring)?.price_data.recurring
  if (!recurring) throw new Error('a subscription reached the mapping without a recurring price')
  return {
    createMandate: 'REQUIRED',
    mandate: buildMandateTerms({
      amountMinor: request.amount,
      hasDiscountPeriod: request.subscription_data?.discount_period_config !== undefined,
      interval: recurring.interval,
      intervalCount: recurring.interval_count,
      now,
    }),
  }
}

export interface DraftInput {
  request: CreateSessionRequest
  raw: CanonicalBody
  fingerprint: string
  merchant: Merchant
  expiresAt: Date
  now: Date
  sessionId: string
  clientSecret: string
}

/** Maps a validated create-session request onto the one domain order every dialect shares. */
export function toOrderDraft(input: DraftInput): OrderDraft {
  const { request } = input
  const metadata = request.metadata ?? {}
  const mandate = mandateOf(request, input.now)
  const today = chargedTodayMinor(request)
  return {
    merchantId: input.merchant.id,
    orderId: request.merchant_order_id,
    fingerprint: input.fingerprint,
    expiresAt: input.expiresAt.toISOString(),
    amountMinor: request.amount,
    chargedTodayMinor: today,
    currency: request.currency,
    customer: toCustomer(request.customer),
    description: request.description ?? request.line_items[0]?.price_data.product_data.name ?? null,
    returnUrl: returnUrlOf(request),
    udf: [],
    metadata,
    ...mandate,
    paymentRules: null,
    billing: sessionBilling(request, mandate.mandate, today, input.now),
    lineItems: request.line_items.map(toLineItem),
    preferredRail: null,
    rails: null,
    language: languageOf(metadata),
    source: {
      dialect: 'checkout',
      sessionId: input.sessionId,
      clientSecret: input.clientSecret,
      mode: request.mode,
      cancelUrl: request.cancel_url ?? null,
      raw: input.raw,
    },
  }
}
