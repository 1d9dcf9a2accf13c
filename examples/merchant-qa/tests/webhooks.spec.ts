import { DEMO_MERCHANT, WebhookReceiver, expect, test, verifyWebhookSignature } from '@mandate-checkout/testing'
import { monthlyMandate } from './mandate.js'

test('webhooks: a QR registration sends the four events, each signed with the response key', async ({ sandbox, checkout }) => {
  const receiver = await WebhookReceiver.start()
  try {
    const session = await sandbox.createSession({ ...monthlyMandate, 'metadata.webhook_url': receiver.url })
    await checkout.open(session.payment_links.web)
    await checkout.chooseRail('upi')
    await checkout.payWithQr()
    await checkout.expectOutcome('success')

    const events = ['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED']
    await expect.poll(() => receiver.received.map((r) => (r.body as { event_name: string }).event_name)).toEqual(events)
    for (const delivery of receiver.received) {
      const header = delivery.headers['x-webhook-signature-v2']
      expect(verifyWebhookSignature({ header: typeof header === 'string' ? header : undefined, rawBody: delivery.rawBody, responseKey: DEMO_MERCHANT.responseKey })).toBe(true)
    }
    const recorded = await sandbox.webhooks(session.order_id)
    expect(recorded.map((w) => [w.event_name, w.status])).toEqual(events.map((name) => [name, 'delivered']))
  } finally {
    await receiver.stop()
  }
})
