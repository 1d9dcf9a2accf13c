import { MAGIC_ACCOUNTS, expect, test } from '../../packages/testing/src/index'
import { EmbedHosts, TestHost } from '../support/embed-host'

/**
 * The QA kit's checkout methods that examples/merchant-qa does not run (npm run test:kit runs
 * that against the packed kit): the UPI app and QR in the simulated app's window, eNACH by Aadhaar
 * left pending and decided by QA, and eNACH in a merchant's frame with the bank in a window.
 */
test.use({ sandboxUrl: async ({ baseURL }, use) => use(new URL(baseURL ?? '').origin) })

const monthly = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}
const asha = { bank: 'HDFC Bank', ifsc: 'HDFC0001234', holder: 'Asha Verma' }

test('the kit pays by UPI app and by QR in the simulated UPI app, declining and approving', async ({ sandbox, checkout }) => {
  const declined = await sandbox.createSession(monthly)
  await checkout.open(declined.payment_links.web)
  await checkout.chooseRail('upi')
  await checkout.payWithUpiApp('PhonePe', { decision: 'decline' })
  await checkout.expectOutcome('failure')
  expect(await sandbox.orderStatus(declined.order_id)).toMatchObject({ status: 'AUTHORIZATION_FAILED' })

  const approved = await sandbox.createSession(monthly)
  await checkout.open(approved.payment_links.web)
  await checkout.chooseRail('upi')
  await checkout.payWithQr({ pin: '123456' })
  await checkout.expectOutcome('success')
  expect(await sandbox.orderStatus(approved.order_id)).toMatchObject({ status: 'CHARGED', mandate: { mandate_status: 'ACTIVE' } })
})

test('the kit takes eNACH by Aadhaar to a pending bank answer that QA approves', async ({ sandbox, checkout }) => {
  const session = await sandbox.createSession({ ...monthly, action: 'enach' })
  await checkout.open(session.payment_links.web)
  await checkout.payWithEnach({ ...asha, mode: 'aadhaar', account: MAGIC_ACCOUNTS.pending })
  await checkout.expectOutcome('pending')
  await sandbox.approve(session.order_id)
  await checkout.expectOutcome('success')
})

test.describe('in a merchant frame', () => {
  let hosts: EmbedHosts
  test.beforeAll(async ({ baseURL }) => {
    hosts = await EmbedHosts.start(new URL(baseURL ?? '').origin)
  })
  test.afterAll(async () => {
    await hosts.stop()
  })

  test('the kit pays eNACH inside the frame, the bank in its own window, and says the return comes as an event', async ({ page, sandbox, checkout }) => {
    const session = await sandbox.createSession({ ...monthly, action: 'enach' })
    const host = new TestHost(page)
    await host.open(hosts.allowedHost)
    await host.mount('one', { url: session.payment_links.web })
    const framed = checkout.inFrame(host.frame('one'))
    await framed.chooseRail('enach')
    expect(await framed.disclosure()).toContain('You allow Acme Fitness to debit up to ₹1,000.00 each month')
    await framed.payWithEnach({ ...asha, account: MAGIC_ACCOUNTS.approved })
    await framed.expectOutcome('success')
    await expect(framed.returnParams()).rejects.toThrow(/completed event/)
  })
})
