import { describe, expect, it } from 'vitest'
import type { Rail } from '../../../contract/rail'
import { demoMerchant } from '../../testing/checkout-dialect'
import { offersPaymentMethodType, PAYMENT_METHOD_TYPE, PAYMENT_METHOD_TYPES, type PaymentMethodType } from './payment-method-types'

/** `payment_method_types`: the dialect's name for each rail (docs/domain/checkout-session.md). */

describe('payment method types', () => {
  it('name UPI upi and eNACH (net banking) enach, one each', () => {
    expect(PAYMENT_METHOD_TYPE).toEqual({ upi: 'upi', netbanking: 'enach' })
    expect(PAYMENT_METHOD_TYPES).toEqual(['upi', 'enach'])
  })

  it.each<[Rail[], PaymentMethodType, boolean]>([
    [['upi', 'netbanking'], 'upi', true],
    [['upi', 'netbanking'], 'enach', true],
    [['upi'], 'upi', true],
    [['upi'], 'enach', false],
    [['netbanking'], 'enach', true],
    [['netbanking'], 'upi', false],
  ])('a merchant offering %j offers %s: %s', (instruments, type, offered) => {
    expect(offersPaymentMethodType({ ...demoMerchant(), instruments }, type)).toBe(offered)
  })
})
