/** Rupee amounts as Juspay takes them: a string or number, positive, at most two decimals. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const fail = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason })

const RUPEES = /^(\d+)(?:\.(\d{1,2}))?$/
/** 9 integer digits keeps every paise value far inside Number.MAX_SAFE_INTEGER. */
const MAX_INTEGER_DIGITS = 9

/**
 * Converts "10.5", "10.50" or 10.5 to 1050 paise. The decimal string is split, never multiplied as
 * a float, so "0.29" is 29 paise and not 28.999…; numbers go through their shortest string form.
 */
export function parseRupees(value: unknown): Parsed<number> {
  const text = typeof value === 'number' ? numberText(value) : typeof value === 'string' ? value.trim() : null
  if (text === null) return fail('must be an amount in rupees, as a string such as "10.00" or a number')
  const match = RUPEES.exec(text)
  if (!match?.[1]) return fail('must be a positive amount in rupees with at most two decimals, such as "10.00"')
  const integer = match[1].replace(/^0+(?=\d)/, '')
  if (integer.length > MAX_INTEGER_DIGITS) return fail('is larger than this sandbox accepts (at most 999999999.99)')
  const minor = Number(integer) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  if (minor === 0) return fail('must be greater than zero')
  return ok(minor)
}

function numberText(value: number): string | null {
  return Number.isFinite(value) ? String(value) : null
}

/** 1050 → "10.50", for payloads that carry amounts as strings. */
export function formatRupees(minor: number): string {
  const paise = String(minor % 100).padStart(2, '0')
  return `${Math.trunc(minor / 100)}.${paise}`
}

/** 1050 → 10.5, for Juspay's order status, which carries amounts as JSON numbers. */
export function rupeesNumber(minor: number): number {
  return minor / 100
}
