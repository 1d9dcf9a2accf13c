import { expect, test } from '../fixtures'
import { emulate } from '../support/emulate'
import { UpiAppPage } from '../../packages/testing/src/pages/upi-app'
import { DEMO_MERCHANT, basicAuth } from '../support/merchant-api'
import { verifyReturnSignature } from '../../packages/testing/src/signature'
import { WebhookReceiver } from '../../packages/testing/src/webhook-receiver'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { stayOnResult } from '../support/return'

const monthly = {
  amount: '1.00',
  return_url: 'http://127.0.0.1:9/return',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
  'metadata.auto_refund_post_success': 'true',
}

test.describe('desktop: QR', () => {
  test('scanning the QR in the simulated app registers the mandate, the page hears it live, and returns with a valid signature', async ({
    merchant,
    checkout,
    page,
    request,
    expectAccessible,
  }) => {
    const receiver = await WebhookReceiver.start()
    try {
      const { orderId, pageUrl } = await merchant.createSession({ ...monthly, 'metadata.webhook_url': receiver.url })
      await checkout.open(pageUrl)
      await checkout.expectReady()
      await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).dblclick()
      await expect(page.getByRole('heading', { level: 1, name: 'Scan the QR code' })).toBeVisible()
      await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
      await expectAccessible()

      const popupPromise = page.waitForEvent('popup')
      await page.getByRole('link', { name: /Open the simulated UPI app/ }).click()
      const app = new UpiAppPage(await popupPromise)
      await app.expectMandateRequest()
      await app.approve('123456')

      await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
      await stayOnResult(page)
      await expectAccessible()
      const status = await request.get(`/orders/${orderId}`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
      const body = (await status.json()) as { status: string; status_id: number; mandate: { mandate_status: string; mandate_id: string }; refunded: boolean }
      expect(body).toMatchObject({ status: 'CHARGED', status_id: 21, refunded: true, mandate: { mandate_status: 'ACTIVE' } })
      await expect(page.getByText(body.mandate.mandate_id)).toBeVisible()
      expect((body as unknown as { txn_detail: { txn_id: string } }).txn_detail.txn_id).toBe(`demo_merchant-${orderId}-1`)

      const redirect = page.waitForRequest((r) => r.url().startsWith('http://127.0.0.1:9/return'))
      await page.route('http://127.0.0.1:9/**', (route) => route.fulfill({ status: 200, body: 'merchant' }))
      await page.getByRole('button', { name: 'Return to Acme Fitness' }).click()
      const returned = (await redirect).url()
      const params = new URL(returned).searchParams
      expect(params.get('order_id')).toBe(orderId)
      expect(params.get('status')).toBe('CHARGED')
      expect(params.get('status_id')).toBe('21')
      expect(verifyReturnSignature(returned, DEMO_MERCHANT.responseKey)).toBe(true)

      await expect.poll(() => receiver.received.map((r) => (r.body as { event_name: string }).event_name)).toEqual([
        'TXN_CREATED',
        'MANDATE_CREATED',
        'MANDATE_ACTIVATED',
        'ORDER_SUCCEEDED',
      ])
    } finally {
      await receiver.stop()
    }
  })

  test('a reload while waiting shows the same pending attempt, with no new one', async ({ merchant, checkout, page, request }) => {
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
    const status = await request.get(`/orders/${orderId}`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
    expect(((await status.json()) as { txn_id: string }).txn_id).toBe(`demo_merchant-${orderId}-1`)
  })
})

test.describe('iPhone: collect', () => {
  test.use(emulate('iPhone 13'))

  test('a declined request can be retried and then succeeds', async ({ merchant, checkout, page, expectAccessible }) => {
    const { pageUrl } = await merchant.createSession(monthly)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Pay with your UPI ID' })).toBeVisible()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.failure)
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByRole('heading', { name: 'Verified UPI ID' })).toBeVisible()
    await page.getByRole('button', { name: 'Send request' }).dblclick()
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay was not set up' })).toBeVisible()
    await expect(page.getByText('You declined the request in your UPI app.')).toBeVisible()
    await expectAccessible()
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.success)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('button', { name: 'Send request' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
  })

  test('a VPA that does not exist, and one whose handle cannot do AutoPay, are refused on the field', async ({ merchant, checkout, page }) => {
    const { pageUrl } = await merchant.createSession(monthly)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    const field = page.getByRole('textbox', { name: 'UPI ID' })
    await field.fill(MAGIC_VPAS.unknown)
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('This UPI ID does not exist')).toBeVisible()
    await field.fill('asha@nomandate')
    await page.getByRole('button', { name: 'Verify' }).click()
    await expect(page.getByText(/This UPI ID cannot set up AutoPay/)).toBeVisible()
  })

  test('an approval window that runs out offers to send again', async ({ merchant, checkout, page }) => {
    const { pageUrl } = await merchant.createSession(monthly)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.expired)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('button', { name: 'Send request' }).click()
    await expect(page.getByRole('heading', { name: 'Waiting for your approval' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Send again' })).toBeVisible()
  })
})

test.describe('Android: intent', () => {
  test.use(emulate('Pixel 7'))

  test('choosing an app opens the simulated app; declining there shows the failure, approving on retry succeeds', async ({
    merchant,
    checkout,
    page,
    request,
  }) => {
    const { orderId, pageUrl } = await merchant.createSession(monthly)
    await checkout.open(pageUrl)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Choose your UPI app' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'UPI link' })).toHaveValue(/^upi:\/\/mandate\?pa=acmefitness%40sandbox&/)
    let popup = page.waitForEvent('popup')
    await page.getByRole('link', { name: /^PhonePe/ }).click()
    await new UpiAppPage(await popup).decline()
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay was not set up' })).toBeVisible()
    const failed = await request.get(`/orders/${orderId}`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
    expect(await failed.json()).toMatchObject({ status: 'AUTHORIZATION_FAILED', status_id: 27, mandate: { mandate_status: 'FAILURE' } })

    await page.getByRole('button', { name: 'Try again' }).click()
    popup = page.waitForEvent('popup')
    await page.getByRole('link', { name: /^Google Pay/ }).click()
    await new UpiAppPage(await popup).approve()
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    const done = await request.get(`/orders/${orderId}`, { headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) } })
    expect(await done.json()).toMatchObject({ status: 'CHARGED', upi: { payer_app: 'gpay', txn_flow_type: 'INTENT' } })
  })
})

test('QA approval of a pending attempt reaches the page', async ({ merchant, checkout, page, request }) => {
  const { orderId, pageUrl } = await merchant.createSession(monthly)
  await checkout.open(pageUrl)
  await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
  await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
  const approved = await request.post(`/sandbox/orders/${orderId}/attempt/approve`, {
    headers: { authorization: basicAuth(DEMO_MERCHANT.apiKey) },
  })
  expect(approved.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
})
