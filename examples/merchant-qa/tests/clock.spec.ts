import { expect, test } from '@mandate-checkout/testing'
import { monthlyMandate } from './mandate.js'

// Moving a clock moves it for every test of that merchant, so this file acts as the sandbox's second merchant (whose returns may go only to loopback).
test.use({ sandboxMerchantId: 'other_merchant', sandboxApiKey: 'other_api_key' })

test('the sandbox clock moves a payment link past its expiry, and a reset brings real time back', async ({ sandbox, checkout, page }) => {
  await sandbox.reset()
  const before = await sandbox.clock()
  expect(before.offset_seconds).toBe(0)
  const session = await sandbox.createSession({ ...monthlyMandate, return_url: 'http://127.0.0.1:9/return', 'metadata.expiryInMins': '15' })

  const moved = await sandbox.advanceClock({ bySeconds: 16 * 60 })
  expect(moved.offset_seconds).toBe(16 * 60)
  expect(moved.now).toBeGreaterThanOrEqual(before.now + 16 * 60)
  await expect(sandbox.advanceClock({ to: before.now })).rejects.toMatchObject({ status: 409 })

  await checkout.open(session.payment_links.web)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This payment link has expired')

  await sandbox.reset()
  expect((await sandbox.clock()).offset_seconds).toBe(0)
})
