/** A monthly UPI AutoPay / eNACH mandate of up to ₹1,000, ₹1 today refunded once it is active, in Juspay's fields. */
export const monthlyMandate = {
  amount: '1.00',
  customer_id: 'cust-42',
  return_url: 'https://shop.merchant.com/return',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '1000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_type': 'ON',
  'mandate.rule_value': '5',
  'metadata.auto_refund_post_success': 'true',
}
