import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'آرڈر کا خلاصہ',
  'summary.amount': 'رقم',
  'summary.description': 'برائے',
  'summary.customer': 'ادا کنندہ',
  'summary.orderId': 'آرڈر آئی ڈی',
  'summary.items': 'اشیاء',
  'summary.itemQuantity': 'تعداد {quantity}',
  'summary.payToday': 'آج ادا کریں',
  'summary.maxPerDebit': 'ہر کٹوتی کی زیادہ سے زیادہ رقم',
  'summary.fixedPerDebit': 'ہر کٹوتی کی رقم',
  'summary.expires': 'لنک کی میعاد',
}
