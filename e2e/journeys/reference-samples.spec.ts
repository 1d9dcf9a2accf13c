import { expect, test } from '../fixtures'
import { billingRegistrationSample, checkoutSubscriptionSample, juspayEnachSample, juspayMandateSample } from '../support/samples'

test('the Juspay mandate sample shows what is paid today against the mandate maximum', async ({ merchant, checkout, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession(juspayMandateSample())
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await expect(checkout.testId('amountDue')).toHaveText('₹10.00')
  await expect(checkout.testId('chargedToday')).toHaveText('₹10.00')
  await expect(checkout.testId('maxPerDebit')).toHaveText('₹1,000.00')
  await checkout.expectOptions(['UPI AutoPay', 'eNACH (bank account mandate)'])
  await expect(checkout.disclosure).toContainText('You allow Acme Fitness to debit up to ₹1,000.00')
  await expect(checkout.disclosure).toContainText('whenever a payment falls due')
  await expectAccessible()
})

test('the eNACH sample opens straight into eNACH; Back shows the choice with eNACH chosen', async ({ merchant, checkout, page }) => {
  const { pageUrl } = await merchant.createSession(juspayEnachSample())
  await checkout.open(pageUrl)
  await expect(checkout.heading('Set up eNACH with your bank')).toBeVisible()
  await expect(checkout.disclosure).toContainText('through your bank')
  await page.getByRole('button', { name: 'Back' }).click()
  await checkout.expectReady()
  await expect(checkout.option('eNACH (bank account mandate)')).toBeChecked()
})

test('the billing registration sample explains the refunded ₹1 authorisation', async ({ merchant, checkout }) => {
  const { pageUrl } = await merchant.createSession(billingRegistrationSample())
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await expect(checkout.testId('chargedToday')).toHaveText('₹1.00')
  await expect(checkout.testId('maxPerDebit')).toHaveText('₹499.00')
  await expect(checkout.disclosure).toContainText('Today you pay ₹1.00, refunded after registration')
})

test('the checkout-session subscription sample opens from its client secret', async ({ merchant, checkout, expectAccessible }) => {
  const { url } = await merchant.createCheckoutSession(checkoutSubscriptionSample())
  await checkout.open(url)
  await checkout.expectReady()
  await expect(checkout.testId('amountDue')).toHaveText('₹99.99')
  await expect(checkout.page.getByRole('heading', { name: 'Items' })).toBeVisible()
  await expect(checkout.page.getByText('Monthly Plan').first()).toBeVisible()
  await expect(checkout.disclosure).toContainText('each month')
  await expectAccessible()
})
