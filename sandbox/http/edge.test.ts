import type { AddressInfo } from 'node:net'
import { request as httpRequest } from 'node:http'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Logger } from '../log'
import { edge } from './edge'
import { allowedHosts } from './hosts'
import { DEFAULT_LIMITS } from './limits'
import { pageCsp, setPageHeaders } from './security'

const BASE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
}
const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"

/** The edge in front of a few routes, served by Node as the sandbox is: the path the headers take there differs from `app.request`'s. */
describe('the edge, behind Node’s server', () => {
  const lines: { event: string; fields: Record<string, unknown> | undefined }[] = []
  const log: Logger = { info: (event, fields) => lines.push({ event, fields }), error: (event, fields) => lines.push({ event, fields }) }
  let server: ServerType
  let port = 0

  beforeAll(async () => {
    const app = new Hono()
    app.use(edge({ log, hosts: allowedHosts('http://127.0.0.1:4000'), dialects: { forPath: () => undefined }, limits: DEFAULT_LIMITS }))
    app.get('/json', (c) => c.json({ ok: true }))
    app.get('/page', (c) => {
      setPageHeaders(c, ['https://shop.example.com'])
      return c.html('<p>page</p>')
    })
    app.get('/asset', async (c, next) => {
      await next()
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    app.get('/asset', (c) => c.body('asset'))
    app.get('/raw', () => new Response('built without the context', { headers: { 'Cache-Control': 'max-age=60' } }))
    app.get('/big', (c) => c.json({ text: 'x'.repeat(4096) }))
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve())
    })
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** A raw request, so the Host header and Accept-Encoding are exactly what the test sends. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })

  it.each(['/json', '/page', '/asset', '/raw', '/missing'])('%s carries the base headers', async (path) => {
    const res = await get(path)
    expect(res.headers).toMatchObject(BASE)
  })

  it('gives an API answer the strict CSP and no-store', async () => {
    const res = await get('/json')
    expect(res.status).toBe(200)
    expect(res.headers).toMatchObject({ 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store', 'content-type': 'application/json' })
    expect(JSON.parse(res.body.toString())).toEqual({ ok: true })
  })

  it('keeps the page’s own CSP, and a Cache-Control a handler set after the response or on its own Response', async () => {
    expect((await get('/page')).headers['content-security-policy']).toBe(pageCsp(['https://shop.example.com']))
    expect((await get('/asset')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const raw = await get('/raw')
    expect(raw.headers['cache-control']).toBe('max-age=60')
    expect(raw.headers['content-security-policy']).toBe(STRICT_CSP)
  })

  it('refuses a host it does not answer to with 421, the base headers still on', async () => {
    const res = await get('/json', { host: 'rebound.example' })
    expect(res.status).toBe(421)
    expect(res.headers).toMatchObject({ ...BASE, 'content-security-policy': STRICT_CSP })
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'host_not_allowed' } })
  })

  it('compresses for a client that accepts it, and only then', async () => {
    expect((await get('/big', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip')
    expect((await get('/big')).headers['content-encoding']).toBeUndefined()
  })

  it('logs one line per request with its status, and redacts what could be a secret in the path', async () => {
    lines.length = 0
    await get(`/json?x=1`)
    await get(`/missing/cs_${'a'.repeat(24)}_secret_abc`)
    expect(lines.map((l) => l.event)).toEqual(['request', 'request'])
    expect(lines[0]?.fields).toMatchObject({ method: 'GET', path: '/json', status: 200 })
    expect(lines[1]?.fields).toMatchObject({ status: 404 })
    expect(String(lines[1]?.fields?.['path'])).not.toContain('secret')
  })
})
