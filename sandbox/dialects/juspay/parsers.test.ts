import { describe, expect, it } from 'vitest'
import { bool, email, epochSeconds, httpUrl, integer, oneOf, orderId, phone, plainUdf, text } from './parsers'

const accepts = (result: { ok: boolean }) => expect(result.ok).toBe(true)
const refuses = (result: { ok: boolean }) => expect(result.ok).toBe(false)

describe('text', () => {
  const name = text({ max: 5 })
  const free = text({ max: 255, multiline: true })
  it.each(['', 'abcde', '<b>x', '😀😀😀😀😀', '\u202Eabc'])('keeps %j verbatim', (value) => {
    expect(name(value)).toEqual({ ok: true, value })
  })
  it.each([
    ['abcdef', 'at most 5'],
    ['😀😀😀😀😀😀', 'at most 5 characters (got 6)'],
    ['a\u0000b', 'control'],
    ['a\u0007b', 'control'],
    ['a\u009Fb', 'control'],
    ['a\nb', 'control'],
    ['\uD800x', 'Unicode'],
    [12, 'string'],
  ])('refuses %j (%s)', (value, reason) => {
    const result = name(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
  it('allows line breaks and tabs only in free text', () => {
    accepts(free('line one\nline two\tend\r\n'))
    refuses(free('bell\u0007'))
  })
})

describe('order_id', () => {
  it.each(['a', 'ord_1', 'ORD-2026-0001', 'x'.repeat(20)])('accepts %s', (value) => accepts(orderId(value)))
  it.each(['x'.repeat(21), 'has space', 'dot.ted', 'ü', 'a/b', 7])('refuses %j', (value) => refuses(orderId(value)))
})

describe('udf1–udf5', () => {
  it.each(['plain', 'Name 123', 'a.b@c-d_e', 'हिन्दी नाम'])('accepts %s', (value) => accepts(plainUdf(value)))
  it.each(['<script>', 'a&b', 'semi;colon', 'x'.repeat(256)])('refuses %j', (value) => refuses(plainUdf(value)))
})

describe('customer_email', () => {
  it.each(['a@example.com', "o'brien+tag@mail.example.co.in", 'x-y{z}@a-b.io', 'first.last@example.com'])('accepts %s', (value) =>
    accepts(email(value)),
  )
  it.each(['plain', '@example.com', 'a@', 'a@localhost', '.a@example.com', 'a_@example.com', 'a b@example.com', 'a@exa mple.com', 'a@-x.com'])(
    'refuses %j',
    (value) => refuses(email(value)),
  )
})

describe('customer_phone', () => {
  it.each(['9876543210', '12345678', '123456789012345'])('accepts %s', (value) => accepts(phone(value)))
  it.each(['+919876543210', '1234567', '1234567890123456', '98765 43210', '98765-43210'])('refuses %j', (value) => refuses(phone(value)))
})

describe('scalars', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['FALSE', false],
  ] as const)('bool %j is %j', (input, value) => expect(bool(input)).toEqual({ ok: true, value }))
  it.each(['yes', 1, 0, 'on'])('bool refuses %j', (value) => refuses(bool(value)))

  it.each([
    [5, 5],
    ['31', 31],
  ] as const)('integer %j is %i', (input, value) => expect(integer(1, 31)(input)).toEqual({ ok: true, value }))
  it.each([0, 32, 1.5, '1.5', '-1', 'x', ''])('integer(1, 31) refuses %j', (value) => refuses(integer(1, 31)(value)))

  it('enums are exact', () => {
    accepts(oneOf(['A', 'B'])('A'))
    refuses(oneOf(['A', 'B'])('a'))
  })
})

describe('epoch seconds', () => {
  it.each([
    ['1773124200', 1773124200],
    [1773124200, 1773124200],
  ] as const)('accepts %j', (input, value) => expect(epochSeconds(input)).toEqual({ ok: true, value }))
  it.each([
    ['1773124200000', 'milliseconds'],
    ['4102444800', '2100'],
    ['2026-03-10', 'seconds'],
    [1773124200.5, 'seconds'],
    [-1, 'seconds'],
  ] as const)('refuses %j (%s)', (value, reason) => {
    const result = epochSeconds(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
})

describe('http URLs', () => {
  const onlyShop = httpUrl({ check: (url) => (url.hostname === 'shop.example.com' ? null : 'not allowed') })
  it.each(['https://shop.example.com', 'http://shop.example.com:8080/return?x=1'])('accepts %s', (value) => accepts(onlyShop(value)))
  it.each([
    ['https://shop.example.com/#done', 'fragment'],
    ['https://user:pw@shop.example.com/', 'password'],
    ['ftp://shop.example.com/', 'http'],
    ['javascript:alert(1)', 'http'],
    ['/relative/path', 'http'],
    ['https://evil.example.com/', 'not allowed'],
    ['https://shop.example.com/re\tturn', 'control characters'],
    ['https://shop.example.com/\nreturn', 'control characters'],
  ])('refuses %s (%s)', (value, reason) => {
    const result = onlyShop(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
  it.each([
    ['HTTPS://Shop.Example.COM', 'https://shop.example.com/'],
    ['https://shop.example.com:443/a/./b/../c?plan=basic', 'https://shop.example.com/a/c?plan=basic'],
    ['http://shop.example.com/a b', 'http://shop.example.com/a%20b'],
  ])('answers %s as the parsed URL, %s', (value, normalised) => {
    expect(onlyShop(value)).toEqual({ ok: true, value: normalised })
  })
})

describe('what each refusal says', () => {
  const reasonOf = (result: { ok: true } | { ok: false; reason: string }) => (result.ok ? 'accepted' : result.reason)

  it.each<[string, () => { ok: true } | { ok: false; reason: string }, string]>([
    ['a text rule built per field', () => text({ max: 3 })('abcd'), 'must be at most 3 characters (got 4)'],
    ['an email that is not a string', () => email(42), 'must be a string'],
    ['an email past 254 characters', () => email(`${'a'.repeat(60)}@${'b'.repeat(190)}.example.com`), 'must be at most 254 characters (got 263)'],
    ['an email without "@"', () => email('shop.example.com'), 'must be an email address such as name@example.com'],
    ['an enum value of another case', () => oneOf(['DAILY', 'MONTHLY'])('daily'), 'must be one of DAILY, MONTHLY'],
    ['a boolean word', () => bool('yes'), 'must be true or false'],
    ['a fraction', () => integer(1, 31)('1.5'), 'must be a whole number'],
    ['a signed number', () => integer(1, 31)('-1'), 'must be a whole number'],
    ['a number past the range', () => integer(1, 31)(32), 'must be between 1 and 31'],
    ['a number below the range', () => integer(1, 31)(0), 'must be between 1 and 31'],
    ['a timestamp of exactly 10^12', () => epochSeconds(1e12), 'must be a UNIX timestamp in seconds before the year 2100'],
    ['a timestamp just past 10^12', () => epochSeconds(1e12 + 1), 'must be a UNIX timestamp in seconds, not milliseconds'],
    ['a URL with a user name alone', () => httpUrl()('https://user@shop.example.com/'), 'must not contain a user name or password'],
  ])('%s', (_, parse, reason) => {
    expect(reasonOf(parse())).toBe(reason)
  })
})

describe('edges of the scalar parsers', () => {
  it.each(['1e1', '+5', '0x1F', '5 5', true, null, [7]])('integer(1, 31) refuses %j, which Number() alone would take', (value) =>
    refuses(integer(1, 31)(value)),
  )
  it.each([
    [1, 1],
    [31, 31],
    [' 7 ', 7],
  ] as const)('integer(1, 31) takes %j as %i', (input, value) => expect(integer(1, 31)(input)).toEqual({ ok: true, value }))

  it.each([
    [' true ', true],
    ['False', false],
  ] as const)('bool %j is %j', (input, value) => expect(bool(input)).toEqual({ ok: true, value }))

  it('email: a local part of 64 characters is taken, 65 refused', () => {
    accepts(email(`${'a'.repeat(64)}@example.com`))
    refuses(email(`${'a'.repeat(65)}@example.com`))
  })

  it('a URL parser without a check takes any http(s) host', () => {
    expect(httpUrl()('https://any.example.org/path')).toEqual({ ok: true, value: 'https://any.example.org/path' })
  })
})
