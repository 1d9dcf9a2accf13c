import type { APIRequestContext } from '@playwright/test'
import { refusal, type Dialect } from './errors'
import { basicAuth, sandboxConfigFromEnv, uniqueOrderId, type SandboxConfig } from './merchant'
import type {
  AttemptDecision,
  CheckoutSession,
  CheckoutSessionRequest,
  JuspaySession,
  JuspaySessionRequest,
  NextDebitAnswer,
  NextDebitChoice,
  OrderStatusResponse,
  Plan,
  SandboxClock,
  SubscriptionTimeline,
  ClockMove,
  WebhookDelivery,
} from './types'

interface Call {
  dialect: Dialect
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  data?: unknown
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * A typed client for the sandbox, acting as one merchant: the merchant's server calls (a Juspay
 * session, a checkout session, the order status) and the QA API. A refusal throws the dialect's
 * typed error (JuspayApiError, CheckoutApiError) carrying its envelope.
 */
export class SandboxClient {
  constructor(
    private readonly request: APIRequestContext,
    readonly config: SandboxConfig = sandboxConfigFromEnv(),
  ) {}

  private get basic(): Record<string, string> {
    return { authorization: basicAuth(this.config.apiKey) }
  }

  private async call<T>({ dialect, method, path, headers, data }: Call): Promise<T> {
    const res = await this.request.fetch(new URL(path, this.config.url).toString(), {
      method,
      headers,
      ...(data === undefined ? {} : { data }),
    })
    const body = parseBody(await res.text())
    if (!res.ok()) throw refusal(dialect, `${method} ${path}`, res.status(), body)
    return body as T
  }

  private qa<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
    return this.call<T>({ dialect: 'juspay', method, path: `/sandbox${path}`, headers: this.basic, data })
  }

  /** `POST /session` in the Juspay dialect, with a unique `order_id` unless the payload names one. */
  createSession(payload: JuspaySessionRequest): Promise<JuspaySession> {
    return this.call<JuspaySession>({
      dialect: 'juspay',
      method: 'POST',
      path: '/session',
      headers: { ...this.basic, 'x-merchantid': this.config.merchantId },
      data: { order_id: uniqueOrderId(), ...payload },
    })
  }

  /** `POST /v1/checkout/sessions` (Bearer key), with a unique `merchant_order_id` unless the payload names one. */
  createCheckoutSession(payload: CheckoutSessionRequest): Promise<CheckoutSession> {
    return this.call<CheckoutSession>({
      dialect: 'checkout',
      method: 'POST',
      path: '/v1/checkout/sessions',
      headers: { authorization: `Bearer ${this.config.apiKey}` },
      data: { merchant_order_id: uniqueOrderId('cs'), ...payload },
    })
  }

  /** `GET /orders/{order_id}`: the order status as the merchant's server reads it. */
  orderStatus(orderId: string): Promise<OrderStatusResponse> {
    return this.call<OrderStatusResponse>({ dialect: 'juspay', method: 'GET', path: `/orders/${encodeURIComponent(orderId)}`, headers: this.basic })
  }

  /** Approves the order's live attempt, as the customer's UPI app or bank would; `payerVpa` names who paid. */
  approve(orderId: string, options: { payerVpa?: string } = {}): Promise<AttemptDecision> {
    const data = options.payerVpa === undefined ? {} : { payer_vpa: options.payerVpa }
    return this.qa<AttemptDecision>('POST', `/orders/${encodeURIComponent(orderId)}/attempt/approve`, data)
  }

  /** Declines the order's live attempt. */
  decline(orderId: string): Promise<AttemptDecision> {
    return this.qa<AttemptDecision>('POST', `/orders/${encodeURIComponent(orderId)}/attempt/decline`, {})
  }

  /** Runs out the live attempt's approval window now. */
  expire(orderId: string): Promise<AttemptDecision> {
    return this.qa<AttemptDecision>('POST', `/orders/${encodeURIComponent(orderId)}/attempt/expire`, {})
  }

  /** Ends the session's payment link now, as if its expiry had passed. */
  expireSession(orderId: string): Promise<{ order_id: string; expired_at: string }> {
    return this.qa('POST', `/orders/${encodeURIComponent(orderId)}/expire`, {})
  }

  /** Every webhook the sandbox sent (or would have sent) for the order, oldest first, with how each delivery went. */
  async webhooks(orderId: string): Promise<WebhookDelivery[]> {
    const answer = await this.qa<{ webhooks: WebhookDelivery[] }>('GET', `/orders/${encodeURIComponent(orderId)}/webhooks`)
    return answer.webhooks
  }

  /** Clears this merchant's state only (orders, webhook records, run-time plans, subscriptions); other merchants carry on. */
  async reset(): Promise<void> {
    await this.qa<unknown>('POST', '/reset', {})
  }

  /** Adds a plan to the merchant's catalogue (the very same plan again is accepted; another plan with a taken `plan_id` is a 409). */
  createPlan(plan: Plan): Promise<Plan> {
    return this.qa<Plan>('POST', '/plans', plan)
  }

  /** The merchant's plans: the merchants file's and those added at run time. */
  async plans(): Promise<Plan[]> {
    return (await this.qa<{ plans: Plan[] }>('GET', '/plans')).plans
  }

  /** One of the merchant's plans (a JuspayApiError with status 404 when it has none by this id). */
  plan(planId: string): Promise<Plan> {
    return this.qa<Plan>('GET', `/plans/${encodeURIComponent(planId)}`)
  }

  /** The merchant's sandbox clock: every time-based rule of its orders reads it. */
  clock(): Promise<SandboxClock> {
    return this.qa<SandboxClock>('GET', '/clock')
  }

  /**
   * Moves the merchant's clock forward, running everything that falls due on the way (expiries,
   * approval windows, webhook retries) before it answers; `reset()` puts it back to real time.
   * Other merchants' clocks do not move, but every test of this merchant sees the move.
   */
  advanceClock(move: ClockMove): Promise<SandboxClock> {
    const body = 'bySeconds' in move ? { advance_by_seconds: move.bySeconds } : { advance_to: move.to }
    return this.qa<SandboxClock>('POST', '/clock', body)
  }

  /** What the next scheduled debit of a subscription's mandate does (without a choice, debits succeed); kept for that debit's retries. */
  nextDebit(mandateId: string, choice: NextDebitChoice): Promise<NextDebitAnswer> {
    return this.qa<NextDebitAnswer>('POST', `/mandates/${encodeURIComponent(mandateId)}/next-debit`, choice)
  }

  /** A subscription's timeline by its `billing_execution_info_id`: notices, debits, retries, status changes and webhooks. */
  timeline(subscriptionId: string): Promise<SubscriptionTimeline> {
    return this.qa<SubscriptionTimeline>('GET', `/subscriptions/${encodeURIComponent(subscriptionId)}/timeline`)
  }

  /** The timeline of the subscription a mandate carries. */
  mandateTimeline(mandateId: string): Promise<SubscriptionTimeline> {
    return this.qa<SubscriptionTimeline>('GET', `/mandates/${encodeURIComponent(mandateId)}/timeline`)
  }
}
