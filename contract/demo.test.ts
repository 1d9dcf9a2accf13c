import { describe, expect, it } from 'vitest'
import { BootPayload } from './boot'
import { DemoSessionRequest } from './demo'

describe('the demo form', () => {
  const { amount, plan_id: planId, action } = DemoSessionRequest.shape

  it.each<[string, boolean]>([
    ['1', true],
    ['999999999', true],
    ['1.5', true],
    ['1.55', true],
    ['1234567890', false],
    ['1.555', false],
    ['.5', false],
    ['1.', false],
    ['-1', false],
    ['a1', false],
    ['1a', false],
    ['', false],
  ])('takes %j as rupees: %s', (rupees, ok) => {
    expect(amount.safeParse(rupees).success).toBe(ok)
  })

  it.each<[string, boolean]>([
    ['fit_monthly', true],
    ['A-9', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['', false],
    ['fit monthly', false],
    ['fit/monthly', false],
  ])('takes %j as a plan id: %s', (id, ok) => {
    expect(planId.safeParse(id).success).toBe(ok)
  })

  it('opens the payment page or an eNACH registration, nothing else', () => {
    expect(['paymentPage', 'enach', 'other'].map((a) => action.safeParse(a).success)).toEqual([true, true, false])
  })
})

describe('BootPayload', () => {
  it('carries an error as not_found or malformed, nothing else', () => {
    expect(['not_found', 'malformed', 'expired'].map((code) => BootPayload.safeParse({ kind: 'error', code }).success)).toEqual([true, true, false])
    expect(BootPayload.safeParse({ kind: 'other', code: 'not_found' }).success).toBe(false)
  })
})
