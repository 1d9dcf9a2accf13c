import type { Page, Request, Route } from '@playwright/test'
import { expect, test } from '../fixtures'
import { emulate } from '../support/emulate'
import { AttemptLedger, pageIdOf } from '../support/attempt-ledger'
import { dropDownloads } from '../support/downloads'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { monthlyMandateSession, UNANSWERED_RETURN_URL } from '../support/samples'
import { POLL_INTERVAL_MS } from '../../contract/session'

const ATTEMPTS = '**/api/pages/*/attempts'
const EVENTS = '**/api/pages/*/events'
const SESSION_READ = /\/api\/pages\/ordeh_[0-9a-f]{32}$/

/** The merchant's return URL answers in the test; the returned promise is the redirect to it. */
async function merchantReturn(page: Page): Promise<{ redirect: Promise<Request> }> {
  await page.route(`${UNANSWERED_RETURN_URL}**`, (route) => route.fulfill({ status: 200, body: 'merchant' }))
  return { redirect: page.waitForRequest((r) => r.url().startsWith(UNANSWERED_RETURN_URL), { timeout: 20_000 }) }
}

/** Counts the main frame's navigations from now on: a page that recovers by itself has none. */
function countNavigations(page: Page): () => number {
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1
  })
  return () => navigations
}

/** The live stream refuses to open, as a proxy that breaks server-sent events would: the page must fall back to polling. */
async function breakLiveStream(page: Page): Promise<void> {
  await page.route(EVENTS, (route) => route.fulfill({ status: 503, body: '' }))
}

/** A request held until the test lets it go, as a very slow network or server would. */
class HeldRequests {
  private readonly held: Route[] = []
  private waiters: (() => void)[] = []

  readonly handler = (route: Route): void => {
    this.held.push(route)
    for (const wake of this.waiters) wake()
    this.waiters = []
  }

  async waitForCount(count: number): Promise<void> {
    while (this.held.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  get count(): number {
    return this.held.length
  }

  async releaseAll(): Promise<void> {
    // A request the page gave up on meanwhile can no longer be continued.
    await Promise.all(this.held.splice(0).map((route) => route.continue().catch(() => undefined)))
  }
}

test.describe('desktop: QR', () => {
  test('the network drops while waiting and the approval still arrives on the open stream: success shows offline, without a reload', async ({
    merchant,
    checkout,
    page,
    context,
    request,
    expectAccessible,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    const navigations = countNavigations(page)
    const { redirect } = await merchantReturn(page)

    await context.setOffline(true)
    await ledger.decide(orderId, 'approve')
    // Nothing can be fetched now: the success screen must already be on the page.
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    // Leaving for the merchant now would only show the browser's offline page: the return waits.
    await expect(page.getByRole('timer')).toHaveText('You are offline. Returning to Acme Fitness once you are back online.')
    await expectAccessible()
    // Counted before going back online: from then on the page may leave for the merchant at any moment.
    expect(navigations()).toBe(0)
    await context.setOffline(false)

    expect(await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))).toMatchObject({ status: 'CHARGED', state: 'completed' })
    expect(new URL((await redirect).url()).searchParams.get('status')).toBe('CHARGED')
  })

  test('without a live stream, an approval made while offline reaches the page by polling once the network is back', async ({
    merchant,
    checkout,
    page,
    context,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    await breakLiveStream(page)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    const navigations = countNavigations(page)

    await context.setOffline(true)
    await ledger.decide(orderId, 'approve')
    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    await context.setOffline(false)

    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    expect(navigations()).toBe(0)
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
  })

  test('a 500 when starting the request shows a clear error with Retry; Retry sends the same key and makes one attempt', async ({
    merchant,
    checkout,
    page,
    request,
    expectAccessible,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    const keys: string[] = []
    let failNext = true
    await page.route(ATTEMPTS, async (route) => {
      keys.push((await route.request().allHeaders())['idempotency-key'] ?? '')
      if (!failNext) return route.continue()
      failNext = false
      return route.fulfill({ status: 500, json: { error: { code: 'internal', message: 'The sandbox failed to answer this request.' } } })
    })
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()

    const alert = page.getByRole('alert').filter({ hasText: 'We could not reach the payment server. You have not been charged.' })
    await expect(alert).toBeVisible()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toHaveCount(0)
    await expectAccessible()
    await ledger.expectNoAttempt(orderId, pageIdOf(pageUrl))

    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await expect(alert).toHaveCount(0)
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
  })

  test('a very slow start shows that the request is being prepared, keeps the page usable, and ends with one attempt', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    const held = new HeldRequests()
    await page.route(ATTEMPTS, held.handler)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await held.waitForCount(1)

    await expect(page.getByText('Preparing your request…')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Scan the QR code' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled()
    await checkout.chooseLanguage('हिन्दी')
    await expect(page.getByRole('banner').getByRole('combobox')).toHaveValue('hi')
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    await checkout.chooseLanguage('English')
    expect(held.count).toBe(1)

    await held.releaseAll()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await expect(page.getByText('Preparing your request…')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Back' })).toBeEnabled()
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
  })

  test('a session read slower than the polling interval still brings the approval to the page', async ({ merchant, checkout, page, request }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    await breakLiveStream(page)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()

    // Every read of the session now answers later than the page asks again.
    const reads: Request[] = []
    await page.route(SESSION_READ, async (route) => {
      reads.push(route.request())
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS * 1.5))
      // A read the page gave up on can no longer be answered.
      await route.continue().catch(() => undefined)
    })
    await ledger.decide(orderId, 'approve')
    await expect.poll(() => reads.length).toBeGreaterThan(0)
    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    await expect(page.getByRole('timer', { name: 'Time left to approve' })).toBeVisible()

    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
  })

  test('the session expires while the customer approves: the wait goes on, and once declined the page shows the expired link', async ({
    merchant,
    checkout,
    page,
    request,
    expectAccessible,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()

    await merchant.expireSession(orderId)
    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    await ledger.decide(orderId, 'decline')

    await expect(checkout.heading('This payment link has expired')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
    await expect(page.getByRole('radio')).toHaveCount(0)
    await expectAccessible()
    const pageId = pageIdOf(pageUrl)
    expect(await ledger.expectOneAttempt(orderId, pageId)).toMatchObject({ status: 'AUTHORIZATION_FAILED', state: 'expired' })
    const again = await request.post(`/api/pages/${pageId}/attempts`, {
      headers: { 'idempotency-key': 'after-expiry' },
      data: { rail: 'upi', channel: 'qr', setUpMandate: true },
    })
    expect(again.status()).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'session_not_open' } })
    await ledger.expectOneAttempt(orderId, pageId)
  })

  for (const [chunk, part] of [
    ['rail-step', 'the step that runs every rail'],
    ['upi-rail', 'the UPI rail’s screens'],
  ] as const) {
    test(`${part} fail to download once: the page says something went wrong, nothing started, and Retry fetches them again`, async ({
      merchant,
      checkout,
      page,
      request,
      expectAccessible,
    }) => {
      const ledger = new AttemptLedger(request)
      const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
      const downloads = await dropDownloads(page, chunk)
      await checkout.open(pageUrl)
      await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()

      await expect(checkout.heading('Something went wrong')).toBeVisible()
      await expect(page.getByText('The page ran into an unexpected problem. You have not been charged.')).toBeVisible()
      await expectAccessible()
      await ledger.expectNoAttempt(orderId, pageIdOf(pageUrl))

      await page.getByRole('button', { name: 'Retry' }).click()
      await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
      await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
      expect(downloads()).toBe(2)
      await ledger.decide(orderId, 'approve')
      await expect(checkout.heading('AutoPay is set up')).toBeVisible()
      await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
    })
  }

  test('the QR code’s encoder fails to download once: Retry fetches it again and shows the same request’s QR code', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    const downloads = await dropDownloads(page, 'qr-drawing')
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()

    await expect(checkout.heading('Something went wrong')).toBeVisible()
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    expect(downloads()).toBe(2)
    await ledger.decide(orderId, 'approve')
    await expect(checkout.heading('AutoPay is set up')).toBeVisible()
    expect(await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))).toMatchObject({ status: 'CHARGED' })
  })

  test('the result screens fail to download as the request starts: the result still shows, fetched again when it comes', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    // The page asks for them twice as the request starts (with the rail's step, then with its live stream).
    const downloads = await dropDownloads(page, 'final-steps', 2)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await expect.poll(downloads).toBe(2)

    await ledger.decide(orderId, 'approve')
    await expect(checkout.heading('AutoPay is set up')).toBeVisible()
    expect(downloads()).toBe(3)
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
  })

  test('a double click on Continue, even two clicks in one task, makes one attempt', async ({ merchant, checkout, page, request }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).evaluate((button: HTMLButtonElement) => {
      button.click()
      button.click()
    })
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
  })
})

test.describe('iPhone: collect', () => {
  test.use(emulate('iPhone 13'))

  async function verify(page: Page, vpa: string): Promise<void> {
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(vpa)
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByRole('heading', { name: 'Verified UPI ID' })).toBeVisible()
  }

  test('the answer to Send request is lost after the sandbox made the attempt: Retry finds that same attempt', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    await breakLiveStream(page)
    let loseNext = true
    await page.route(ATTEMPTS, async (route) => {
      if (!loseNext) return route.continue()
      loseNext = false
      await route.fetch()
      return route.fulfill({ status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' })
    })
    await checkout.open(pageUrl)
    await verify(page, MAGIC_VPAS.pending)
    await page.getByRole('button', { name: 'Send request' }).click()

    const alert = page.getByRole('alert').filter({ hasText: 'We could not reach the payment server.' })
    await expect(alert).toBeVisible()
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
    await alert.getByRole('button', { name: 'Retry' }).click()

    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    await expect(page.getByText(`We sent a request to ${MAGIC_VPAS.pending}.`)).toBeVisible()
    await ledger.expectOneAttempt(orderId, pageIdOf(pageUrl))
    await ledger.decide(orderId, 'approve')
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
  })

  test('the session expires on the UPI ID form: sending finds it expired and no attempt starts', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    // A page whose live status stream is open hears the expiry at once; without the stream (a
    // network that drops it), sending is what must find the session expired.
    await page.route('**/api/pages/*/events', (route) => route.abort())
    await checkout.open(pageUrl)
    await verify(page, MAGIC_VPAS.pending)
    await merchant.expireSession(orderId)
    await page.getByRole('button', { name: 'Send request' }).click()

    await expect(checkout.heading('This payment link has expired')).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'UPI ID' })).toHaveCount(0)
    expect(await ledger.expectNoAttempt(orderId, pageIdOf(pageUrl))).toMatchObject({ state: 'expired' })
  })

  test('Send request clicked twice in one task makes one attempt; a reload while waiting shows that attempt and makes none', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const ledger = new AttemptLedger(request)
    const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
    const pageId = pageIdOf(pageUrl)
    const starts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/attempts')) starts.push(r.url())
    })
    await checkout.open(pageUrl)
    await verify(page, MAGIC_VPAS.pending)
    await page.getByRole('button', { name: 'Send request' }).evaluate((button: HTMLButtonElement) => {
      button.click()
      button.click()
    })
    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    const first = await ledger.expectOneAttempt(orderId, pageId)
    expect(starts).toHaveLength(1)

    await page.reload()
    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    await expect(page.getByText(`We sent a request to ${MAGIC_VPAS.pending}.`)).toBeVisible()
    expect(await ledger.expectOneAttempt(orderId, pageId)).toEqual(first)
    expect(starts).toHaveLength(1)

    await ledger.decide(orderId, 'approve')
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    expect(await ledger.expectOneAttempt(orderId, pageId)).toMatchObject({ status: 'CHARGED' })
  })
})

test('two parallel starts with one Idempotency-Key make one attempt and both answer with it', async ({ merchant, request }) => {
  const ledger = new AttemptLedger(request)
  const { orderId, pageUrl } = await merchant.createSession(monthlyMandateSession)
  const pageId = pageIdOf(pageUrl)
  const start = () =>
    request.post(`/api/pages/${pageId}/attempts`, {
      headers: { 'idempotency-key': `parallel-${orderId}` },
      data: { rail: 'upi', channel: 'qr', setUpMandate: true },
    })
  const answers = await Promise.all([start(), start()])
  expect(answers.map((a) => a.status()).sort()).toEqual([200, 201])
  const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { attempt: { id: string } }).attempt.id))
  expect(ids[1]).toBe(ids[0])
  await ledger.expectOneAttempt(orderId, pageId)
})
