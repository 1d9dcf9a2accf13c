import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ZenskarError } from '../../../contract/errors'
import type { EdgeError, EdgeErrorStatus } from '../dialect'
import { invalidField, zenskarEdgeError, zenskarError, type ZenskarErrorCode, type ZenskarErrorSpec } from './errors'

/** Zenskar's error envelope as the merchant reads it (docs/domain/zenskar.md#errors), answered through a bare Hono app. */

async function answer(reply: (c: Parameters<typeof zenskarError>[0]) => Response) {
  const app = new Hono()
  app.get('/', reply)
  const res = await app.request('/')
  return { status: res.status, body: ZenskarError.parse(await res.json()) }
}

describe('zenskarError', () => {
  it('answers the spec’s status, with the field it names', async () => {
    expect(await answer((c) => zenskarError(c, { status: 400, code: 'plan_not_found', message: 'No plan.', field: 'plan_id' }))).toStrictEqual({
      status: 400,
      body: { error: { code: 'plan_not_found', message: 'No plan.', field: 'plan_id' } },
    })
  })

  it('answers field null when the refusal is about no field', async () => {
    expect(await answer((c) => zenskarError(c, { status: 401, code: 'unauthorized', message: 'Send your API key.' }))).toStrictEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Send your API key.', field: null } },
    })
  })
})

describe('invalidField', () => {
  it('is a 400 about one field, field_invalid unless told', () => {
    expect(invalidField('start_date', 'is not a date')).toStrictEqual<ZenskarErrorSpec>({ status: 400, code: 'field_invalid', message: 'is not a date', field: 'start_date' })
    expect(invalidField('plan_id', 'plan_id is required.', 'field_missing')).toStrictEqual<ZenskarErrorSpec>({
      status: 400,
      code: 'field_missing',
      message: 'plan_id is required.',
      field: 'plan_id',
    })
  })
})

describe('zenskarEdgeError: a refusal from outside the dialect’s routes', () => {
  it.each<[EdgeErrorStatus, ZenskarErrorCode]>([
    [400, 'field_invalid'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'method_not_allowed'],
    [409, 'conflict'],
    [413, 'body_too_large'],
    [415, 'unsupported_media_type'],
    [429, 'rate_limited'],
    [503, 'service_unavailable'],
  ])('%i: %s', async (status, code) => {
    expect(await answer((c) => zenskarEdgeError(c, { status, message: 'refused' }))).toStrictEqual({ status, body: { error: { code, message: 'refused', field: null } } })
  })

  it('names the first field blamed', async () => {
    const error: EdgeError = {
      status: 400,
      message: 'Two fields are wrong.',
      fields: [
        { name: 'plan_id', reason: 'is required' },
        { name: 'customer_id', reason: 'is required' },
      ],
    }
    expect((await answer((c) => zenskarEdgeError(c, error))).body.error.field).toBe('plan_id')
  })

  it('names none when the list of fields is empty', async () => {
    expect((await answer((c) => zenskarEdgeError(c, { status: 400, message: 'm', fields: [] }))).body.error.field).toBeNull()
  })
})
