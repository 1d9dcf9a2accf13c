import { createServer } from 'node:http'

/**
 * The bench's reference: a bare `node:http` server that reads a JSON body, parses it and answers a
 * fixed JSON of about the size of the sandbox's POST /session answer (about 1 KB), with nothing else (no
 * framework, no validation, no store, no log). Measured the same way and at the same moment as the
 * sandbox, it says what this machine gives at all right now: the machine's speed moves by up to
 * twice from hour to hour, the ratio of the two figures much less (docs/budgets.md#post-session-throughput).
 */
const answer = JSON.stringify({
  status: 'NEW',
  id: `ordeh_${'0'.repeat(32)}`,
  order_id: 'reference',
  payment_links: { web: `http://127.0.0.1/pay/ordeh_${'0'.repeat(32)}`, expiry: '2026-12-02T00:00:00Z' },
  sdk_payload: {
    requestId: '0'.repeat(32),
    service: 'in.juspay.hyperpay',
    payload: {
      clientId: 'demo_merchant',
      amount: '1.00',
      merchantId: 'demo_merchant',
      clientAuthToken: `tkn_${'0'.repeat(32)}`,
      clientAuthTokenExpiry: '2026-12-02T00:15:00Z',
      environment: 'sandbox',
      action: 'paymentPage',
      returnUrl: 'https://shop.merchant.com',
      currency: 'INR',
      'options.create_mandate': 'REQUIRED',
      'mandate.max_amount': '1000.00',
      'mandate.start_date': '1764633600',
      'mandate.end_date': '2080166400',
      'mandate.frequency': 'ASPRESENTED',
      'mandate.block_funds': 'false',
      description: 'Acme Fitness monthly membership',
    },
  },
})

createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    if (req.method === 'POST') JSON.parse(body)
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
    res.end(answer)
  })
}).listen(Number(process.env['PORT']), '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
