import { describe, expect, it } from 'vitest'
import type { Locale } from '../../contract/session'
import { initialLocale } from './initial-locale'

describe('initialLocale', () => {
  it.each<[Locale | null, Locale | null, string | null, Locale]>([
    [null, null, null, 'en'],
    [null, null, '', 'en'],
    [null, null, 'hi', 'hi'],
    [null, null, 'hi-IN', 'hi'],
    [null, null, 'fr', 'en'],
    [null, null, 'ta-IN', 'ta'],
    [null, 'hi', 'en', 'hi'],
    [null, 'en', 'hi', 'en'],
    ['en', 'hi', 'hi', 'en'],
    ['hi', null, 'en', 'hi'],
  ])('remembered %s, session %s, <html lang=%s> → %s', (remembered, session, lang, expected) => {
    expect(initialLocale(remembered, session, lang)).toBe(expected)
  })
})
