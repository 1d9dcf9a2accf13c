import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { emulate } from '../support/emulate'
import { DEMO_MERCHANT, basicAuth } from '../support/merchant-api'
import { addPlan, applyChange, pageDate, pageMoney, paidSubscription, planChangeSession, previewChange, readExecution } from '../support/billing'
import { stayOnResult } from '../support/return'

/**
 * Juspay Billing flow 3 (docs/domain/billing.md, plan changes): a subscriber with a paid cycle
 * previews a change, and a session pays for it. Each journey makes its own plans and customer.
 */
const unique = () => randomBytes(4).toString('hex')

/** Two plans whose mandate cap (₹999) holds either amount, so moving between them is a one-off payment. */
async function basicAndPro(request: Parameters<typeof addPlan>[0]) {
  const id = unique()
  const basic = { plan_id: `basic_${id}`, name: `Basic ${id}`, amount: { type: 'FIXED', paise: 29900 }, max_amount: 99900 }
  const pro = { plan_id: `pro_${id}`, name: `Pro ${id}`, amount: { type: 'FIXED', paise: 59900 }, max_amount: 99900 }
  await addPlan(request, basic)
  await addPlan(request, pro)
  return { basic, pro, customer: `cust-${id}` }
}

const auth = { authorization: basicAuth(DEMO_MERCHANT.apiKey) }

async function payByUpiId(page: Page, option: RegExp, vpa: string): Promise<void> {
  await page.getByRole('button', { name: option }).click()
  await page.getByRole('textbox', { name: 'UPI ID' }).fill(vpa)
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.getByRole('button', { name: 'Send request' }).click()
}

test.describe('a plan change on the page', () => {
  test.use(emulate('iPhone 13'))

  test('an upgrade that fits the mandate: the page shows the quote, the payment changes the plan', async ({ merchant, checkout, page, request, expectAccessible }) => {
    const { basic, pro, customer } = await basicAndPro(request)
    const subscription = await paidSubscription(request, basic.plan_id, customer)
    const preview = await previewChange(request, subscription, pro.plan_id, 599)
    expect(preview.mandate_sufficient).toBe(true)
    const { pageUrl } = await merchant.createSession(planChangeSession(preview, customer))

    await checkout.open(pageUrl)
    const change = checkout.testId('planChange')
    await expect(change.getByRole('heading', { name: 'Change your plan' })).toBeVisible()
    await expect(change).toContainText(basic.name)
    await expect(change).toContainText(pro.name)
    await expect(change).toContainText(pageMoney(preview.unused_credit))
    await expect(change).toContainText(pageMoney(preview.new_plan_charge))
    await expect(checkout.testId('planChangePayNow')).toContainText(pageMoney(preview.prorated_amount))
    await expect(checkout.testId('planChangeNextCharge')).toContainText(pageDate(preview.next_invoice.date))
    await expect(checkout.testId('planChangeNextCharge')).toContainText(pageMoney(preview.next_invoice.amount))
    await expect(checkout.testId('quoteTimer')).toBeVisible()
    await expectAccessible()

    await payByUpiId(page, /^Continue with UPI$/, MAGIC_VPAS.success)
    await expect(page.getByRole('heading', { level: 1, name: 'Payment successful' })).toBeVisible()
    await stayOnResult(page)
    await expect(checkout.testId('planChangeResult')).toContainText(`Your plan has changed to ${pro.name}.`)
    await expectAccessible()
    const execution = await readExecution(request, subscription)
    expect(execution.plan_info?.plan_id).toBe(pro.plan_id)
    expect(execution.schedule.upcoming_charges[0]).toEqual({ date: preview.next_invoice.date, amount: 599, intro: false })
  })

  test('a downgrade is applied without payment, and its credit comes off the next upgrade on the page', async ({ merchant, checkout, page, request, expectAccessible }) => {
    const { basic, pro, customer } = await basicAndPro(request)
    const top = { plan_id: `top_${unique()}`, name: 'Top plan', amount: { type: 'FIXED', paise: 99900 }, max_amount: 99900 }
    await addPlan(request, top)
    const subscription = await paidSubscription(request, pro.plan_id, customer)
    const down = await previewChange(request, subscription, basic.plan_id, 299, 'down')
    expect(down).toMatchObject({ prorated_amount: 0, payment_required: false })
    expect(down.carry_forward_credit).toBeGreaterThan(0)
    const changed = await applyChange(request, down)
    expect(changed.plan_info?.plan_id).toBe(basic.plan_id)
    expect(changed.credit_balance).toBe(down.carry_forward_credit)
    // Early in the IST day the credit can exceed a whole ₹299 charge: that charge is then nil and the rest carries on.
    expect(changed.schedule.upcoming_charges[0]).toEqual({ date: down.next_invoice.date, amount: Math.max(0, Math.round((299 - down.carry_forward_credit) * 100) / 100), intro: false })

    const up = await previewChange(request, subscription, top.plan_id, 999, 'up')
    expect(up).toMatchObject({ credit_held: down.carry_forward_credit, credit_applied: down.carry_forward_credit, carry_forward_credit: 0 })
    const { pageUrl } = await merchant.createSession(planChangeSession(up, customer))
    await checkout.open(pageUrl)
    await expect(checkout.testId('planChange')).toContainText('Credit from an earlier plan change')
    await expect(checkout.testId('planChangeHeldCredit')).toHaveText(`−${pageMoney(up.credit_applied)}`)
    await expect(checkout.testId('planChangePayNow')).toHaveText(pageMoney(up.prorated_amount))
    await expectAccessible()
    await payByUpiId(page, /^Continue with UPI$/, MAGIC_VPAS.success)
    await expect(checkout.testId('planChangeResult')).toContainText('Your plan has changed to Top plan.')
    const after = await readExecution(request, subscription)
    expect(after.plan_info?.plan_id).toBe(top.plan_id)
    expect(after.credit_balance).toBe(0)
    expect(after.schedule.upcoming_charges).toEqual([{ date: up.next_invoice.date, amount: 999, intro: false }])
  })

  test('an upgrade above the mandate registers a new one, and the old is revoked', async ({ merchant, checkout, page, request }) => {
    const customer = `cust-${unique()}`
    const subscription = await paidSubscription(request, 'fit_monthly', customer)
    const before = await readExecution(request, subscription)
    const preview = await previewChange(request, subscription, 'fit_monthly_plus', 799)
    expect(preview.mandate_sufficient).toBe(false)
    const { pageUrl } = await merchant.createSession(planChangeSession(preview, customer, { 'options.create_mandate': 'REQUIRED' }))

    await checkout.open(pageUrl)
    await expect(checkout.testId('planChange')).toContainText('It replaces your current mandate once it is active.')
    await expect(checkout.testId('maxPerDebit')).toHaveText('₹799.00')
    await payByUpiId(page, /^Continue with UPI AutoPay$/, MAGIC_VPAS.success)
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    await expect(checkout.testId('planChangeResult')).toContainText('Your plan has changed to Acme Fitness Monthly Plus.')

    const after = await readExecution(request, subscription)
    expect(after.plan_info?.plan_id).toBe('fit_monthly_plus')
    expect(after.mandate_id).not.toBe(before.mandate_id)
    expect(after.schedule.max_amount).toBe(799)
    const oldOrder = await request.get(`/orders/${before.order_id}`, { headers: auth })
    expect(((await oldOrder.json()) as { mandate: { mandate_status: string } }).mandate.mandate_status).toBe('REVOKED')
  })

  test('a failed payment leaves the plan and its billing dates unchanged', async ({ merchant, checkout, page, request }) => {
    const { basic, pro, customer } = await basicAndPro(request)
    const subscription = await paidSubscription(request, basic.plan_id, customer)
    const before = await readExecution(request, subscription)
    const preview = await previewChange(request, subscription, pro.plan_id, 599)
    const { pageUrl } = await merchant.createSession(planChangeSession(preview, customer))

    await checkout.open(pageUrl)
    await payByUpiId(page, /^Continue with UPI$/, MAGIC_VPAS.failure)
    await expect(page.getByRole('heading', { level: 1, name: 'The payment did not go through' })).toBeVisible()
    await expect(checkout.testId('planChangeResult')).toContainText(`Nothing has changed: you stay on ${basic.name}`)
    expect(await readExecution(request, subscription)).toEqual(before)
  })

  test('an expired quote can no longer be paid, and the page says to ask for a new link', async ({ merchant, checkout, page, request }) => {
    const { basic, pro, customer } = await basicAndPro(request)
    const subscription = await paidSubscription(request, basic.plan_id, customer)
    const preview = await previewChange(request, subscription, pro.plan_id, 599)
    const { orderId, pageUrl } = await merchant.createSession(planChangeSession(preview, customer))
    await merchant.expireSession(orderId)

    await checkout.open(pageUrl)
    await expect(page.getByText('This quote has expired. Ask Acme Fitness for a new link.')).toBeVisible()
    await expect(page.getByRole('button', { name: /^Continue with/ })).toHaveCount(0)
    expect((await readExecution(request, subscription)).plan_info?.plan_id).toBe(basic.plan_id)
  })

  test('an amount that differs from the preview is refused at creation, naming both', async ({ request }) => {
    const { basic, pro, customer } = await basicAndPro(request)
    const subscription = await paidSubscription(request, basic.plan_id, customer)
    const preview = await previewChange(request, subscription, pro.plan_id, 599)
    const res = await request.post('/session', {
      headers: { ...auth, 'x-merchantid': DEMO_MERCHANT.id },
      data: { ...planChangeSession(preview, customer), order_id: `pc-${unique()}`, amount: (preview.prorated_amount + 1).toFixed(2), return_url: 'https://shop.merchant.com' },
    })
    expect(res.status()).toBe(400)
    const body = (await res.json()) as { error_info: { fields: { field_name: string; reason: string }[] } }
    const amount = body.error_info.fields.find((f) => f.field_name === 'amount')
    expect(amount?.reason).toContain(preview.prorated_amount.toFixed(2))
    expect(amount?.reason).toContain((preview.prorated_amount + 1).toFixed(2))
  })

  test('the quote in Hindi', async ({ merchant, checkout, page, request, expectAccessible }) => {
    const { basic, pro, customer } = await basicAndPro(request)
    const subscription = await paidSubscription(request, basic.plan_id, customer)
    const preview = await previewChange(request, subscription, pro.plan_id, 599)
    const { pageUrl } = await merchant.createSession(planChangeSession(preview, customer, { language: 'hi' }))

    await checkout.open(pageUrl)
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    const change = checkout.testId('planChange')
    await expect(change.getByRole('heading', { name: 'अपना प्लान बदलें' })).toBeVisible()
    await expect(checkout.testId('planChangePayNow')).toContainText(pageMoney(preview.prorated_amount, 'hi'))
    await expect(checkout.testId('planChangeNextCharge')).toContainText(pageDate(preview.next_invoice.date, 'hi'))
    await expectAccessible()
  })
})
