import { describe, expect, it } from 'vitest'
import { CheckoutApiError, JuspayApiError, SandboxApiError, refusal } from './errors'

const juspayEnvelope = {
  status: 'Bad Request',
  error_code: 'INVALID_REQUEST',
  error_message: 'Invalid request: mandate.max_amount must be a positive amount.',
  error_info: {
    code: 'INVALID_INPUT',
    category: 'USER_ERROR',
    user_message: 'Invalid request: mandate.max_amount must be a positive amount.',
    developer_message: 'Invalid request: mandate.max_amount must be a positive amount.',
    request_id: 'ff44772830d2eca9766945964516bfc5',
    fields: [{ field_name: 'mandate.max_amount', reason: 'must be a positive amount' }],
  },
}
const checkoutEnvelope = { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'amount must be positive', param: 'amount' } }

describe('refusal', () => {
  it('throws a JuspayApiError carrying Juspay’s envelope for the Juspay dialect and QA', () => {
    const error = refusal('juspay', 'POST /session', 400, juspayEnvelope)
    expect(error).toBeInstanceOf(JuspayApiError)
    expect(error).toBeInstanceOf(SandboxApiError)
    expect(error).toMatchObject({ name: 'JuspayApiError', call: 'POST /session', status: 400, envelope: juspayEnvelope })
    expect(error.message).toBe('POST /session answered 400: INVALID_REQUEST: Invalid request: mandate.max_amount must be a positive amount.')
  })

  it('throws a CheckoutApiError carrying the checkout-session envelope', () => {
    const error = refusal('checkout', 'POST /v1/checkout/sessions', 400, checkoutEnvelope)
    expect(error).toBeInstanceOf(CheckoutApiError)
    expect(error).toMatchObject({ status: 400, envelope: checkoutEnvelope })
  })

  it('keeps a body in no known envelope (or another dialect’s) as a plain SandboxApiError', () => {
    for (const [dialect, body] of [['juspay', 'Bad Gateway'], ['juspay', checkoutEnvelope], ['checkout', juspayEnvelope]] as const) {
      const error = refusal(dialect, 'GET /orders/x', 502, body)
      expect(error.constructor).toBe(SandboxApiError)
      expect(error.body).toEqual(body)
    }
  })
})
