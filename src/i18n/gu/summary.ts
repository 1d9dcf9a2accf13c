import type { summary as en } from '../en/summary'

export const summary: Record<keyof typeof en, string> = {
  'summary.heading': 'ઓર્ડરનો સારાંશ',
  'summary.amount': 'રકમ',
  'summary.description': 'શેના માટે',
  'summary.customer': 'ચુકવનાર',
  'summary.orderId': 'ઓર્ડર ID',
  'summary.items': 'વસ્તુઓ',
  'summary.itemQuantity': 'જથ્થો {quantity}',
  'summary.payToday': 'આજે ચૂકવવાના',
  'summary.maxPerDebit': 'દરેક કપાતની મહત્તમ રકમ',
  'summary.fixedPerDebit': 'દરેક કપાતની રકમ',
  'summary.expires': 'લિંકની મુદત',
}
