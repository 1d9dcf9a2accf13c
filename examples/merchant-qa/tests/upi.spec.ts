import { DEMO_MERCHANT, MAGIC_VPAS, expect, test } from '@mandate-checkout/testing'
import { monthlyMandate } from './mandate.js'

test('UPI collect: the customer approves, the order is CHARGED with an active mandate, the success screen shows it, and the signed return verifies', async ({
  sandbox,
  checkout,
  page,
}) => {
  const session = await sandbox.createSession(monthlyMandate)
  await checkout.open(session.payment_links.web)
  expect(await checkout.disclosure()).toContain('You allow Acme Fitness to debit up to ₹1,000.00 each month')

  await checkout.chooseRail('upi')
  await checkout.payWithUpiCollect(MAGIC_VPAS.success)
  await checkout.expectOutcome('success')
  // The screen is read after an API call: without this, its five-second return to the shop could come first.
  await checkout.stayOnResult()

  const status = await sandbox.orderStatus(session.order_id)
  expect(status).toMatchObject({ status: 'CHARGED', status_id: 21, mandate: { mandate_status: 'ACTIVE' } })
  await expect(page.getByText(status.mandate?.mandate_id ?? 'no mandate id')).toBeVisible()
  const returned = await checkout.returnParams()
  expect(returned).toMatchObject({ orderId: session.order_id, status: 'CHARGED', statusId: 21 })
  expect(returned.verifySignature(DEMO_MERCHANT.responseKey)).toBe(true)
  expect(returned.verifySignature('not-the-response-key')).toBe(false)
})

test('UPI collect: the customer declines, and the order fails', async ({ sandbox, checkout }) => {
  const session = await sandbox.createSession(monthlyMandate)
  await checkout.open(session.payment_links.web)
  await checkout.chooseRail('upi')
  await checkout.payWithUpiCollect(MAGIC_VPAS.failure)
  await checkout.expectOutcome('failure')
  expect(await sandbox.orderStatus(session.order_id)).toMatchObject({ status: 'AUTHORIZATION_FAILED', mandate: { mandate_status: 'FAILURE' } })
})

test('QA approval: a request left pending is approved through the QA API, and the page hears it', async ({ sandbox, checkout }) => {
  const session = await sandbox.createSession(monthlyMandate)
  await checkout.open(session.payment_links.web)
  await checkout.chooseRail('upi')
  await checkout.payWithUpiCollect(MAGIC_VPAS.pending)
  await checkout.expectOutcome('pending')

  const decided = await sandbox.approve(session.order_id)
  expect(decided).toMatchObject({ status: 'CHARGED', attempt: { status: 'succeeded' } })
  await checkout.expectOutcome('success')
})
