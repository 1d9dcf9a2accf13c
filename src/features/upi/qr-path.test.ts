import { describe, expect, it } from 'vitest'
import { encode } from 'uqr'
import { qrPath } from './qr-path'

describe('qrPath', () => {
  it.each<[string, boolean[][], string]>([
    ['empty', [], ''],
    ['all light', [[false, false], [false, false]], ''],
    ['one module', [[false, true]], 'M1 0h1v1h-1z'],
    ['a run becomes one rectangle', [[true, true, true]], 'M0 0h3v1h-3z'],
    ['two runs in a row', [[true, false, true]], 'M0 0h1v1h-1zM2 0h1v1h-1z'],
    ['rows keep their y', [[true], [false], [true]], 'M0 0h1v1h-1zM0 2h1v1h-1z'],
  ])('%s', (_name, matrix, expected) => {
    expect(qrPath(matrix)).toBe(expected)
  })

  it('draws exactly the dark modules of a real code', () => {
    const { data } = encode('upi://mandate?pa=acmefitness%40sandbox&pn=Acme%20Fitness', { border: 4 })
    const dark = data.flat().filter(Boolean).length
    const drawn = [...qrPath(data).matchAll(/h(\d+)v1/g)].reduce((sum, m) => sum + Number(m[1]), 0)
    expect(drawn).toBe(dark)
  })
})
