import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ਆਰਡਰ ਦਾ ਸਾਰ',
  'summary.amount': 'ਰਕਮ',
  'summary.description': 'ਕਿਸ ਲਈ',
  'summary.customer': 'ਭੁਗਤਾਨ ਕਰਨ ਵਾਲਾ',
  'summary.orderId': 'ਆਰਡਰ ID',
  'summary.items': 'ਚੀਜ਼ਾਂ',
  'summary.itemQuantity': 'ਗਿਣਤੀ {quantity}',
  'summary.payToday': 'ਅੱਜ ਭੁਗਤਾਨ',
  'summary.maxPerDebit': 'ਹਰ ਕਟੌਤੀ ਦੀ ਵੱਧ ਤੋਂ ਵੱਧ ਰਕਮ',
  'summary.fixedPerDebit': 'ਹਰ ਕਟੌਤੀ ਦੀ ਰਕਮ',
  'summary.expires': 'ਲਿੰਕ ਦੀ ਮਿਆਦ',
}
