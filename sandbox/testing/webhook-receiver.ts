import { expect, vi } from 'vitest'
import { createServer, type IncomingHttpHeaders } from 'node:http'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The raw body exactly as it arrived, for signature checks. */
  body: string
}

/** A webhook endpoint on 127.0.0.1 that records requests, and can be told to fail or hang. */
export async function startReceiver() {
  const requests: ReceivedRequest[] = []
  let failuresLeft = 0
  let failStatus = 500
  let hangsLeft = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      if (hangsLeft > 0) {
        hangsLeft -= 1
        return
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1
        res.writeHead(failStatus, { 'content-type': 'text/plain' }).end('nope')
        return
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('receiver has no TCP address')
  const { port } = address
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    failNext(count: number, status = 500) {
      failuresLeft = count
      failStatus = status
    },
    hangNext(count: number) {
      hangsLeft = count
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>

/**
 * A successful plan registration's six webhooks, in order: the billing ones carry the execution as
 * the read API answers it, and the order's last one names it.
 */
export async function expectRegistrationWebhooks(hook: Receiver, execution: unknown, id: unknown): Promise<void> {
  await vi.waitFor(() => expect(hook.requests).toHaveLength(6))
  const bodies = hook.requests.map((r) => JSON.parse(r.body) as { event_name: string; content: Record<string, unknown> })
  expect(bodies.map((b) => b.event_name)).toEqual([
    'TXN_CREATED',
    'MANDATE_CREATED',
    'MANDATE_ACTIVATED',
    'BILLING_EXECUTION_CREATED',
    'BILLING_EXECUTION_ACTIVATED',
    'ORDER_SUCCEEDED',
  ])
  expect(bodies[3]?.content['billing_execution_info']).toEqual(execution)
  expect(bodies[4]?.content['billing_execution_info']).toEqual(execution)
  expect((bodies[5]?.content['order'] as Record<string, unknown>)['billing_execution_info_id']).toBe(id)
}
