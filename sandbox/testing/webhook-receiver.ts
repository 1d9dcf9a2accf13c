import { expect, onTestFinished, vi } from 'vitest'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { MovableClock } from '../domain/clock'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The raw body exactly as it arrived, for signature checks. */
  body: string
}

/** A webhook endpoint on 127.0.0.1 that records requests, and can be told to fail, hang or redirect. */
export async function startReceiver() {
  const requests: ReceivedRequest[] = []
  let failuresLeft = 0
  let failStatus = 500
  let hangsLeft = 0
  let redirectTo: string | null = null
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      if (hangsLeft > 0) {
        hangsLeft -= 1
        return
      }
      if (redirectTo !== null) {
        res.writeHead(307, { location: redirectTo }).end()
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
    /** Answers every request with a 307 to `location` from now on. */
    redirectAll(location: string) {
      redirectTo = location
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>

/** A receiver closed when the current test finishes. */
export async function testReceiver(): Promise<Receiver> {
  const receiver = await startReceiver()
  onTestFinished(() => receiver.close())
  return receiver
}

/** How far a delivery's signed time may be from the receiver's clock, as docs/domain/juspay.md#webhooks says. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'outside tolerance' }

/**
 * Verifies `x-webhook-signature-v2` the way a merchant's server would, following the documented
 * steps (docs/domain/juspay.md#webhooks) independently of the sandbox's code: split the header
 * into `t` and `v1`, HMAC-SHA256 `"<t>.<raw body>"` with the response key, compare in constant
 * time, and refuse a `t` further than the tolerance from `nowSeconds`.
 */
export function verifyWebhookSignature(request: Pick<ReceivedRequest, 'headers' | 'body'>, responseKey: string, nowSeconds: number): SignatureCheck {
  const header = request.headers['x-webhook-signature-v2']
  if (typeof header !== 'string') return { ok: false, reason: 'missing' }
  const parts = header.split(',').map((part) => part.split('='))
  const timestamp = parts.find(([key]) => key === 't')?.[1]
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '')
  if (timestamp === undefined || !/^\d+$/.test(timestamp) || signatures.length === 0) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(createHmac('sha256', responseKey).update(`${timestamp}.${request.body}`, 'utf8').digest('hex'), 'utf8')
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'utf8')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!matches) return { ok: false, reason: 'mismatch' }
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'outside tolerance' }
  return { ok: true }
}

/** Sandbox time moved at each look while waiting: more than a delivery waits for its turn. */
const TURN_STEP_MS = 100
const LOOK_EVERY_MS = 10

/**
 * Waits until `hook` has received `count` requests. An order's deliveries go out one after another,
 * each later one a job due again a moment of sandbox time later while an earlier one is under way;
 * the test clocks stand still, so each look moves sandbox time on until all have arrived.
 */
export async function receivedInTurn(hook: Receiver, clock: MovableClock, count: number): Promise<void> {
  await vi.waitFor(
    () => {
      if (hook.requests.length < count) clock.advance(TURN_STEP_MS)
      expect(hook.requests).toHaveLength(count)
    },
    { interval: LOOK_EVERY_MS, timeout: 5_000 },
  )
}

/**
 * A successful plan registration's six webhooks, in order: the billing ones carry the execution as
 * the read API answers it, and the order's last one names it.
 */
export async function expectRegistrationWebhooks(hook: Receiver, clock: MovableClock, execution: unknown, id: unknown): Promise<void> {
  await receivedInTurn(hook, clock, 6)
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
