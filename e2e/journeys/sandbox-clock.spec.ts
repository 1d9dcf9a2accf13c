import { request as apiRequest, type APIRequestContext, type Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { expect, test } from '../fixtures'
import { CheckoutPage } from '../pages/checkout-page'
import { DEMO_MERCHANT, MerchantApi, basicAuth } from '../support/merchant-api'
import { startCluster, type SandboxCluster } from '../support/sandbox-cluster'

const monthly = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}
const auth = { authorization: basicAuth(DEMO_MERCHANT.apiKey) }
/** Its own sandbox (on Redis), clear of the journeys' (E2E_PORT, E2E_PORT + 1) and the shared-sandbox cluster's (+20): moving the demo merchant's clock there would move it under every other journey. */
const CLOCK_PORT = Number(new URL(baseURL).port) + 30

/** The UPI request's countdown as minutes and seconds. */
const secondsShown = async (page: Page): Promise<number> => {
  const [minutes, seconds] = (await page.getByRole('timer').innerText()).split(':').map(Number)
  return (minutes ?? 0) * 60 + (seconds ?? 0)
}

// The demo merchant's clock on one sandbox of its own, moved through the QA API (issue 15): the tests share it, so they run in turn.
test.describe.serial("the page's countdowns follow the merchant's sandbox clock", () => {
  let cluster: SandboxCluster
  let api: APIRequestContext

  test.beforeAll(async () => {
    cluster = await startCluster(CLOCK_PORT, 1)
    const [instance] = cluster.instances
    if (!instance) throw new Error('one instance expected')
    api = await apiRequest.newContext({ baseURL: instance.origin })
  })

  test.afterAll(async () => {
    await api.dispose()
    await cluster.stop()
  })

  test.afterEach(async () => {
    expect((await api.post('/sandbox/reset', { headers: auth })).status()).toBe(200)
  })

  const moveClock = async (body: Record<string, number>) => {
    const moved = await api.post('/sandbox/clock', { headers: auth, data: body })
    expect(moved.status()).toBe(200)
    return (await moved.json()) as { now: number; offset_seconds: number }
  }

  /** A session's page as far as the UPI mandate's QR and its countdown. */
  const showQr = async (page: Page) => {
    const { orderId, body } = await new MerchantApi(api).createSession(monthly)
    await page.goto((body['payment_links'] as { web: string }).web)
    await new CheckoutPage(page).expectReady()
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    return orderId
  }

  test('a countdown of five minutes shows three once QA moves the clock two minutes on, live; past its end the request expires and a fresh one counts down', async ({ page }) => {
    const orderId = await showQr(page)
    expect(await secondsShown(page)).toBeGreaterThan(4 * 60 + 45)
    await moveClock({ advance_by_seconds: 120 })
    await expect.poll(() => secondsShown(page)).toBeLessThanOrEqual(3 * 60)
    expect(await secondsShown(page)).toBeGreaterThan(2 * 60 + 45)
    await moveClock({ advance_by_seconds: 200 })
    // The move ran the approval window's end: the merchant heard the first request fail before the answer.
    const inbox = await api.get(`/sandbox/orders/${orderId}/webhooks`, { headers: auth })
    const events = ((await inbox.json()) as { webhooks: { event_name: string }[] }).webhooks.map((w) => w.event_name)
    expect(events).toContain('ORDER_FAILED')
    await expect.poll(() => secondsShown(page)).toBeGreaterThan(4 * 60 + 30)
  })

  test('a page opened on a clock already moved counts down the full window, not the hour QA moved it by', async ({ page }) => {
    const clock = await moveClock({ advance_by_seconds: 3600 })
    expect(clock.offset_seconds).toBe(3600)
    await showQr(page)
    const shown = await secondsShown(page)
    expect(shown).toBeGreaterThan(4 * 60 + 45)
    expect(shown).toBeLessThanOrEqual(5 * 60)
  })

  test('moved past the link’s expiry while the customer waits on the QR, the page shows the expired screen', async ({ page }) => {
    await showQr(page)
    await moveClock({ advance_by_seconds: 2 * 24 * 3600 })
    await expect(new CheckoutPage(page).heading('This payment link has expired')).toBeVisible()
  })
})
