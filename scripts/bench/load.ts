import autocannon from 'autocannon'
import { BASIC } from './sandbox-process'

/**
 * Runs in its own process (pinned by the caller): 50 connections of POST /session for 10 s, or,
 * given a count, until that many sessions were created.
 */
const origin = process.argv[2] ?? 'http://127.0.0.1:4000'
const count = process.argv[3] === undefined ? null : Number(process.argv[3])
let n = 0
const result = await autocannon({
  url: `${origin}/session`,
  connections: 50,
  ...(count === null ? { duration: 10 } : { amount: count }),
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          order_id: `ac${process.pid}-${(n++).toString(36)}`,
          amount: '1.00',
          return_url: 'https://shop.merchant.com',
          'options.create_mandate': 'REQUIRED',
          'mandate.max_amount': '1000.00',
        }),
      }),
    },
  ],
})
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  }),
)
