import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { bodyLimit, MAX_BODY_BYTES } from './body-limit'

function app() {
  const a = new Hono()
  a.post('/', bodyLimit((c) => c.text('too large', 413)), async (c) => c.text(`got ${String((await c.req.text()).length)}`))
  return a
}

const stream = (bytes: number, chunk = 4096) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += chunk) controller.enqueue(new Uint8Array(Math.min(chunk, bytes - sent)).fill(120))
      controller.close()
    },
  })

describe('bodyLimit', () => {
  it('is 64 KB', () => {
    expect(MAX_BODY_BYTES).toBe(65_536)
  })

  it('passes a body of exactly the limit to the handler', async () => {
    const body = 'x'.repeat(MAX_BODY_BYTES)
    const res = await app().request('/', { method: 'POST', body, headers: { 'content-length': String(MAX_BODY_BYTES) } })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(`got ${String(MAX_BODY_BYTES)}`)
  })

  it('refuses a declared length over the limit without reading the body', async () => {
    const res = await app().request('/', { method: 'POST', body: 'tiny', headers: { 'content-length': String(MAX_BODY_BYTES + 1) } })
    expect(res.status).toBe(413)
    expect(await res.text()).toBe('too large')
  })

  it('measures a chunked body while streaming it', async () => {
    const over = await app().request('/', { method: 'POST', body: stream(MAX_BODY_BYTES + 1), duplex: 'half' } as RequestInit)
    expect(over.status).toBe(413)
    const within = await app().request('/', { method: 'POST', body: stream(MAX_BODY_BYTES), duplex: 'half' } as RequestInit)
    expect(await within.text()).toBe(`got ${String(MAX_BODY_BYTES)}`)
  })

  it('does not trust a length sent beside Transfer-Encoding: the body is measured as it streams', async () => {
    const res = await app().request('/', {
      method: 'POST',
      body: stream(MAX_BODY_BYTES + 1),
      duplex: 'half',
      headers: { 'content-length': '10', 'transfer-encoding': 'chunked' },
    } as RequestInit)
    expect(res.status).toBe(413)
  })
})
