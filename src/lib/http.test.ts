import { afterEach, describe, expect, it, vi } from 'vitest'
import { getJson, postJson } from './http'

/**
 * The browser's fetch replaced by one that records each call and answers `answer` (a Response, or
 * a thrown error as a failed fetch does): the page runs in the browser, so these tests see what the
 * page hands fetch, including the options no server can observe (credentials, cache).
 */
function browserFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return Promise.resolve().then(answer)
  })
  return calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('getJson', () => {
  it('asks for JSON, same-origin credentials and no cache, and answers the status and the parsed body', async () => {
    const calls = browserFetch(() => json(200, { status: 'NEW', amount: '₹1.00' }))
    expect(await getJson('/api/pages/p1')).toEqual({ kind: 'response', status: 200, body: { status: 'NEW', amount: '₹1.00' } })
    expect(calls).toEqual([
      { url: '/api/pages/p1', init: { credentials: 'same-origin', cache: 'no-store', method: 'GET', headers: { accept: 'application/json' }, signal: null } },
    ])
  })

  it('passes the caller\'s signal on', async () => {
    const calls = browserFetch(() => json(200, {}))
    const controller = new AbortController()
    await getJson('/api/pages/p1', controller.signal)
    expect(calls[0]?.init.signal).toBe(controller.signal)
  })

  it.each([
    ['a proxy\'s HTML error page', () => new Response('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })],
    ['an empty answer', () => new Response(null, { status: 502 })],
  ])('answers %s as a response whose body is null, not a failure', async (_name, answer) => {
    browserFetch(answer)
    expect(await getJson('/api/pages/p1')).toEqual({ kind: 'response', status: 502, body: null })
  })

  it.each([
    ['offline or refused', new TypeError('Failed to fetch')],
    ['stopped by its caller', new DOMException('The operation was aborted.', 'AbortError')],
  ])('reports a fetch that failed (%s) as a network failure with its cause, instead of throwing', async (_name, cause) => {
    browserFetch(() => Promise.reject(cause))
    expect(await getJson('/api/pages/p1')).toEqual({ kind: 'network', cause })
  })
})

describe('postJson', () => {
  it('sends the payload as JSON with the headers it is given, and answers the parsed body', async () => {
    const calls = browserFetch(() => json(201, { attempt: { status: 'pending' } }))
    const result = await postJson('/api/pages/p1/attempts', { rail: 'upi', vpa: 'ravi@upi' }, undefined, { 'idempotency-key': 'k-1' })
    expect(result).toEqual({ kind: 'response', status: 201, body: { attempt: { status: 'pending' } } })
    expect(calls).toEqual([
      {
        url: '/api/pages/p1/attempts',
        init: {
          credentials: 'same-origin',
          cache: 'no-store',
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': 'k-1' },
          body: '{"rail":"upi","vpa":"ravi@upi"}',
          signal: null,
        },
      },
    ])
  })

  it('sends no other header unless given one, and passes the signal on', async () => {
    const calls = browserFetch(() => json(409, { error: { code: 'attempt_in_progress', message: 'An attempt is in progress.' } }))
    const controller = new AbortController()
    const result = await postJson('/api/pages/p1/cancel', {}, controller.signal)
    expect(result).toEqual({ kind: 'response', status: 409, body: { error: { code: 'attempt_in_progress', message: 'An attempt is in progress.' } } })
    expect(calls[0]?.init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' })
    expect(calls[0]?.init.signal).toBe(controller.signal)
  })
})
