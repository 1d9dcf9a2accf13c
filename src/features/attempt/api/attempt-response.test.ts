import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../../../lib/http'
import { ContractBreak, isRetryable, type WriteFailure } from '../../../lib/write-result'
import { interpretViewResponse } from './attempt-response'

const response = (status: number, body: unknown): HttpResult => ({ kind: 'response', status, body })
const pageError = (code: string) => ({ error: { code, message: 'x' } })

describe('interpretViewResponse failures', () => {
  it.each<[string, HttpResult, WriteFailure, boolean]>([
    ['offline', { kind: 'network', cause: new TypeError('fetch failed') }, 'network', true],
    ['a 502 from a proxy', response(502, null), 'unreachable', true],
    ['rate limited', response(429, null), 'unreachable', true],
    ['attempt in progress', response(409, pageError('attempt_in_progress')), 'attempt_in_progress', false],
    ['session not open', response(409, pageError('session_not_open')), 'session_not_open', false],
    ['invalid VPA', response(422, pageError('vpa_invalid')), 'vpa_invalid', false],
    ['handle without AutoPay', response(422, pageError('handle_not_supported')), 'handle_not_supported', false],
    ['too many attempts', response(409, pageError('too_many_attempts')), 'too_many_attempts', false],
  ])('%s', (_name, result, failure, retryable) => {
    expect(interpretViewResponse(result)).toEqual({ ok: false, failure })
    expect(isRetryable(failure)).toBe(retryable)
  })

  it.each([
    ['a 201 that is not a session view', response(201, { nope: true })],
    ['a 409 without a page error', response(409, '<html>')],
    ['an unknown error code', response(422, pageError('not_a_code'))],
  ])('%s is a contract break', (_name, result) => {
    expect(() => interpretViewResponse(result)).toThrow(ContractBreak)
  })
})
