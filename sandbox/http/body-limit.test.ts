import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { bodyLimit } from './body-limit'

function app() {
  const a = new Hono()
  a.post('/', bodyLimit({ maxSize: 10, onError: (c) => c.text('too large', 413) }), async (c) => c.text(`got ${await c.req.text()}`))
  return a
}

describe('bodyLimit', () => {
  it('passes a body within the limit to the handler', async () => {
    const res = await app().request('/', { method: 'POST', body: '0123456789', headers: { 'content-length': '10' } })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('got 0123456789')
  })

  it('refuses a declared length over the limit without reading the body', async () => {
    const res = await app().request('/', { method: 'POST', body: '0123456789A', headers: { 'content-length': '11' } })
    expect(res.status).toBe(413)
  })

  it('measures a chunked body while streaming it', async () => {
    const stream = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const ch of text) controller.enqueue(new TextEncoder().encode(ch))
          controller.close()
        },
      })
    const over = await app().request('/', { method: 'POST', body: stream('0123456789AB'), duplex: 'half' } as RequestInit)
    expect(over.status).toBe(413)
    const within = await app().request('/', { method: 'POST', body: stream('01234'), duplex: 'half' } as RequestInit)
    expect(await within.text()).toBe('got 01234')
  })
})
