import { describe, expect, it } from 'vitest'
import { inr } from '../../../contract/money'
import type { EnachLimits } from '../../../contract/session'
import { EMPTY_FORM, enachFormSchema, paymentFormSchema, serverFieldError, toEnachDetails, type EnachFormValues } from './enach-form-schema'

const limits: EnachLimits = { netbanking: inr(10_00_000_00), debit_card: inr(10_00_000_00), aadhaar: inr(1_00_000_00) }
const schema = enachFormSchema({ kind: 'mandate', maxAmount: inr(50_000_00), limits })
const valid: EnachFormValues = {
  ...EMPTY_FORM,
  bankCode: 'HDFC',
  authMode: 'netbanking',
  accountHolderName: 'Asha Verma',
  accountNumber: '1111111111',
  accountNumberConfirm: '1111111111',
  ifsc: 'HDFC0001234',
}

/** The first message per field, as the form would show it. */
function errors(values: Partial<EnachFormValues>, using = schema): Record<string, string> {
  const result = using.safeParse({ ...valid, ...values })
  if (result.success) return {}
  const out: Record<string, string> = {}
  for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message
  return out
}

describe('the eNACH form schema', () => {
  it('accepts a complete form and normalises what people type', () => {
    const parsed = schema.parse({ ...valid, accountHolderName: '  Asha   Verma ', accountNumber: '1111 1111 11', accountNumberConfirm: '11111111 11', ifsc: ' hdfc0001234 ' })
    expect(toEnachDetails(parsed)).toEqual({
      bankCode: 'HDFC',
      authMode: 'netbanking',
      accountHolderName: 'Asha Verma',
      accountNumber: '1111111111',
      ifsc: 'HDFC0001234',
      accountType: 'SAVINGS',
    })
  })

  it.each<[string, Partial<EnachFormValues>, Record<string, string>]>([
    ['no bank', { bankCode: '' }, { bankCode: 'enach.bank.required' }],
    ['no auth mode', { authMode: '' }, { authMode: 'enach.mode.required' }],
    ['a mode the bank lacks', { bankCode: 'KKBK', ifsc: 'KKBK0000123', authMode: 'aadhaar' }, { authMode: 'enach.mode.required' }],
    ['no name', { accountHolderName: '   ' }, { accountHolderName: 'enach.holder.required' }],
    ['a name with digits', { accountHolderName: 'Asha 2' }, { accountHolderName: 'enach.holder.format' }],
    ['a name with markup', { accountHolderName: '<b>Asha</b>' }, { accountHolderName: 'enach.holder.format' }],
    ['a one-letter name', { accountHolderName: 'A' }, { accountHolderName: 'enach.holder.format' }],
    ['no account number', { accountNumber: '', accountNumberConfirm: '' }, { accountNumber: 'enach.account.required', accountNumberConfirm: 'enach.confirm.required' }],
    ['a short account number', { accountNumber: '1234', accountNumberConfirm: '1234' }, { accountNumber: 'enach.account.format' }],
    ['a 36-character account number', { accountNumber: '1'.repeat(36), accountNumberConfirm: '1'.repeat(36) }, { accountNumber: 'enach.account.format' }],
    ['an account number with symbols', { accountNumber: '1111-1111', accountNumberConfirm: '1111-1111' }, { accountNumber: 'enach.account.format' }],
    ['no confirmation', { accountNumberConfirm: '' }, { accountNumberConfirm: 'enach.confirm.required' }],
    ['a mismatched confirmation', { accountNumberConfirm: '1111111112' }, { accountNumberConfirm: 'enach.confirm.mismatch' }],
    ['no IFSC', { ifsc: '' }, { ifsc: 'enach.ifsc.required' }],
    ['an IFSC without the zero', { ifsc: 'HDFC1001234' }, { ifsc: 'enach.ifsc.format' }],
    ['a short IFSC', { ifsc: 'HDFC000123' }, { ifsc: 'enach.ifsc.format' }],
    ['another bank’s IFSC', { ifsc: 'SBIN0001234' }, { ifsc: 'enach.ifsc.bank' }],
    ['an unknown account type', { accountType: 'FIXED' as never }, { accountType: 'enach.type.required' }],
  ])('refuses %s', (_name, values, expected) => {
    expect(errors(values)).toEqual(expected)
  })

  it('refuses a bank whose every mode is below the mandate', () => {
    const big = enachFormSchema({ kind: 'mandate', maxAmount: inr(2_00_000_00), limits })
    expect(errors({ bankCode: 'AIRP', ifsc: 'AIRP0000001', authMode: 'aadhaar' }, big)).toEqual({
      bankCode: 'enach.bank.unavailable',
      authMode: 'enach.mode.required',
    })
  })

  it('asks only for a bank offering net banking for a plain payment', () => {
    const payment = paymentFormSchema()
    expect(payment.safeParse({ bankCode: 'SBIN' }).success).toBe(true)
    expect(payment.safeParse({ bankCode: '' }).error?.issues[0]?.message).toBe('enach.bank.required')
    expect(payment.safeParse({ bankCode: 'AIRP' }).error?.issues[0]?.message).toBe('enach.bank.unavailable')
  })
})

describe('serverFieldError', () => {
  it.each([
    ['ifsc_bank_mismatch', ['ifsc', 'enach.ifsc.bank']],
    ['auth_mode_unsupported', ['authMode', 'enach.mode.required']],
    ['bank_unknown', ['bankCode', 'enach.bank.unavailable']],
    ['amount_above_mode_limit', null],
    ['network', null],
    ['__proto__', null],
  ])('%s lands on %o', (failure, expected) => {
    expect(serverFieldError(failure)).toEqual(expected)
  })
})
