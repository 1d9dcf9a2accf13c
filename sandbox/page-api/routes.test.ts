import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PageError, SessionView } from '../../contract/session'
import { VpaVerification } from '../../contract/attempt'
import { MAX_BODY_BYTES } from '../http/body-limit'
import { MAGIC_VPAS, SUCCESS_DELAY_MS } from '../../contract/scenarios'
import { seedOrder, testSandbox } from '../testing/fixtures'

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const intent = { rail: 'upi', channel: 'intent', setUpMandate: true }

/**
 * Checks a return URL's signature as a merchant's server does, by the documented steps
 * (docs/domain/juspay.md#return-url-signature) rather than the sandbox's own signer: every parameter
 * but the signature's two, key and value percent-encoded, sorted, joined, encoded once more, HMAC-SHA256, base64.
 */
function returnSignatureValid(url: string, key: string): boolean {
  const params = new URL(url).searchParams
  const pairs = [...params.entries()]
    .filter(([k]) => k !== 'signature' && k !== 'signature_algorithm')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const message = encodeURIComponent(pairs.map(([k, v]) => `${k}=${v}`).join('&'))
  return createHmac('sha256', key).update(message).digest('base64') === params.get('signature')
}

async function errorCode(res: Response): Promise<string> {
  return PageError.parse(await res.json()).error.code
}

describe('GET /api/pages/:pageId', () => {
  it('answers the session view', async () => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps)
    const res = await app.request(`/api/pages/${order.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const view = SessionView.parse(await res.json())
    expect(view).toMatchObject({ pageId: order.id, state: 'open', attempt: null, attemptsLeft: 25, returnUrl: null })
  })

  it.each([
    ['/api/pages/ordeh_nothex', 400, 'malformed'],
    ['/api/pages/ordeh_00000000000000000000000000000000', 404, 'not_found'],
    ['/api/pages/ordeh_00000000000000000000000000000000/events', 404, 'not_found'],
  ])('%s → %i %s', async (path, status, code) => {
    const { app } = testSandbox()
    const res = await app.request(path)
    expect(res.status).toBe(status)
    expect(await errorCode(res)).toBe(code)
  })
})

describe('POST /api/pages/:pageId/attempts', () => {
  it('starts an intent attempt with its mandate URI and replays it for the same key', async () => {
    const { app, deps, store } = testSandbox()
    const order = await seedOrder(deps)
    const first = await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'k-1' }))
    expect(first.status).toBe(201)
    const view = SessionView.parse(await first.json())
    expect(view.status).toBe('PENDING_VBV')
    expect(view.attempt).toMatchObject({
      rail: 'upi',
      upi: {
        uri: { kind: 'mandate', am: '1000.00', mode: '04' },
        simulatorUrl: expect.stringMatching(/^\/simulator\/upi\/[0-9a-f]{32}$/) as unknown,
      },
    })
    const again = await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'k-1' }))
    expect(again.status).toBe(200)
    expect(SessionView.parse(await again.json()).attempt?.id).toBe(view.attempt?.id)
    expect((await store.orderById(order.id))?.attempts).toHaveLength(1)
  })

  it.each<[string, RequestInit, number, string]>([
    ['no idempotency key', json(intent), 400, 'idempotency_key_required'],
    ['a text body', { method: 'POST', headers: { 'idempotency-key': 'k', 'content-type': 'text/plain' }, body: 'x' }, 415, 'unsupported_media_type'],
    ['invalid JSON', { method: 'POST', headers: { 'idempotency-key': 'k', 'content-type': 'application/json' }, body: '{"a":' }, 400, 'malformed'],
    ['an unknown rail', json({ ...intent, rail: 'card' }, { 'idempotency-key': 'k' }), 400, 'malformed'],
    ['a body over 64 KB', json({ ...intent, vpa: 'a'.repeat(MAX_BODY_BYTES) }, { 'idempotency-key': 'k' }), 413, 'payload_too_large'],
    ['collect without VPA', json({ ...intent, channel: 'collect' }, { 'idempotency-key': 'k' }), 422, 'vpa_required'],
    ['an unknown VPA', json({ ...intent, channel: 'collect', vpa: MAGIC_VPAS.unknown }, { 'idempotency-key': 'k' }), 422, 'vpa_invalid'],
    ['eNACH without account details', json({ rail: 'netbanking', setUpMandate: true }, { 'idempotency-key': 'k' }), 422, 'enach_details_required'],
    ['hostile VPA text', json({ ...intent, channel: 'collect', vpa: '<script>@x' }, { 'idempotency-key': 'k' }), 422, 'vpa_invalid'],
  ])('refuses %s, storing nothing', async (_name, init, status, code) => {
    const { app, deps, store } = testSandbox()
    const order = await seedOrder(deps)
    const res = await app.request(`/api/pages/${order.id}/attempts`, init)
    expect(res.status).toBe(status)
    expect(await errorCode(res)).toBe(code)
    expect((await store.orderById(order.id))?.attempts).toHaveLength(0)
  })

  it('refuses a second attempt while one is pending', async () => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps)
    await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'a' }))
    const res = await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'b' }))
    expect(res.status).toBe(409)
    expect(await errorCode(res)).toBe('attempt_in_progress')
  })

  it('reports success with a signed return URL and the first debit date', async () => {
    const { app, deps, clock } = testSandbox()
    const order = await seedOrder(deps)
    await app.request(
      `/api/pages/${order.id}/attempts`,
      json({ ...intent, channel: 'collect', vpa: MAGIC_VPAS.success }, { 'idempotency-key': 'a' }),
    )
    clock.advance(SUCCESS_DELAY_MS)
    const view = SessionView.parse(await (await app.request(`/api/pages/${order.id}`)).json())
    expect(view.state).toBe('completed')
    expect(view.outcome).toMatchObject({ status: 'CHARGED', statusId: 21, mandateStatus: 'ACTIVE' })
    expect(view.outcome?.firstDebitDate).toBe('2026-12-04T18:30:00.000Z')
    const url = new URL(view.returnUrl ?? '')
    expect(url.searchParams.get('status')).toBe('CHARGED')
    expect(url.searchParams.get('signature_algorithm')).toBe('HMAC-SHA256')
  })

  it('signs the return URL it serves with the merchant\'s response key, not its API key', async () => {
    const { app, deps, clock } = testSandbox()
    const merchant = deps.merchants.byId('demo_merchant')
    if (!merchant) throw new Error('demo merchant missing')
    const order = await seedOrder(deps)
    await app.request(`/api/pages/${order.id}/attempts`, json({ ...intent, channel: 'collect', vpa: MAGIC_VPAS.success }, { 'idempotency-key': 'a' }))
    clock.advance(SUCCESS_DELAY_MS)
    const { returnUrl } = SessionView.parse(await (await app.request(`/api/pages/${order.id}`)).json())
    expect(returnUrl).not.toBeNull()
    expect(merchant.responseKey).not.toBe(merchant.apiKey)
    expect(returnSignatureValid(returnUrl ?? '', merchant.responseKey)).toBe(true)
    expect(returnSignatureValid(returnUrl ?? '', merchant.apiKey)).toBe(false)
  })
})

describe('cancel and VPA verification', () => {
  it('cancels the pending attempt and refuses to cancel twice', async () => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps)
    const started = SessionView.parse(
      await (await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'a' }))).json(),
    )
    const path = `/api/pages/${order.id}/attempts/${started.attempt?.id ?? ''}/cancel`
    const cancelled = SessionView.parse(await (await app.request(path, { method: 'POST' })).json())
    expect(cancelled.attempt?.status).toBe('cancelled')
    expect(cancelled.state).toBe('open')
    const again = await app.request(path, { method: 'POST' })
    expect(again.status).toBe(409)
  })

  it.each([
    [MAGIC_VPAS.success, 'VALID', true],
    ['asha@nomandate', 'VALID', false],
    [MAGIC_VPAS.unknown, 'INVALID', false],
    ['no-at-sign', 'INVALID', false],
  ])('verifies %s as %s (AutoPay %s)', async (vpa, status, supported) => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps)
    const res = await app.request(`/api/pages/${order.id}/vpa`, json({ vpa }))
    const body = VpaVerification.parse(await res.json())
    expect(body.status).toBe(status)
    expect(body.mandate_details.is_handle_supported).toBe(supported)
  })
})

describe('GET /api/pages/:pageId/events', () => {
  it('streams the current view first, then each change', async () => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps)
    const res = await app.request(`/api/pages/${order.id}/events`)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body?.getReader()
    if (!reader) throw new Error('no stream')
    const decoder = new TextDecoder()
    const readEvent = async () => {
      let text = ''
      while (!text.includes('\n\n')) {
        const chunk = await reader.read()
        // A stream that ends early fails here, at once, instead of leaving the test waiting for a chunk that never comes.
        if (chunk.done) throw new Error(`the live stream ended before an event; it had sent ${JSON.stringify(text)}`)
        text += decoder.decode(chunk.value, { stream: true })
      }
      const data = /data: (.*)/.exec(text)?.[1] ?? ''
      return SessionView.parse(JSON.parse(data))
    }
    expect((await readEvent()).status).toBe('NEW')
    await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'a' }))
    expect((await readEvent()).status).toBe('PENDING_VBV')
    await reader.cancel()
  })
})

describe('POST /api/checkout/lookup', () => {
  it.each<[string, RequestInit, number]>([
    ['text body', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }, 415],
    ['no secret', json({}), 400],
    ['a malformed secret', json({ client_secret: 'cs_x' }), 400],
    ['an unknown secret', json({ client_secret: `cs_${'a'.repeat(24)}_secret_${'b'.repeat(32)}` }), 404],
  ])('refuses %s', async (_name, init, status) => {
    const { app } = testSandbox()
    expect((await app.request('/api/checkout/lookup', init)).status).toBe(status)
  })
})

describe('POST /api/pages/:pageId/cancel', () => {
  const checkoutSource = (cancelUrl: string | null) =>
    ({ dialect: 'checkout', sessionId: 'cs_AAAAAAAAAAAAAAAAAAAAAAAA', clientSecret: 'cs_x_secret_y', mode: 'subscription', cancelUrl, raw: {} }) as const

  it('ends an open session with a cancel_url, tells the live stream, and answers the same again', async () => {
    const { app, deps, store } = testSandbox()
    const order = await seedOrder(deps, { source: checkoutSource('https://shop.merchant.com/cart') })
    const before = SessionView.parse(await (await app.request(`/api/pages/${order.id}`)).json())
    expect(before).toMatchObject({ state: 'open', cancelUrl: 'https://shop.merchant.com/cart' })

    const res = await app.request(`/api/pages/${order.id}/cancel`, { method: 'POST' })
    expect(res.status).toBe(200)
    const view = SessionView.parse(await res.json())
    expect(view).toMatchObject({ state: 'cancelled', cancelUrl: 'https://shop.merchant.com/cart', returnUrl: null })
    expect((await store.orderById(order.id))?.cancelledAt).toBe(deps.clock.now().toISOString())

    const again = await app.request(`/api/pages/${order.id}/cancel`, { method: 'POST' })
    expect(again.status).toBe(200)
    expect(SessionView.parse(await again.json()).state).toBe('cancelled')

    const start = await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'k-after-cancel' }))
    expect(start.status).toBe(409)
    expect(await errorCode(start)).toBe('session_not_open')
  })

  it('refuses while an attempt waits for approval, and once it is cancelled goes ahead', async () => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps, { source: checkoutSource('https://shop.merchant.com/cart') })
    const started = SessionView.parse(await (await app.request(`/api/pages/${order.id}/attempts`, json(intent, { 'idempotency-key': 'k-1' }))).json())
    const refused = await app.request(`/api/pages/${order.id}/cancel`, { method: 'POST' })
    expect(refused.status).toBe(409)
    expect(await errorCode(refused)).toBe('attempt_in_progress')
    await app.request(`/api/pages/${order.id}/attempts/${started.attempt?.id ?? ''}/cancel`, { method: 'POST' })
    expect((await app.request(`/api/pages/${order.id}/cancel`, { method: 'POST' })).status).toBe(200)
  })

  it.each<[string, (deps: ReturnType<typeof testSandbox>['deps']) => Promise<string>, number, string]>([
    ['a session without a cancel_url', async (deps) => (await seedOrder(deps)).id, 422, 'cancel_unavailable'],
    [
      'an expired session',
      async (deps) => (await seedOrder(deps, { source: checkoutSource('https://shop.merchant.com/cart'), expiresAt: deps.clock.now().toISOString() })).id,
      409,
      'session_not_open',
    ],
    ['an unknown page', () => Promise.resolve('ordeh_00000000000000000000000000000000'), 404, 'not_found'],
    ['a malformed page id', () => Promise.resolve('ordeh_nothex'), 400, 'malformed'],
  ])('refuses %s', async (_name, seed, status, code) => {
    const { app, deps } = testSandbox()
    const res = await app.request(`/api/pages/${await seed(deps)}/cancel`, { method: 'POST' })
    expect(res.status).toBe(status)
    expect(await errorCode(res)).toBe(code)
  })

  it('refuses a paid session', async () => {
    const { app, deps, clock } = testSandbox()
    const order = await seedOrder(deps, { source: checkoutSource('https://shop.merchant.com/cart') })
    await app.request(`/api/pages/${order.id}/attempts`, json({ rail: 'upi', channel: 'collect', vpa: MAGIC_VPAS.success, setUpMandate: true }, { 'idempotency-key': 'k-1' }))
    clock.advance(SUCCESS_DELAY_MS + 1)
    const res = await app.request(`/api/pages/${order.id}/cancel`, { method: 'POST' })
    expect(res.status).toBe(409)
    expect(await errorCode(res)).toBe('session_not_open')
  })
})
