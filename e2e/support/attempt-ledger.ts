import { expect, type APIRequestContext } from '@playwright/test'
import { MAX_ATTEMPTS_PER_ORDER } from '../../contract/attempt'
import { SessionView } from '../../contract/session'
import { DEMO_MERCHANT, basicAuth } from './merchant-api'

/** The page id in a payment-page path (`/orders/<page id>/payment-page`). */
export function pageIdOf(pageUrl: string): string {
  const match = /^\/orders\/([^/]+)\/payment-page/.exec(pageUrl)
  if (!match?.[1]) throw new Error(`not a payment-page path: ${pageUrl}`)
  return match[1]
}

export interface AttemptCounts {
  /** TXN_CREATED events the sandbox recorded for the order (one per attempt it created). */
  created: number
  /** The order's latest txn id through the merchant API (`<merchant>-<order>-<n>`), or null before any. */
  txnId: string | null
  /** The order status through the merchant API. */
  status: string
  /** The session as the page API gives it: the latest attempt's number and the attempts left. */
  latestNumber: number | null
  attemptsLeft: number
  state: SessionView['state']
}

/**
 * How many attempts an order really has, read three independent ways: the merchant's order status,
 * the QA API's record of webhooks, and the page API's session view.
 */
export class AttemptLedger {
  constructor(
    private readonly request: APIRequestContext,
    private readonly merchant: { id: string; apiKey: string } = DEMO_MERCHANT,
  ) {}

  async counts(orderId: string, pageId: string): Promise<AttemptCounts> {
    const auth = { authorization: basicAuth(this.merchant.apiKey) }
    const [statusRes, webhooksRes, pageRes] = await Promise.all([
      this.request.get(`/orders/${orderId}`, { headers: auth }),
      this.request.get(`/sandbox/orders/${orderId}/webhooks`, { headers: auth }),
      this.request.get(`/api/pages/${pageId}`),
    ])
    expect(statusRes.status()).toBe(200)
    expect(webhooksRes.status()).toBe(200)
    expect(pageRes.status()).toBe(200)
    const status = (await statusRes.json()) as { status: string; txn_id?: string }
    const webhooks = (await webhooksRes.json()) as { webhooks: { event_name: string }[] }
    const view = SessionView.parse(await pageRes.json())
    return {
      created: webhooks.webhooks.filter((w) => w.event_name === 'TXN_CREATED').length,
      txnId: status.txn_id ?? null,
      status: status.status,
      latestNumber: view.attempt?.number ?? null,
      attemptsLeft: view.attemptsLeft,
      state: view.state,
    }
  }

  /** Expects the order to have exactly one attempt, seen the same way by all three. */
  async expectOneAttempt(orderId: string, pageId: string): Promise<AttemptCounts> {
    const counts = await this.counts(orderId, pageId)
    expect(counts).toMatchObject({
      created: 1,
      txnId: `${this.merchant.id}-${orderId}-1`,
      latestNumber: 1,
      attemptsLeft: MAX_ATTEMPTS_PER_ORDER - 1,
    })
    return counts
  }

  /** Expects the order to have no attempt at all. */
  async expectNoAttempt(orderId: string, pageId: string): Promise<AttemptCounts> {
    const counts = await this.counts(orderId, pageId)
    expect(counts).toMatchObject({ created: 0, txnId: null, latestNumber: null, attemptsLeft: MAX_ATTEMPTS_PER_ORDER })
    return counts
  }

  /** A QA decision on the order's pending attempt, as the customer's UPI app would make it. */
  async decide(orderId: string, decision: 'approve' | 'decline' | 'expire'): Promise<void> {
    const res = await this.request.post(`/sandbox/orders/${orderId}/attempt/${decision}`, {
      headers: { authorization: basicAuth(this.merchant.apiKey) },
    })
    expect(res.status(), await res.text()).toBe(200)
  }
}
