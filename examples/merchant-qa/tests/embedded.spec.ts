import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_MERCHANT, MAGIC_VPAS, ReturnParams, expect, test } from '@mandate-checkout/testing'
import { monthlyMandate } from './mandate.js'

/** Our shop's checkout page, as the embedding guide writes it: a container, /embed.js, and mount(). */
const shopPage = (sandboxUrl: string, paymentLink: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme shop</title></head>
<body><main><h1>Checkout</h1><div id="checkout"></div></main>
<script src="${sandboxUrl}/embed.js"></script>
<script>
  window.events = []
  MandateCheckout.mount('#checkout', { url: ${JSON.stringify(paymentLink)}, onEvent: (event) => window.events.push(event) })
</script>
</body></html>`

interface CompletedEvent {
  type: 'completed'
  payload: { status: string; result: Record<string, string> }
}

test('embedded checkout: paid by UPI collect inside the shop\'s frame, and the completed event\'s result verifies', async ({
  page,
  sandbox,
  checkout,
  sandboxUrl,
}) => {
  const session = await sandbox.createSession(monthlyMandate)
  // The shop on loopback, on an origin the demo merchant allows to frame the checkout (http://localhost:*).
  const shop = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(shopPage(sandboxUrl, session.payment_links.web)))
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve))
  try {
    await page.goto(`http://localhost:${(shop.address() as AddressInfo).port}/checkout`)

    const framed = checkout.inFrame(page.frameLocator('#checkout iframe'))
    await framed.chooseRail('upi')
    await framed.payWithUpiCollect(MAGIC_VPAS.success)
    await framed.expectOutcome('success')

    const completed = () =>
      page.evaluate(() => (window as unknown as { events: { type: string }[] }).events.find((event) => event.type === 'completed') as CompletedEvent | undefined)
    await expect.poll(completed).toBeTruthy()
    const result = new ReturnParams((await completed())?.payload.result ?? {})
    expect(result).toMatchObject({ orderId: session.order_id, status: 'CHARGED' })
    expect(result.verifySignature(DEMO_MERCHANT.responseKey)).toBe(true)
  } finally {
    await new Promise((resolve) => shop.close(resolve))
  }
})
