import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { clientAddress } from './client'

/** What clientAddress reads from a request whose `c.env` (on Node, the adapter's bindings) is `env`. */
async function addressFor(env: unknown): Promise<string | undefined> {
  let seen: string | undefined = 'not read'
  const app = new Hono()
  app.get('/', (c) => {
    seen = clientAddress(c)
    return c.text('ok')
  })
  await app.request('/', {}, env)
  return seen
}

describe('clientAddress: the socket peer, or nothing for an in-process request', () => {
  it.each<[string, unknown, string | undefined]>([
    ['an IPv4 peer', { incoming: { socket: { remoteAddress: '203.0.113.7' } } }, '203.0.113.7'],
    ['an IPv6 peer', { incoming: { socket: { remoteAddress: '::1' } } }, '::1'],
    ['no bindings (an in-process request)', undefined, undefined],
    ['bindings without the request', { outgoing: {} }, undefined],
    ['a request that is null', { incoming: null }, undefined],
    ['a request that is not an object', { incoming: 'req' }, undefined],
    ['a request without a socket', { incoming: {} }, undefined],
    ['a socket that is null', { incoming: { socket: null } }, undefined],
    ['a socket that is not an object', { incoming: { socket: 42 } }, undefined],
    ['a closed socket (no address)', { incoming: { socket: {} } }, undefined],
    ['an address that is not a string', { incoming: { socket: { remoteAddress: 2130706433 } } }, undefined],
  ])('%s', async (_name, env, expected) => {
    expect(await addressFor(env)).toBe(expected)
  })
})
