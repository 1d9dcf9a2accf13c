import { describe, expect, it } from 'vitest'
import { resolveEntry, type EntryResolution } from './entry'

const PAGE = 'ordeh_0123456789abcdef0123456789abcdef'
const SECRET = 'cs_ABCDEFGHIJKLMNOPQRSTUVWX_secret_0123456789abcdefghijABCDEFGHIJ01'
const SESSION = 'cs_ABCDEFGHIJKLMNOPQRSTUVWX'
const place = (pathname: string, search = '', hash = '') => ({ pathname, search, hash })

describe('resolveEntry', () => {
  it.each<[string, ReturnType<typeof place>, EntryResolution]>([
    ['a payment page', place(`/orders/${PAGE}/payment-page`), { entry: { kind: 'page', pageId: PAGE }, replaceUrl: null }],
    ['a payment page with a trailing slash', place(`/orders/${PAGE}/payment-page/`), { entry: { kind: 'page', pageId: PAGE }, replaceUrl: null }],
    ['a merchant order id instead of the page id', place('/orders/order_123/payment-page'), { entry: { kind: 'invalid' }, replaceUrl: null }],
    ['upper-case hex', place(`/orders/${PAGE.toUpperCase()}/payment-page`), { entry: { kind: 'invalid' }, replaceUrl: null }],
    ['the secret in the fragment', place('/checkout', '', `#client_secret=${SECRET}`), { entry: { kind: 'secret', secret: SECRET, sessionId: SESSION }, replaceUrl: null }],
    ['no secret at all', place('/checkout'), { entry: { kind: 'invalid' }, replaceUrl: null }],
    ['a malformed secret', place('/checkout', '', '#client_secret=cs_short'), { entry: { kind: 'invalid' }, replaceUrl: null }],
    [
      'the secret in the query moves to the fragment',
      place('/checkout', `?client_secret=${SECRET}`),
      { entry: { kind: 'secret', secret: SECRET, sessionId: SESSION }, replaceUrl: `/checkout#client_secret=${SECRET}` },
    ],
    [
      'other query parameters stay',
      place('/checkout', `?lang=hi&client_secret=${SECRET}`),
      { entry: { kind: 'secret', secret: SECRET, sessionId: SESSION }, replaceUrl: `/checkout?lang=hi#client_secret=${SECRET}` },
    ],
    [
      'a malformed secret in the query is still removed',
      place('/checkout', '?client_secret=nope'),
      { entry: { kind: 'invalid' }, replaceUrl: '/checkout' },
    ],
    ['the vite root', place('/'), { entry: { kind: 'invalid' }, replaceUrl: null }],
    [
      'the session named in the path, as the embed script frames it',
      place(`/checkout/${SESSION}`, '?embed_instance=abcdef123456', `#client_secret=${SECRET}`),
      { entry: { kind: 'secret', secret: SECRET, sessionId: SESSION }, replaceUrl: null },
    ],
    [
      'a path naming another session than the secret',
      place(`/checkout/cs_${'Z'.repeat(24)}`, '', `#client_secret=${SECRET}`),
      { entry: { kind: 'invalid' }, replaceUrl: null },
    ],
    [
      'the secret in the query on the session path moves to the fragment',
      place(`/checkout/${SESSION}`, `?embed_instance=abcdef123456&client_secret=${SECRET}`),
      { entry: { kind: 'secret', secret: SECRET, sessionId: SESSION }, replaceUrl: `/checkout/${SESSION}?embed_instance=abcdef123456#client_secret=${SECRET}` },
    ],
    ['a path that does not decode', place('/checkout/%E0', '', `#client_secret=${SECRET}`), { entry: { kind: 'invalid' }, replaceUrl: null }],
    ['a deeper path', place(`/checkout/${SESSION}/more`, '', `#client_secret=${SECRET}`), { entry: { kind: 'invalid' }, replaceUrl: null }],
  ])('%s', (_name, where, expected) => {
    expect(resolveEntry(where)).toEqual(expected)
  })
})
