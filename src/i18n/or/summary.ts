import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ଅର୍ଡର ସାରାଂଶ',
  'summary.amount': 'ରାଶି',
  'summary.description': 'କାହା ପାଇଁ',
  'summary.customer': 'ପେମେଣ୍ଟକାରୀ',
  'summary.orderId': 'ଅର୍ଡର ID',
  'summary.items': 'ଜିନିଷ',
  'summary.itemQuantity': 'ପରିମାଣ {quantity}',
  'summary.payToday': 'ଆଜି ଦେବାକୁ ଥିବା',
  'summary.maxPerDebit': 'ପ୍ରତି ଡେବିଟ୍‌ରେ ସର୍ବାଧିକ',
  'summary.fixedPerDebit': 'ପ୍ରତି ଡେବିଟ୍‌ର ରାଶି',
  'summary.expires': 'ଲିଙ୍କର ସମୟସୀମା',
}
