import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ഓർഡർ സംഗ്രഹം',
  'summary.amount': 'തുക',
  'summary.description': 'എന്തിന്',
  'summary.customer': 'പണമടയ്ക്കുന്നയാൾ',
  'summary.orderId': 'ഓർഡർ ഐഡി',
  'summary.items': 'ഇനങ്ങൾ',
  'summary.itemQuantity': 'എണ്ണം {quantity}',
  'summary.payToday': 'ഇന്ന് അടയ്ക്കേണ്ടത്',
  'summary.maxPerDebit': 'ഓരോ ഡെബിറ്റിനും പരമാവധി',
  'summary.fixedPerDebit': 'ഓരോ ഡെബിറ്റിന്റെയും തുക',
  'summary.expires': 'ലിങ്കിന്റെ കാലാവധി',
}
