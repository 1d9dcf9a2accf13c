import { describe, expect, it } from 'vitest'
import { bearer, checkoutBody, DEMO_KEY, jsonOf, pluralBody, secureSandbox } from '../testing/security-harness'

/**
 * Each merchant API writes one log line when it creates something, naming the merchant and what
 * was created, so an operator can follow a request to its order; a replay creates nothing and
 * writes no such line.
 */

interface Case {
  event: string
  path: string
  headers: Record<string, string>
  body: () => Record<string, unknown>
  /** The fields the line carries, from the answer. */
  fields: (answer: Record<string, unknown>) => Record<string, unknown>
}

const CASES: Record<string, Case> = {
  'a checkout session': {
    event: 'checkout_session_created',
    path: '/v1/checkout/sessions',
    headers: { authorization: bearer(DEMO_KEY) },
    body: () => checkoutBody(),
    fields: (answer) => ({ merchant: 'demo_merchant', session: answer['id'] }),
  },
  'a Plural subscription': {
    event: 'plural_subscription_created',
    path: '/api/v1/upi/subscription/process/payment',
    headers: { authorization: bearer(DEMO_KEY) },
    body: () => pluralBody(),
    fields: (answer) => ({ merchant: 'demo_merchant', order: answer['order_id'], mode: 'intent' }),
  },
  'a Zenskar checkout': {
    event: 'zenskar_checkout_created',
    path: '/checkouts',
    headers: { 'x-api-key': DEMO_KEY },
    body: () => ({ plan_id: 'fit_monthly', customer_id: 'cust_42' }),
    fields: (answer) => ({ merchant: 'demo_merchant', checkout: answer['id'] }),
  },
}

describe('the line a merchant API logs when it creates', () => {
  it.each(Object.entries(CASES))('%s', async (_name, { event, path, headers, body, fields }) => {
    const s = secureSandbox()
    const sent = body()
    const res = await s.postJson(path, sent, headers)
    expect(res.status).toBeLessThan(300)
    const answer = await jsonOf(res)
    // Sent again: a replay where the API has one (checkout, Plural), a second checkout for Zenskar.
    await s.postJson(path, sent, headers)
    const lines = s.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['event'] === event)
    expect(lines[0]).toEqual({ t: expect.any(String) as string, level: 'info', event, ...fields(answer) })
    expect(lines).toHaveLength(path === '/checkouts' ? 2 : 1)
  })
})
