import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { hostnameOf, pinnedTransport, systemResolve } from './transport'

interface Received {
  method: string | undefined
  path: string | undefined
  host: string | undefined
  contentLength: string | undefined
  body: string
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A receiver on 127.0.0.1 that records each request and answers with `status` (and a Location, to tempt a redirect), or never when null. */
async function receiver(status: number | null): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = []
  const server = createServer((request: IncomingMessage, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      received.push({
        method: request.method,
        path: request.url,
        host: request.headers.host,
        contentLength: request.headers['content-length'],
        body,
      })
      if (status !== null) response.writeHead(status, { location: '/elsewhere' }).end()
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, received }
}

const LOOPBACK = { address: '127.0.0.1', family: 4 } as const

/**
 * A self-signed certificate for hooks.shop.example and its key, made for this test alone (P-256,
 * valid until 2126): no trust store knows it, which is what the test needs.
 */
const SELF_SIGNED = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyC67P5kFOgxvNdK5
dMekoSXsB+rKRBBsvd7bJXxzyIWhRANCAATQ+WSPBMwgyyiIu6wP8L5szX1aNKRB
V4RwikpColctbe8LbknphHTF4F+E8Nh1zJ+ofiRQ75EF3iosQ7OjLyht
-----END PRIVATE KEY-----`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBsDCCAVagAwIBAgIUd/YAsn+NjD+sZhQLgKidXvb7PO4wCgYIKoZIzj0EAwIw
HTEbMBkGA1UEAwwSaG9va3Muc2hvcC5leGFtcGxlMCAXDTI2MTIwMjA3MjIzMFoY
DzIxMjYxMTA4MDcyMjMwWjAdMRswGQYDVQQDDBJob29rcy5zaG9wLmV4YW1wbGUw
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATQ+WSPBMwgyyiIu6wP8L5szX1aNKRB
V4RwikpColctbe8LbknphHTF4F+E8Nh1zJ+ofiRQ75EF3iosQ7OjLyhto3IwcDAd
BgNVHQ4EFgQUOSm6LRjz2xtqwkAWaCnjR2ZHUzowHwYDVR0jBBgwFoAUOSm6LRjz
2xtqwkAWaCnjR2ZHUzowDwYDVR0TAQH/BAUwAwEB/zAdBgNVHREEFjAUghJob29r
cy5zaG9wLmV4YW1wbGUwCgYIKoZIzj0EAwIDSAAwRQIgNKKKQIdq9b004lfjsGiy
U7VAQLyUcVuBFUIeZyRMwDwCIQDMIzqu6cZrI/H2vpMJYNRM38Rckbx4lRO5pdeF
hHRgSw==
-----END CERTIFICATE-----`,
}

describe('pinnedTransport', () => {
  it('posts the body to the checked address, naming the URL\'s host, with its length in bytes', async () => {
    const { port, received } = await receiver(200)
    // ₹ is three bytes in UTF-8: a length counted in characters would cut the body short.
    const body = JSON.stringify({ event_name: 'ORDER_SUCCEEDED', amount: '₹1,000.00' })
    const answer = await pinnedTransport({
      url: new URL(`http://hooks.shop.example:${port}/juspay?x=1`),
      address: LOOPBACK,
      headers: { 'content-type': 'application/json' },
      body,
      signal: new AbortController().signal,
    })
    expect(answer).toEqual({ status: 200 })
    expect(received).toEqual([
      { method: 'POST', path: '/juspay?x=1', host: `hooks.shop.example:${port}`, contentLength: String(Buffer.byteLength(body)), body },
    ])
    expect(Number(received[0]?.contentLength)).toBeGreaterThan(body.length)
  })

  it('answers a redirect as it is, without following it', async () => {
    const { port, received } = await receiver(302)
    const answer = await pinnedTransport({
      url: new URL(`http://127.0.0.1:${port}/hooks`),
      address: LOOPBACK,
      headers: {},
      body: '{}',
      signal: new AbortController().signal,
    })
    expect(answer).toEqual({ status: 302 })
    expect(received.map((r) => r.path)).toEqual(['/hooks'])
  })

  it('rejects with the signal\'s reason when stopped before an answer', async () => {
    const { port, received } = await receiver(null)
    const controller = new AbortController()
    const sent = pinnedTransport({ url: new URL(`http://127.0.0.1:${port}/hooks`), address: LOOPBACK, headers: {}, body: '{}', signal: controller.signal })
    await expect.poll(() => received.length).toBe(1)
    const reason = new Error('the sandbox is stopping')
    controller.abort(reason)
    await expect(sent).rejects.toBe(reason)
  })

  it('speaks TLS to an https URL and refuses a certificate no trust store vouches for', async () => {
    const received: string[] = []
    const server = createTlsServer(SELF_SIGNED, (request, response) => {
      received.push(request.url ?? '')
      response.writeHead(200).end()
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const sent = pinnedTransport({ url: new URL(`https://hooks.shop.example:${port}/juspay`), address: LOOPBACK, headers: {}, body: '{}', signal: new AbortController().signal })
    await expect(sent).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
    expect(received).toEqual([])
  })

  it('rejects with the connection\'s own error when nothing listens', async () => {
    const { port } = await receiver(200)
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
    const sent = pinnedTransport({ url: new URL(`http://127.0.0.1:${port}/hooks`), address: LOOPBACK, headers: {}, body: '{}', signal: new AbortController().signal })
    await expect(sent).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})

describe('systemResolve', () => {
  it.each([
    ['127.0.0.1', [{ address: '127.0.0.1', family: 4 }]],
    ['::1', [{ address: '::1', family: 6 }]],
    ['::ffff:10.0.0.1', [{ address: '::ffff:10.0.0.1', family: 6 }]],
  ])('an IP literal %s resolves to itself, with its family', async (literal, expected) => {
    expect(await systemResolve(literal)).toEqual(expected)
  })
})

describe('hostnameOf', () => {
  it.each([
    ['http://[::1]:8080/hooks', '::1'],
    ['https://[fd00::1]/hooks', 'fd00::1'],
    ['https://hooks.shop.example/x', 'hooks.shop.example'],
    ['http://127.0.0.1:9/x', '127.0.0.1'],
  ])('%s → %s', (url, expected) => {
    expect(hostnameOf(new URL(url))).toBe(expected)
  })
})
