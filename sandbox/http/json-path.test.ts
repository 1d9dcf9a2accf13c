import { describe, expect, it } from 'vitest'
import { fieldName, valueAt } from './json-path'

describe('fieldName: a schema path as a JSON reader names the place', () => {
  it.each<[readonly PropertyKey[], string]>([
    [[], ''],
    [['plan_id'], 'plan_id'],
    [['plan', 'amount', 'value'], 'plan.amount.value'],
    [['items', 0, 'quantity'], 'items[0].quantity'],
    [['matrix', 1, 2], 'matrix[1][2]'],
    [[0, 'name'], '[0].name'],
  ])('%j → %s', (path, expected) => {
    expect(fieldName(path)).toBe(expected)
  })
})

describe('valueAt: the value sent at a path, own properties only', () => {
  const body = { plan: { amount: { value: '499.00' }, tags: ['a', 'b'] }, empty: null, zero: 0 }

  it.each<[string, readonly PropertyKey[], unknown]>([
    ['the whole body at the empty path', [], body],
    ['a nested value', ['plan', 'amount', 'value'], '499.00'],
    ['an array element', ['plan', 'tags', 1], 'b'],
    ['a falsy value is still a value', ['zero'], 0],
    ['null is a value', ['empty'], null],
    ['a missing key', ['plan', 'currency'], undefined],
    ['under a missing parent', ['customer', 'email'], undefined],
    ['under null', ['empty', 'x'], undefined],
    ['under a string', ['plan', 'amount', 'value', 'length'], undefined],
    ['past an array end', ['plan', 'tags', 5], undefined],
    ['an inherited property', ['plan', 'toString'], undefined],
    ['a prototype key', ['__proto__'], undefined],
    ['a symbol', [Symbol('x')], undefined],
  ])('%s', (_name, path, expected) => {
    expect(valueAt(body, path)).toBe(expected)
  })

  it('reads a key named __proto__ that the body itself holds', () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"admin": true}}')
    expect(valueAt(parsed, ['__proto__', 'admin'])).toBe(true)
  })
})
