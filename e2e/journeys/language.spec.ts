import { expect, test } from '../fixtures'
import { dropDownloads } from '../support/downloads'

const session = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'WEEKLY',
  'mandate.rule_type': 'ON',
  'mandate.rule_value': '1',
}

test('the customer switches to Hindi and every part of the page follows', async ({ merchant, checkout, page, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession(session)
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await checkout.chooseLanguage('हिन्दी')
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await expect(checkout.heading('जाँचें और भुगतान करें')).toBeVisible()
  await expect(checkout.disclosure).toContainText('सोमवार')
  await expect(checkout.testId('maxPerDebit')).toHaveText('₹1,000.00')
  await expectAccessible()
})

test('a language that fails to download leaves the page as it was, and choosing it again brings it', async ({ merchant, checkout, page }) => {
  const { pageUrl } = await merchant.createSession(session)
  const downloads = await dropDownloads(page, 'hi')
  await checkout.open(pageUrl)
  await checkout.expectReady()
  const language = page.getByRole('banner').getByRole('combobox')
  await checkout.chooseLanguage('हिन्दी')
  await expect.poll(downloads).toBe(1)
  await expect(language).toHaveValue('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(checkout.heading('Review and pay')).toBeVisible()

  await checkout.chooseLanguage('हिन्दी')
  await expect(checkout.heading('जाँचें और भुगतान करें')).toBeVisible()
  await expect(language).toHaveValue('hi')
  expect(downloads()).toBe(2)
})

test('a session created in Hindi opens in Hindi', async ({ merchant, checkout, page }) => {
  const { pageUrl } = await merchant.createSession({ ...session, language: 'hi' })
  await checkout.open(pageUrl)
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await expect(checkout.heading('जाँचें और भुगतान करें')).toBeVisible()
})

test('the browser language picks Hindi when the session names none', async ({ browser, merchant }) => {
  const context = await browser.newContext({ locale: 'hi-IN' })
  const page = await context.newPage()
  const { pageUrl } = await merchant.createSession(session)
  await page.goto(pageUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'जाँचें और भुगतान करें' })).toBeVisible()
  await context.close()
})

test('the simulated UPI app opens in the language the customer switched the page to', async ({ merchant, checkout, page, context }) => {
  const { pageUrl } = await merchant.createSession(session)
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await checkout.chooseLanguage('हिन्दी')
  // On a desktop UPI AutoPay opens the QR code, whose link stands in for the phone that scans it.
  await page.getByRole('button', { name: /UPI ऑटोपे/ }).click()
  const link = page.locator('a[href*="/simulator/upi/"]')
  await expect(link).toHaveAttribute('href', /[?&]lang=hi$/)
  const [app] = await Promise.all([context.waitForEvent('page'), link.click()])
  await expect(app.locator('html')).toHaveAttribute('lang', 'hi')
  await app.close()
})

