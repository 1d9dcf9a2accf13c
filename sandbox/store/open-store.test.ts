import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { startRedis, type RedisServer } from '../testing/redis-server'
import { order } from '../testing/store-contract'
import { MemoryBroadcast } from './memory-broadcast'
import { MemoryStore } from './memory-store'
import { openStore } from './open-store'
import { RedisBroadcast } from './redis-broadcast'
import { RedisStore } from './redis-store'

let server: RedisServer
beforeAll(async () => {
  server = await startRedis()
}, 30_000)
afterAll(() => server.stop())

/** A port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1))
    })
  })
}

describe('openStore', () => {
  it('keeps the sandbox in memory without REDIS_URL', async () => {
    const { store, broadcast } = await openStore({})
    expect(store).toBeInstanceOf(MemoryStore)
    expect(broadcast).toBeInstanceOf(MemoryBroadcast)
  })

  it('keeps the sandbox in memory when REDIS_URL is empty', async () => {
    const { store, broadcast } = await openStore({ REDIS_URL: '', REDIS_PREFIX: 'unused:' })
    expect(store).toBeInstanceOf(MemoryStore)
    expect(broadcast).toBeInstanceOf(MemoryBroadcast)
  })

  it('keeps sandboxes under different prefixes apart on one Redis, `mc:` when REDIS_PREFIX is unset or empty', async () => {
    const [byDefault, empty, named, other] = await Promise.all([
      openStore({ REDIS_URL: server.url }),
      openStore({ REDIS_URL: server.url, REDIS_PREFIX: '' }),
      openStore({ REDIS_URL: server.url, REDIS_PREFIX: 'mc:' }),
      openStore({ REDIS_URL: server.url, REDIS_PREFIX: 'other-team:' }),
    ])
    onTestFinished(async () => {
      await byDefault.store.resetMerchant('demo_merchant')
      await Promise.all([byDefault, empty, named, other].flatMap((opened) => [opened.store.close(), opened.broadcast.close()]))
    })
    await byDefault.store.insertOrder(order())
    expect(await empty.store.orderById('ordeh_1')).toEqual(order())
    expect(await named.store.orderById('ordeh_1')).toEqual(order())
    expect(await other.store.orderById('ordeh_1')).toBeUndefined()
  })

  it('puts it on Redis with REDIS_URL, under REDIS_PREFIX', async () => {
    const opened = await openStore({ REDIS_URL: server.url, REDIS_PREFIX: 'open-test:' })
    const again = await openStore({ REDIS_URL: server.url, REDIS_PREFIX: 'open-test:' })
    onTestFinished(async () => {
      await opened.store.resetMerchant('demo_merchant')
      await Promise.all([opened.store.close(), opened.broadcast.close(), again.store.close(), again.broadcast.close()])
    })
    expect(opened.store).toBeInstanceOf(RedisStore)
    expect(opened.broadcast).toBeInstanceOf(RedisBroadcast)
    await opened.store.insertOrder(order())
    expect(await again.store.orderById('ordeh_1')).toEqual(order())
  })

  it('fails, saying why and without the password, when Redis does not answer', async () => {
    const url = `redis://:s3cret@127.0.0.1:${await closedPort()}`
    const failure = openStore({ REDIS_URL: url })
    await expect(failure).rejects.toThrow(/^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ does not answer \(.*ECONNREFUSED.*\): start it, or unset REDIS_URL/)
    await expect(failure).rejects.not.toThrow(/s3cret/)
  })

  it('fails at its first try, without reconnecting, when the server hangs up at once', async () => {
    let connections = 0
    const hangUp = createServer((socket) => {
      connections += 1
      socket.destroy()
    })
    const port = await new Promise<number>((resolve) =>
      hangUp.listen(0, '127.0.0.1', () => {
        const address = hangUp.address()
        resolve(typeof address === 'object' && address ? address.port : 1)
      }),
    )
    onTestFinished(() => new Promise<void>((resolve) => hangUp.close(() => resolve())))
    await expect(openStore({ REDIS_URL: `redis://127.0.0.1:${port}` })).rejects.toThrow(/does not answer/)
    // Past the client's first reconnection delay (50 ms): a floor that gives a retry time to show, never a bound.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(connections).toBe(1)
  })
})
