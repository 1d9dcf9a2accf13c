import { Hono, type Context } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Dialect, MerchantAuth } from '../dialects/dialect'
import { DEFAULT_MERCHANTS_FILE, loadMerchants } from '../merchants'
import { apiLimits } from './api-limits'
import { authenticateBasic } from './auth'
import { DEFAULT_LIMITS, type EdgeLimits } from './limits'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const GOOD = `Basic ${Buffer.from('demo_api_key:').toString('base64')}`
const WRONG = `Basic ${Buffer.from('wrong_key:').toString('base64')}`

/** A dialect under /api whose refusals are `{ envelope, status, message }`. */
const dialect: Dialect = {
  id: 'juspay',
  prefixes: ['/api'],
  mount: () => undefined,
  authenticate: (c: Context): MerchantAuth => {
    const auth = authenticateBasic(c.req.header('authorization') ?? c.req.header('x-api-key'), merchants)
    return auth.ok ? auth : { ok: false, response: c.json({ envelope: 'api', status: 401, message: auth.reason }, 401) }
  },
  error: (c, error) => c.json({ envelope: 'api', status: error.status, message: error.message }, error.status),
  notFound: (c) => c.json({ envelope: 'api', status: 404 }, 404),
  signReturn: () => {
    throw new Error('not used here')
  },
  webhook: () => Promise.reject(new Error('not used here')),
}

/**
 * The limits in front of a route that authenticates as the dialect does, with a clock the test
 * moves (ms). Requests come from `client` (a socket's address) unless it is null (in-process).
 */
function limitedApp(rates: Pick<EdgeLimits, 'authFailures' | 'perApiKey'>) {
  const limits: EdgeLimits = { ...DEFAULT_LIMITS, ...rates }
  const clock = { ms: 0 }
  const limiter = apiLimits({ forPath: (path) => (path.startsWith('/api') ? dialect : undefined) }, limits, () => clock.ms)
  let served = 0
  const app = new Hono()
  app.use(async (c, next) => {
    const refused = limiter.before(c)
    if (refused) return refused
    await next()
    limiter.after(c)
  })
  app.get('/api/orders', (c) => {
    const auth = dialect.authenticate(c)
    if (!auth.ok) return auth.response
    served++
    return c.json({ merchant: auth.merchant.id })
  })
  app.get('/api/forbidden', (c) => c.json({ envelope: 'api', status: 403 }, 403))
  app.get('/page', (c) => c.text('page'))
  const send = async (path: string, headers: Record<string, string>, client: string | null = '203.0.113.7') => {
    const res = await app.request(path, { headers }, client === null ? undefined : { incoming: { socket: { remoteAddress: client } } })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json().catch(() => null)) as unknown }
  }
  return { clock, send, served: () => served }
}

const TIGHT = { authFailures: { burst: 2, perSecond: 1 }, perApiKey: { burst: 2, perSecond: 1 } }

describe('apiLimits: per-key rate limits and wrong-key throttling, in the dialect\'s envelope', () => {
  it('refuses a key past its burst with 429 and Retry-After, and takes it again once a token is back', async () => {
    const { clock, send, served } = limitedApp(TIGHT)
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(200)
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(200)
    expect(await send('/api/orders', { authorization: GOOD })).toEqual({
      status: 429,
      retryAfter: '1',
      body: { envelope: 'api', status: 429, message: 'Too many requests with this API key: try again later.' },
    })
    expect(served()).toBe(2)
    clock.ms += 999
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(429)
    clock.ms += 1
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(200)
  })

  it('counts a key however it is sent: the x-api-key header too', async () => {
    const { send } = limitedApp(TIGHT)
    await send('/api/orders', { 'x-api-key': GOOD })
    await send('/api/orders', { authorization: GOOD })
    expect((await send('/api/orders', { 'x-api-key': GOOD })).status).toBe(429)
  })

  it('gives a slow limit a longer Retry-After', async () => {
    const { send } = limitedApp({ ...TIGHT, perApiKey: { burst: 1, perSecond: 0.25 } })
    await send('/api/orders', { authorization: GOOD })
    expect((await send('/api/orders', { authorization: GOOD })).retryAfter).toBe('4')
  })

  it('locks out a client after too many wrong keys, even with the right key, and no other client', async () => {
    const { clock, send } = limitedApp(TIGHT)
    expect((await send('/api/orders', { authorization: WRONG })).status).toBe(401)
    expect((await send('/api/orders', { authorization: WRONG })).status).toBe(401)
    expect(await send('/api/orders', { authorization: GOOD })).toEqual({
      status: 429,
      retryAfter: '1',
      body: { envelope: 'api', status: 429, message: 'Too many requests with a wrong API key from this client: try again later.' },
    })
    expect((await send('/api/orders', { authorization: GOOD }, '198.51.100.1')).status).toBe(200)
    clock.ms += 1000
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(200)
  })

  it('does not spend the key\'s own limit on wrong keys, nor count refusals other than 401 as wrong keys', async () => {
    const { send } = limitedApp({ authFailures: { burst: 1, perSecond: 1 }, perApiKey: { burst: 2, perSecond: 1 } })
    expect((await send('/api/forbidden', { authorization: GOOD })).status).toBe(403)
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(200)
    expect((await send('/api/orders', { authorization: WRONG }, '198.51.100.1')).status).toBe(401)
    expect((await send('/api/orders', { authorization: GOOD }, '198.51.100.1')).status).toBe(429)
  })

  it('never locks out an in-process request, which has no client address', async () => {
    const { send } = limitedApp(TIGHT)
    for (let i = 0; i < 4; i++) expect((await send('/api/orders', { authorization: WRONG }, null)).status).toBe(401)
    expect((await send('/api/orders', { authorization: GOOD }, null)).status).toBe(200)
  })

  it('never refuses what sends no key, nor counts it as a wrong key, nor limits paths no dialect answers', async () => {
    const { send } = limitedApp({ authFailures: { burst: 1, perSecond: 1 }, perApiKey: { burst: 1, perSecond: 1 } })
    for (let i = 0; i < 3; i++) expect((await send('/api/orders', {})).status).toBe(401)
    for (let i = 0; i < 3; i++) expect((await send('/page', { authorization: GOOD })).status).toBe(200)
    // The header forgotten, then sent: served at once.
    expect((await send('/api/orders', { authorization: GOOD })).status).toBe(200)
    expect((await send('/api/orders', { authorization: WRONG }, '198.51.100.1')).status).toBe(401)
    expect((await send('/api/orders', { authorization: GOOD }, '198.51.100.1')).status).toBe(429)
  })
})
