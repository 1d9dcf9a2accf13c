import { digits } from './ids'

/** Stands in for the sponsor bank's code in the first four digits; no real bank uses it. */
export const SANDBOX_SPONSOR_CODE = '9999'

/** The 5th digit NPCI gives API (net banking, debit card, Aadhaar) mandates (docs/domain/enach.md#umrn). */
const API_MANDATE_DIGIT = '7'

const IST_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', year: '2-digit', month: '2-digit', day: '2-digit' })

/** yymmdd of the calendar date in India. */
function istDateDigits(at: Date): string {
  const parts = Object.fromEntries(IST_DATE.formatToParts(at).map((p) => [p.type, p.value]))
  return `${parts['year'] ?? '00'}${parts['month'] ?? '00'}${parts['day'] ?? '00'}`
}

/** A UMRN-style reference: sponsor code, 7, registration date (yymmdd, IST), 9 random digits = 20 digits. */
export function newUmrn(at: Date): string {
  return `${SANDBOX_SPONSOR_CODE}${API_MANDATE_DIGIT}${istDateDigits(at)}${digits(9)}`
}

export const UMRN_PATTERN = /^\d{4}7\d{15}$/
