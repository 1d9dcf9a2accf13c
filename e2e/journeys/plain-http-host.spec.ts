import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { BankPage } from '../../packages/testing/src/pages/bank'
import { EnachForm } from '../../packages/testing/src/pages/enach-form'
import { UpiAppPage } from '../../packages/testing/src/pages/upi-app'
import { emulate } from '../support/emulate'
import { MAGIC_ACCOUNTS } from '../../contract/scenarios'

/**
 * A QA phone on the office network opens the page as http://192.168.x.y:4000/…: plain HTTP on a
 * host that is not loopback, so the page is not a secure context and APIs limited to secure
 * contexts (crypto.randomUUID among them) are missing. Chromium resolves this name to the
 * sandbox on 127.0.0.1, which it would otherwise treat as secure.
 */
const QA_HOST = 'checkout.qa.test'

test.use({
  ...emulate('Pixel 7'),
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${QA_HOST} 127.0.0.1`] })
    },
    { scope: 'worker' },
  ],
})

const mandate = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '5000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}

/** The payment page on the QA host, after proving the browser sees it as an insecure context. */
async function openOnQaHost(page: Page, pageUrl: string, baseURL: string | undefined): Promise<void> {
  const url = new URL(pageUrl, baseURL)
  url.hostname = QA_HOST
  await page.goto(url.href)
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
}

test('UPI intent over plain HTTP on a non-loopback host: the attempt starts and the mandate is set up', async ({
  merchant,
  checkout,
  page,
  baseURL,
}) => {
  const { pageUrl } = await merchant.createSession(mandate)
  await openOnQaHost(page, pageUrl, baseURL)
  await checkout.expectReady()
  await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your UPI app' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'UPI link' })).toHaveValue(/^upi:\/\/mandate\?/)
  const popup = page.waitForEvent('popup')
  await page.getByRole('link', { name: /^PhonePe/ }).click()
  const app = new UpiAppPage(await popup)
  expect(new URL(app.page.url()).hostname).toBe(QA_HOST)
  await app.approve()
  await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
})

test('eNACH over plain HTTP on a non-loopback host: the attempt starts and the bank registers the mandate', async ({
  merchant,
  page,
  baseURL,
}) => {
  const { pageUrl } = await merchant.createSession({ ...mandate, action: 'enach' })
  await openOnQaHost(page, pageUrl, baseURL)
  const form = new EnachForm(page)
  await expect(form.heading).toBeVisible()
  await form.chooseBank('hdfc', 'HDFC Bank')
  await form.fillAccount({ holder: 'Asha Verma', number: MAGIC_ACCOUNTS.approved, ifsc: 'HDFC0001234' })
  await form.submit()
  const bank = new BankPage(page)
  await bank.logIn()
  expect(new URL(page.url()).hostname).toBe(QA_HOST)
  await bank.enterOtp()
  await bank.authorise()
  await expect(page.getByRole('heading', { level: 1, name: 'eNACH mandate registered' })).toBeVisible()
})
