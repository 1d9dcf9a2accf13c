import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { emulate } from '../support/emulate'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { monthlyMandateSession } from '../support/samples'


/** The customer approves a collect request to a UPI ID the simulated bank approves, and sees the success screen. */
async function registerByUpiId(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Continue with UPI AutoPay/ }).click()
  await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.success)
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
}

/** Every request the page makes to the merchant's return URL (answered by the test, not the network). */
async function watchReturns(page: Page): Promise<string[]> {
  const returns: string[] = []
  await page.route('http://127.0.0.1:9/**', async (route) => {
    returns.push(route.request().url())
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'merchant' })
  })
  return returns
}

test.describe('the return to the merchant after a result', () => {
  test.use(emulate('iPhone 13'))
  // The return's route may still be answering when the test ends: let go of it so closing the page does not wait on it.
  test.afterEach(async ({ page }) => {
    await page.unrouteAll({ behavior: 'ignoreErrors' })
  })

  test('goes back by itself once the countdown ends', async ({ merchant, checkout, page }) => {
    const returns = await watchReturns(page)
    const { pageUrl } = await merchant.createSession(monthlyMandateSession)
    await checkout.open(pageUrl)
    await registerByUpiId(page)
    await expect(page.getByRole('timer')).toHaveText(/^Returning to Acme Fitness in [1-5] s$/)
    // Real time: the five seconds run out by themselves (the poll's limit only bounds the wait).
    await expect.poll(() => returns.length, { timeout: 20_000 }).toBe(1)
    expect(returns[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/return\?/)
  })

  test('"Stay on this page" turns the time limit off, says so, and moves focus to the way back', async ({ merchant, checkout, page, expectAccessible }) => {
    await page.clock.install()
    const returns = await watchReturns(page)
    const { pageUrl } = await merchant.createSession(monthlyMandateSession)
    await checkout.open(pageUrl)
    await registerByUpiId(page)

    await page.getByRole('button', { name: 'Stay on this page' }).click()
    const staying = 'You are staying on this page. Return to Acme Fitness when you are ready.'
    // Said in the live region and written on the screen, where the countdown was.
    await expect(page.getByText(staying).and(page.locator(':not([role="status"])'))).toBeVisible()
    await expect(page.getByRole('timer')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Stay on this page' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Return to Acme Fitness' })).toBeFocused()
    await expect(page.getByRole('status')).toHaveText(staying)
    await expectAccessible()

    // Well past the five seconds (the countdown reads the clock, so one jump would end it): the page
    // stays. A language switch after the jump is a render that a return started by the jump would
    // have cut off; once it shows, nothing has been sent to the merchant.
    await page.clock.fastForward('01:00')
    await page.getByRole('combobox', { name: 'Language' }).selectOption('hi')
    await expect(page.getByRole('heading', { level: 1, name: 'ऑटोपे सेट हो गया है' })).toBeVisible()
    expect(returns).toEqual([])
    await page.getByRole('combobox', { name: 'भाषा' }).selectOption('en')

    await page.getByRole('button', { name: 'Return to Acme Fitness' }).click()
    await expect.poll(() => returns.length).toBe(1)
  })
})
