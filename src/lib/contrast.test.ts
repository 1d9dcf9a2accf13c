import { describe, expect, it } from 'vitest'
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, readableTextOn } from './contrast'

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#0f766e', '#ffffff', 5.47],
    ['#64748b', '#ffffff', 4.76],
  ])('%s on %s is %f', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 1)
  })

  it('rejects anything but #rrggbb', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow()
  })
})

describe('readableTextOn', () => {
  it.each([
    ['#0f766e', LIGHT_TEXT],
    ['#7c3aed', LIGHT_TEXT],
    ['#000000', LIGHT_TEXT],
    ['#1e3a8a', LIGHT_TEXT],
    ['#ffffff', DARK_TEXT],
    ['#ffff00', DARK_TEXT],
    ['#facc15', DARK_TEXT],
    ['#22d3ee', DARK_TEXT],
    ['#777777', DARK_TEXT],
    ['#767676', DARK_TEXT],
  ])('on %s text is %s', (background, expected) => {
    expect(readableTextOn(background)).toBe(expected)
  })

  it('always reaches AA (4.5:1) across the whole grey ramp and the primaries', () => {
    const hex = (n: number) => n.toString(16).padStart(2, '0')
    const samples: string[] = []
    for (let v = 0; v < 256; v += 5) samples.push(`#${hex(v)}${hex(v)}${hex(v)}`)
    for (let v = 0; v < 256; v += 15) samples.push(`#${hex(v)}0000`, `#00${hex(v)}00`, `#0000${hex(v)}`, `#${hex(v)}${hex(255 - v)}80`)
    for (const background of samples) {
      expect(contrastRatio(background, readableTextOn(background))).toBeGreaterThanOrEqual(4.5)
    }
  })
})
