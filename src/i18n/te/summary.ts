import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ఆర్డర్ సారాంశం',
  'summary.amount': 'మొత్తం',
  'summary.description': 'దేనికి',
  'summary.customer': 'చెల్లించేవారు',
  'summary.orderId': 'ఆర్డర్ ID',
  'summary.items': 'వస్తువులు',
  'summary.itemQuantity': 'సంఖ్య {quantity}',
  'summary.payToday': 'ఈరోజు చెల్లించాల్సింది',
  'summary.maxPerDebit': 'ప్రతి డెబిట్‌కు గరిష్ఠం',
  'summary.fixedPerDebit': 'ప్రతి డెబిట్ మొత్తం',
  'summary.expires': 'లింక్ గడువు',
}
