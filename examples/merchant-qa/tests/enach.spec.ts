import { MAGIC_ACCOUNTS, expect, test } from '@mandate-checkout/testing'
import { monthlyMandate } from './mandate.js'

test('eNACH: the customer authorises at the simulated bank by net banking and the mandate is registered', async ({ sandbox, checkout }) => {
  const session = await sandbox.createSession({ ...monthlyMandate, action: 'enach' })
  await checkout.open(session.payment_links.web)
  await checkout.chooseRail('enach')
  await checkout.payWithEnach({ bank: 'HDFC Bank', account: MAGIC_ACCOUNTS.approved, ifsc: 'HDFC0001234', holder: 'Asha Verma' })
  await checkout.expectOutcome('success')
  expect(await sandbox.orderStatus(session.order_id)).toMatchObject({
    status: 'CHARGED',
    payment_method_type: 'NB',
    mandate: { mandate_type: 'EMANDATE', mandate_status: 'ACTIVE' },
  })
})

test('eNACH: the bank rejects the account, and the page says so', async ({ sandbox, checkout }) => {
  const session = await sandbox.createSession(monthlyMandate)
  await checkout.open(session.payment_links.web)
  await checkout.chooseRail('enach')
  await checkout.payWithEnach({ bank: 'State Bank of India', mode: 'debit_card', account: MAGIC_ACCOUNTS.rejected, ifsc: 'SBIN0004567', holder: 'Ravi Kumar' })
  await checkout.expectOutcome('failure')
})
