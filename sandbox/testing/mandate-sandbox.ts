import type { Order } from '../domain/order'
import type { OrderDraft } from '../domain/orders'
import { bankSandbox, basic, form } from './bank-simulator'

/** The whole sandbox in-process with helpers that register mandates and call the merchant's mandate API. */
export function mandateSandbox() {
  const s = bankSandbox()
  let n = 0

  const stored = async (pageId: string): Promise<Order> => s.current(pageId)

  /** A UPI mandate approved in the simulated UPI app from `payerVpa` (intent, so the customer names the VPA); `draft` changes the order. */
  async function registerUpi(payerVpa = 'asha@okaxis', draft: Partial<OrderDraft> = {}): Promise<Order> {
    n += 1
    const order = await s.order({ orderId: `upi-${n}`, fingerprint: `upi-${n}`, ...draft })
    const started = await s.start(order.id, { rail: 'upi', channel: 'intent', setUpMandate: true }, `key-upi-${n}`)
    const approved = await s.request(`/simulator/upi/${started.token}/approve`, form({ pin: '1234', payer_vpa: payerVpa, app: 'gpay' }))
    if (approved.res.status !== 303) throw new Error(`UPI approval answered ${approved.res.status}`)
    return stored(order.id)
  }

  /** An eNACH mandate authorised at the simulated bank. */
  async function registerEnach(): Promise<Order> {
    n += 1
    const order = await s.order({ orderId: `nach-${n}`, fingerprint: `nach-${n}` })
    const started = await s.startEnach(order.id, {}, `key-nach-${n}`)
    await s.toConsent(started.token)
    const authorised = await s.request(`/simulator/bank/${started.token}/authorise`, form({}))
    if (authorised.res.status !== 303) throw new Error(`bank authorisation answered ${authorised.res.status}`)
    return stored(order.id)
  }

  /** POST /mandates/{id} as the demo merchant (or another key), form-encoded unless `json`. */
  async function command(mandateId: string, fields: Record<string, string | number>, options: { apiKey?: string; json?: boolean } = {}) {
    const headers = { authorization: basic(options.apiKey ?? 'demo_api_key') }
    const init: RequestInit = options.json
      ? { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(fields) }
      : { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString() }
    const { res, body } = await s.request(`/mandates/${mandateId}`, init)
    return { status: res.status, body: JSON.parse(body) as Record<string, unknown> }
  }

  async function read(mandateId: string, apiKey = 'demo_api_key') {
    const { res, body } = await s.request(`/mandates/${mandateId}`, { headers: { authorization: basic(apiKey) } })
    return { status: res.status, body: JSON.parse(body) as Record<string, unknown> }
  }

  /** The event names and mandate statuses of the order's webhooks, as the QA inbox records them. */
  async function webhooks(orderId: string): Promise<[string, unknown][]> {
    const { body } = await s.request(`/sandbox/orders/${orderId}/webhooks`, { headers: { authorization: basic('demo_api_key') } })
    const inbox = JSON.parse(body) as { webhooks: { event_name: string; body: { content: { mandate?: { status: string } } } }[] }
    return inbox.webhooks.map((w) => [w.event_name, w.body.content.mandate?.status ?? null])
  }

  return { ...s, registerUpi, registerEnach, command, read, webhooks, stored }
}
