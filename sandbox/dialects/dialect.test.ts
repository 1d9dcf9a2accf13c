import { describe, expect, it } from 'vitest'
import { orderDraft, TEST_NOW } from '../testing/fixtures'
import { dialectRegistry, type Dialect, type DialectId, type DialectTable } from './dialect'
import type { Order } from '../domain/order'

/** A dialect that answers nothing, named by id and prefixes: the registry only reads those. */
function stub<Id extends DialectId>(id: Id, prefixes: readonly string[]): Dialect & { id: Id } {
  const unused = (): never => {
    throw new Error(`${id} was asked for more than the registry needs`)
  }
  return { id, prefixes, mount: unused, authenticate: unused, error: unused, notFound: unused, signReturn: unused, webhook: unused }
}

const table = (juspay: readonly string[], checkout: readonly string[]): DialectTable => ({
  juspay: stub('juspay', juspay),
  checkout: stub('checkout', checkout),
  zenskar: stub('zenskar', ['/checkouts']),
  plural: stub('plural', ['/api/v1/upi']),
})

const order = (source: Order['source']): Order => ({
  ...orderDraft(TEST_NOW, { source }),
  id: 'ordeh_0',
  createdAt: TEST_NOW.toISOString(),
  clientAuthToken: 'tkn',
  clientAuthTokenExpiresAt: TEST_NOW.toISOString(),
  status: 'NEW',
  attempts: [],
  mandateStatus: null,
  mandateId: null,
  mandateToken: null,
  mandateChange: null,
  refundedMinor: 0,
  cancelledAt: null,
  revision: 0,
})

describe('dialectRegistry', () => {
  // Built in each test, so what it answers is read from a registry made while the test runs.
  const registry = () => dialectRegistry(table(['/session', '/orders'], ['/v1']), { '/sandbox': 'juspay', '/demo/api': 'juspay' })

  it.each<[string, DialectId | undefined]>([
    ['/session', 'juspay'],
    ['/session/x', 'juspay'],
    ['/orders/a/b/c', 'juspay'],
    ['/v1', 'checkout'],
    ['/v1/checkout/sessions/x/y', 'checkout'],
    ['/sandbox', 'juspay'],
    ['/sandbox/orders/x/attempt/nope', 'juspay'],
    ['/demo/api/x', 'juspay'],
    ['/sessionx', undefined],
    ['/v10', undefined],
    ['/demo', undefined],
    ['/demo/apix', undefined],
    ['/api/pages/x', undefined],
    ['/api/v1/upi/subscription/x', 'plural'],
    ['/api/v1/upix', undefined],
    ['/', undefined],
    ['', undefined],
  ])('gives %j the envelope of %s', (path, id) => {
    expect(registry().forPath(path)?.id).toBe(id)
  })

  it.each<[Order['source'], DialectId]>([
    [{ dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null }, 'juspay'],
    [{ dialect: 'checkout', sessionId: 'cs_1', clientSecret: 's', mode: 'subscription', cancelUrl: null, raw: {} }, 'checkout'],
  ])('finds the dialect that created an order (%j)', (source, id) => {
    expect(registry().forOrder(order(source)).id).toBe(id)
  })

  it('finds each dialect by id and lists them in the table order', () => {
    expect(registry().byId('checkout').id).toBe('checkout')
    expect(registry().all().map((d) => d.id)).toEqual(['juspay', 'checkout', 'zenskar', 'plural'])
  })

  it('builds a registry whose prefixes neither overlap nor repeat, borrowed ones included', () => {
    const built = dialectRegistry(table(['/session', '/orders'], ['/v1']), { '/sandbox': 'juspay' })
    expect(built.forPath('/sandbox/x')?.id).toBe('juspay')
  })

  it.each<[string, DialectTable, Record<string, DialectId>, RegExp]>([
    ['a prefix inside another dialect’s', table(['/session'], ['/session/v2']), {}, /overlap/],
    ['a borrowed prefix inside a dialect’s', table(['/session'], ['/v1']), { '/v1/qa': 'juspay' }, /overlap/],
    ['the same prefix twice', table(['/session'], ['/session']), {}, /claimed twice/],
    ['a prefix without a leading slash', table(['session'], ['/v1']), {}, /must start with \//],
    ['a prefix with a trailing slash', table(['/session'], ['/v1/']), {}, /not end with one/],
  ])('refuses %s at start', (_name, dialects, borrowed, message) => {
    expect(() => dialectRegistry(dialects, borrowed)).toThrow(message)
  })
})
