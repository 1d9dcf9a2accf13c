import { describe, expect, it } from 'vitest'
import { findProtoKey, paramName } from './schema-errors'

describe('findProtoKey', () => {
  it.each<[string, string, PropertyKey[] | null]>([
    ['at the top', '{"__proto__":{"x":1}}', ['__proto__']],
    ['in product_data, the deepest object the schema reads', '{"line_items":[{"price_data":{"product_data":{"__proto__":1}}}]}', ['line_items', '0', 'price_data', 'product_data', '__proto__']],
    ['below what the schema reads, which it never reads as an object', '{"line_items":[{"price_data":{"product_data":{"x":{"__proto__":1}}}}]}', null],
    ['nowhere', '{"mode":"payment","metadata":{"proto":"x"}}', null],
  ])('finds one %s', (_, json, path) => {
    expect(findProtoKey(JSON.parse(json))).toEqual(path)
  })

  it('names the path Stripe-style', () => {
    expect(paramName(['line_items', 0, 'price_data', 'unit_amount'])).toBe('line_items[0][price_data][unit_amount]')
  })
})
