import * as z from 'zod/mini'
import {
  ACCOUNT_NUMBER_PATTERN,
  ACCOUNT_TYPES,
  AUTH_MODES,
  AuthMode,
  bankByCode,
  HOLDER_NAME_PATTERN,
  IFSC_PATTERN,
  type AccountType,
  type EnachDetails,
} from '../../../contract/enach'
import type { EnachKey } from '../../i18n/enach-catalogs'
import { bankBlock, modeChoices, type BankPurpose } from './enach-rules'

/** What the form holds while the customer types; `authMode` is '' until one is chosen. */
export interface EnachFormValues {
  bankCode: string
  authMode: AuthMode | ''
  accountHolderName: string
  accountNumber: string
  accountNumberConfirm: string
  ifsc: string
  accountType: AccountType
}

export const EMPTY_FORM: EnachFormValues = {
  bankCode: '',
  authMode: '',
  accountHolderName: '',
  accountNumber: '',
  accountNumberConfirm: '',
  ifsc: '',
  accountType: 'SAVINGS',
}

const key = (k: EnachKey) => ({ error: k })

/** Spaces people type inside an account number ("1234 5678") are not part of it. */
const accountNumber = (required: EnachKey) =>
  z.string().check(
    z.overwrite((value) => value.replace(/\s+/g, '')),
    z.minLength(1, key(required)),
    z.regex(ACCOUNT_NUMBER_PATTERN, key('enach.account.format')),
  )

const mandateFields = z.object({
  bankCode: z.string().check(z.minLength(1, key('enach.bank.required'))),
  authMode: z.enum([...AUTH_MODES, ''], key('enach.mode.required')),
  accountHolderName: z.string().check(
    z.trim(),
    z.overwrite((value) => value.replace(/\s+/g, ' ')),
    z.minLength(1, key('enach.holder.required')),
    z.regex(HOLDER_NAME_PATTERN, key('enach.holder.format')),
  ),
  accountNumber: accountNumber('enach.account.required'),
  accountNumberConfirm: z.string().check(z.overwrite((value) => value.replace(/\s+/g, ''))),
  ifsc: z.string().check(
    z.trim(),
    z.toUpperCase(),
    z.minLength(1, key('enach.ifsc.required')),
    z.regex(IFSC_PATTERN, key('enach.ifsc.format')),
  ),
  accountType: z.enum(ACCOUNT_TYPES, key('enach.type.required')),
})

/**
 * The eNACH form's one schema for this session. Its messages are catalog keys. Besides each
 * field's own format it checks what only the whole form knows: the confirmation matches, the
 * IFSC belongs to the chosen bank, and the auth mode is one the bank offers within its limit.
 */
export function enachFormSchema(purpose: Extract<BankPurpose, { kind: 'mandate' }>) {
  return mandateFields.check(
    z.superRefine((values, ctx) => {
      const bank = bankByCode(values.bankCode)
      const issue = (path: keyof EnachFormValues, message: EnachKey) =>
        ctx.issues.push({ code: 'custom', path: [path], message, input: values[path] })
      if (values.accountNumberConfirm === '') issue('accountNumberConfirm', 'enach.confirm.required')
      else if (values.accountNumberConfirm !== values.accountNumber) issue('accountNumberConfirm', 'enach.confirm.mismatch')
      if (!bank) return
      if (bankBlock(bank, purpose)) issue('bankCode', 'enach.bank.unavailable')
      if (IFSC_PATTERN.test(values.ifsc) && values.ifsc.slice(0, 4) !== bank.code) issue('ifsc', 'enach.ifsc.bank')
      const offered = modeChoices(bank, purpose.maxAmount, purpose.limits).some((c) => c.mode === values.authMode && c.block === null)
      if (!offered) issue('authMode', 'enach.mode.required')
    }),
  )
}

/** For a plain net banking payment the bank is all the form asks. */
export function paymentFormSchema() {
  return z.object({ bankCode: z.string().check(z.minLength(1, key('enach.bank.required'))) }).check(
    z.superRefine((values, ctx) => {
      const bank = bankByCode(values.bankCode)
      if (bank && bankBlock(bank, { kind: 'payment' })) {
        ctx.issues.push({ code: 'custom', path: ['bankCode'], message: 'enach.bank.unavailable', input: values.bankCode })
      }
    }),
  )
}

/** The details sent to start the registration, from values the schema has already checked and normalised. */
export function toEnachDetails(values: EnachFormValues): EnachDetails | null {
  const authMode = AuthMode.safeParse(values.authMode)
  if (!authMode.success) return null
  return {
    bankCode: values.bankCode,
    authMode: authMode.data,
    accountHolderName: values.accountHolderName,
    accountNumber: values.accountNumber,
    ifsc: values.ifsc,
    accountType: values.accountType,
  }
}

/** Server refusals that belong on a field of the form, with the message shown there; the rest are shown above the button. */
const SERVER_FIELD_ERRORS: ReadonlyMap<string, readonly [keyof EnachFormValues, EnachKey]> = new Map([
  ['ifsc_bank_mismatch', ['ifsc', 'enach.ifsc.bank']],
  ['auth_mode_unsupported', ['authMode', 'enach.mode.required']],
  ['bank_unknown', ['bankCode', 'enach.bank.unavailable']],
])
export const serverFieldError = (failure: string): readonly [keyof EnachFormValues, EnachKey] | null => SERVER_FIELD_ERRORS.get(failure) ?? null

const FIELD_KEYS = [
  'enach.bank.required',
  'enach.bank.unavailable',
  'enach.mode.required',
  'enach.holder.required',
  'enach.holder.format',
  'enach.account.required',
  'enach.account.format',
  'enach.confirm.required',
  'enach.confirm.mismatch',
  'enach.ifsc.required',
  'enach.ifsc.format',
  'enach.ifsc.bank',
  'enach.type.required',
] as const satisfies readonly EnachKey[]
export type EnachFieldKey = (typeof FIELD_KEYS)[number]

/** A field error's message as a catalog key; anything unexpected reads as the field's format error. */
export const fieldMessageKey = (message: string | undefined, fallback: EnachFieldKey): EnachFieldKey =>
  FIELD_KEYS.find((k) => k === message) ?? fallback
