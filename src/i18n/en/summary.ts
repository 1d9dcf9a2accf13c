/** The order summary on the ready screen. */
export const summary = {
  'summary.heading': 'Order summary',
  'summary.amount': 'Amount',
  'summary.description': 'For',
  'summary.customer': 'Paying as',
  'summary.orderId': 'Order ID',
  'summary.items': 'Items',
  'summary.itemQuantity': 'Qty {quantity}',
  'summary.payToday': 'Pay today',
  'summary.maxPerDebit': 'Maximum per debit',
  'summary.fixedPerDebit': 'Amount per debit',
  'summary.expires': 'Link expires',
} as const
