import { afterEach, describe, expect, it, vi } from 'vitest'
import { QueryClient, QueryObserver, onlineManager } from '@tanstack/react-query'
import { sessionView } from '../../../testing/session-view'
import { sessionQueries } from './session-queries'

const view = sessionView()

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
