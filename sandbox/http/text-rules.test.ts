import { describe, expect, it } from 'vitest'
import { CONTROL_CHARACTERS_REASON, textProblem } from './text-rules'

const BROKEN = 'must be valid Unicode text'

describe('textProblem: what free text and identifiers may hold', () => {
  it.each<[string, string, boolean, string | null]>([
    ['plain text', 'Acme Fitness', false, null],
    ['markup is data', '<script>alert(1)</script>', false, null],
    ['emoji and Indian scripts', 'योग 🧘 ಯೋಗ', false, null],
    ['a bidi mark', 'a\u202Eb', false, null],
    ['the empty string', '', false, null],
    ['a tab in multiline text', 'a\tb', true, null],
    ['a line break in multiline text', 'line 1\nline 2\r\n', true, null],
    ['a tab in a single line', 'a\tb', false, CONTROL_CHARACTERS_REASON],
    ['a line feed in a single line', 'https://shop.example/\n', false, CONTROL_CHARACTERS_REASON],
    ['a carriage return in a single line', 'a\rb', false, CONTROL_CHARACTERS_REASON],
    ['NUL anywhere', 'a\u0000b', true, CONTROL_CHARACTERS_REASON],
    ['escape', '\u001b[31mred', true, CONTROL_CHARACTERS_REASON],
    ['DEL', 'a\u007fb', true, CONTROL_CHARACTERS_REASON],
    ['a C1 control', 'a\u0085b', true, CONTROL_CHARACTERS_REASON],
    ['a lone high surrogate', 'a\uD83Db', true, BROKEN],
    ['a lone low surrogate at the end', 'ab\uDE00', false, BROKEN],
    ['broken Unicode is named before a control character', '\u0000\uD83D', false, BROKEN],
  ])('%s', (_name, value, multiline, expected) => {
    expect(textProblem(value, multiline)).toBe(expected)
  })
})
