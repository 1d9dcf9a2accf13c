import { expect, test } from '../fixtures'

test('a one-time mandate is UPI only, blocks the funds and cannot be cancelled by the customer', async ({ merchant, checkout, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession({
    amount: '1.00',
    'options.create_mandate': 'REQUIRED',
    'mandate.max_amount': '2500.00',
    'mandate.frequency': 'ONETIME',
    'mandate.block_funds': true,
    'mandate.revokable_by_customer': false,
  })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await expect(checkout.option('UPI AutoPay')).toBeEnabled()
  await expect(checkout.option('eNACH (bank account mandate)')).toBeDisabled()
  await expect(checkout.option('eNACH (bank account mandate)')).toHaveAccessibleDescription(/only be set up with UPI AutoPay/)
  await expect(checkout.disclosure).toContainText('₹2,500.00 will be blocked')
  await expect(checkout.disclosure).toContainText('cannot cancel')
  await expectAccessible()
})
