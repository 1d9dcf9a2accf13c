import { describe, expect, it } from 'vitest'
import { newUmrn, UMRN_PATTERN } from './umrn'

describe('newUmrn', () => {
  it('is 20 digits: sandbox code, 7, the IST date, then random digits', () => {
    // 20:00 UTC on 25 Nov is already 26 Nov in India.
    const umrn = newUmrn(new Date('2026-11-25T20:00:00.000Z'))
    expect(umrn).toMatch(/^\d{20}$/)
    expect(umrn).toMatch(UMRN_PATTERN)
    expect(umrn.slice(0, 11)).toBe('99997261126')
    expect(newUmrn(new Date('2026-11-25T20:00:00.000Z'))).not.toBe(umrn)
  })
})
