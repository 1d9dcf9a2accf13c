import type { APIRequestContext } from '@playwright/test'
import { DEMO_MERCHANT, basicAuth, uniqueOrderId } from '../../packages/testing/src/merchant'

export { DEMO_MERCHANT, basicAuth, uniqueOrderId }
export const OTHER_MERCHANT = { id: 'other_merchant', apiKey: 'other_api_key' }

export const nowEpoch = (): number => Math.floor(Date.now() / 1000)

export interface CreatedJuspaySession {
  orderId: string
  pageUrl: string
  body: Record<string, unknown>
}

/** The part of a Zenskar checkout the journeys read. */
export interface PlanCheckout {
  id: string
  checkout_status: string
  url: string
  contract_id: string | null
  /** Rupees; next_invoice is the first debit after today, or null. */
  estimates: { current_invoice: { total: number; date: string }; next_invoice: { total: number; date: string } | null }
}

/** The part of a checkout-dialect Subscription (GET /v1/subscriptions/{id}) the journeys read: amounts in rupees, dates IST days. */
export interface CheckoutSubscription {
  id: string
  status: string
  checkout_session: string
  discount_period_config: { discount_period_count: number; discount_period_amount: number } | null
  schedule: {
    today: { amount: number; refunded: boolean; pays_first_period: boolean }
    upcoming_charges: { date: string; amount: number; discount_period: boolean }[]
    first_regular_charge: { date: string; amount: number } | null
    recurring: { amount: number; frequency: string }
    max_amount: number
  }
}

/** The merchant server's side of a journey: POST /session exactly as a Juspay integration sends it. */
export class MerchantApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly merchant: { id: string; apiKey: string } = DEMO_MERCHANT,
  ) {}

  async createSession(payload: Record<string, unknown>): Promise<CreatedJuspaySession> {
    const orderId = typeof payload['order_id'] === 'string' ? payload['order_id'] : uniqueOrderId('e2e')
    const res = await this.request.post('/session', {
      headers: { authorization: basicAuth(this.merchant.apiKey), 'x-merchantid': this.merchant.id },
      data: { return_url: 'https://shop.merchant.com', ...payload, order_id: orderId },
    })
    const body = (await res.json()) as Record<string, unknown>
    if (!res.ok()) throw new Error(`POST /session answered ${res.status()}: ${JSON.stringify(body)}`)
    const links = body['payment_links'] as { web: string }
    return { orderId, pageUrl: new URL(links.web).pathname, body }
  }

  async createCheckoutSession(payload: Record<string, unknown>): Promise<{ url: string; clientSecret: string; id: string }> {
    const res = await this.request.post('/v1/checkout/sessions', {
      headers: { authorization: `Bearer ${this.merchant.apiKey}` },
      data: { merchant_order_id: uniqueOrderId('cs'), ...payload },
    })
    const body = (await res.json()) as { id: string; client_secret: string; url: string }
    if (!res.ok()) throw new Error(`POST /v1/checkout/sessions answered ${res.status()}: ${JSON.stringify(body)}`)
    const url = new URL(body.url)
    return { url: `${url.pathname}${url.hash}`, clientSecret: body.client_secret, id: body.id }
  }

  /** GET /v1/checkout/sessions/{id}: the fields the journeys read, `subscription` once the session started one. */
  async readCheckoutSession(id: string): Promise<{ status: string; payment_status: string; subscription: string | null }> {
    const res = await this.request.get(`/v1/checkout/sessions/${id}`, { headers: { authorization: `Bearer ${this.merchant.apiKey}` } })
    if (!res.ok()) throw new Error(`GET /v1/checkout/sessions/${id} answered ${res.status()}`)
    return (await res.json()) as { status: string; payment_status: string; subscription: string | null }
  }

  /** GET /v1/subscriptions/{id}: the Subscription a subscription-mode checkout session started. */
  async readCheckoutSubscription(id: string): Promise<CheckoutSubscription> {
    const res = await this.request.get(`/v1/subscriptions/${id}`, { headers: { authorization: `Bearer ${this.merchant.apiKey}` } })
    if (!res.ok()) throw new Error(`GET /v1/subscriptions/${id} answered ${res.status()}`)
    return (await res.json()) as CheckoutSubscription
  }

  /** POST /checkouts (Zenskar's plan checkout): the checkout as answered, and the path of its hosted page. */
  async createPlanCheckout(payload: Record<string, unknown>): Promise<{ checkout: PlanCheckout; pageUrl: string }> {
    const res = await this.request.post('/checkouts', { headers: { 'x-api-key': this.merchant.apiKey }, data: payload })
    const checkout = (await res.json()) as PlanCheckout
    if (!res.ok()) throw new Error(`POST /checkouts answered ${res.status()}: ${JSON.stringify(checkout)}`)
    return { checkout, pageUrl: new URL(checkout.url).pathname }
  }

  async readPlanCheckout(id: string): Promise<PlanCheckout> {
    const res = await this.request.get(`/checkouts/${id}`, { headers: { 'x-api-key': this.merchant.apiKey } })
    if (!res.ok()) throw new Error(`GET /checkouts/${id} answered ${res.status()}`)
    return (await res.json()) as PlanCheckout
  }

  async expireSession(orderId: string): Promise<void> {
    const res = await this.request.post(`/sandbox/orders/${orderId}/expire`, {
      headers: { authorization: basicAuth(this.merchant.apiKey) },
    })
    if (!res.ok()) throw new Error(`expire answered ${res.status()}`)
  }
}
