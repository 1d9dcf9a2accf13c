import { expect, test } from '../fixtures'

const monthly = {
  amount: '1.00',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_type': 'AFTER',
  'mandate.rule_value': '5',
}

test('REQUIRED offers only mandate-capable instruments and discloses the mandate up front', async ({ merchant, checkout, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession({ ...monthly, 'options.create_mandate': 'REQUIRED' })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await checkout.expectOptions(['UPI AutoPay', 'eNACH (bank account mandate)'])
  await expect(checkout.disclosure).toContainText('each month, on or after the 5th')
  await expect(checkout.page.getByRole('checkbox')).toHaveCount(0)
  await expectAccessible()
})

test('OPTIONAL offers plain instruments with an AutoPay opt-in that brings the disclosure', async ({ merchant, checkout, page, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession({ ...monthly, 'options.create_mandate': 'OPTIONAL' })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await checkout.expectOptions(['UPI', 'Net banking'])
  await checkout.option('UPI').check()
  const optIn = page.getByRole('checkbox', { name: 'Also set up UPI AutoPay for future payments' })
  await expect(optIn).not.toBeChecked()
  await optIn.check()
  await expect(checkout.disclosure).toContainText('You allow Acme Fitness to debit up to ₹1,000.00')
  await expectAccessible()
})

test('a maximum above ₹1,00,000 rules out UPI AutoPay and says why', async ({ merchant, checkout }) => {
  const { pageUrl } = await merchant.createSession({ ...monthly, 'mandate.max_amount': '150000.00', 'options.create_mandate': 'REQUIRED' })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await expect(checkout.option('UPI AutoPay')).toBeDisabled()
  await expect(checkout.option('UPI AutoPay')).toHaveAccessibleDescription(/Not available/)
  await expect(checkout.option('eNACH (bank account mandate)')).toBeEnabled()
})

test('a maximum above ₹15,000 warns that each debit needs the UPI PIN', async ({ merchant, checkout }) => {
  const { pageUrl } = await merchant.createSession({ ...monthly, 'mandate.max_amount': '20000.00', 'options.create_mandate': 'REQUIRED' })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await expect(checkout.paymentOptions).toContainText('₹15,000')
})
