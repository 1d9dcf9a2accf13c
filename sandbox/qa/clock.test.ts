import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { StartAttempt } from '../../contract/attempt'
import { createOrder } from '../domain/orders'
import { orderDraft } from '../testing/fixtures'
import { qaSandbox } from '../testing/qa-sandbox'
import { MAX_CLOCK_MOVE_SECONDS } from './routes'

const NOW = new Date('2026-11-25T10:00:00.000Z')
const NOW_S = NOW.getTime() / 1000
const HOUR_S = 3600
const intent: StartAttempt = { rail: 'upi', channel: 'intent', setUpMandate: true }
const basic = (credentials: string): string => `Basic ${Buffer.from(credentials).toString('base64')}`
const OTHER = basic('other_api_key:')

const ClockBody = z.strictObject({ now: z.int(), now_iso: z.iso.datetime(), offset_seconds: z.int() })
const ErrorBody = z.object({ error_message: z.string(), error_info: z.object({ code: z.string() }) })

function setup() {
  const s = qaSandbox(NOW)
  const clock = async (auth?: string) => ClockBody.parse(await (await s.request('GET', '/sandbox/clock', auth ? { auth } : {})).json())
  const move = (body: unknown, auth?: string) =>
    s.request('POST', '/sandbox/clock', { body: typeof body === 'string' ? body : JSON.stringify(body), ...(auth ? { auth } : {}) })
  const pending = async (orderId: string) => {
    const created = await createOrder(s.deps, orderDraft(NOW, { orderId, fingerprint: orderId, expiresAt: new Date(NOW.getTime() + 2 * HOUR_S * 1000).toISOString() }))
    if (created.kind !== 'created') throw new Error('order not created')
    const merchant = s.merchants.byId(created.order.merchantId)
    if (!merchant) throw new Error('merchant missing')
    const started = await s.attempts.start(created.order, merchant, intent, `k-${orderId}`)
    if (!started.ok) throw new Error(started.error)
    return started.order
  }
  return { ...s, clock, move, pending }
}

describe('GET /sandbox/clock', () => {
  it("answers the merchant's sandbox time, on real time until it is moved", async () => {
    const s = setup()
    expect(await s.clock()).toEqual({ now: NOW_S, now_iso: NOW.toISOString(), offset_seconds: 0 })
  })
})

describe('POST /sandbox/clock', () => {
  it('moves the clock forward by seconds or to a Unix time, and answers it as GET does', async () => {
    const s = setup()
    const by = await s.move({ advance_by_seconds: HOUR_S })
    expect(by.status).toBe(200)
    expect(ClockBody.parse(await by.json())).toEqual({ now: NOW_S + HOUR_S, now_iso: '2026-11-25T11:00:00.000Z', offset_seconds: HOUR_S })
    const to = await s.move({ advance_to: NOW_S + 24 * HOUR_S })
    expect(ClockBody.parse(await to.json())).toEqual({ now: NOW_S + 24 * HOUR_S, now_iso: '2026-11-26T10:00:00.000Z', offset_seconds: 24 * HOUR_S })
    expect(await s.clock()).toEqual({ now: NOW_S + 24 * HOUR_S, now_iso: '2026-11-26T10:00:00.000Z', offset_seconds: 24 * HOUR_S })
  })

  it("moves the calling merchant's clock only: another merchant's key moves that merchant's own", async () => {
    const s = setup()
    await s.move({ advance_by_seconds: HOUR_S }, OTHER)
    expect((await s.clock(OTHER)).offset_seconds).toBe(HOUR_S)
    expect((await s.clock()).offset_seconds).toBe(0)
  })

  it('runs what falls due on the way before it answers, each at its due time: an approval window closing and its webhooks', async () => {
    const s = setup()
    const order = await s.pending('clock-1')
    const attempt = order.attempts[0]
    expect(attempt?.status).toBe('pending')
    const moved = await s.move({ advance_by_seconds: HOUR_S })
    expect(moved.status).toBe(200)
    const stored = await s.store.orderById(order.id)
    expect(stored?.attempts[0]).toMatchObject({ status: 'expired', endedAt: attempt?.expiresAt })
    const records = await s.webhooks.deliveriesFor(order.merchantId, order.orderId)
    const failed = records.find((record) => record.event_name === 'ORDER_FAILED')
    expect(failed?.created_at).toBe(attempt?.expiresAt)
  })

  it("leaves another merchant's due work where it is", async () => {
    const s = setup()
    const order = await s.pending('clock-2')
    await s.move({ advance_by_seconds: HOUR_S }, OTHER)
    expect((await s.store.orderById(order.id))?.attempts[0]?.status).toBe('pending')
  })

  it("ends links on the merchant's clock: QA's expire stamps the moved time, and a link past its expiry is already expired", async () => {
    const s = setup()
    await s.pending('clock-3')
    await s.move({ advance_by_seconds: 60 })
    await s.request('POST', '/sandbox/orders/clock-3/attempt/decline')
    const expired = await s.request('POST', '/sandbox/orders/clock-3/expire')
    expect(await expired.json()).toMatchObject({ expired_at: '2026-11-25T10:01:00.000Z' })
    await s.pending('clock-4')
    await s.request('POST', '/sandbox/orders/clock-4/attempt/decline')
    await s.move({ advance_by_seconds: 3 * HOUR_S })
    const again = await s.request('POST', '/sandbox/orders/clock-4/expire')
    expect(again.status).toBe(409)
    expect(ErrorBody.parse(await again.json()).error_message).toContain('already expired')
  })

  it('is put back to real time by the merchant’s reset', async () => {
    const s = setup()
    await s.move({ advance_by_seconds: HOUR_S })
    await s.move({ advance_by_seconds: HOUR_S }, OTHER)
    expect((await s.request('POST', '/sandbox/reset')).status).toBe(200)
    expect(await s.clock()).toEqual({ now: NOW_S, now_iso: NOW.toISOString(), offset_seconds: 0 })
    expect((await s.clock(OTHER)).offset_seconds).toBe(HOUR_S)
  })

  it.each<[string, string | object, number, string]>([
    ['no body', '', 400, 'body is missing'],
    ['an empty object', {}, 400, 'exactly one of advance_by_seconds'],
    ['both fields', { advance_by_seconds: 60, advance_to: NOW_S + 60 }, 400, 'exactly one of advance_by_seconds'],
    ['a negative advance', { advance_by_seconds: -60 }, 400, 'advance_by_seconds must be more than 0'],
    ['a zero advance', { advance_by_seconds: 0 }, 400, 'advance_by_seconds must be more than 0'],
    ['a fraction of a second', { advance_by_seconds: 1.5 }, 400, 'advance_by_seconds must be a whole number of seconds'],
    ['seconds as a string', { advance_by_seconds: '60' }, 400, 'advance_by_seconds must be a whole number of seconds'],
    ['more than ten years', { advance_by_seconds: MAX_CLOCK_MOVE_SECONDS + 1 }, 400, 'must be at most'],
    ['a time as a string', { advance_to: '2026-11-26T10:00:00Z' }, 400, 'advance_to must be a Unix time in whole seconds'],
    ['a time in milliseconds', { advance_to: NOW.getTime() }, 400, 'ten years'],
    ['a time in the past', { advance_to: NOW_S - 1 }, 409, 'only moves forward'],
    ['an unknown field', { advance_by_seconds: 60, rewind: true }, 400, 'rewind is not a known field'],
    ['a JSON array', '[60]', 400, 'must be a JSON object'],
    ['malformed JSON', '{"advance_by_seconds":', 400, 'not valid JSON'],
  ])('refuses %s, clearly, and leaves the clock where it was', async (_name, body, status, message) => {
    const s = setup()
    const response = await s.move(body)
    expect(response.status).toBe(status)
    expect(ErrorBody.parse(await response.json()).error_message).toContain(message)
    expect((await s.clock()).offset_seconds).toBe(0)
  })

  it.each<[string, object, number, string, { field_name: string; reason: string }[]]>([
    [
      'neither field',
      {},
      400,
      'Send exactly one of advance_by_seconds (how far to move the clock) or advance_to (the Unix time to move it to).',
      [{ field_name: 'advance_by_seconds, advance_to', reason: 'exactly one is required' }],
    ],
    [
      'a time a second behind the clock',
      { advance_to: NOW_S - 1 },
      409,
      `advance_to ${NOW_S - 1} is before the merchant's sandbox time (${NOW_S}); the clock only moves forward (POST /sandbox/reset puts it back to real time).`,
      [{ field_name: 'advance_to', reason: 'is in the past of the clock' }],
    ],
    [
      'a time a second past ten years ahead',
      { advance_to: NOW_S + MAX_CLOCK_MOVE_SECONDS + 1 },
      400,
      `advance_to ${NOW_S + MAX_CLOCK_MOVE_SECONDS + 1} is more than ${MAX_CLOCK_MOVE_SECONDS} seconds (ten years) ahead of the merchant's sandbox time; move it in steps.`,
      [{ field_name: 'advance_to', reason: 'is too far ahead' }],
    ],
  ])('names what is wrong with %s, message and field', async (_name, body, status, message, fields) => {
    const s = setup()
    const response = await s.move(body)
    expect(response.status).toBe(status)
    const answer = z.object({ error_message: z.string(), error_info: z.object({ fields: z.array(z.unknown()) }) }).parse(await response.json())
    expect(answer.error_message).toBe(message)
    expect(answer.error_info.fields).toEqual(fields)
  })

  it.each([
    ['to the clock\'s own second: it stays', NOW_S, 0],
    ['exactly ten years ahead', NOW_S + MAX_CLOCK_MOVE_SECONDS, MAX_CLOCK_MOVE_SECONDS],
  ])('takes a move %s', async (_name, to, offset) => {
    const s = setup()
    const response = await s.move({ advance_to: to })
    expect(response.status).toBe(200)
    expect((await s.clock()).offset_seconds).toBe(offset)
  })

  it.each([
    ['no Authorization header', null],
    ['a wrong API key', basic('nope_api_key:')],
  ])('refuses %s with 401 and moves no clock', async (_name, auth) => {
    const s = setup()
    const response = await s.request('POST', '/sandbox/clock', { body: '{"advance_by_seconds":60}', auth })
    expect(response.status).toBe(401)
    expect((await s.clock()).offset_seconds).toBe(0)
    expect((await s.clock(OTHER)).offset_seconds).toBe(0)
  })

  it('answers 405 for a method the clock does not take', async () => {
    const s = setup()
    expect((await s.request('DELETE', '/sandbox/clock')).status).toBe(405)
  })
})
