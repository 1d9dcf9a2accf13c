import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minorToMajor, parseMajorAmount } from './checkout/amount'
import { formatRupees, parseRupees, rupeesNumber } from './juspay/decimal'

/** Fixed, so a failure replays; few runs, so the suite stays quick. */
const PROPERTY = { seed: 20261201, numRuns: 300 }

/** Every amount the dialects take: 1 paisa up to 999,999,999.99 rupees (nine integer digits). */
const paise = fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99_999_999_999 }))

/** A rupee amount as a merchant may write it: leading zeros, no decimals, one or two. */
const rupeeText = fc
  .tuple(fc.nat({ max: 2 }), fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom('', '.d', '.dd'), fc.integer({ min: 0, max: 99 }))
  .filter(([, whole, shape, fraction]) => whole > 0 || (shape !== '' && fraction > 0))
  .map(([zeros, whole, shape, fraction]) => {
    const decimals = shape === '' ? '' : shape === '.d' ? `.${fraction % 10}` : `.${String(fraction).padStart(2, '0')}`
    return `${'0'.repeat(zeros)}${whole}${decimals}`
  })

describe('paise and rupees: Juspay amounts', () => {
  it('reads back every amount it writes, as a string and as a JSON number', () => {
    fc.assert(
      fc.property(paise, (minor) => {
        const text = formatRupees(minor)
        expect(text).toMatch(/^(0|[1-9]\d*)\.\d{2}$/)
        expect(parseRupees(text)).toEqual({ ok: true, value: minor })
        expect(parseRupees(rupeesNumber(minor))).toEqual({ ok: true, value: minor })
      }),
      PROPERTY,
    )
  })

  it('writes what it read in its one canonical form, with the same value', () => {
    fc.assert(
      fc.property(rupeeText, (text) => {
        const read = parseRupees(text)
        if (!read.ok) throw new Error(`${text}: ${read.reason}`)
        const written = formatRupees(read.value)
        expect(Number(written)).toBeCloseTo(Number(text), 2)
        expect(parseRupees(written)).toEqual(read)
        expect(written.replace(/^0+(?=\d)/, '')).toBe(written)
      }),
      PROPERTY,
    )
  })

  it('never reads more than two decimals, a sign, or zero', () => {
    fc.assert(
      fc.property(paise, fc.integer({ min: 0, max: 9 }), (minor, extra) => {
        const text = formatRupees(minor)
        expect(parseRupees(`${text}${extra}`).ok).toBe(false)
        expect(parseRupees(`-${text}`).ok).toBe(false)
        expect(parseRupees(`+${text}`).ok).toBe(false)
      }),
      PROPERTY,
    )
    for (const zero of ['0', '0.00', '000.0', 0]) expect(parseRupees(zero).ok).toBe(false)
  })
})

describe('paise and major units: checkout-session amounts', () => {
  it('reads back every amount it writes, as a JSON number and as its text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (minor) => {
        const major = minorToMajor(minor)
        expect(parseMajorAmount(major, { allowZero: true })).toEqual({ ok: true, minor })
        expect(parseMajorAmount(String(major), { allowZero: true })).toEqual({ ok: true, minor })
      }),
      PROPERTY,
    )
  })

  it('agrees with the Juspay reader on every amount both take', () => {
    fc.assert(
      fc.property(paise, (minor) => {
        const text = formatRupees(minor)
        const checkout = parseMajorAmount(text, { allowZero: false })
        const juspay = parseRupees(text)
        expect(checkout.ok && juspay.ok && checkout.minor === juspay.value).toBe(true)
      }),
      PROPERTY,
    )
  })
})
