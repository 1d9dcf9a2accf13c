import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { JuspayError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'
import { juspayEdgeError, juspayErrorBody, type JuspayErrorCode } from './errors'

/** Answers one refusal from a bare Hono app, as the edge would, and reads the envelope back. */
async function answer(error: EdgeError) {
  const app = new Hono()
  app.get('/', (c) => juspayEdgeError(c, error))
  const res = await app.request('/')
  return { status: res.status, contentType: res.headers.get('content-type'), body: JuspayError.parse(await res.json()) }
}

describe('juspayErrorBody: the envelope', () => {
  it('repeats the message in each place Juspay puts it, with an empty field list when none is blamed', () => {
    const body = juspayErrorBody({ status: 400, code: 'INVALID_INPUT', message: 'amount is required' })
    expect(body).toStrictEqual({
      status: 'Bad Request',
      error_code: 'INVALID_REQUEST',
      error_message: 'amount is required',
      error_info: {
        code: 'INVALID_INPUT',
        category: 'USER_ERROR',
        user_message: 'amount is required',
        developer_message: 'amount is required',
        request_id: body.error_info.request_id,
        fields: [],
      },
    })
    expect(body.error_info.request_id).toMatch(/^[0-9a-f]{32}$/)
  })

  it('names the fields given', () => {
    const fields = [{ field_name: 'amount', reason: 'is required' }]
    expect(juspayErrorBody({ status: 400, code: 'INVALID_INPUT', message: 'm', fields }).error_info.fields).toEqual(fields)
  })

  it.each<[number, string, string, string]>([
    [499, 'Error', 'ERROR', 'USER_ERROR'],
    [500, 'Internal Server Error', 'INTERNAL_SERVER_ERROR', 'SERVER_ERROR'],
    [503, 'Service Unavailable', 'SERVICE_UNAVAILABLE', 'SERVER_ERROR'],
  ])('status %i: %s, %s, a %s', (status, text, topCode, category) => {
    const body = juspayErrorBody({ status: status as 500, code: 'INTERNAL_ERROR', message: 'm' })
    expect([body.status, body.error_code, body.error_info.category]).toEqual([text, topCode, category])
  })
})

describe('juspayEdgeError: a refusal from outside the dialect’s routes', () => {
  it.each<[EdgeErrorStatus, string, string, JuspayErrorCode]>([
    [400, 'Bad Request', 'INVALID_REQUEST', 'INVALID_INPUT'],
    [401, 'Unauthorized', 'AUTHENTICATION_FAILED', 'UNAUTHENTICATED'],
    [403, 'Forbidden', 'ACCESS_DENIED', 'BAD_ORIGIN'],
    [404, 'Not Found', 'NOT_FOUND', 'RESOURCE_NOT_FOUND'],
    [405, 'Method Not Allowed', 'METHOD_NOT_ALLOWED', 'INVALID_INPUT'],
    [409, 'Conflict', 'INVALID_REQUEST', 'INVALID_ACTION'],
    [413, 'Payload Too Large', 'PAYLOAD_TOO_LARGE', 'INVALID_INPUT'],
    [415, 'Unsupported Media Type', 'UNSUPPORTED_MEDIA_TYPE', 'INVALID_INPUT'],
    [429, 'Too Many Requests', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS'],
    [503, 'Service Unavailable', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'],
  ])('%i: %s, %s, %s', async (status, text, topCode, code) => {
    const { status: httpStatus, contentType, body } = await answer({ status, message: 'refused' })
    expect(httpStatus).toBe(status)
    expect(contentType).toMatch(/^application\/json/)
    expect(body).toMatchObject({ status: text, error_code: topCode, error_message: 'refused', error_info: { code, fields: [] } })
  })

  it('turns the fields blamed into field_name and reason, in order', async () => {
    const { body } = await answer({
      status: 400,
      message: 'Two fields are wrong.',
      fields: [
        { name: 'order_id', reason: 'is required' },
        { name: 'amount', reason: 'must be positive' },
      ],
    })
    expect(body.error_info.fields).toEqual([
      { field_name: 'order_id', reason: 'is required' },
      { field_name: 'amount', reason: 'must be positive' },
    ])
  })
})
