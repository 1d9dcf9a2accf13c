import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ಆರ್ಡರ್ ಸಾರಾಂಶ',
  'summary.amount': 'ಮೊತ್ತ',
  'summary.description': 'ಯಾವುದಕ್ಕೆ',
  'summary.customer': 'ಪಾವತಿಸುವವರು',
  'summary.orderId': 'ಆರ್ಡರ್ ID',
  'summary.items': 'ವಸ್ತುಗಳು',
  'summary.itemQuantity': 'ಸಂಖ್ಯೆ {quantity}',
  'summary.payToday': 'ಇಂದು ಪಾವತಿಸಬೇಕಾದದ್ದು',
  'summary.maxPerDebit': 'ಪ್ರತಿ ಕಡಿತಕ್ಕೆ ಗರಿಷ್ಠ',
  'summary.fixedPerDebit': 'ಪ್ರತಿ ಕಡಿತದ ಮೊತ್ತ',
  'summary.expires': 'ಲಿಂಕ್ ಅವಧಿ',
}
