import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { PluralError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'
import { createFailed, invalidField, invalidUpi, PLURAL_CODES, pluralEdgeError, pluralError, type PluralCode, type PluralErrorSpec } from './errors'

/** Plural's refusal envelope, a numeric response_code and a message naming the field (docs/domain/plural.md#response-codes). */

async function answer(reply: (c: Parameters<typeof pluralError>[0]) => Response) {
  const app = new Hono()
  app.get('/', reply)
  const res = await app.request('/')
  return { status: res.status, body: PluralError.parse(await res.json()) }
}

describe('the refusals a route builds', () => {
  it.each<[string, PluralErrorSpec, PluralErrorSpec]>([
    ['a field', invalidField('plan.amount.value', 'must be at least 1'), { status: 400, code: 12400, message: 'plan.amount.value must be at least 1.' }],
    ['the whole body', invalidField(null, 'The request body must be a JSON object'), { status: 400, code: 12400, message: 'The request body must be a JSON object.' }],
    [
      'a request that cannot become a subscription (12404)',
      createFailed('plan.planId', 'is not a plan of this merchant'),
      { status: 422, code: 12404, message: 'Create subscription failed: plan.planId is not a plan of this merchant.' },
    ],
    [
      'UPI details that cannot start a mandate (12408)',
      invalidUpi('upi_data.vpa', 'is not a UPI id'),
      { status: 422, code: 12408, message: 'Invalid Upi Details: upi_data.vpa is not a UPI id.' },
    ],
  ])('%s', (_name, spec, expected) => {
    expect(spec).toStrictEqual(expected)
  })

  it('pluralError answers the code and message under the spec’s status', async () => {
    expect(await answer((c) => pluralError(c, createFailed('quantity', 'is above the cap')))).toStrictEqual({
      status: 422,
      body: { response_code: 12404, response_message: 'Create subscription failed: quantity is above the cap.' },
    })
  })
})

describe('pluralEdgeError: a refusal from outside the dialect’s routes', () => {
  it.each<[EdgeErrorStatus, PluralCode]>([
    [400, PLURAL_CODES.invalidField],
    [401, 12401],
    [403, 12403],
    [404, 12410],
    [405, 12405],
    [409, 12409],
    [413, 12413],
    [415, 12415],
    [429, 12429],
    [503, 12503],
  ])('%i answers %i', async (status, code) => {
    expect(await answer((c) => pluralEdgeError(c, { status, message: 'Refused.' }))).toStrictEqual({ status, body: { response_code: code, response_message: 'Refused.' } })
  })

  it('names the first field blamed and its reason after the message', async () => {
    const error: EdgeError = {
      status: 400,
      message: 'The body is not valid.',
      fields: [
        { name: 'merchantId', reason: 'is required' },
        { name: 'plan', reason: 'is required' },
      ],
    }
    expect((await answer((c) => pluralEdgeError(c, error))).body.response_message).toBe('The body is not valid. (merchantId is required)')
  })

  it('adds nothing when the list of fields is empty', async () => {
    expect((await answer((c) => pluralEdgeError(c, { status: 400, message: 'Refused.', fields: [] }))).body.response_message).toBe('Refused.')
  })
})
