/**
 * Major-unit amounts arrive as JSON numbers (99.99) or decimal strings ("99.99"). Both are read
 * through their decimal text so that 0.1 + 0.2 style float noise is rejected rather than rounded.
 */
const MAJOR_AMOUNT = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/

export type MajorAmountResult = { ok: true; minor: number } | { ok: false; reason: string }

export function parseMajorAmount(value: number | string, options: { allowZero: boolean }): MajorAmountResult {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, reason: 'must be a finite number' }
  if (text.startsWith('-')) return { ok: false, reason: options.allowZero ? 'must not be negative' : 'must be greater than 0' }
  const match = MAJOR_AMOUNT.exec(text)
  if (!match) return { ok: false, reason: 'must be a decimal amount in major units with at most 2 decimals and at most 9 integer digits' }
  const whole = match[1] ?? '0'
  const fraction = (match[2] ?? '').slice(1).padEnd(2, '0')
  const minor = Number(whole) * 100 + Number(fraction)
  if (minor === 0 && !options.allowZero) return { ok: false, reason: 'must be greater than 0' }
  return { ok: true, minor }
}

/** Minor units back to a major-unit JSON number; integer / 100 always prints as its 2-decimal text. */
export const minorToMajor = (minor: number): number => minor / 100
