import type { Merchant } from '../../merchants'
import { isAllowedReturnHost, isAllowedWebhookHost } from '../../merchants'
import { invalidParam, type CheckoutErrorSpec } from './errors'
import { offersPaymentMethodType } from './payment-method-types'
import type { CreateSessionLineItem, CreateSessionRequest } from './request-schema'

/** The only currency UPI AutoPay and eNACH settle in. */
export const SUPPORTED_CURRENCY = 'INR'

type Rule = (request: CreateSessionRequest, merchant: Merchant) => CheckoutErrorSpec | null

const priceParam = (index: number, field: string): string => `line_items[${index}][price_data][${field}]`

/** Sum of quantity × unit amount, in BigInt so a hostile quantity cannot overflow into a false match. */
export function lineItemsTotal(items: readonly CreateSessionLineItem[]): bigint {
  return items.reduce((sum, item) => sum + BigInt(item.quantity) * BigInt(item.price_data.unit_amount), 0n)
}

export const checkCurrency: Rule = (request) => {
  if (request.currency === SUPPORTED_CURRENCY) return null
  return invalidParam(
    'currency',
    `Only INR can be paid with UPI AutoPay or eNACH; ${request.currency} is not supported.`,
    'currency_not_supported',
  )
}

export const checkLineItemCurrencies: Rule = (request) => {
  const index = request.line_items.findIndex(
    (item) => item.price_data.currency !== undefined && item.price_data.currency.toUpperCase() !== request.currency,
  )
  if (index === -1) return null
  return invalidParam(priceParam(index, 'currency'), `Invalid ${priceParam(index, 'currency')}: must match the session currency ${request.currency}`)
}

export const checkRecurringPrices: Rule = (request) => {
  const recurring = request.line_items.flatMap((item, index) => (item.price_data.recurring ? [{ index, ...item.price_data.recurring }] : []))
  const first = recurring[0]
  if (request.mode === 'payment') {
    if (!first) return null
    return invalidParam(priceParam(first.index, 'recurring'), 'A recurring price needs mode subscription; use mode payment only for one-time prices.')
  }
  if (!first) {
    return invalidParam('line_items', 'A subscription needs at least one line item with a recurring price (price_data.recurring).')
  }
  const other = recurring.find((r) => r.interval !== first.interval || r.interval_count !== first.interval_count)
  if (!other) return null
  return invalidParam(
    priceParam(other.index, 'recurring'),
    'All recurring prices of one subscription must share the same interval and interval_count, as a mandate has one frequency.',
  )
}

export const checkSubscriptionData: Rule = (request) => {
  if (request.mode === 'subscription' && !request.subscription_data) {
    return invalidParam('subscription_data', 'subscription_data required', 'parameter_missing')
  }
  if (request.mode === 'payment' && request.subscription_data) {
    return invalidParam('subscription_data', 'subscription_data is only accepted with mode subscription.')
  }
  return null
}

export const checkAmountMatchesItems: Rule = (request) => {
  if (lineItemsTotal(request.line_items) === BigInt(request.amount)) return null
  return invalidParam('amount', 'amount not equals to item lines: amount must equal the sum of quantity × unit_amount.', 'amount_mismatch')
}

export const checkDiscountPeriod: Rule = (request) => {
  const discount = request.subscription_data?.discount_period_config
  if (!discount || discount.discount_period_amount < request.amount) return null
  const param = 'subscription_data[discount_period_config][discount_period_amount]'
  return invalidParam(param, `Invalid ${param}: must be less than amount`)
}

/** success_url and return_url are two names for one URL; both may be sent only if they agree. */
export function returnUrlOf(request: CreateSessionRequest): string | null {
  return request.success_url ?? request.return_url ?? null
}

function checkHost(param: string, value: string | undefined, merchant: Merchant): CheckoutErrorSpec | null {
  if (value === undefined) return null
  const url = new URL(value)
  if (isAllowedReturnHost(merchant, url)) return null
  return invalidParam(param, `Invalid ${param}: ${url.hostname} is not an allowed return host for this merchant.`, 'url_not_allowed')
}

export const checkUrls: Rule = (request, merchant) => {
  const { success_url, return_url, cancel_url } = request
  if (success_url !== undefined && return_url !== undefined && success_url !== return_url) {
    return invalidParam('return_url', 'Send success_url or return_url, not two different URLs.')
  }
  return (
    checkHost('success_url', success_url, merchant) ??
    checkHost('return_url', return_url, merchant) ??
    checkHost('cancel_url', cancel_url, merchant)
  )
}

/** metadata.webhook_url, which the webhooks follow, must name a host on the merchant's webhook allow-list. */
export const checkWebhookUrl: Rule = (request, merchant) => {
  const value = request.metadata?.['webhook_url']?.trim()
  const url = value && URL.canParse(value) ? new URL(value) : null
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || isAllowedWebhookHost(merchant, url)) return null
  const param = 'metadata[webhook_url]'
  return invalidParam(param, `Invalid ${param}: ${url.hostname} is not an allowed webhook host for this merchant.`, 'url_not_allowed')
}

export const checkPaymentMethodTypes: Rule = (request, merchant) => {
  const missing = (request.payment_method_types ?? []).find((type) => !offersPaymentMethodType(merchant, type))
  if (missing === undefined) return null
  return invalidParam('payment_method_types', `${missing} is not enabled for this merchant.`, 'payment_method_unavailable')
}

const RULES: readonly Rule[] = [
  checkCurrency,
  checkLineItemCurrencies,
  checkSubscriptionData,
  checkRecurringPrices,
  checkAmountMatchesItems,
  checkDiscountPeriod,
  checkUrls,
  checkWebhookUrl,
  checkPaymentMethodTypes,
]

/** The first rule the request breaks, in a fixed order so the same body always gets the same error. */
export function firstBrokenRule(request: CreateSessionRequest, merchant: Merchant): CheckoutErrorSpec | null {
  for (const rule of RULES) {
    const error = rule(request, merchant)
    if (error) return error
  }
  return null
}
