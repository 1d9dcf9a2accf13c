import { Hono, type Context } from 'hono'
import { describe, expect, it } from 'vitest'
import type { MerchantAuth } from '../dialects/dialect'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type Merchant } from '../merchants'
import { authenticateBasic, authenticateBearer, rememberAuth, requireMerchant, type AuthResult, type MerchantEnv } from './auth'

const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
const demo = merchants.byApiKey('demo_api_key') as Merchant
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`
const outcome = (result: AuthResult) => (result.ok ? `merchant ${result.merchant.id}` : result.reason)

describe('authenticateBasic: the API key as the user name', () => {
  it.each<[string, string | undefined, string]>([
    ['key and empty password', basic('demo_api_key:'), `merchant ${demo.id}`],
    ['the key alone, as some SDKs send it', basic('demo_api_key'), `merchant ${demo.id}`],
    ['a password is ignored', basic('demo_api_key:anything'), `merchant ${demo.id}`],
    ['the scheme in any case, spaces around', `  bAsIc   ${Buffer.from('demo_api_key:').toString('base64')}  `, `merchant ${demo.id}`],
    ['no header', undefined, 'missing'],
    ['an empty header', '', 'missing'],
    ['another scheme', 'Bearer demo_api_key', 'malformed'],
    ['the scheme alone', 'Basic', 'malformed'],
    ['no space after the scheme', `Basic${Buffer.from('demo_api_key:').toString('base64')}`, 'malformed'],
    ['not base64', 'Basic demo_api_key!', 'malformed'],
    ['padding in the middle', 'Basic ab=cd', 'malformed'],
    ['something after the credentials', `${basic('demo_api_key:')} extra`, 'malformed'],
    ['an empty user name', basic(':demo_api_key'), 'malformed'],
    ['an unknown key', basic('not_a_key:'), 'unknown_key'],
    ['a key in another case', basic('DEMO_API_KEY:'), 'unknown_key'],
  ])('%s', (_name, header, expected) => {
    expect(outcome(authenticateBasic(header, merchants))).toBe(expected)
  })
})

describe('authenticateBearer: the API key as a bearer token', () => {
  it.each<[string, string | undefined, string]>([
    ['the key', 'Bearer demo_api_key', `merchant ${demo.id}`],
    ['the scheme in any case, spaces around', '  bearer   demo_api_key ', `merchant ${demo.id}`],
    ['no header', undefined, 'missing'],
    ['an empty header', '', 'missing'],
    ['Basic instead', basic('demo_api_key:'), 'malformed'],
    ['the scheme alone', 'Bearer', 'malformed'],
    ['two tokens', 'Bearer demo_api_key other', 'malformed'],
    ['no space after the scheme', 'Bearerdemo_api_key', 'malformed'],
    ['an unknown key', 'Bearer sk_test_unknown', 'unknown_key'],
  ])('%s', (_name, header, expected) => {
    expect(outcome(authenticateBearer(header, merchants))).toBe(expected)
  })
})

/** An authentication that counts its calls: Basic, refused with a 401 of its own. */
function countingAuth() {
  const counter = { calls: 0 }
  const authenticate = (c: Context): MerchantAuth => {
    counter.calls++
    const result = authenticateBasic(c.req.header('authorization'), merchants)
    return result.ok ? result : { ok: false, response: c.json({ refused: result.reason }, 401) }
  }
  return { authenticate, counter }
}

describe('rememberAuth and requireMerchant', () => {
  it('authenticates a request once however many layers ask, and again for another function', async () => {
    const first = countingAuth()
    const second = countingAuth()
    const app = new Hono()
    app.get('/', (c) => {
      const a = rememberAuth(c, first.authenticate)
      const b = rememberAuth(c, first.authenticate)
      const other = rememberAuth(c, second.authenticate)
      return c.json({ same: a === b, ok: other.ok })
    })
    const res = await app.request('/', { headers: { authorization: basic('demo_api_key:') } })
    expect(await res.json()).toEqual({ same: true, ok: true })
    expect(first.counter.calls).toBe(1)
    expect(second.counter.calls).toBe(1)
    await app.request('/', { headers: { authorization: basic('demo_api_key:') } })
    expect(first.counter.calls).toBe(2)
  })

  it('sets the merchant for the handler after it, or answers the refusal without running it', async () => {
    const { authenticate } = countingAuth()
    let handled = 0
    const app = new Hono<MerchantEnv>()
    app.get('/', requireMerchant(authenticate), (c) => {
      handled++
      return c.json({ merchant: c.get('merchant').id })
    })
    const accepted = await app.request('/', { headers: { authorization: basic('demo_api_key:') } })
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toEqual({ merchant: demo.id })
    const refused = await app.request('/', { headers: { authorization: basic('nobody:') } })
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ refused: 'unknown_key' })
    expect(handled).toBe(1)
  })
})
