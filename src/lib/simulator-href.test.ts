import { describe, expect, it } from 'vitest'
import { simulatorHref } from './simulator-href'

describe('simulatorHref', () => {
  it.each([
    ['/simulator/upi/att_1', 'hi', {}, '/simulator/upi/att_1?lang=hi'],
    ['/simulator/upi/att_1', 'ur', { app: 'phonepe' }, '/simulator/upi/att_1?app=phonepe&lang=ur'],
    ['http://127.0.0.1:4000/simulator/bank/tok?step=login', 'ta', {}, 'http://127.0.0.1:4000/simulator/bank/tok?step=login&lang=ta'],
    ['/simulator/upi/att_1', 'en', { app: 'a&b=c' }, '/simulator/upi/att_1?app=a%26b%3Dc&lang=en'],
  ] as const)('%s in %s with %o is %s', (url, locale, params, expected) => {
    expect(simulatorHref(url, locale, params)).toBe(expected)
  })
})
