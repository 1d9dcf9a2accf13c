import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import type { Merchant } from '../merchants'
import { testWebhookSandbox } from '../testing/webhook-sandbox'
import type { Resolve, Transport } from './transport'

/**
 * How the dispatcher reads each answer and each failure: which statuses deliver, which are a
 * redirect it will not follow, and the reason it records for a failed request or lookup.
 */

const HOOK_URL = 'https://hooks.shop.example/hooks'
const publicAddress: Resolve = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }])
const allowHooks = { demo: (m: Merchant): Merchant => ({ ...m, webhookUrls: { loopback: false, hosts: ['hooks.shop.example'] } }) }

/** A transport whose first request gets `first` (an answer or a rejection), every later one 200. */
function answeringFirst(first: () => Promise<{ status: number }>): Transport {
  let calls = 0
  return () => {
    calls += 1
    return calls === 1 ? first() : Promise.resolve({ status: 200 })
  }
}

async function firstEvent(first: () => Promise<{ status: number }>, retryDelaysMs: number[] = [0]) {
  const s = testWebhookSandbox({ ...allowHooks, dispatcher: { resolve: publicAddress, transport: answeringFirst(first), retryDelaysMs } })
  await s.startAttempt(await s.order({ metadata: { webhook_url: HOOK_URL } }))
  await s.webhooks.idle()
  const [txn] = await s.webhooks.deliveriesFor('demo_merchant', 'o-1')
  return txn
}

describe('the answer of a webhook request', () => {
  it.each([200, 204, 299])('%i delivers the event at its first attempt', async (status) => {
    const txn = await firstEvent(() => Promise.resolve({ status }))
    expect(txn?.status).toBe('delivered')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([[status, null]])
    expect(txn?.delivered_at).toBe(txn?.attempts[0]?.at)
  })

  it.each<[number, string | null]>([
    [199, null],
    [300, 'redirect not followed'],
    [301, 'redirect not followed'],
    [399, 'redirect not followed'],
    [400, null],
    [404, null],
    [503, null],
  ])('%i is a failed attempt (%s), retried', async (status, error) => {
    const txn = await firstEvent(() => Promise.resolve({ status }))
    expect(txn?.status).toBe('delivered')
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [status, error],
      [200, null],
    ])
  })
})

describe('the reason recorded for a request that failed', () => {
  it.each<[string, Error, string]>([
    ['a code on the error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'network error: ECONNRESET'],
    ['a code on its cause', new Error('fetch failed', { cause: Object.assign(new Error('x'), { code: 'EPIPE' }) }), 'network error: EPIPE'],
    ['no code, its message', new Error('socket hang up'), 'network error: socket hang up'],
    ['a non-string code, its message', Object.assign(new Error('odd'), { code: 42 }), 'network error: odd'],
    // What node:http rejects with is an Error of this realm; anything else is not read.
    ['an error of another realm', runInNewContext("new Error('socket hang up')") as Error, 'request failed'],
  ])('%s', async (_what, rejection, reason) => {
    const txn = await firstEvent(() => Promise.reject(rejection))
    expect(txn?.attempts.map((a) => [a.http_status, a.error])).toEqual([
      [null, reason],
      [200, null],
    ])
  })
})

describe('the retry delays a dispatcher takes', () => {
  it.each([[[-1]], [[Number.NaN]], [[Number.POSITIVE_INFINITY]], [[0, -5]]])('refuses %j', (retryDelaysMs) => {
    expect(() => testWebhookSandbox({ dispatcher: { retryDelaysMs } })).toThrow('retryDelaysMs must be finite, non-negative numbers')
  })

  it('takes a zero delay, and with no delays gives up after one attempt', async () => {
    expect((await firstEvent(() => Promise.resolve({ status: 500 }), [0]))?.attempts.map((a) => a.http_status)).toEqual([500, 200])
    const once = await firstEvent(() => Promise.resolve({ status: 500 }), [])
    expect([once?.status, once?.attempts.map((a) => a.http_status)]).toEqual(['failed', [500]])
  })
})
