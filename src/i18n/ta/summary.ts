import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ஆர்டர் சுருக்கம்',
  'summary.amount': 'தொகை',
  'summary.description': 'எதற்காக',
  'summary.customer': 'செலுத்துபவர்',
  'summary.orderId': 'ஆர்டர் ஐடி',
  'summary.items': 'பொருட்கள்',
  'summary.itemQuantity': 'எண்ணிக்கை {quantity}',
  'summary.payToday': 'இன்று செலுத்த வேண்டியது',
  'summary.maxPerDebit': 'ஒவ்வொரு பிடித்தத்துக்கும் அதிகபட்சம்',
  'summary.fixedPerDebit': 'ஒவ்வொரு பிடித்தத்தின் தொகை',
  'summary.expires': 'இணைப்பு காலாவதியாகும் நேரம்',
}
