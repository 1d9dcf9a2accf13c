import { describe, expect, it } from 'vitest'
import type { SessionView } from '../../../../contract/session'
import type { HttpResult } from '../../../lib/http'
import { interpretSessionResponse } from './session-response'

const view: SessionView = {
  pageId: 'ordeh_0123456789abcdef0123456789abcdef',
  orderId: 'order_1',
  state: 'open',
  status: 'NEW',
  statusId: 10,
  merchant: { name: 'Acme Fitness', brandColor: '#0f766e', logoUrl: null },
  amount: { minor: 100, currency: 'INR' },
  chargedToday: { minor: 100, currency: 'INR' },
  registrationRefunded: true,
  description: null,
  customer: null,
  lineItems: [],
  createMandate: null,
  mandate: null,
  instruments: [],
  preferredInstrument: null,
  upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent'] },
  enachLimits: null,
  language: null,
  expiresAt: '2026-11-25T18:00:00.000Z',
  outcome: null,
  attempt: null,
  attemptsLeft: 3,
  returnUrl: null,
}
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
