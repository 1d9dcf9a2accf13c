import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'অর্ডারের সারাংশ',
  'summary.amount': 'পরিমাণ',
  'summary.description': 'বাবদ',
  'summary.customer': 'পেমেন্টকারী',
  'summary.orderId': 'অর্ডার আইডি',
  'summary.items': 'আইটেম',
  'summary.itemQuantity': 'পরিমাণ {quantity}',
  'summary.payToday': 'আজ পেমেন্ট',
  'summary.maxPerDebit': 'প্রতি ডেবিটে সর্বোচ্চ',
  'summary.fixedPerDebit': 'প্রতি ডেবিটের পরিমাণ',
  'summary.expires': 'লিঙ্কের মেয়াদ',
}
