/** Shape checks of what a customer types at the simulated bank. Nothing here is stored or logged. */

const SEPARATORS = /[\s-]/g

/** Luhn (mod 10) checksum of a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i])
    const doubled = i % 2 === 1 ? digit * 2 : digit
    sum += doubled > 9 ? doubled - 9 : doubled
  }
  return sum % 10 === 0
}

/** 12 to 19 digits (spaces and hyphens between groups allowed) with a valid Luhn check digit. */
export function isCardNumber(raw: string): boolean {
  const digits = raw.replace(SEPARATORS, '')
  return /^\d{12,19}$/.test(digits) && luhnValid(digits)
}

const IST_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit' })

function istYearMonth(now: Date): { year: number; month: number } {
  const parts = Object.fromEntries(IST_MONTH.formatToParts(now).map((p) => [p.type, p.value]))
  return { year: Number(parts['year']), month: Number(parts['month']) }
}

export type ExpiryProblem = 'format' | 'past'

/** MM/YY; a card is valid through the last day of its expiry month (India time). */
export function expiryProblem(raw: string, now: Date): ExpiryProblem | null {
  const match = /^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/.exec(raw.trim())
  if (!match) return 'format'
  const month = Number(match[1])
  const year = 2000 + Number(match[2])
  const current = istYearMonth(now)
  return year < current.year || (year === current.year && month < current.month) ? 'past' : null
}

/** 12 digits, the first 2 to 9 (UIDAI never issues 0 or 1 first); spaces between groups allowed. */
export const isAadhaarNumber = (raw: string): boolean => /^[2-9]\d{11}$/.test(raw.replace(/\s/g, ''))

export const isOtpShape = (raw: string): boolean => /^\d{6}$/.test(raw)
