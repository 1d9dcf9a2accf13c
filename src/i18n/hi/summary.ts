import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ऑर्डर का सारांश',
  'summary.amount': 'राशि',
  'summary.description': 'किसके लिए',
  'summary.customer': 'भुगतानकर्ता',
  'summary.orderId': 'ऑर्डर आईडी',
  'summary.items': 'सामान',
  'summary.itemQuantity': 'मात्रा {quantity}',
  'summary.payToday': 'आज भुगतान',
  'summary.maxPerDebit': 'हर कटौती की अधिकतम राशि',
  'summary.fixedPerDebit': 'हर कटौती की राशि',
  'summary.expires': 'लिंक की समय-सीमा',
}
