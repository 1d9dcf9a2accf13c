import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { BankPage } from '../../packages/testing/src/pages/bank'
import { EnachForm } from '../../packages/testing/src/pages/enach-form'
import { UpiAppPage } from '../../packages/testing/src/pages/upi-app'
import { MAGIC_ACCOUNTS } from '../../contract/scenarios'
import { EmbedHosts, TestHost } from '../support/embed-host'
import { dropDownloads } from '../support/downloads'
import { DEMO_MERCHANT } from '../support/merchant-api'
import { verifyReturnSignature } from '../../packages/testing/src/signature'

const monthly = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}

/** The demo's embedded merchant page: the sandbox serves it on the next port, another origin than the checkout. */
function demoHostOrigin(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? '')
  url.port = String(Number(url.port) + 1)
  return url.origin
}

async function startDemoCheckout(page: Page, baseURL: string | undefined, theme: 'light' | 'dark' | 'auto', plan: 'upi' | 'enach' = 'upi') {
  await page.goto(`${demoHostOrigin(baseURL)}/`)
  await page.getByLabel('Plan').selectOption(plan)
  await page.getByLabel('Theme').selectOption(theme)
  await page.getByRole('button', { name: 'Start embedded checkout' }).click()
  const frame = page.frameLocator('#checkout iframe')
  const first = plan === 'upi' ? 'Review and pay' : 'Set up eNACH with your bank'
  await expect(frame.getByRole('heading', { level: 1, name: first })).toBeVisible()
  return frame
}

/** The demo logs each event as "type {payload}"; the payload of the one of this type. */
async function loggedPayload(page: Page, type: string): Promise<Record<string, unknown>> {
  const item = page.locator('#events li').filter({ hasText: new RegExp(`^${type} `) })
  await expect(item).toHaveCount(1)
  return JSON.parse((await item.innerText()).slice(type.length + 1)) as Record<string, unknown>
}

/** The frame's height on the host, and the height of the page inside it. */
async function heights(page: Page): Promise<{ frame: number; content: number }> {
  const frame = (await page.locator('#checkout iframe').boundingBox())?.height ?? -1
  const content = await page
    .frameLocator('#checkout iframe')
    .locator('body')
    .evaluate((body) => Math.ceil(body.getBoundingClientRect().height))
  return { frame, content }
}

test.describe('the demo merchant on another origin', () => {
  test('the demo merchant shows both integrations: redirect here, embedded on the next port', async ({ page, baseURL, expectAccessible }) => {
    await page.goto('/demo')
    await expect(page.getByRole('heading', { level: 2, name: 'Redirect integration' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Embedded integration' })).toBeVisible()
    await expectAccessible()
    await page.getByRole('link', { name: /embedded in a merchant page on another origin/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Fitness: embedded checkout' })).toBeVisible()
    expect(new URL(page.url()).origin).toBe(demoHostOrigin(baseURL))
    await expectAccessible()
    await page.getByRole('link', { name: 'redirect integration' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Redirect integration' })).toBeVisible()
  })

  test('frames the checkout sized to its content, and a UPI AutoPay registration ends in a completed event whose signature verifies', async ({
    page,
    baseURL,
    expectAccessible,
  }) => {
    const frame = await startDemoCheckout(page, baseURL, 'light')
    const ready = await loggedPayload(page, 'ready')
    await expect.poll(async () => { const h = await heights(page); return h.frame === h.content }).toBe(true)
    const before = await heights(page)
    await expectAccessible()

    await frame.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(frame.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await expect.poll(async () => { const h = await heights(page); return h.frame === h.content && h.frame !== before.frame }).toBe(true)
    expect(await loggedPayload(page, 'attempt_started')).toEqual({ attempt: 1, instrument: 'upi', channel: 'qr' })
    await expect(page.locator('#events li').filter({ hasText: 'step_changed {"step":"upi-qr"}' })).toHaveCount(1)

    const popup = page.waitForEvent('popup')
    await frame.getByRole('link', { name: /Open the simulated UPI app/ }).click()
    const app = new UpiAppPage(await popup)
    await app.expectMandateRequest()
    await app.approve('123456')

    await expect(frame.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    const completed = await loggedPayload(page, 'completed')
    expect(completed).toMatchObject({ status: 'CHARGED', statusId: 21 })
    const result = completed['result'] as Record<string, string>
    expect(result).toMatchObject({ order_id: ready['orderId'], status: 'CHARGED', status_id: '21', signature_algorithm: 'HMAC-SHA256' })
    const returnUrl = new URL('https://shop.merchant.com/return')
    for (const [key, value] of Object.entries(result)) returnUrl.searchParams.set(key, value)
    expect(verifyReturnSignature(returnUrl.toString(), DEMO_MERCHANT.responseKey)).toBe(true)

    // The frame stays where it is: the host was told, so there is no redirect and no countdown to one.
    await expect(frame.getByRole('button', { name: /Return to/ })).toHaveCount(0)
    await expect(frame.getByRole('link', { name: /Return to/ })).toHaveCount(0)
    await expect(page.locator('#status')).toHaveText('Checkout completed: CHARGED')
    await expect.poll(async () => { const h = await heights(page); return h.frame === h.content }).toBe(true)
    await expectAccessible()
  })

  test('eNACH in a frame: the bank opens in its own window, which closes on return, and the host gets a completed event whose signature verifies', async ({
    page,
    baseURL,
    expectAccessible,
  }) => {
    const frame = await startDemoCheckout(page, baseURL, 'dark', 'enach')
    await expectAccessible()
    const form = new EnachForm(frame)
    await form.chooseBank('hdfc', 'HDFC Bank')
    await form.fillAccount({ holder: 'Asha Verma', number: MAGIC_ACCOUNTS.approved, ifsc: 'HDFC0001234' })
    await expectAccessible()
    const popup = page.waitForEvent('popup')
    await form.submit()
    const bankWindow = await popup
    expect(await loggedPayload(page, 'attempt_started')).toMatchObject({ attempt: 1, instrument: 'netbanking', channel: null })
    const bank = new BankPage(bankWindow)
    await bank.logIn()
    await bank.enterOtp()
    const closed = bankWindow.waitForEvent('close')
    await bank.authorise()
    await closed

    await expect(frame.getByRole('heading', { level: 1, name: 'eNACH mandate registered' })).toBeVisible()
    const completed = await loggedPayload(page, 'completed')
    expect(completed).toMatchObject({ status: 'CHARGED', statusId: 21 })
    const returnUrl = new URL('https://shop.merchant.com/return')
    for (const [key, value] of Object.entries(completed['result'] as Record<string, string>)) returnUrl.searchParams.set(key, value)
    expect(verifyReturnSignature(returnUrl.toString(), DEMO_MERCHANT.responseKey)).toBe(true)
    expect(page.url()).not.toContain(MAGIC_ACCOUNTS.approved)
    await expectAccessible()
  })

  test('set_appearance switches the framed checkout to dark, which stays accessible', async ({ page, baseURL, expectAccessible }) => {
    const frame = await startDemoCheckout(page, baseURL, 'light')
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light')
    await page.getByRole('button', { name: 'Switch checkout to dark' }).click()
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(15, 23, 42)')
    const logo = frame.locator('header img')
    await expect(logo).toHaveAttribute('src', `${demoHostOrigin(baseURL)}/logo.svg`)
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await expectAccessible()
    await frame.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(frame.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await expectAccessible()
  })

  test('a theme chosen at mount applies from the first screen, and removing the checkout leaves no frame', async ({ page, baseURL }) => {
    const frame = await startDemoCheckout(page, baseURL, 'dark')
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.getByRole('button', { name: 'Remove checkout' }).click()
    await expect(page.locator('iframe')).toHaveCount(0)
    await expect(page.locator('#status')).toHaveText('Checkout removed.')
  })
})

test.describe('a merchant page mounting through /embed.js', () => {
  let hosts: EmbedHosts
  test.beforeAll(async ({ baseURL }) => {
    hosts = await EmbedHosts.start(new URL(baseURL ?? '').origin)
  })
  test.afterAll(async () => {
    await hosts.stop()
  })

  test('messages from another window or origin, or for another instance, are ignored on both sides', async ({ page, merchant, baseURL }) => {
    const host = new TestHost(page)
    await host.open(hosts.allowedHost)
    const { pageUrl } = await merchant.createSession(monthly)
    await host.mount('one', { url: pageUrl })
    await host.expectEvent('one', 'ready')
    const frame = host.frame('one')
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light')

    // A third party's frame posts a dark theme and a close to the checkout, and a completion to the host.
    const instance = await host.instance('one')
    const forged = JSON.stringify({ instance, checkoutOrigin: new URL(baseURL ?? '').origin })
    await page.evaluate((src) => {
      const forger = document.createElement('iframe')
      forger.src = src
      forger.title = 'Forger'
      document.body.appendChild(forger)
    }, `${hosts.forger}#${encodeURIComponent(forged)}`)
    await expect.poll(() => page.evaluate(() => (window as unknown as { forgerDone?: boolean }).forgerDone === true)).toBe(true)

    // The host window itself, but for another instance, and malformed.
    await page.evaluate(() => {
      const target = document.querySelector<HTMLIFrameElement>('#one iframe')
      const origin = new URL(target?.src ?? '').origin
      const base = { protocol: 'mandate-checkout', version: 1 }
      target?.contentWindow?.postMessage({ ...base, instance: 'someone-elses', type: 'set_appearance', payload: { theme: 'dark' } }, origin)
      target?.contentWindow?.postMessage({ ...base, instance: 'x', type: 'close' }, origin)
      target?.contentWindow?.postMessage('close', origin)
    })

    // Then the host's own request, which must be the only one that takes effect.
    await host.setAppearance('one', { brandColor: '#ffcc00' })
    await expect(frame.locator('header')).toHaveCSS('background-color', 'rgb(255, 204, 0)')
    await expect(frame.locator('header')).toHaveCSS('color', 'rgb(0, 0, 0)')
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light')
    await expect(frame.getByRole('heading', { level: 1, name: 'Review and pay' })).toBeVisible()
    expect(await host.eventTypes('one')).not.toContain('completed')
    expect(await host.eventTypes('one')).not.toContain('closed')
  })

  test('a host origin the merchant does not allow is refused framing, also when it names an allowed one', async ({ page, merchant, baseURL }) => {
    const host = new TestHost(page)
    await host.open(hosts.unknownHost)
    const { pageUrl } = await merchant.createSession(monthly)
    const refused = page.waitForResponse((response) => response.url().includes('/payment-page?'))
    await host.mount('one', { url: pageUrl })
    expect((await refused).headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/')

    // Claiming to be the allowed demo host does not help: the page may then be framed by that origin alone.
    const claimed = page.waitForResponse((response) => response.url().includes('embed_origin=http%3A%2F%2Flocalhost%3A4401'))
    await page.evaluate((src) => {
      const frame = document.createElement('iframe')
      frame.src = src
      frame.title = 'Claimed checkout'
      document.getElementById('two')?.appendChild(frame)
    }, `${baseURL ?? ''}${pageUrl}?embed_instance=abcdef123456&embed_origin=${encodeURIComponent('http://localhost:4401')}`)
    expect((await claimed).headers()['content-security-policy']).toMatch(/frame-ancestors http:\/\/localhost:4401(;|$)/)
    await expect.poll(() => page.frames().filter((f) => f.url() === 'chrome-error://chromewebdata/').length).toBe(2)
    expect(await host.events('one')).toEqual([])
  })

  test('destroy is safe twice, leaves no frame or listener behind, and a remount works', async ({ page, merchant }) => {
    const host = new TestHost(page)
    await host.open(hosts.allowedHost)
    const listenersBefore = await host.messageListeners()
    const { pageUrl } = await merchant.createSession(monthly)
    for (let round = 0; round < 3; round++) {
      await host.mount('one', { url: pageUrl })
      await host.expectEvent('one', 'ready')
      expect(await host.messageListeners()).toBe(listenersBefore + 1)
      await host.call('one', 'destroy')
      await host.call('one', 'destroy')
      await expect(page.locator('iframe')).toHaveCount(0)
      expect(await host.messageListeners()).toBe(listenersBefore)
    }
  })

  test("the frame's side of the protocol fails to download twice: it is fetched again, and the frame still says ready and is sized", async ({
    page,
    merchant,
  }) => {
    const host = new TestHost(page)
    await host.open(hosts.allowedHost)
    const downloads = await dropDownloads(page, 'bridge', 2)
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    await host.mount('one', { url: pageUrl })
    expect((await host.expectEvent('one', 'ready')).payload).toEqual({ orderId, language: 'en', title: 'Secure checkout' })
    expect(downloads()).toBe(3)
    await host.frame('one').getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await host.expectEvent('one', 'attempt_started')
  })

  test('two checkouts on one page keep their own events, sizes and appearance', async ({ page, merchant }) => {
    const host = new TestHost(page)
    await host.open(hosts.allowedHost)
    const first = await merchant.createSession(monthly)
    const second = await merchant.createSession({ ...monthly, amount: '2.00', description: 'A second, longer plan description' })
    await host.mount('one', { url: first.pageUrl })
    await host.mount('two', { url: second.pageUrl, appearance: { theme: 'dark' } })
    expect((await host.expectEvent('one', 'ready')).payload).toEqual({ orderId: first.orderId, language: 'en', title: 'Secure checkout' })
    expect((await host.expectEvent('two', 'ready')).payload).toEqual({ orderId: second.orderId, language: 'en', title: 'Secure checkout' })

    await expect(host.frame('one').locator('html')).toHaveAttribute('data-theme', 'light')
    await expect(host.frame('two').locator('html')).toHaveAttribute('data-theme', 'dark')
    await host.setAppearance('one', { theme: 'dark' })
    await host.setAppearance('two', { theme: 'light' })
    await expect(host.frame('one').locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(host.frame('two').locator('html')).toHaveAttribute('data-theme', 'light')

    await host.frame('one').getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await host.expectEvent('one', 'attempt_started')
    expect(await host.eventTypes('two')).not.toContain('attempt_started')
    expect((await host.events('two')).filter((e) => e.type === 'step_changed').map((e) => e.payload)).not.toContainEqual({ step: 'upi-qr' })
    await host.call('one', 'destroy')
    await expect(page.locator('iframe')).toHaveCount(1)
    await expect(host.frame('two').getByRole('heading', { level: 1, name: 'Review and pay' })).toBeVisible()
  })

  test('a checkout session opens in the frame from its client secret, and close stops it', async ({ page, merchant }) => {
    const host = new TestHost(page)
    await host.open(hosts.allowedHost)
    const session = await merchant.createCheckoutSession({
      mode: 'payment',
      amount: 99,
      currency: 'INR',
      line_items: [{ quantity: 1, price_data: { unit_amount: 99, product_data: { name: 'Yoga mat' } } }],
      success_url: 'https://shop.merchant.com/done',
    })
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await host.mount('one', { clientSecret: session.clientSecret })
    await host.expectEvent('one', 'ready')
    await expect(host.frame('one').getByRole('heading', { level: 1, name: 'Review and pay' })).toBeVisible()
    expect(requested.filter((url) => url.includes(session.clientSecret))).toEqual([])

    await host.call('one', 'close')
    await host.expectEvent('one', 'closed')
    await expect(host.frame('one').getByRole('heading', { level: 1 })).toHaveCount(0)
  })
})
