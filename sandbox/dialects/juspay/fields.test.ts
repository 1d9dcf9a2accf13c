import { describe, expect, it } from 'vitest'
import { FieldErrors, RequestFields } from './fields'
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

  it('names the spelling that carried a bad value', () => {
    const { errors } = read({ mandate_max_amount: 'lots' }, 'mandate.max_amount')
    expect(errors[0]?.reason).toContain('sent as mandate_max_amount')
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

  it('gives options and metadata no underscore spelling', () => {
    const fields = new RequestFields({ options_create_mandate: 'REQUIRED' }, new FieldErrors())
    expect(fields.has('options.create_mandate')).toBe(false)
  })

  it('treats null and empty strings as absent', () => {
    const fields = new RequestFields({ udf1: null, udf2: '', mandate: null }, new FieldErrors())
    expect(fields.has('udf1')).toBe(false)
    expect(fields.has('udf2')).toBe(false)
    expect(fields.read('udf2', text({ max: 5 }))).toBeUndefined()
  })

  it.each([['mandate'], ['options'], ['metadata']])('refuses %s that is not an object', (group) => {
    const errors = new FieldErrors()
    new RequestFields({ [group]: 'nope' }, errors)
    expect(errors.list()).toEqual([{ field_name: group, reason: 'must be an object' }])
  })
})
