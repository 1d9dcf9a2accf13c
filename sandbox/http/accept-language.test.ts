import { describe, expect, it } from 'vitest'
import type { Locale } from '../../contract/session'
import { MAX_ACCEPT_LANGUAGE_LENGTH, preferredLocale } from './accept-language'

describe('preferredLocale', () => {
  it.each<[string, string | undefined, Locale]>([
    ['no header', undefined, 'en'],
    ['an empty header', '', 'en'],
    ['one language', 'hi', 'hi'],
    ['a region', 'ta-IN', 'ta'],
    ['a script and a region', 'pa-Guru-IN', 'pa'],
    ['upper case', 'UR-PK', 'ur'],
    ["a browser's list", 'hi-IN,hi;q=0.9,en-US;q=0.8,en;q=0.7', 'hi'],
    ['qualities out of order', 'en;q=0.8, hi;q=0.9', 'hi'],
    ['an unsupported first choice', 'fr-FR,fr;q=0.9,mr;q=0.8,en;q=0.7', 'mr'],
    ['a tie, won by the earlier range', 'bn;q=0.5, gu;q=0.5', 'bn'],
    ['a language named twice takes its best quality', 'te;q=0.2, kn;q=0.5, te-IN', 'te'],
    ['spaces and tabs around parts', ' ml ; q=0.4 ,\tor ; q = 0.6 ', 'or'],
    ['spaces around a lower q', 'hi ; q = 0.1, ta;q=0.5', 'ta'],
    ['a language named twice keeps its best quality, not its last', 'te;q=0.5, kn;q=0.3, te-IN;q=0.2', 'te'],
    ['a language named twice keeps its first place in a tie', 'mr;q=0.1, ta;q=0.5, gu;q=0.9, ta-IN;q=0.9', 'ta'],
    ['other parameters beside q', 'gu;level=1;q=0.9, en;q=0.5', 'gu'],
    ['another parameter whose value is no quality', 'gu;variant=pinyin, en;q=0.5', 'gu'],
    ['nothing supported', 'fr, de;q=0.9', 'en'],
    ['q=0 refuses a language', 'hi;q=0, bn;q=0.1', 'bn'],
    ['q=0.000 refuses too', 'hi;q=0.000, ta;q=0.001', 'ta'],
    ['everything refused', 'hi;q=0, en;q=0', 'en'],
    ['* alone is English', '*', 'en'],
    ['* after a supported language', 'pa, *;q=0.1', 'pa'],
    ['* outranking the named languages', 'fr;q=0.3, *;q=0.5', 'en'],
    ['* outranking a supported language', 'pa;q=0.4, *;q=0.5', 'en'],
    ['* first, tied with a later language', '*;q=0.5, hi;q=0.5', 'en'],
    ['* first, at a lower quality', '*;q=0.3, hi;q=0.9', 'hi'],
    ['* with English refused', 'en;q=0, *', 'hi'],
    ['*;q=0 refuses the rest', 'ur;q=0.2, *;q=0', 'ur'],
    ['q above 1 is malformed and skipped', 'hi;q=2, bn;q=0.3', 'bn'],
    ['a negative q is skipped', 'hi;q=-1, mr;q=0.3', 'mr'],
    ['four decimals are skipped', 'hi;q=0.5555, kn;q=0.1', 'kn'],
    ['an exponent is skipped', 'hi;q=1e0, ml;q=0.1', 'ml'],
    ['NaN is skipped', 'hi;q=NaN, or;q=0.1', 'or'],
    ['an empty q is skipped', 'hi;q=, te;q=0.1', 'te'],
    ['a tag with a nine-letter subtag is skipped', 'hi-abcdefghi, gu;q=0.1', 'gu'],
    ['a tag with an underscore is skipped', 'hi_IN, pa;q=0.1', 'pa'],
    ['markup is skipped', '<script>, ur;q=0.1', 'ur'],
    ['non-ASCII letters are skipped', 'हिन्दी, bn;q=0.1', 'bn'],
    ['a three-letter code the sandbox does not speak', 'hin, ta;q=0.1', 'ta'],
    ['empty elements', ',,, ,ta,', 'ta'],
    ['only separators', ';;;,;=;q', 'en'],
  ])('%s: %j → %s', (_name, header, expected) => {
    expect(preferredLocale(header)).toBe(expected)
  })

  it('reads a long list without choking and ignores what lies past its limit', () => {
    const filler = Array.from({ length: 10_000 }, (_, i) => `x${String(i)};q=0.1`).join(',')
    expect(filler.length).toBeGreaterThan(MAX_ACCEPT_LANGUAGE_LENGTH)
    expect(preferredLocale(`${filler},hi`)).toBe('en')
    expect(preferredLocale(`ta;q=0.2,${filler},hi`)).toBe('ta')
  })

  it('reads a header of exactly the limit whole, its last range included', () => {
    const header = `${'x;q=0.1,'.repeat(127)}xxxxx,hi`
    expect(header.length).toBe(MAX_ACCEPT_LANGUAGE_LENGTH)
    expect(preferredLocale(header)).toBe('hi')
  })

  it('reads nothing past the limit, not even a range that would come last', () => {
    expect(preferredLocale(`${'x;q=0.1,'.repeat(200)}hi,fr`)).toBe('en')
  })

  it('drops the range the limit cuts in two', () => {
    const header = `${'x'.repeat(MAX_ACCEPT_LANGUAGE_LENGTH - 3)},hi-IN`
    expect(header.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH).endsWith(',hi')).toBe(true)
    expect(preferredLocale(header)).toBe('en')
  })

  it('reads only the first kilobyte of a megabyte header, whatever it holds', () => {
    for (const header of [','.repeat(1 << 20), 'a'.repeat(1 << 20), `hi;q=0.5;${'q=1;'.repeat(1 << 18)}`, `ta,${'x;q=0.1,'.repeat(1 << 17)}hi`]) {
      expect(preferredLocale(header)).toBe(preferredLocale(header.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH + 1)))
    }
    expect(preferredLocale(`ta,${'x;q=0.1,'.repeat(1 << 17)}hi`)).toBe('ta')
  })
})
