import type { Rail } from '../../../contract/rail'
import type { Merchant } from '../../merchants'

/** The checkout dialect's name for each rail in `payment_method_types`, one entry per rail in `RAILS`. */
export const PAYMENT_METHOD_TYPE = { upi: 'upi', netbanking: 'enach' } as const satisfies Record<Rail, string>
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPE)[Rail]
export const PAYMENT_METHOD_TYPES = Object.values(PAYMENT_METHOD_TYPE)

/** Whether the merchant offers the rail this payment method type names. */
export const offersPaymentMethodType = (merchant: Merchant, type: PaymentMethodType): boolean =>
  merchant.instruments.some((rail) => PAYMENT_METHOD_TYPE[rail] === type)
