import { expect, test } from '../fixtures'

test('a person creates a session on the demo merchant page and opens its payment page', async ({ page, checkout, expectAccessible }) => {
  await page.goto('/demo')
  await page.getByLabel('Amount charged today (₹)').fill('2.00')
  await page.getByLabel('Mandate maximum per debit (₹)').fill('2500.00')
  await page.getByLabel('Frequency').selectOption('WEEKLY')
  await page.getByLabel('Debit day', { exact: true }).fill('3')
  await page.getByLabel('Description shown to the customer').fill('Yoga classes, weekly')
  await expectAccessible()
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('heading', { name: 'Session created' })).toBeFocused()
  await page.getByRole('link', { name: 'Open the payment page' }).click()
  await checkout.expectReady()
  await expect(checkout.testId('maxPerDebit')).toHaveText('₹2,500.00')
  await expect(checkout.disclosure).toContainText('every week, on or after Wednesday')
})

test('the demo form shows the sandbox field errors on their fields', async ({ page }) => {
  await page.goto('/demo')
  await page.getByLabel('Amount charged today (₹)').fill('5000.00')
  await page.getByLabel('Mandate maximum per debit (₹)').fill('100.00')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('alert')).toContainText('The sandbox refused this session')
  await expect(page.getByLabel('Mandate maximum per debit (₹)')).toHaveAttribute('aria-invalid', 'true')
})
