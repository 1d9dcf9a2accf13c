import { nowEpoch, uniqueOrderId } from './merchant-api'

/**
 * The sample payloads of the captured API pages (see docs/domain/juspay.md#published-samples and docs/domain/checkout-session.md#published-samples), with their placeholders filled,
 * their dates moved to today and the trailing comma of the first removed.
 */
export const juspayMandateSample = () => ({
  amount: '10.00',
  order_id: uniqueOrderId('sample'),
  customer_id: 'yourUniqueCustId',
  customer_phone: '9876543210',
  customer_email: 'dummyemail@gmail.com',
  payment_page_client_id: 'client_id',
  return_url: 'https://shop.merchant.com',
  action: 'paymentPage',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
})

export const juspayEnachSample = () => {
  const start = nowEpoch()
  return {
    amount: '10.00',
    order_id: uniqueOrderId('enach'),
    customer_id: 'yourUniqueCustId',
    customer_phone: '9876543210',
    customer_email: 'dummyemail@gmail.com',
    payment_page_client_id: 'picasso',
    return_url: 'https://shop.merchant.com',
    action: 'enach',
    service: 'in.juspay.ec',
    'options.create_mandate': 'REQUIRED',
    'mandate.max_amount': '1000.00',
    'mandate.start_date': String(start),
    'mandate.end_date': String(start + 365 * 24 * 3600),
  }
}

export const billingRegistrationSample = () => ({
  order_id: uniqueOrderId('bill'),
  amount: '1.0',
  customer_id: 'cust-42',
  payment_page_client_id: 'demo_merchant',
  action: 'paymentPage',
  return_url: 'https://shop.merchant.com',
  'options.get_upi_deep_links': true,
  'options.create_mandate': 'REQUIRED',
  mandate_max_amount: '499.00',
  'metadata.auto_refund_post_success': 'true',
  // The sample's plan_id, sample_fixed_plan, is a placeholder like its order id: it names a plan of the demo merchant here.
  payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly' } } } },
})

/** The UseePay "minimal subscription", in INR (the only currency our rails can pay). */
export const checkoutSubscriptionSample = () => ({
  mode: 'subscription',
  amount: 99.99,
  currency: 'INR',
  customer: { email: 'subscriber@example.com', name: 'Jane Smith', merchant_customer_id: 'cust_456' },
  line_items: [
    {
      quantity: 1,
      price_data: {
        product_data: { name: 'Monthly Plan' },
        unit_amount: 99.99,
        recurring: { interval: 'month', interval_count: 1 },
      },
    },
  ],
  subscription_data: {},
  collection_method: 'auto_charge',
})

/** A return URL nothing listens on: journeys that follow the return answer it themselves (`page.route`). */
export const UNANSWERED_RETURN_URL = 'http://127.0.0.1:9/return'

/** A ₹1 session registering a monthly UPI AutoPay mandate (debits on the 5th, up to ₹1,000), returning to UNANSWERED_RETURN_URL. */
export const monthlyMandateSession = {
  amount: '1.00',
  return_url: UNANSWERED_RETURN_URL,
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
}
