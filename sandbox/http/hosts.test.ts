import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { allowedHosts, hostNameOf, hostRefusal } from './hosts'

function app(hosts = allowedHosts('https://sandbox.example.com', 'qa.internal, Checkout.QA.test')) {
  const a = new Hono()
  const refuse = hostRefusal(hosts)
  a.use(async (c, next) => refuse(c) ?? next())
  a.get('/', (c) => c.text('served'))
  return a
}

describe('hostNameOf', () => {
  it.each([
    ['localhost:4000', 'localhost'],
    ['LOCALHOST', 'localhost'],
    ['127.0.0.1:80', '127.0.0.1'],
    ['[::1]:4000', '[::1]'],
    ['[::1]', '[::1]'],
    ['example.com.', 'example.com'],
    ['user@example.com', undefined],
    ['example.com/path', undefined],
    ['example.com:port', undefined],
    ['[::1]x', undefined],
    ['[]', undefined],
    ['[]:80', undefined],
    ['[::1]x:80', undefined],
    ['[::1]:80x', undefined],
    ['[::1]:123456', undefined],
    ['example.com:80x', undefined],
    ['example.com:123456', undefined],
    ['', undefined],
  ])('%s is %s', (authority, expected) => {
    expect(hostNameOf(authority)).toBe(expected)
  })
})

describe('hostRefusal', () => {
  it.each(['sandbox.example.com', 'localhost:4000', '127.0.0.1:4000', '[::1]:4000', 'qa.internal:8080', 'checkout.qa.test'])(
    'serves Host %s',
    async (host) => {
      const res = await app().request(`http://${host}/`, { headers: { host } })
      expect(res.status).toBe(200)
    },
  )

  it('serves an in-process request, which names no Host and reads as localhost', async () => {
    expect((await app().request('/')).status).toBe(200)
  })

  it.each(['evil.example', 'sandbox.example.com.evil.example', '127.0.0.2', 'localhost.evil.example', '10.0.0.1:4000'])(
    'refuses Host %s with 421 and says why',
    async (host) => {
      const res = await app().request('http://localhost/', { headers: { host } })
      expect(res.status).toBe(421)
      expect(await res.json()).toEqual({
        error: { code: 'host_not_allowed', message: 'This host name is not one the sandbox answers to: add it to SANDBOX_ALLOWED_HOSTS.' },
      })
    },
  )

  it('refuses an absolute request target on another host, whatever the Host header says', async () => {
    const res = await app().request('http://evil.example/', { headers: { host: 'localhost' } })
    expect(res.status).toBe(421)
  })

  it('takes listed names with a port, a trailing dot or capitals as the host names they are', () => {
    const hosts = allowedHosts('http://127.0.0.1:4000', ' QA.Example.test:4000 ,dotted.example., [::2]:80,')
    expect([...hosts].sort()).toEqual(['127.0.0.1', '[::1]', '[::2]', 'dotted.example', 'localhost', 'qa.example.test'])
  })

  it.each(['qa.example.test/path', 'user@qa.example.test', 'qa example', 'https://qa.example.test'])('refuses to start with %s listed, naming it', (listed) => {
    expect(() => allowedHosts('http://127.0.0.1:4000', `qa.internal,${listed}`)).toThrow(`SANDBOX_ALLOWED_HOSTS: ${JSON.stringify(listed)} is not a host name`)
  })

  it('answers only the loopback names and the public origin’s by default', () => {
    expect([...allowedHosts('http://127.0.0.1:4000')].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost'])
    expect(allowedHosts('https://checkout.example.com').has('checkout.example.com')).toBe(true)
  })
})
