import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { CheckoutError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'
import { checkoutEdgeError, checkoutErrorBody, invalidParam, type CheckoutErrorSpec } from './errors'

async function answer(error: EdgeError) {
  const app = new Hono()
  app.get('/', (c) => checkoutEdgeError(c, error))
  const res = await app.request('/')
  return { status: res.status, body: CheckoutError.parse(await res.json()) }
}

describe('the checkout error envelope', () => {
  it('names the parameter only when there is one', () => {
    expect(checkoutErrorBody({ status: 400, type: 'invalid_request_error', code: 'parameter_missing', message: 'mode required', param: 'mode' })).toStrictEqual({
      error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'mode required', param: 'mode' },
    })
    expect(checkoutErrorBody({ status: 401, type: 'authentication_error', code: 'api_key_missing', message: 'No API key' })).toStrictEqual({
      error: { type: 'authentication_error', code: 'api_key_missing', message: 'No API key' },
    })
  })

  it('invalidParam: a 400 about one parameter, parameter_invalid unless told', () => {
    expect(invalidParam('amount', 'Invalid amount')).toStrictEqual<CheckoutErrorSpec>({
      status: 400,
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      message: 'Invalid amount',
      param: 'amount',
    })
    expect(invalidParam('expires_at', 'Out of range', 'expires_at_out_of_range').code).toBe('expires_at_out_of_range')
  })
})

describe('checkoutEdgeError: a refusal from outside the dialect’s routes', () => {
  it.each<[EdgeErrorStatus, CheckoutErrorSpec['type'], CheckoutErrorSpec['code']]>([
    [400, 'invalid_request_error', 'parameter_invalid'],
    [401, 'authentication_error', 'api_key_invalid'],
    [403, 'permission_error', 'origin_not_allowed'],
    [404, 'invalid_request_error', 'resource_missing'],
    [405, 'invalid_request_error', 'method_not_allowed'],
    [409, 'invalid_request_error', 'unexpected_state'],
    [413, 'invalid_request_error', 'body_too_large'],
    [415, 'invalid_request_error', 'unsupported_media_type'],
    [429, 'invalid_request_error', 'rate_limit'],
    [503, 'api_error', 'service_unavailable'],
  ])('%i: %s, %s', async (status, type, code) => {
    expect(await answer({ status, message: 'refused' })).toStrictEqual({ status, body: { error: { type, code, message: 'refused' } } })
  })

  it('names the first field blamed as the parameter', async () => {
    const { body } = await answer({
      status: 400,
      message: 'Two fields are wrong.',
      fields: [
        { name: 'mode', reason: 'is required' },
        { name: 'currency', reason: 'must be INR' },
      ],
    })
    expect(body.error.param).toBe('mode')
  })

  it('names none when no field is blamed', async () => {
    expect((await answer({ status: 400, message: 'm', fields: [] })).body.error).not.toHaveProperty('param')
  })
})
