import { request as apiRequest, type APIRequestContext, type Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { expect, test } from '../fixtures'
import { CheckoutPage } from '../pages/checkout-page'
import { DEMO_MERCHANT, MerchantApi, basicAuth } from '../support/merchant-api'
import { startCluster, type SandboxCluster } from '../support/sandbox-cluster'
import { WebhookReceiver } from '../../packages/testing/src/webhook-receiver'

const monthly = {
  amount: '1.00',
  return_url: 'http://127.0.0.1:9/return',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}

const EVENTS = ['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED']
const auth = { authorization: basicAuth(DEMO_MERCHANT.apiKey) }
/** Ports of the cluster: clear of the journeys' own sandbox (E2E_PORT) and its embedding host (E2E_PORT + 1). */
const CLUSTER_PORT = Number(new URL(baseURL).port) + 20

/** The same page, served by another instance: what a load balancer without sticky sessions does. */
const on = (origin: string, pageUrl: string): string => new URL(new URL(pageUrl).pathname, origin).toString()

const eventNames = (receiver: WebhookReceiver) => receiver.received.map((r) => (r.body as { event_name: string }).event_name)
const webhookIds = (receiver: WebhookReceiver) => receiver.received.map((r) => String(r.headers['x-webhook-id']))

/**
 * Creates a session through `api` (its webhooks to `receiver`) and opens its page on `origin`, as
 * far as the UPI mandate's QR: the attempt is started there.
 */
async function showQrOn(page: Page, api: APIRequestContext, origin: string, receiver: WebhookReceiver) {
  const { orderId, body } = await new MerchantApi(api).createSession({ ...monthly, 'metadata.webhook_url': receiver.url })
  const link = (body['payment_links'] as { web: string }).web
  await page.goto(on(origin, link))
  await new CheckoutPage(page).expectReady()
  await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
  await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
  return { orderId, body, link }
}

// Two sandbox processes on one Redis, as a QA team shares one sandbox (issue 14). They share this
// file's Redis, so its tests run one after another.
test.describe.serial('a sandbox shared by two instances on one Redis', () => {
  let cluster: SandboxCluster
  let apis: APIRequestContext[]

  test.beforeAll(async () => {
    // Short leases, so a job a crashed instance held is taken over within the journey.
    cluster = await startCluster(CLUSTER_PORT, 2, { SANDBOX_JOB_LEASE_MS: '2000' })
    apis = await Promise.all(cluster.instances.map((instance) => apiRequest.newContext({ baseURL: instance.origin })))
  })

  test.afterAll(async () => {
    await Promise.all(apis.map((api) => api.dispose()))
    await cluster.stop()
  })

  test('created on A, paid on B, approved on A: the page on B sees it live, and both say CHARGED', async ({ page }) => {
    const [a, b] = cluster.instances
    const [apiA, apiB] = apis
    if (!a || !b || !apiA || !apiB) throw new Error('two instances expected')
    const receiver = await WebhookReceiver.start()
    try {
      const { orderId } = await showQrOn(page, apiA, b.origin, receiver)

      const approved = await apiA.post(`/sandbox/orders/${orderId}/attempt/approve`, { headers: auth })
      expect(approved.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()

      for (const api of [apiA, apiB]) {
        const status = await api.get(`/orders/${orderId}`, { headers: auth })
        expect(await status.json()).toMatchObject({ order_id: orderId, status: 'CHARGED' })
      }
      await expect.poll(() => eventNames(receiver)).toEqual(EVENTS)
      // Each delivered once, whichever instance took it.
      expect(new Set(webhookIds(receiver)).size).toBe(EVENTS.length)
    } finally {
      await receiver.stop()
    }
  })

  test('an instance killed mid-journey: the other finishes it, its webhook retry included, nothing lost or doubled', async ({ page }) => {
    const [a, b] = cluster.instances
    const [apiA, apiB] = apis
    if (!a || !b || !apiA || !apiB) throw new Error('two instances expected')
    const receiver = await WebhookReceiver.start()
    try {
      const { orderId, body, link } = await showQrOn(page, apiA, b.origin, receiver)

      // B handles the approval; its first webhook delivery fails, so B holds a retry when it dies.
      receiver.failNext(1)
      const approved = await apiB.post(`/sandbox/orders/${orderId}/attempt/approve`, { headers: auth })
      expect(approved.status()).toBe(200)
      await expect.poll(() => receiver.failuresLeftCount).toBe(0)
      await b.crash()

      // The customer's page, reloaded, is served by A: the registration has succeeded.
      await page.goto(on(a.origin, link))
      await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
      const status = await apiA.get(`/orders/${orderId}`, { headers: auth })
      expect(await status.json()).toMatchObject({ order_id: orderId, status: 'CHARGED' })

      // A takes over B's deliveries: every event arrives, in order, each once.
      await expect.poll(() => eventNames(receiver), { timeout: 20_000 }).toEqual(EVENTS)
      expect(new Set(webhookIds(receiver)).size).toBe(EVENTS.length)
      const inbox = await apiA.get(`/sandbox/orders/${orderId}/webhooks`, { headers: auth })
      const records = ((await inbox.json()) as { webhooks: { event_name: string; status: string }[] }).webhooks
      expect(records.map((r) => [r.event_name, r.status])).toEqual(EVENTS.map((name) => [name, 'delivered']))
      // One attempt, one order: the crash made nothing twice.
      const again = await new MerchantApi(apiA).createSession({ ...monthly, order_id: orderId, 'metadata.webhook_url': receiver.url })
      expect(again.body['id']).toBe(body['id'])
    } finally {
      await receiver.stop()
    }
  })
})
