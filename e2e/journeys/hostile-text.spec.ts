import { expect, test } from '../fixtures'

const SCRIPT = '<script>window.__pwned = 1</script>'
const IMG = '<img src=x onerror="window.__pwned = 2">'
const BIDI = 'Refund \u202Eeerf\u202C plan'

test('merchant-supplied text holding HTML and script shows as plain text and never runs', async ({ merchant, checkout, page, expectAccessible }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const { pageUrl } = await merchant.createSession({
    amount: '1.00',
    description: `${SCRIPT} ${BIDI}`,
    first_name: IMG,
    last_name: '🙂 Verma',
    'options.create_mandate': 'REQUIRED',
    'mandate.max_amount': '100.00',
  })
  await checkout.open(pageUrl)
  await checkout.expectReady()
  await expect(page.getByText(SCRIPT, { exact: false })).toBeVisible()
  await expect(page.getByText(IMG, { exact: false })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.locator('img[src="x"]').count()).toBe(0)
  expect(dialogs).toEqual([])
  await expectAccessible()
})
