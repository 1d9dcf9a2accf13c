import { describe, expect, it } from 'vitest'
import { bodyKind, parseBody, parseFormBody, parseJsonBody, unsupportedMediaType } from './read-body'

describe('bodyKind', () => {
  it.each([
    ['application/json', ['json'], 'json'],
    ['application/json; charset=utf-8', ['json'], 'json'],
    [' application/json ; charset=utf-8', ['json'], 'json'],
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

describe('unsupportedMediaType', () => {
  it.each<[readonly ('json' | 'form')[], string]>([
    [['json'], 'Send the request body as application/json with a matching Content-Type header.'],
    [['json', 'form'], 'Send the request body as application/json or application/x-www-form-urlencoded with a matching Content-Type header.'],
  ])('names what %j takes', (accepted, message) => {
    expect(unsupportedMediaType(accepted)).toEqual({ status: 415, code: 'INVALID_INPUT', message })
  })
})

describe('parseBody', () => {
  it('reads the body as the kind the Content-Type named', () => {
    expect(parseBody('json', '{"order_id":"a"}')).toEqual({ ok: true, body: { order_id: 'a' } })
    expect(parseBody('form', 'order_id=a')).toEqual({ ok: true, body: { order_id: 'a' } })
    expect(parseBody('form', '{"order_id":"a"}')).toEqual({ ok: true, body: { '{"order_id":"a"}': '' } })
  })
})

describe('the refusal of a body, word for word', () => {
  const invalid = (message: string) => ({ ok: false, error: { status: 400, code: 'INVALID_INPUT', message } })

  it.each([
    ['', 'The request body is empty; send a JSON object.'],
    ['[1]', 'The request body must be a JSON object.'],
    ['nope', 'The request body is not valid JSON.'],
    ['{"a":', 'The request body is not valid JSON: it ends before the value is complete.'],
    ['{"a":1,}', 'The request body is not valid JSON: trailing comma before line 1, column 8; remove the comma after the last field.'],
    [
      '{\n  "amount":"10.00",\n  "mandate.max_amount":"1000.00",\n}',
      'The request body is not valid JSON: trailing comma before line 4, column 1; remove the comma after the last field.',
    ],
    ['{"a":1 "b":2}', 'The request body is not valid JSON at line 1, column 8.'],
    ['{\n"a":1,\n"b" 2}', 'The request body is not valid JSON at line 3, column 5.'],
    // A comma that is not the last thing before the error, or one not followed by a closing bracket, is no trailing comma.
    ['{"a":1,,"b":2}', 'The request body is not valid JSON at line 1, column 8.'],
    ['{"a":[1,2}', 'The request body is not valid JSON at line 1, column 10.'],
  ])('JSON %j', (text, message) => {
    expect(parseJsonBody(text)).toEqual(invalid(message))
  })

  it('a form body with no field', () => {
    expect(parseFormBody('')).toEqual(invalid('The request body is empty; send the order fields.'))
  })

  it('a form body with fields sent twice names each once', () => {
    expect(parseFormBody('udf1=a&udf1=b&amount=1&amount=2&order_id=x')).toEqual({
      ok: false,
      error: {
        status: 400,
        code: 'INVALID_INPUT',
        message: 'A form field is sent more than once.',
        fields: [
          { field_name: 'udf1', reason: 'is sent more than once; send it once' },
          { field_name: 'amount', reason: 'is sent more than once; send it once' },
        ],
      },
    })
  })
})
