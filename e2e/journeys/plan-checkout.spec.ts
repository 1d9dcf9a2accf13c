import { expect, test } from '../fixtures'
import { MAGIC_VPAS } from '../../contract/scenarios'
import { emulate } from '../support/emulate'
import { returnToMerchant, stayOnResult } from '../support/return'
import { expectFirstDebitShown, expectScheduleShown, pageDate, pageMoney, readExecution, readShownSchedule } from '../support/billing'

/** The merchant's pages after the checkout, on a loopback host the demo merchant allows; the browser never leaves the test. */
const SHOP = 'http://127.0.0.1:9'

test.describe('a Zenskar plan checkout', () => {
  test.use(emulate('iPhone 13'))

  test.beforeEach(async ({ page }) => {
    await page.route(`${SHOP}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>shop</title>merchant' }))
  })

  test('paid on the page, starts the subscription the page showed, and returns to success_url', async ({ merchant, checkout, page, request }) => {
    const { checkout: created, pageUrl } = await merchant.createPlanCheckout({
      plan_id: 'fit_monthly_trial',
      customer_id: 'cust_e2e',
      success_url: `${SHOP}/welcome`,
      cancel_url: `${SHOP}/plans`,
    })
    expect(created.checkout_status).toBe('open')
    await checkout.open(pageUrl)
    await checkout.expectReady()
    await expect(page.getByRole('button', { name: 'Cancel and return to Acme Fitness' })).toBeVisible()
    const shown = await readShownSchedule(checkout.testId('priceSchedule'))
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(MAGIC_VPAS.success)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('button', { name: 'Send request' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    await stayOnResult(page)
    const contract = await merchant.readPlanCheckout(created.id)
    expect(contract).toMatchObject({ checkout_status: 'contract_created', contract_id: expect.stringMatching(/^bei_/) })
    const execution = await readExecution(request, contract.contract_id ?? '')
    expect(execution.schedule.upcoming_charges[0]).toMatchObject({ date: created.estimates.next_invoice?.date, amount: created.estimates.next_invoice?.total })
    expectScheduleShown(shown, execution)
    await expectFirstDebitShown(checkout.testId('firstDebit'), execution)

    await returnToMerchant(page, 'Return to Acme Fitness', page.waitForURL(`${SHOP}/welcome?**`))
    const params = new URL(page.url()).searchParams
    expect(params.get('order_id')).toBe(created.id)
    expect(params.get('status')).toBe('CHARGED')
  })

  test('cancelled on the page, returns to cancel_url and reads as cancelled', async ({ merchant, checkout, page, expectAccessible }) => {
    const { checkout: created, pageUrl } = await merchant.createPlanCheckout({
      plan_id: 'fit_monthly',
      customer_id: 'cust_e2e',
      success_url: `${SHOP}/welcome`,
      cancel_url: `${SHOP}/plans`,
    })
    await checkout.open(pageUrl)
    await checkout.expectReady()
    // No subscription will exist: the page's schedule is checked against the checkout's estimates.
    const shown = await readShownSchedule(checkout.testId('priceSchedule'))
    const next = created.estimates.next_invoice
    expect(shown.firstRegular).toContain(pageDate(next?.date ?? ''))
    expect(shown.firstRegular).toContain(pageMoney(next?.total ?? 0))
    expect(shown.items[0]).toContain(pageMoney(created.estimates.current_invoice.total))
    await expectAccessible()
    const cancel = page.getByRole('button', { name: 'Cancel and return to Acme Fitness' })
    await cancel.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`${SHOP}/plans`)
    expect(await merchant.readPlanCheckout(created.id)).toMatchObject({ checkout_status: 'cancelled', contract_id: null })

    await checkout.open(pageUrl)
    await expect(checkout.heading('You cancelled this payment')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Return to Acme Fitness' })).toHaveAttribute('href', `${SHOP}/plans`)
  })
})
