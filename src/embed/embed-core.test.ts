import { describe, expect, it } from 'vitest'
import { EMBED_PROTOCOL, EMBED_VERSION } from '../../contract/embed-protocol'
import { frameLabel, frameUrl, readFrameMessage } from './embed-core'

const ORIGIN = 'http://127.0.0.1:4000'
const SECRET = `cs_${'A'.repeat(24)}_secret_${'b'.repeat(32)}`
const msg = (overrides: Record<string, unknown>) => ({
  protocol: EMBED_PROTOCOL,
  version: EMBED_VERSION,
  instance: 'inst12345',
  type: 'ready',
  payload: { orderId: 'o1' },
  ...overrides,
})

describe('frameUrl', () => {
  it('frames a payment link with the embed parameters', () => {
    const url = frameUrl(ORIGIN, { url: `${ORIGIN}/orders/ordeh_x/payment-page` }, 'inst12345', 'http://localhost:5000')
    expect(url.pathname).toBe('/orders/ordeh_x/payment-page')
    expect(url.searchParams.get('embed_instance')).toBe('inst12345')
    expect(url.searchParams.get('embed_origin')).toBe('http://localhost:5000')
  })

  it('keeps a client secret in the fragment and names the session in the path', () => {
    const url = frameUrl(ORIGIN, { clientSecret: SECRET, appearance: { theme: 'dark' } }, 'inst12345', 'http://localhost:5000')
    expect(url.pathname).toBe(`/checkout/cs_${'A'.repeat(24)}`)
    expect(url.hash).toBe(`#client_secret=${SECRET}`)
    expect(url.search).not.toContain('secret')
    expect(url.searchParams.get('theme')).toBe('dark')
  })

  it.each([
    [{ url: 'https://evil.example/orders/x/payment-page' }, 'checkout origin'],
    [{ clientSecret: 'cs_bad' }, 'valid clientSecret'],
    [{}, 'valid clientSecret'],
  ])('refuses %j', (options, message) => {
    expect(() => frameUrl(ORIGIN, options, 'inst12345', 'http://localhost:5000')).toThrow(message)
  })
})

describe('readFrameMessage', () => {
  it('accepts a well-formed message for this instance', () => {
    expect(readFrameMessage(msg({}), 'inst12345')).toEqual({ type: 'ready', payload: { orderId: 'o1' } })
  })

  it.each([
    ['another protocol', msg({ protocol: 'other' })],
    ['another version', msg({ version: 2 })],
    ['another instance', msg({ instance: 'someone-else' })],
    ['an unknown type', msg({ type: 'pay_now' })],
    ['no payload', msg({ payload: undefined })],
    ['a resize without a number', msg({ type: 'resize', payload: { height: '100px' } })],
    ['a resize with Infinity', msg({ type: 'resize', payload: { height: Infinity } })],
    ['a string', 'ready'],
    ['null', null],
    ['an array', [1, 2]],
  ])('ignores %s', (_name, data) => {
    expect(readFrameMessage(data, 'inst12345')).toBeNull()
  })
})

describe('frameLabel', () => {
  it('titles the frame in the checkout’s language', () => {
    expect(frameLabel({ orderId: 'o1', language: 'ur', title: 'محفوظ چیک آؤٹ' })).toEqual({ title: 'محفوظ چیک آؤٹ', lang: 'ur' })
  })

  it('keeps the frame’s own title when a checkout sends none', () => {
    expect(frameLabel({ orderId: 'o1' })).toBeNull()
    expect(frameLabel({ orderId: 'o1', language: 'hi', title: '' })).toBeNull()
  })
})
