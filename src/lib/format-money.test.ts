import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../contract/session'
import { formatMoney } from './format'

const PROPERTY = { seed: 20261201, numRuns: 300 }

/** The amount as formatMoney wrote it, without the isolating marks a right-to-left language gets around it. */
const bare = (text: string): string => text.replace(/[\u2066-\u2069]/g, '')

describe('formatMoney in rupees', () => {
  it('writes every amount in paise so that it reads back exactly, in Latin digits with Indian grouping, in every language', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999_999_999 })), fc.constantFrom(...LOCALES), (minor, locale) => {
        const text = bare(formatMoney({ minor, currency: 'INR' }, locale))
        const match = /^₹((?:\d{1,2},)?(?:\d{2},)*\d{1,3})\.(\d{2})$/.exec(text)
        if (!match) throw new Error(`${minor} in ${locale}: ${text}`)
        const [, grouped = '', decimals = ''] = match
        // Groups of two before the last three: 1,00,00,000.
        if (grouped.includes(',')) expect(grouped).toMatch(/^\d{1,2}(,\d{2})*,\d{3}$/)
        expect(Number(grouped.replaceAll(',', '')) * 100 + Number(decimals)).toBe(minor)
      }),
      PROPERTY,
    )
  })

  it('never writes a leading zero group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 99_999_999_999 }), (minor) => {
        expect(bare(formatMoney({ minor, currency: 'INR' }, 'en'))).not.toMatch(/^₹0/)
      }),
      PROPERTY,
    )
  })
})
