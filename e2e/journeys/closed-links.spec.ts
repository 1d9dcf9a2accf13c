import { expect, test } from '../fixtures'

test('an expired session says so and offers no payment', async ({ merchant, checkout, page, expectAccessible }) => {
  const { orderId, pageUrl } = await merchant.createSession({ amount: '1.00' })
  await merchant.expireSession(orderId)
  await checkout.open(pageUrl)
  await expect(checkout.heading('This payment link has expired')).toBeVisible()
  await expect(page.getByRole('radio')).toHaveCount(0)
  await expectAccessible()
})

test('a link with a malformed id is refused as not valid', async ({ checkout, page, expectAccessible }) => {
  await checkout.open('/orders/ordeh_not-a-real-id/payment-page')
  await expect(checkout.heading('This payment link is not valid')).toBeVisible()
  await expect(page.getByRole('radio')).toHaveCount(0)
  await expectAccessible()
})

test('a well-formed id that matches no session is not found', async ({ checkout, expectAccessible }) => {
  await checkout.open('/orders/ordeh_00000000000000000000000000000000/payment-page')
  await expect(checkout.heading('Payment link not found')).toBeVisible()
  await expectAccessible()
})

test("the merchant's own order id never opens a page", async ({ merchant, checkout }) => {
  const { orderId } = await merchant.createSession({ amount: '1.00' })
  await checkout.open(`/orders/${orderId}/payment-page`)
  await expect(checkout.heading('This payment link is not valid')).toBeVisible()
})

test('a client secret in the query opens the page and leaves the address bar', async ({ merchant, checkout, page }) => {
  const { clientSecret } = await merchant.createCheckoutSession({
    mode: 'payment',
    amount: 250,
    currency: 'INR',
    line_items: [{ quantity: 1, price_data: { unit_amount: 250, product_data: { name: 'Day pass' } } }],
  })
  await checkout.open(`/checkout?client_secret=${clientSecret}`)
  await checkout.expectReady()
  expect(new URL(page.url()).search).toBe('')
  await expect(checkout.testId('amountDue')).toHaveText('₹250.00')
})

test('a checkout link without a client secret is not valid', async ({ checkout }) => {
  await checkout.open('/checkout')
  await expect(checkout.heading('This payment link is not valid')).toBeVisible()
})

test('when the sandbox cannot be reached the page says so and recovers on retry', async ({ merchant, checkout, page, expectAccessible }) => {
  const { url } = await merchant.createCheckoutSession({
    mode: 'payment',
    amount: 100,
    currency: 'INR',
    line_items: [{ quantity: 1, price_data: { unit_amount: 100, product_data: { name: 'Pass' } } }],
  })
  let reachable = false
  await page.route('**/api/checkout/lookup', (route) => (reachable ? route.continue() : route.abort('connectionrefused')))
  await checkout.open(url)
  await expect(checkout.heading('We can’t reach the payment server')).toBeVisible()
  await expectAccessible()
  reachable = true
  await page.getByRole('button', { name: 'Retry' }).click()
  await checkout.expectReady()
  await expect(checkout.heading('Review and pay')).toBeFocused()
})
