import type { AuthMode } from '../../../contract/enach'
import type { UpiChannel } from '../../../contract/instrument'
import type { Rail } from '../../../contract/rail'
import type { Attempt, BankAttempt, EnachAccount, RailAttempt } from '../../domain/attempt'
import type { JuspayAction } from './request'

/** INTENT or COLLECT, as Juspay reports UPI flows. */
export type TxnFlowType = 'INTENT' | 'COLLECT'
export type PaymentMethodType = 'UPI' | 'NB'
export type MandateType = 'EMANDATE'
export type AuthType = ''

/** eNACH only: the debtor account as the merchant may see it, masked. */
export interface BankAccountDetails {
  bank_code: string
  bank_name: string
  account_number: string
  ifsc: string
  account_type: string
  auth_mode: 'NB' | 'CARD' | 'AADHAAR'
}

/**
 * `payment_info` of the mandate object (docs/domain/mandates.md#the-mandate-object): how the mandate
 * was registered, shaped for its rail: the payer's VPA for UPI, the debtor account for eNACH.
 */
export interface MandatePaymentInfo {
  payment_method_type: PaymentMethodType
  payment_method: string
  upi?: { payer_vpa: string | null }
  bank_account_details?: BankAccountDetails
}

/** The order status fields that only some rails' payments carry. */
export interface RailPaymentFields {
  payer_vpa?: string
  upi?: { payer_vpa: string | null; payer_app: string | null; txn_flow_type: TxnFlowType | null }
  bank_account_details?: BankAccountDetails
}

/** How Juspay writes one rail's payments and mandates. */
interface JuspayRail<R extends Rail> {
  /** `payment_method_type`. */
  paymentMethodType: PaymentMethodType
  /** `payment_method`: the UPI flow, or the bank. */
  paymentMethod(attempt: RailAttempt<R>): string
  /** `source_object` of a payment; a mandate registration's is MANDATE on every rail. */
  paymentSourceObject(attempt: RailAttempt<R>): string
  /** `txn_flow_type`; null where the rail has no such flows. */
  txnFlowType(attempt: RailAttempt<R>): TxnFlowType | null
  /** `auth_type` of the order status. */
  authType: AuthType
  /** `mandate_type` of a mandate registered on this rail. */
  mandateType: MandateType
  /** `txn_object_type` of a mandate registration; a payment's is ORDER_PAYMENT on every rail. */
  registrationObjectType: 'EMANDATE_REGISTER'
  /** The payer fields of the order status (they come before `txn_detail`). */
  payerFields(attempt: RailAttempt<R>): Pick<RailPaymentFields, 'payer_vpa' | 'upi'>
  /** The account fields of the order status (they come last). */
  accountFields(attempt: RailAttempt<R>): Pick<RailPaymentFields, 'bank_account_details'>
  /** `payment_info` of the mandate object, past the payment method its `payment_method_type` and `payment_method` name. */
  mandatePaymentInfo(attempt: RailAttempt<R>): Pick<MandatePaymentInfo, 'upi' | 'bank_account_details'>
}

/** Juspay's names for the eNACH auth methods (docs/domain/enach.md#auth-modes). */
const JUSPAY_AUTH_MODE = { netbanking: 'NB', debit_card: 'CARD', aadhaar: 'AADHAAR' } as const satisfies Record<AuthMode, string>

const UPI_PAYMENT_METHOD = { intent: 'UPI_PAY', qr: 'UPI_QR', collect: 'COLLECT' } as const satisfies Record<UpiChannel, string>
const UPI_SOURCE_OBJECT = { intent: 'UPI_PAY', qr: 'UPI_QR', collect: 'UPI_COLLECT' } as const satisfies Record<UpiChannel, string>
/** A scanned QR opens the app like an intent. */
const UPI_FLOW = { intent: 'INTENT', qr: 'INTENT', collect: 'COLLECT' } as const satisfies Record<UpiChannel, TxnFlowType>

/** The debtor account of an eNACH mandate, masked as the merchant may see it. */
const bankAccountDetails = (bank: BankAttempt, account: EnachAccount): BankAccountDetails => ({
  bank_code: bank.bankCode,
  bank_name: bank.bankName,
  account_number: account.masked,
  ifsc: account.ifsc,
  account_type: account.accountType,
  auth_mode: JUSPAY_AUTH_MODE[bank.authMode],
})

/** One entry per rail in `RAILS` (contract/rail.ts): a rail without one fails to compile. */
const JUSPAY_RAILS: { [R in Rail]: JuspayRail<R> } = {
  upi: {
    paymentMethodType: 'UPI',
    paymentMethod: (attempt) => UPI_PAYMENT_METHOD[attempt.channel],
    paymentSourceObject: (attempt) => UPI_SOURCE_OBJECT[attempt.channel],
    txnFlowType: (attempt) => UPI_FLOW[attempt.channel],
    authType: '',
    mandateType: 'EMANDATE',
    registrationObjectType: 'EMANDATE_REGISTER',
    payerFields: (attempt) => ({
      ...(attempt.payerVpa ? { payer_vpa: attempt.payerVpa } : {}),
      upi: { payer_vpa: attempt.payerVpa, payer_app: attempt.payerApp, txn_flow_type: UPI_FLOW[attempt.channel] },
    }),
    accountFields: () => ({}),
    mandatePaymentInfo: (attempt) => ({ upi: { payer_vpa: attempt.payerVpa } }),
  },
  netbanking: {
    paymentMethodType: 'NB',
    paymentMethod: (attempt) => `NB_${attempt.bank.bankCode}`,
    paymentSourceObject: () => 'NB',
    txnFlowType: () => null,
    authType: '',
    mandateType: 'EMANDATE',
    registrationObjectType: 'EMANDATE_REGISTER',
    payerFields: () => ({}),
    accountFields: ({ bank }) => (bank.account ? { bank_account_details: bankAccountDetails(bank, bank.account) } : {}),
    mandatePaymentInfo: ({ bank }) => (bank.account ? { bank_account_details: bankAccountDetails(bank, bank.account) } : {}),
  },
}

/** Juspay's codes for the rail an attempt is on, typed to that rail. */
export const juspayRail = <R extends Rail>(attempt: { rail: R }): JuspayRail<R> => JUSPAY_RAILS[attempt.rail]

/** `mandate_type` of the order's mandate: the rail's of its latest attempt; before any, EMANDATE as on UPI and NB. */
export const mandateType = (attempt: Attempt | undefined): MandateType =>
  attempt ? juspayRail(attempt).mandateType : 'EMANDATE'

/** `payment_info` of a mandate, from the attempt that registered it (or is registering it). */
export function mandatePaymentInfo<R extends Rail>(attempt: RailAttempt<R>): MandatePaymentInfo {
  const codes = juspayRail(attempt)
  return { payment_method_type: codes.paymentMethodType, payment_method: codes.paymentMethod(attempt), ...codes.mandatePaymentInfo(attempt) }
}

/** The rail each Juspay `action` opens the payment page on; null for the page that offers every rail. */
export const ACTION_RAIL = { paymentPage: null, enach: 'netbanking', paymentManagement: null } as const satisfies Record<
  JuspayAction,
  Rail | null
>
