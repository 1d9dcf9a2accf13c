import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../../../lib/http'
import { ContractBreak } from '../../../lib/write-result'
import { interpretVerifyResponse } from './vpa-api'

const response = (status: number, body: unknown): HttpResult => ({ kind: 'response', status, body })
const pageError = (code: string) => ({ error: { code, message: 'x' } })

describe('interpretVerifyResponse', () => {
  const valid = { vpa: 'success@upi', status: 'VALID', customer_name: 'Asha Sharma', mandate_details: { is_handle_supported: true } }
  it('reads a verification', () => {
    expect(interpretVerifyResponse(response(200, valid))).toEqual({ ok: true, verification: valid })
  })
  it('passes a page error on', () => {
    expect(interpretVerifyResponse(response(400, pageError('malformed')))).toEqual({ ok: false, failure: 'malformed' })
  })
  it('throws on a broken body', () => {
    expect(() => interpretVerifyResponse(response(200, { ...valid, status: 'MAYBE' }))).toThrow(ContractBreak)
  })
})
