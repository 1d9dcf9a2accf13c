import { describe, expect, it } from 'vitest'
import type { HttpResult } from './http'
import { answered, ContractBreak, isRetryable, writeFailure, type WriteFailure } from './write-result'

const response = (status: number, body: unknown = null): HttpResult => ({ kind: 'response', status, body })
const pageError = (code: string) => ({ error: { code, message: 'What went wrong, in words.' } })

describe('answered: the write took effect and its body is the caller\'s to read', () => {
  it.each<[string, HttpResult, boolean]>([
    ['200', response(200), true],
    ['201, something new', response(201), true],
    ['202, accepted but not done', response(202), false],
    ['204, no body to read', response(204), false],
    ['409, refused', response(409, pageError('attempt_in_progress')), false],
    ['a network failure', { kind: 'network', cause: new TypeError('Failed to fetch') }, false],
  ])('%s → %s', (_name, result, expected) => {
    expect(answered(result)).toBe(expected)
  })
})

describe('writeFailure: why a write did not take effect', () => {
  it.each<[string, HttpResult, WriteFailure]>([
    ['no answer at all', { kind: 'network', cause: new TypeError('Failed to fetch') }, 'network'],
    ['a 500', response(500, pageError('internal')), 'unreachable'],
    ['a proxy\'s 502 with an HTML page', response(502), 'unreachable'],
    ['a 503', response(503), 'unreachable'],
    ['a 429, too many requests', response(429), 'unreachable'],
    ['a 409 naming the attempt in progress', response(409, pageError('attempt_in_progress')), 'attempt_in_progress'],
    ['a 409 naming a closed session', response(409, pageError('session_not_open')), 'session_not_open'],
    ['a 404', response(404, pageError('not_found')), 'not_found'],
    ['a 499, just under the server errors', response(499, pageError('malformed')), 'malformed'],
  ])('%s → %s', (_name, result, expected) => {
    expect(writeFailure(result)).toBe(expected)
  })

  it.each<[string, unknown]>([
    ['no body', null],
    ['a code the page does not know', pageError('something_new')],
    ['an error without its message', { error: { code: 'not_found' } }],
    ['HTML', '<html>Bad request</html>'],
  ])('a refusal with %s breaks the contract, for the error boundary', (_name, body) => {
    expect(() => writeFailure(response(400, body))).toThrow(ContractBreak)
    expect(() => writeFailure(response(400, body))).toThrow('HTTP 400 without a page error')
  })

  it('names itself, so the error boundary can tell it from a bug', () => {
    expect(new ContractBreak('x').name).toBe('ContractBreak')
  })
})

describe('isRetryable: the same request may go again with the same key', () => {
  it.each<[WriteFailure, boolean]>([
    ['network', true],
    ['unreachable', true],
    ['attempt_in_progress', false],
    ['session_not_open', false],
    ['too_many_attempts', false],
    ['malformed', false],
    ['internal', false],
  ])('%s → %s', (failure, expected) => {
    expect(isRetryable(failure)).toBe(expected)
  })
})
