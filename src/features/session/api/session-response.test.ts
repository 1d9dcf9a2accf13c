import { describe, expect, it } from 'vitest'
import { sessionView } from '../../../testing/session-view'
import type { HttpResult } from '../../../lib/http'
import { interpretSessionResponse } from './session-response'

const view = sessionView()
const response = (status: number, body: unknown): HttpResult => ({ kind: 'response', status, body })
const pageError = (code: string) => ({ error: { code, message: 'x' } })

describe('interpretSessionResponse', () => {
  it('accepts a valid view', () => {
    expect(interpretSessionResponse(response(200, view))).toEqual({ ok: true, view })
  })

  it.each<[string, HttpResult, string]>([
    ['a network failure', { kind: 'network', cause: new TypeError('fetch failed') }, 'unreachable'],
    ['a 502 without a body', response(502, null), 'unreachable'],
    ['a 500 page error', response(500, pageError('internal')), 'unreachable'],
    ['rate limiting', response(429, null), 'unreachable'],
    ['not found', response(404, pageError('not_found')), 'not_found'],
    ['a bare 404', response(404, null), 'not_found'],
    ['malformed', response(400, pageError('malformed')), 'malformed'],
    ['not JSON', response(415, pageError('malformed')), 'malformed'],
    ['a 200 missing a field', response(200, { ...view, merchant: undefined }), 'invalid_response'],
    ['a 200 with a float amount', response(200, { ...view, amount: { minor: 1.5, currency: 'INR' } }), 'invalid_response'],
    ['an unexpected 409', response(409, pageError('session_not_open')), 'invalid_response'],
  ])('%s is %s', (_name, result, failure) => {
    const interpreted = interpretSessionResponse(result)
    expect(interpreted.ok ? null : interpreted.failure).toBe(failure)
  })
})
