import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { BankPage } from '../../packages/testing/src/pages/bank'
import { EnachForm } from '../../packages/testing/src/pages/enach-form'
import { DEMO_MERCHANT, basicAuth } from '../support/merchant-api'
import { verifyReturnSignature } from '../../packages/testing/src/signature'
import { returnToMerchant, stayOnResult } from '../support/return'
import { MAGIC_ACCOUNTS } from '../../contract/scenarios'

const monthly = (maxAmount = '5000.00') => ({
  amount: '1.00',
  return_url: 'http://127.0.0.1:9/return',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': maxAmount,
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
  'metadata.auto_refund_post_success': 'true',
})
const enachAction = { ...monthly(), action: 'enach' }
const asha = (number: string = MAGIC_ACCOUNTS.approved) => ({ holder: 'Asha Verma', number, ifsc: 'HDFC0001234' })

interface OrderStatus {
  status: string
  status_id: number
  payment_method_type?: string
  txn_detail?: { txn_object_type: string; txn_id: string }
  bank_account_details?: { account_number: string; bank_code: string; auth_mode: string }
  mandate?: { mandate_type: string; mandate_status: string; mandate_id: string; frequency: string; max_amount: string }
}

async function orderStatus(request: APIRequestContext, orderId: string): Promise<OrderStatus> {
  const res = await request.get(`/orders/${orderId}`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
  expect(res.status()).toBe(200)
  return (await res.json()) as OrderStatus
}

/** Every URL the page and the bank pages requested or were sent to, to prove the account number is in none. */
function recordUrls(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  page.on('framenavigated', (f) => urls.push(f.url()))
  return urls
}

const success = (page: Page) => page.getByRole('heading', { level: 1, name: 'eNACH mandate registered' })

/** The form filled for HDFC Bank with this account and sent: the customer is now on the bank's page. */
async function sendToHdfc(page: Page, account: string): Promise<BankPage> {
  const form = new EnachForm(page)
  await form.chooseBank('hdfc', 'HDFC Bank')
  await form.fillAccount(asha(account))
  await form.submit()
  return new BankPage(page)
}

/** Net banking at the bank: log in, the OTP, then authorise. */
async function authoriseByNetBanking(bank: BankPage): Promise<void> {
  await bank.logIn()
  await bank.enterOtp()
  await bank.authorise()
}

test('net banking: action "enach" opens the form, the bank registers the mandate, the merchant sees NB/EMANDATE and a signed return', async ({
  merchant,
  checkout,
  page,
  request,
  expectAccessible,
}) => {
  const urls = recordUrls(page)
  const { orderId, pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  await expect(form.heading).toBeVisible()
  await expect(checkout.disclosure).toContainText('You allow Acme Fitness to debit up to ₹5,000.00 each month')
  await expectAccessible()

  await form.chooseBank('hdfc', 'HDFC Bank')
  await expect(form.mode('Net banking')).toBeChecked()
  await form.fillAccount(asha())
  await expect(page.getByLabel('Account number', { exact: true })).toHaveValue('••••••1111')
  await expectAccessible()
  await form.submit()

  const bank = new BankPage(page)
  await bank.logIn()
  await bank.enterOtp()
  await expect(page.getByText('XXXXXX1111')).toBeVisible()
  // The page returns to the merchant on its own five seconds after the result: catch that navigation from here.
  const redirect = page.waitForRequest((r) => r.url().startsWith('http://127.0.0.1:9/return'))
  await page.route('http://127.0.0.1:9/**', (route) => route.fulfill({ status: 200, body: 'merchant' }))
  await bank.authorise()

  await expect(success(page)).toBeVisible()
  await stayOnResult(page)
  await expectAccessible()
  const status = await orderStatus(request, orderId)
  expect(status).toMatchObject({
    status: 'CHARGED',
    status_id: 21,
    payment_method_type: 'NB',
    txn_detail: { txn_object_type: 'EMANDATE_REGISTER' },
    bank_account_details: { account_number: 'XXXXXX1111', bank_code: 'HDFC' },
    mandate: { mandate_type: 'EMANDATE', mandate_status: 'ACTIVE', frequency: 'MONTHLY' },
  })
  await expect(page.getByText(status.mandate?.mandate_id ?? '-')).toBeVisible()
  expect(JSON.stringify(status)).not.toContain(MAGIC_ACCOUNTS.approved)

  const returned = (await returnToMerchant(page, 'Return to Acme Fitness', redirect)).url()
  expect(new URL(returned).searchParams.get('status')).toBe('CHARGED')
  expect(verifyReturnSignature(returned, DEMO_MERCHANT.responseKey)).toBe(true)
  expect(urls.filter((url) => url.includes(MAGIC_ACCOUNTS.approved))).toEqual([])
})

test('debit card, chosen from the payment options: card, OTP, authorise', async ({ merchant, checkout, page, request }) => {
  const { orderId, pageUrl } = await merchant.createSession(monthly())
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await checkout.option('eNACH (bank account mandate)').check()
  await page.getByRole('button', { name: 'Continue with eNACH (bank account mandate)' }).click()
  const form = new EnachForm(page)
  await expect(form.heading).toBeVisible()
  await form.chooseBank('sbi', 'State Bank of India')
  await form.mode('Debit card').check()
  await form.fillAccount({ holder: 'Ravi Kumar', number: '52004011223', ifsc: 'sbin0004567', type: 'Current' })
  await form.submit()

  const bank = new BankPage(page)
  await bank.verifyCard()
  await bank.enterOtp()
  await bank.authorise()
  await expect(success(page)).toBeVisible()
  expect(await orderStatus(request, orderId)).toMatchObject({
    status: 'CHARGED',
    bank_account_details: { bank_code: 'SBIN', account_number: 'XXXXXXX1223' },
  })
})

test('Aadhaar: number, OTP, authorise', async ({ merchant, checkout, page }) => {
  const { pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  await form.chooseBank('airtel', 'Airtel Payments Bank')
  await expect(form.mode('Aadhaar')).toBeChecked()
  await expect(form.mode('Net banking')).toBeDisabled()
  await form.fillAccount({ holder: 'Meena Iyer', number: '987654321012', ifsc: 'AIRP0000001' })
  await form.submit()
  const bank = new BankPage(page)
  await bank.verifyAadhaar()
  await bank.enterOtp()
  await bank.authorise()
  await expect(success(page)).toBeVisible()
})

test('the bank rejects, the customer tries again from the same form, and the second attempt registers', async ({
  merchant,
  checkout,
  page,
  request,
  expectAccessible,
}) => {
  const { orderId, pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  const bank = await sendToHdfc(page, MAGIC_ACCOUNTS.rejected)
  await authoriseByNetBanking(bank)

  await expect(page.getByRole('heading', { level: 1, name: 'The eNACH mandate was not registered' })).toBeVisible()
  await expect(page.getByText('Your bank rejected the request.')).toBeVisible()
  await expect(page.getByText('You have not been charged.')).toBeVisible()
  await expectAccessible()
  expect(await orderStatus(request, orderId)).toMatchObject({ status: 'AUTHORIZATION_FAILED' })

  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(form.heading).toBeVisible()
  await expect(form.bank).toHaveValue('HDFC Bank')
  await expect(page.getByLabel('IFSC of your branch')).toHaveValue('HDFC0001234')
  await expect(page.getByLabel('Account number', { exact: true })).toHaveValue('')
  await form.fillAccount(asha())
  await form.submit()
  await authoriseByNetBanking(bank)
  await expect(success(page)).toBeVisible()
  expect(await orderStatus(request, orderId)).toMatchObject({ status: 'CHARGED', txn_detail: { txn_id: `demo_merchant-${orderId}-2` } })
})

test('a bank without Aadhaar shows the mode disabled, with the reason', async ({ merchant, checkout, page, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  await form.chooseBank('kotak', 'Kotak Mahindra Bank')
  await expect(form.mode('Aadhaar')).toBeDisabled()
  await expect(form.mode('Aadhaar')).toHaveAccessibleDescription('Kotak Mahindra Bank does not offer this.')
  await expect(form.mode('Net banking')).toBeEnabled()
  await expect(form.mode('Debit card')).toBeEnabled()
  await expectAccessible()
})

test('a mandate above the Aadhaar limit: Aadhaar is not offered, and an Aadhaar-only bank says why it cannot be chosen', async ({
  merchant,
  checkout,
  page,
  expectAccessible,
}) => {
  const { pageUrl } = await merchant.createSession({ ...monthly('200000.00'), action: 'enach' })
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  await form.chooseBank('state bank', 'State Bank of India')
  await expect(form.mode('Aadhaar')).toBeDisabled()
  await expect(form.mode('Aadhaar')).toHaveAccessibleDescription('Allows mandates up to ₹1,00,000.00; this mandate may debit up to ₹2,00,000.00.')
  await form.bank.fill('airtel')
  const airtel = page.getByRole('option', { name: /^Airtel Payments Bank/ })
  await expect(airtel).toHaveAttribute('aria-disabled', 'true')
  await expect(airtel).toContainText('Not available for this mandate: Aadhaar at this bank allows mandates up to ₹1,00,000.00.')
  await expectAccessible()
  await form.bank.press('ArrowDown')
  await expect(form.bank).toHaveAttribute('aria-activedescendant', (await airtel.getAttribute('id')) ?? '')
  await form.bank.press('Enter')
  await expect(form.bank).toHaveValue('airtel')
  await expect(form.bank).toHaveAttribute('aria-expanded', 'true')
})

test('an invalid IFSC and a mismatched confirmation are refused on their fields, and nothing is started', async ({
  merchant,
  checkout,
  page,
  request,
  expectAccessible,
}) => {
  const { orderId, pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  await form.chooseBank('hdfc', 'HDFC Bank')
  await form.fillAccount({ ...asha(), ifsc: 'HDFC1234', confirmation: '1111111112' })
  await form.submit()
  const confirmation = page.getByLabel('Account number again')
  await expect(confirmation).toBeFocused()
  await expect(confirmation).toHaveAccessibleDescription('The account numbers do not match.')
  await expect(page.getByLabel('IFSC of your branch')).toHaveAccessibleDescription(/An IFSC has 4 letters, then 0, then 6 letters or digits\./)
  await expectAccessible()

  await confirmation.fill(MAGIC_ACCOUNTS.approved)
  await page.getByLabel('IFSC of your branch').fill('SBIN0001234')
  await form.submit()
  await expect(page.getByLabel('IFSC of your branch')).toHaveAccessibleDescription(/This IFSC is not a HDFC Bank branch: it must start with HDFC\./)
  await expect(page.getByLabel('Account number again')).not.toHaveAttribute('aria-invalid')
  expect(await orderStatus(request, orderId)).toMatchObject({ status: 'NEW' })
  expect((await orderStatus(request, orderId)).txn_detail).toBeUndefined()
})

test('abandoning the bank page leaves an open request to finish or cancel; cancelling and retrying charges once', async ({
  merchant,
  checkout,
  page,
  request,
  expectAccessible,
}) => {
  const { orderId, pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  const bank = await sendToHdfc(page, MAGIC_ACCOUNTS.approved)
  await expect(bank.heading('Log in to net banking')).toBeVisible()
  await bank.cancelAndReturn()

  await expect(checkout.heading('Finish at your bank')).toBeVisible()
  await expect(page.getByText('XXXXXX1111')).toBeVisible()
  await expectAccessible()
  await page.getByRole('button', { name: 'Go to HDFC Bank' }).click()
  await expect(bank.heading('Log in to net banking')).toBeVisible()
  await page.goBack()
  await expect(checkout.heading('Finish at your bank')).toBeVisible()

  await page.getByRole('button', { name: 'Cancel this request' }).click()
  await expect(form.heading).toBeVisible()
  await form.fillAccount(asha())
  await form.submit()
  await authoriseByNetBanking(bank)
  await expect(success(page)).toBeVisible()
  expect(await orderStatus(request, orderId)).toMatchObject({ status: 'CHARGED', txn_detail: { txn_id: `demo_merchant-${orderId}-2` } })
})

test('while the bank confirms, the page says so, and the bank’s answer arrives live', async ({ merchant, checkout, page, request, expectAccessible }) => {
  const { orderId, pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  await authoriseByNetBanking(await sendToHdfc(page, MAGIC_ACCOUNTS.pending))

  await expect(checkout.heading('Awaiting bank confirmation')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'HDFC Bank is confirming your mandate' })).toBeVisible()
  await expectAccessible()
  expect(await orderStatus(request, orderId)).toMatchObject({ status: 'AUTHORIZING' })
  const approved = await request.post(`/sandbox/orders/${orderId}/attempt/approve`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
  expect(approved.status()).toBe(200)
  await expect(success(page)).toBeVisible()
})

test('keyboard only: search, pick, fill and submit the form, then the bank pages, without a pointer', async ({ merchant, checkout, page }) => {
  const { pageUrl } = await merchant.createSession(enachAction)
  await checkout.open(pageUrl)
  const form = new EnachForm(page)
  await expect(form.heading).toBeVisible()
  const press = (key: string) => page.keyboard.press(key)

  await form.bank.focus()
  await page.keyboard.type('icici')
  await press('ArrowDown')
  await press('Enter')
  await expect(form.bank).toHaveValue('ICICI Bank')
  await press('Tab')
  await expect(form.mode('Net banking')).toBeFocused()
  await press('ArrowDown')
  await expect(form.mode('Debit card')).toBeChecked()
  await press('ArrowUp')
  await expect(form.mode('Net banking')).toBeChecked()
  await press('Tab')
  await page.keyboard.type('Asha Verma')
  await press('Tab')
  await page.keyboard.type(MAGIC_ACCOUNTS.approved)
  await press('Tab')
  await expect(page.getByLabel('Account number', { exact: true })).toHaveValue('••••••1111')
  await page.keyboard.type(MAGIC_ACCOUNTS.approved)
  await press('Tab')
  await page.keyboard.type('ICIC0000104')
  await press('Tab')
  await expect(page.getByLabel('Account type')).toBeFocused()
  await press('Tab')
  await expect(page.getByRole('button', { name: 'Continue to ICICI Bank' })).toBeFocused()
  await press('Enter')

  const bank = new BankPage(page)
  await expect(bank.heading('Log in to net banking')).toBeVisible()
  await page.getByLabel('User ID').focus()
  await page.keyboard.type('asha')
  await press('Tab')
  await page.keyboard.type('secret')
  await press('Enter')
  await expect(bank.heading('Enter OTP')).toBeVisible()
  await page.getByLabel('OTP').focus()
  await page.keyboard.type('123456')
  await press('Enter')
  await expect(bank.heading('Authorise eMandate')).toBeVisible()
  await page.getByRole('button', { name: 'Authorise mandate' }).focus()
  await press('Enter')
  await expect(success(page)).toBeVisible()
})

test('a plain net banking payment (mandate optional, not opted in) asks only for the bank', async ({ merchant, checkout, page, request, expectAccessible }) => {
  const { orderId, pageUrl } = await merchant.createSession({ ...monthly(), amount: '499.00', 'options.create_mandate': 'OPTIONAL' })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await checkout.option('Net banking').check()
  await page.getByRole('button', { name: 'Continue with Net banking' }).click()
  await expect(checkout.heading('Pay with net banking')).toBeVisible()
  await expect(page.getByLabel('Account number', { exact: true })).toHaveCount(0)
  const form = new EnachForm(page)
  await form.bank.fill('india post')
  await expect(page.getByRole('option', { name: /^India Post Payments Bank/ })).toContainText('this bank does not offer net banking payments')
  await form.chooseBank('axis', 'Axis Bank')
  await expectAccessible()
  await form.submit()
  const bank = new BankPage(page)
  await bank.logIn()
  await bank.enterOtp()
  await page.getByRole('button', { name: 'Confirm payment of ₹499.00' }).click()
  await expect(checkout.heading('Payment successful')).toBeVisible()
  expect(await orderStatus(request, orderId)).toMatchObject({ status: 'CHARGED', payment_method_type: 'NB' })
})

test('in Hindi, the eNACH form, its reasons and its errors read in Hindi', async ({ merchant, checkout, page, expectAccessible }) => {
  const { pageUrl } = await merchant.createSession({ ...enachAction, 'mandate.max_amount': '200000.00', language: 'hi' })
  await checkout.open(pageUrl)
  await expect(checkout.heading('अपने बैंक से ई-नैच सेट करें')).toBeVisible()
  const bank = page.getByRole('combobox', { name: 'आपका बैंक' })
  await bank.fill('airtel')
  await expect(page.getByRole('option', { name: /^Airtel Payments Bank/ })).toContainText('इस मैंडेट के लिए उपलब्ध नहीं')
  await page.getByRole('button', { name: 'अपने बैंक पर आगे बढ़ें' }).click()
  await expect(bank).toBeFocused()
  await expect(bank).toHaveAccessibleDescription(/अपना बैंक चुनें।$/)
  await expectAccessible()
})
