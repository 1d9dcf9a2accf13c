import { textProblem } from '../../http/text-rules'
import { fail, ok, type Parsed } from './decimal'

/** A parser turns one raw request value (already known to be present) into a typed value or a reason. */
export type Parser<T> = (value: unknown) => Parsed<T>

/** Length in Unicode code points, so an emoji counts once rather than as two UTF-16 units. */
export const codePoints = (value: string): number => Array.from(value).length

export interface TextRules {
  max: number
  /** Free text (descriptions) may hold tabs and line breaks; identifiers and names may not. */
  multiline?: boolean
  pattern?: { regex: RegExp; reason: string }
}

/** Strings are stored verbatim; only what textProblem (sandbox/http/text-rules.ts) refuses is refused. */
export function text(rules: TextRules): Parser<string> {
  return (value) => {
    if (typeof value !== 'string') return fail('must be a string')
    const problem = textProblem(value, rules.multiline ?? false)
    if (problem !== null) return fail(problem)
    // A string has no more code points than UTF-16 units, so only a long one needs counting.
    const length = value.length > rules.max ? codePoints(value) : value.length
    if (length > rules.max) return fail(`must be at most ${rules.max} characters (got ${length})`)
    if (rules.pattern && !rules.pattern.regex.test(value)) return fail(rules.pattern.reason)
    return ok(value)
  }
}

export const orderId = text({
  max: 20,
  pattern: {
    regex: /^[A-Za-z0-9_-]+$/,
    reason: 'must be 1 to 20 characters of letters, digits, "-" or "_"',
  },
})

/** udf1–udf5 take no special characters (docs/domain/juspay.md#session-and-order-fields); we read that as letters, digits, space and "._@-". */
export const plainUdf = text({
  max: 255,
  pattern: {
    regex: /^[\p{L}\p{M}\p{N} ._@-]*$/u,
    reason: 'must hold only letters, digits, spaces and "._@-" (special characters are allowed in udf6–udf10)',
  },
})

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+\-/=?^_.{|}~`]+$/
const EMAIL_DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

const emailText = text({ max: 254 })

export const email: Parser<string> = (value) => {
  const base = emailText(value)
  if (!base.ok) return base
  const at = base.value.lastIndexOf('@')
  const local = base.value.slice(0, at)
  const domain = base.value.slice(at + 1)
  const valid =
    at > 0 && EMAIL_LOCAL.test(local) && !/^[._]|[._]$/.test(local) && local.length <= 64 && EMAIL_DOMAIN.test(domain)
  return valid ? base : fail('must be an email address such as name@example.com')
}

export const phone = text({
  max: 15,
  pattern: { regex: /^\d{8,15}$/, reason: 'must be 8 to 15 digits, without "+" or the country code (e.g. 9876543210)' },
})

export function oneOf<const T extends string>(values: readonly T[]): Parser<T> {
  return (value) => {
    const match = values.find((v) => v === value)
    return match === undefined ? fail(`must be one of ${values.join(', ')}`) : ok(match)
  }
}

/** JSON booleans, or "true"/"false" as form bodies and Juspay's string-typed samples send them. */
export const bool: Parser<boolean> = (value) => {
  if (typeof value === 'boolean') return ok(value)
  if (typeof value === 'string') {
    const lowered = value.trim().toLowerCase()
    if (lowered === 'true') return ok(true)
    if (lowered === 'false') return ok(false)
  }
  return fail('must be true or false')
}

/** An integer as a JSON number or a string of digits. */
export function integer(min: number, max: number): Parser<number> {
  return (value) => {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN
    if (!Number.isSafeInteger(n)) return fail('must be a whole number')
    if (n < min || n > max) return fail(`must be between ${min} and ${max}`)
    return ok(n)
  }
}

/** 2100-01-01T00:00:00Z: anything later is a typo or milliseconds. */
const LATEST_EPOCH_SECONDS = 4_102_444_800

/** UNIX time in whole seconds (UTC), as a number or a string of digits. */
const anyWholeNumber = integer(0, Number.MAX_SAFE_INTEGER)

export const epochSeconds: Parser<number> = (value) => {
  const parsed = anyWholeNumber(value)
  if (!parsed.ok) return fail('must be a UNIX timestamp in seconds, such as "1767225600"')
  if (parsed.value > 1e12) return fail('must be a UNIX timestamp in seconds, not milliseconds')
  if (parsed.value >= LATEST_EPOCH_SECONDS) return fail('must be a UNIX timestamp in seconds before the year 2100')
  return parsed
}

export interface UrlRules {
  /** Extra check on the parsed URL, e.g. the merchant's return host allow-list; returns a reason or null. */
  check?: (url: URL) => string | null
}

/** An absolute http(s) URL without a fragment or credentials, answered as the parsed URL's normalised href. */
const urlText = text({ max: 2048 })

export function httpUrl(rules: UrlRules = {}): Parser<string> {
  return (value) => {
    const base = urlText(value)
    if (!base.ok) return base
    const url = URL.canParse(base.value) ? new URL(base.value) : null
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return fail('must be an absolute http or https URL')
    }
    if (base.value.includes('#')) return fail('must not contain a fragment (#)')
    if (url.username || url.password) return fail('must not contain a user name or password')
    const reason = rules.check?.(url) ?? null
    return reason === null ? ok(url.href) : fail(reason)
  }
}
