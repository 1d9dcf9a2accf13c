import { describe, expect, it } from 'vitest'
import { bankByCode, BANKS } from './enach'
import { catalogModule } from './first-screen'
import { hostLogo, inr, LOCALES, textDirection } from './values'

describe('textDirection', () => {
  it('is right to left for Urdu alone', () => {
    expect(LOCALES.filter((locale) => textDirection(locale) === 'rtl')).toEqual(['ur'])
    expect(textDirection('en')).toBe('ltr')
  })
})

describe('hostLogo', () => {
  const HOST = 'https://shop.example'

  it.each<[string | null | undefined, string | null]>([
    ['https://shop.example/logo.png', 'https://shop.example/logo.png'],
    ['https://shop.example/a b.png', 'https://shop.example/a%20b.png'],
    [`https://shop.example/${'a'.repeat(500 - 'https://shop.example/'.length)}`, `https://shop.example/${'a'.repeat(500 - 'https://shop.example/'.length)}`],
    [`https://shop.example/${'a'.repeat(501 - 'https://shop.example/'.length)}`, null],
    ['https://cdn.example/logo.png', null],
    ['http://shop.example/logo.png', null],
    ['/logo.png', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s', (url, logo) => {
    expect(hostLogo(url, HOST)).toBe(logo)
  })
})

describe('inr', () => {
  it('is paise in INR', () => {
    expect(inr(12_345)).toEqual({ minor: 12_345, currency: 'INR' })
  })
})

describe('bankByCode', () => {
  it('finds each bank by its code, and nothing for an unknown code', () => {
    for (const bank of BANKS) expect(bankByCode(bank.code)).toBe(bank)
    expect(bankByCode('ZZZZ')).toBeUndefined()
  })
})

describe('catalogModule', () => {
  it('names the source path of a language catalog as the client manifest does', () => {
    expect(catalogModule('hi')).toBe('src/i18n/hi/index.ts')
  })
})
