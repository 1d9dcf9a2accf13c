import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ऑर्डरचा सारांश',
  'summary.amount': 'रक्कम',
  'summary.description': 'कशासाठी',
  'summary.customer': 'पेमेंट करणारे',
  'summary.orderId': 'ऑर्डर आयडी',
  'summary.items': 'वस्तू',
  'summary.itemQuantity': 'संख्या {quantity}',
  'summary.payToday': 'आज भरायचे',
  'summary.maxPerDebit': 'प्रत्येक कपातीची कमाल रक्कम',
  'summary.fixedPerDebit': 'प्रत्येक कपातीची रक्कम',
  'summary.expires': 'लिंकची मुदत',
}
