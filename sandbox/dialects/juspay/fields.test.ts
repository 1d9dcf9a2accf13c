import { describe, expect, it } from 'vitest'
import { FieldErrors, isRecord, RequestFields } from './fields'
import { parseRupees } from './decimal'
import { text } from './parsers'

const read = (body: Record<string, unknown>, name: string) => {
  const errors = new FieldErrors()
  const value = new RequestFields(body, errors).read(name, parseRupees)
  return { value, errors: errors.list() }
}

describe('field spellings', () => {
  it.each([
    ['dotted', { 'mandate.max_amount': '1000.00' }],
    ['underscore', { mandate_max_amount: '1000.00' }],
    ['nested', { mandate: { max_amount: '1000.00' } }],
    ['all three agreeing', { 'mandate.max_amount': '1000', mandate_max_amount: 1000, mandate: { max_amount: '1000.00' } }],
  ])('reads mandate.max_amount sent %s', (_, body) => {
    expect(read(body, 'mandate.max_amount')).toEqual({ value: 100000, errors: [] })
  })

  it.each([
    ['dotted and underscore', { 'mandate.max_amount': '1000', mandate_max_amount: '2000' }],
    ['dotted and nested', { 'mandate.max_amount': '1000', mandate: { max_amount: '999' } }],
  ])('refuses %s spellings that disagree', (_, body) => {
    const { value, errors } = read(body, 'mandate.max_amount')
    expect(value).toBeUndefined()
    expect(errors).toHaveLength(1)
    expect(errors[0]?.field_name).toBe('mandate.max_amount')
    expect(errors[0]?.reason).toContain('different values')
  })

  it('names every spelling that was sent when they disagree', () => {
    const { errors } = read({ 'mandate.max_amount': '1000', mandate_max_amount: '2000', mandate: { max_amount: '3000' } }, 'mandate.max_amount')
    expect(errors).toEqual([
      {
        field_name: 'mandate.max_amount',
        reason: 'is given more than once with different values (mandate.max_amount, mandate_max_amount, mandate.max_amount (nested)); send it once',
      },
    ])
  })

  it('names the spelling that carried a bad value', () => {
    const { errors } = read({ mandate_max_amount: 'lots' }, 'mandate.max_amount')
    expect(errors[0]?.reason).toContain('sent as mandate_max_amount')
  })

  it.each([
    ['dotted', { 'mandate.max_amount': 'lots' }, ''],
    ['underscore', { mandate_max_amount: 'lots' }, ' (sent as mandate_max_amount)'],
    ['nested', { mandate: { max_amount: 'lots' } }, ' (sent as mandate.max_amount (nested))'],
  ])('names the spelling of a bad value only when it is not the dotted one: %s', (_, body, suffix) => {
    expect(read(body, 'mandate.max_amount')).toEqual({
      value: undefined,
      errors: [{ field_name: 'mandate.max_amount', reason: `must be a positive amount in rupees with at most two decimals, such as "10.00"${suffix}` }],
    })
  })

  it.each([
    ['options', { 'options.create_mandate': 'REQUIRED' }],
    ['options', { options: { create_mandate: 'REQUIRED' } }],
    ['metadata', { 'metadata.plan': 'gold' }],
    ['metadata', { metadata: { plan: 'gold' } }],
  ])('reads %s fields dotted or nested', (group, body) => {
    const errors = new FieldErrors()
    const fields = new RequestFields(body, errors)
    expect(fields.namesUnder(`${group}.`)).toHaveLength(1)
  })

  it('lists only the names under the prefix asked for', () => {
    const fields = new RequestFields(
      { order_id: 'o1', 'metadata.plan': 'gold', metadata: { note: 'x' }, 'options.create_mandate': 'REQUIRED', mandate_frequency: 'MONTHLY' },
      new FieldErrors(),
    )
    expect(fields.namesUnder('metadata.')).toEqual(['metadata.plan', 'metadata.note'])
    expect(fields.namesUnder('mandate.')).toEqual(['mandate.frequency'])
  })

  it('hands back the raw values sent for a field, in the order sent', () => {
    const fields = new RequestFields({ payment_rules: '{"a":1}', udf1: 'x' }, new FieldErrors())
    expect(fields.candidates('payment_rules')).toEqual([{ sentAs: 'payment_rules', value: '{"a":1}' }])
    expect(fields.candidates('udf2')).toEqual([])
  })

  it('gives options and metadata no underscore spelling', () => {
    const fields = new RequestFields({ options_create_mandate: 'REQUIRED' }, new FieldErrors())
    expect(fields.has('options.create_mandate')).toBe(false)
  })

  it('treats null, undefined and empty strings as absent', () => {
    const errors = new FieldErrors()
    const fields = new RequestFields({ udf1: null, udf2: '', udf3: undefined, mandate: null, options: { create_mandate: '' } }, errors)
    expect(fields.has('udf1')).toBe(false)
    expect(fields.has('udf2')).toBe(false)
    expect(fields.has('udf3')).toBe(false)
    expect(fields.has('options.create_mandate')).toBe(false)
    expect(fields.read('udf2', text({ max: 5 }))).toBeUndefined()
    expect(errors.list()).toEqual([])
  })

  it.each([['mandate'], ['options'], ['metadata']])('refuses %s that is not an object', (group) => {
    const errors = new FieldErrors()
    new RequestFields({ [group]: 'nope' }, errors)
    expect(errors.list()).toEqual([{ field_name: group, reason: 'must be an object' }])
  })
})

describe('FieldErrors', () => {
  it('lists each error in the order added and knows which fields failed', () => {
    const errors = new FieldErrors()
    errors.add('amount', 'is required')
    errors.add('order_id', 'is required')
    expect(errors.list()).toEqual([
      { field_name: 'amount', reason: 'is required' },
      { field_name: 'order_id', reason: 'is required' },
    ])
    expect(errors.failed('amount')).toBe(true)
    expect(errors.failed('currency')).toBe(false)
  })

  it('hands out a copy of its list', () => {
    const errors = new FieldErrors()
    errors.list().push({ field_name: 'x', reason: 'y' })
    expect(errors.list()).toEqual([])
  })
})

describe('isRecord', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [null, false],
    [[], false],
    ['text', false],
    [42, false],
    [undefined, false],
  ])('%j is a record: %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected)
  })
})
