import { randomBytes } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { addPlan, paidSubscription, planChangeSession, previewChange } from '../support/billing'
import { dropDownloads } from '../support/downloads'
import { basicAuth, DEMO_MERCHANT } from '../support/merchant-api'

/**
 * The first screen arrives drawn in the document (docs/decisions/0014-server-rendered-first-screen.md):
 * each state a link opens on shows before any script has run, then hydrates with no error, no
 * hydration warning and no CSP violation, keeping the very elements the server drew.
 */

const mandate = {
  amount: '1.00',
  return_url: 'http://127.0.0.1:9/return',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '5000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
  'metadata.auto_refund_post_success': 'true',
}

/** Console errors and warnings, uncaught errors, and CSP violations the page reports. */
function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return problems
}

/**
 * Opens `path` with the page's entry script held back, as on a network too slow to have fetched
 * it yet; the returned function lets it through.
 */
async function openBeforeScript(page: Page, path: string): Promise<() => void> {
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(path, { waitUntil: 'commit' })
  return release
}

/** Marks the server-drawn heading, so the test can tell whether hydration kept it or drew it again. */
const markHeading = (page: Page) =>
  page.evaluate(() => {
    const heading = document.querySelector('h1')
    if (heading) Object.assign(window, { serverHeading: heading })
  })
const headingKept = (page: Page) =>
  page.evaluate(() => (window as unknown as { serverHeading?: Element }).serverHeading === document.querySelector('h1'))

/** The language switcher, a select in the header. */
const languageSwitcher = (page: Page) => page.getByRole('banner').getByRole('combobox')

/** The page has hydrated once its controls work: the language switcher is inert until then. */
const expectHydrated = (page: Page) => expect(languageSwitcher(page)).toBeEnabled()

async function completeByCollect(request: APIRequestContext, orderId: string, pageUrl: string): Promise<void> {
  const pageId = new URL(pageUrl, 'http://x').pathname.split('/')[2] ?? ''
  const started = await request.post(`/api/pages/${pageId}/attempts`, {
    headers: { 'idempotency-key': `first-screen-${orderId}` },
    data: { rail: 'upi', channel: 'collect', vpa: 'pending@upi', setUpMandate: true },
  })
  expect(started.ok(), await started.text()).toBe(true)
  const approved = await request.post(`/sandbox/orders/${orderId}/attempt/approve`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
  expect(approved.ok(), await approved.text()).toBe(true)
}

test('the ready screen shows before any script, inert where it needs one, then hydrates in place', async ({ merchant, checkout, page, expectAccessible }) => {
  const problems = watchProblems(page)
  const { pageUrl } = await merchant.createSession(mandate)
  const release = await openBeforeScript(page, pageUrl)

  await checkout.expectReady()
  await expect(checkout.option('UPI AutoPay')).toBeChecked()
  await expect(checkout.disclosure).toBeVisible()
  const proceed = page.getByRole('button', { name: /^Continue with/ })
  await expect(proceed).toBeDisabled()
  await expect(languageSwitcher(page)).toBeDisabled()
  // Styled before any script: the inlined style sheet and the merchant's colours apply.
  const header = page.locator('header')
  await expect(header).toHaveCSS('background-color', 'rgb(15, 118, 110)')
  // The switcher and its option in the page's own font, not the browser's control font: one font
  // family for the whole screen, and no lookup of another before the first paint.
  const pageFont = await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)
  await expect(languageSwitcher(page)).toHaveCSS('font-family', pageFont)
  await expect(languageSwitcher(page).locator('option')).toHaveCSS('font-family', pageFont)
  await markHeading(page)

  release()
  await expectHydrated(page)
  await expect(proceed).toBeEnabled()
  expect(await headingKept(page)).toBe(true)
  await expectAccessible()
  expect(problems).toEqual([])
})

test("the page's words fail to download, preloaded and then imported: the drawn screen waits, then works once they arrive, with no reload", async ({
  merchant,
  checkout,
  page,
}) => {
  const { pageUrl } = await merchant.createSession(mandate)
  const downloads = await dropDownloads(page, 'en', 2)
  const navigations: string[] = []
  page.on('framenavigated', (frame) => navigations.push(frame.url()))
  await checkout.open(pageUrl)
  await checkout.expectReady()

  await expectHydrated(page)
  await expect(page.getByRole('button', { name: 'Continue with UPI AutoPay' })).toBeEnabled()
  expect(downloads()).toBe(3)
  expect(navigations).toHaveLength(1)
})

test('an option chosen before the page hydrates is still chosen after', async ({ merchant, checkout, page }) => {
  const problems = watchProblems(page)
  const { pageUrl } = await merchant.createSession(mandate)
  const release = await openBeforeScript(page, pageUrl)
  await checkout.option('eNACH (bank account mandate)').check()

  release()
  await expectHydrated(page)
  await expect(checkout.option('eNACH (bank account mandate)')).toBeChecked()
  await page.getByRole('button', { name: 'Continue with eNACH (bank account mandate)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /eNACH/ })).toBeVisible()
  expect(problems).toEqual([])
})

test("a plan change's quote and its running countdown are drawn by the server and hydrate without a warning", async ({ merchant, checkout, page, request }) => {
  const problems = watchProblems(page)
  const id = randomBytes(4).toString('hex')
  const basic = { plan_id: `basic_${id}`, name: `Basic ${id}`, amount: { type: 'FIXED', paise: 29900 }, max_amount: 99900 }
  const pro = { plan_id: `pro_${id}`, name: `Pro ${id}`, amount: { type: 'FIXED', paise: 59900 }, max_amount: 99900 }
  await addPlan(request, basic)
  await addPlan(request, pro)
  const subscription = await paidSubscription(request, basic.plan_id, `cust-${id}`)
  const preview = await previewChange(request, subscription, pro.plan_id, 599)
  const { pageUrl } = await merchant.createSession(planChangeSession(preview, `cust-${id}`))
  const release = await openBeforeScript(page, pageUrl)
  await expect(checkout.testId('quoteTimer')).toBeVisible()
  // The countdown the server drew is seconds old by the time the page hydrates.
  await page.waitForTimeout(1500)

  release()
  await expectHydrated(page)
  await expect(checkout.testId('planChange')).toContainText(pro.name)
  expect(problems).toEqual([])
})

test('the language the server chose from Accept-Language is drawn, and switching after hydration works', async ({ browser, merchant }) => {
  const context = await browser.newContext({ locale: 'hi-IN', extraHTTPHeaders: { 'accept-language': 'hi-IN,hi;q=0.9' } })
  const page = await context.newPage()
  const problems = watchProblems(page)
  const { pageUrl } = await merchant.createSession(mandate)
  const release = await openBeforeScript(page, pageUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'जाँचें और भुगतान करें' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')

  release()
  await expectHydrated(page)
  await languageSwitcher(page).selectOption({ label: 'English' })
  await expect(page.getByRole('heading', { level: 1, name: 'Review and pay' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(problems).toEqual([])
  await context.close()
})

test('Urdu from Accept-Language is drawn right to left before any script, and hydrates in Urdu', async ({ browser, merchant }) => {
  const context = await browser.newContext({ locale: 'ur-PK', extraHTTPHeaders: { 'accept-language': 'ur-PK,ur;q=0.9' } })
  const page = await context.newPage()
  const problems = watchProblems(page)
  const { pageUrl } = await merchant.createSession(mandate)
  const release = await openBeforeScript(page, pageUrl)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ur')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toBeVisible()
  const drawn = await heading.textContent()
  expect(drawn).not.toBe('Review and pay')
  await markHeading(page)

  release()
  await expectHydrated(page)
  await expect(languageSwitcher(page)).toHaveValue('ur')
  await expect(heading).toHaveText(drawn ?? '')
  expect(await headingKept(page)).toBe(true)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await languageSwitcher(page).selectOption({ label: 'English' })
  await expect(page.getByRole('heading', { level: 1, name: 'Review and pay' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  expect(problems).toEqual([])
  await context.close()
})

test('an expired link is drawn by the server and hydrates without a warning', async ({ merchant, checkout, page }) => {
  const problems = watchProblems(page)
  const { orderId, pageUrl } = await merchant.createSession(mandate)
  await merchant.expireSession(orderId)
  const release = await openBeforeScript(page, pageUrl)
  await expect(checkout.heading('This payment link has expired')).toBeVisible()
  await markHeading(page)

  release()
  await expectHydrated(page)
  expect(await headingKept(page)).toBe(true)
  await expect(page.getByRole('radio')).toHaveCount(0)
  expect(problems).toEqual([])
})

test('a completed session is drawn by the server, authorised terms included, and hydrates without a warning', async ({ merchant, checkout, page, request }) => {
  const problems = watchProblems(page)
  const { orderId, pageUrl } = await merchant.createSession(mandate)
  await completeByCollect(request, orderId, pageUrl)
  await page.route('http://127.0.0.1:9/**', (route) => route.fulfill({ status: 200, body: 'merchant' }))
  const release = await openBeforeScript(page, pageUrl)
  await expect(checkout.heading('AutoPay is set up')).toBeVisible()
  await expect(checkout.disclosure).toBeVisible()
  await markHeading(page)

  release()
  await expectHydrated(page)
  expect(await headingKept(page)).toBe(true)
  expect(problems).toEqual([])
})

test('a link that matches no session is drawn by the server and hydrates without a warning', async ({ checkout, page }) => {
  const problems = watchProblems(page)
  const release = await openBeforeScript(page, '/orders/ordeh_00000000000000000000000000000000/payment-page')
  await expect(checkout.heading('Payment link not found')).toBeVisible()
  await markHeading(page)

  release()
  await expectHydrated(page)
  expect(await headingKept(page)).toBe(true)
  // The 404 of the document itself is the one message Chromium prints.
  expect(problems.filter((problem) => !problem.includes('404'))).toEqual([])
})
