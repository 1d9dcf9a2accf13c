import { describe, expect, it } from 'vitest'
import { bodyKind, parseFormBody, parseJsonBody } from './read-body'

describe('bodyKind', () => {
  it.each([
    ['application/json', ['json'], 'json'],
    ['application/json; charset=utf-8', ['json'], 'json'],
    ['Application/JSON', ['json'], 'json'],
    ['application/x-www-form-urlencoded', ['json', 'form'], 'form'],
    ['application/x-www-form-urlencoded', ['json'], null],
    ['text/plain', ['json', 'form'], null],
    ['multipart/form-data; boundary=x', ['json', 'form'], null],
    [undefined, ['json'], null],
  ] as const)('%s with %j is %s', (header, accepted, kind) => {
    expect(bodyKind(header, accepted)).toBe(kind)
  })
})

describe('parseJsonBody', () => {
  it('reads an object', () => {
    expect(parseJsonBody('{"order_id":"a"}')).toEqual({ ok: true, body: { order_id: 'a' } })
  })

  it('points at a trailing comma', () => {
    const result = parseJsonBody('{\n  "amount":"10.00",\n  "mandate.max_amount":"1000.00",\n}')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.status).toBe(400)
      expect(result.error.message).toContain('not valid JSON')
      expect(result.error.message).toContain('trailing comma before line 4, column 1')
    }
  })

  it.each([
    ['{"a":1 "b":2}', 'line 1'],
    ['{"a":', 'ends before'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['[1,2]', 'JSON object'],
    ['"text"', 'JSON object'],
    ['null', 'JSON object'],
    ['42', 'JSON object'],
  ])('refuses %j (%s)', (text, message) => {
    const result = parseJsonBody(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain(message)
  })

  it('keeps a "__proto__" key as plain data', () => {
    const result = parseJsonBody('{"__proto__":{"polluted":true}}')
    expect(result.ok).toBe(true)
    expect('polluted' in Object.prototype).toBe(false)
  })
})

describe('parseFormBody', () => {
  it('reads flat string fields', () => {
    expect(parseFormBody('order_id=a&amount=10.00&mandate.block_funds=true')).toEqual({
      ok: true,
      body: { order_id: 'a', amount: '10.00', 'mandate.block_funds': 'true' },
    })
  })

  it('refuses a key sent twice', () => {
    const result = parseFormBody('udf1=a&udf1=b')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields).toEqual([{ field_name: 'udf1', reason: expect.stringContaining('more than once') as string }])
  })

  it('refuses an empty body', () => {
    expect(parseFormBody('').ok).toBe(false)
  })

  it('keeps a "__proto__" field as an own property', () => {
    const result = parseFormBody('__proto__=x&order_id=a')
    expect(result.ok && Object.hasOwn(result.body, '__proto__')).toBe(true)
  })
})
