import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient, QueryObserver, onlineManager } from '@tanstack/react-query'
import type { SessionView } from '../../../../contract/session'
import { sessionQueries } from './session-queries'

const view: SessionView = {
  pageId: 'ordeh_0123456789abcdef0123456789abcdef',
  orderId: 'order_1',
  state: 'open',
  status: 'NEW',
  statusId: 10,
  merchant: { name: 'Acme Fitness', brandColor: '#0f766e', logoUrl: null },
  amount: { minor: 100, currency: 'INR' },
  chargedToday: { minor: 100, currency: 'INR' },
  registrationRefunded: true,
  description: null,
  customer: null,
  lineItems: [],
  createMandate: null,
  mandate: null,
  instruments: [],
  preferredInstrument: null,
  upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent'] },
  enachLimits: null,
  language: null,
  expiresAt: '2026-11-25T18:00:00.000Z',
  outcome: null,
  attempt: null,
  attemptsLeft: 3,
  returnUrl: null,
}

describe('a session query back online', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    onlineManager.setOnline(true)
  })

  it.each([
    ['page', sessionQueries.byPage(view.pageId), `/api/pages/${view.pageId}`],
    ['checkout session', sessionQueries.byCheckoutSession('cs_1', 'cs_1_secret_x'), '/api/checkout/lookup'],
  ])('reads the %s again, however fresh it was', async (_name, options, url) => {
    const fetch = vi.fn((_url: string) => Promise.resolve(new Response(JSON.stringify(view), { status: 200 })))
    vi.stubGlobal('fetch', fetch)
    const client = new QueryClient()
    client.mount()
    client.setQueryData(options.queryKey, view)
    const observer = new QueryObserver(client, { ...options, staleTime: Infinity })
    const unsubscribe = observer.subscribe(() => undefined)
    try {
      expect(fetch).not.toHaveBeenCalled()
      onlineManager.setOnline(false)
      onlineManager.setOnline(true)
      await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
      expect(fetch.mock.calls[0]?.[0]).toBe(url)
    } finally {
      unsubscribe()
      client.unmount()
    }
  })
})
