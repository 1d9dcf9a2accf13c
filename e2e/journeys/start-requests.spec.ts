import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { AttemptLedger, pageIdOf } from '../support/attempt-ledger'
import { emulate } from '../support/emulate'
import { MAGIC_VPAS } from '../../contract/scenarios'

/**
 * Every place the page could start a second attempt (a reload in each UPI channel, a double tap on
 * the button that starts one, the QR renewing itself) counted where it matters: the start requests
 * the browser sends. The sandbox would refuse a second start with a 409 while one is pending, so
 * only counting the requests shows the page did not send it.
 */

const monthly = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}

const START_PATH = /^\/api\/pages\/[^/]+\/attempts$/

/** Counts the POSTs that start an attempt, across reloads (the listener stays on the page). */
function countStarts(page: Page): () => number {
  let starts = 0
  page.on('request', (request) => {
    if (request.method() === 'POST' && START_PATH.test(new URL(request.url()).pathname)) starts += 1
  })
  return () => starts
}

test.describe('desktop: QR', () => {
  test('a double tap and two reloads while the QR waits send one start request', async ({ merchant, checkout, page, request }) => {
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    const starts = countStarts(page)
    await checkout.open(pageUrl)
    await checkout.expectReady()
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).dblclick()
    const qr = page.getByRole('img', { name: 'QR code for the UPI mandate' })
    await expect(qr).toBeVisible()
    for (let reload = 0; reload < 2; reload += 1) {
      await page.reload()
      await expect(qr).toBeVisible()
    }
    expect(starts()).toBe(1)
    await new AttemptLedger(request).expectOneAttempt(orderId, pageIdOf(pageUrl))
  })

  test('an expired QR renews itself with exactly one start request, and shows the new code', async ({ merchant, checkout, page, request }) => {
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    const ledger = new AttemptLedger(request)
    const starts = countStarts(page)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    const simulatorLink = page.getByRole('link', { name: /Open the simulated UPI app/ })
    const firstCode = await simulatorLink.getAttribute('href')
    expect(starts()).toBe(1)

    // The approval window runs out (as the customer's UPI app would report it); the page hears it live.
    await ledger.decide(orderId, 'expire')
    await expect(page.getByText('A new QR code is ready.')).toBeAttached()
    await expect(simulatorLink).toBeVisible()
    await expect(simulatorLink).not.toHaveAttribute('href', firstCode ?? '')
    expect(starts()).toBe(2)
    expect(await ledger.counts(orderId, pageIdOf(pageUrl))).toMatchObject({ created: 2, latestNumber: 2, txnId: `demo_merchant-${orderId}-2` })

    // The renewed code is the page's one attempt now: a reload shows it and starts nothing.
    const renewedCode = await simulatorLink.getAttribute('href')
    await page.reload()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await expect(simulatorLink).toHaveAttribute('href', renewedCode ?? '')
    expect(starts()).toBe(2)
  })
})

test.describe('Android: intent', () => {
  test.use(emulate('Pixel 7'))

  test('a double tap and two reloads while the app list waits send one start request', async ({ merchant, checkout, page, request }) => {
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    const starts = countStarts(page)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).dblclick()
    const heading = page.getByRole('heading', { level: 1, name: 'Choose your UPI app' })
    const link = page.getByRole('textbox', { name: 'UPI link' })
    await expect(heading).toBeVisible()
    await expect(link).toHaveValue(/^upi:\/\/mandate\?/)
    const uri = await link.inputValue()
    for (let reload = 0; reload < 2; reload += 1) {
      await page.reload()
      await expect(heading).toBeVisible()
      await expect(link).toHaveValue(uri)
    }
    expect(starts()).toBe(1)
    await new AttemptLedger(request).expectOneAttempt(orderId, pageIdOf(pageUrl))
  })
})

test.describe('iPhone: collect', () => {
  test.use(emulate('iPhone 13'))

  test('a double tap on Send request and two reloads while it waits send one start request', async ({ merchant, checkout, page, request }) => {
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    const starts = countStarts(page)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).dblclick()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.pending)
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByRole('heading', { name: 'Verified UPI ID' })).toBeVisible()
    expect(starts()).toBe(0)
    await page.getByRole('button', { name: 'Send request' }).dblclick()
    const waiting = page.getByRole('heading', { name: 'Waiting for your approval' })
    await expect(waiting).toBeVisible()
    for (let reload = 0; reload < 2; reload += 1) {
      await page.reload()
      await expect(waiting).toBeVisible()
    }
    expect(starts()).toBe(1)
    await new AttemptLedger(request).expectOneAttempt(orderId, pageIdOf(pageUrl))
  })
})
