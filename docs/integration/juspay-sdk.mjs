// Juspay's official Node SDK (npm i expresscheckout-nodejs) creating a session on the sandbox and
// reading the order back. JUSPAY_BASE_URL is the TLS front (tls-proxy.mjs), e.g. https://127.0.0.1;
// NODE_EXTRA_CA_CERTS names its certificate so Node trusts it.
//
//   NODE_EXTRA_CA_CERTS=cert.pem JUSPAY_BASE_URL=https://127.0.0.1 node juspay-sdk.mjs
import Juspay from 'expresscheckout-nodejs'

// Without it the SDK writes a log file under ./logs and, outside production, to the console.
Juspay.customLogger = Juspay.silentLogger

const juspay = new Juspay({
  merchantId: process.env.MERCHANT_ID ?? 'demo_merchant',
  apiKey: process.env.API_KEY ?? 'demo_api_key',
  baseUrl: process.env.JUSPAY_BASE_URL ?? 'https://127.0.0.1',
})

const orderId = process.env.ORDER_ID ?? `sdk-${Date.now()}`
const session = await juspay.orderSession.create({
  order_id: orderId,
  amount: '1.00',
  customer_id: 'cust-42',
  customer_email: 'asha@example.com',
  customer_phone: '9876543210',
  payment_page_client_id: 'demo_merchant',
  action: 'paymentPage',
  return_url: process.env.RETURN_URL ?? 'https://shop.merchant.com/return',
  description: 'Acme Fitness monthly membership',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_type': 'AFTER',
  'mandate.rule_value': '5',
  ...(process.env.WEBHOOK_URL ? { 'metadata.webhook_url': process.env.WEBHOOK_URL } : {}),
})
const status = await juspay.order.status(orderId)

process.stdout.write(`${JSON.stringify({ payment_link: session.payment_links.web, order_id: session.order_id, status: status.status, page_id: status.id })}\n`)
