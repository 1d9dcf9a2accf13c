import * as z from 'zod'
import type { AuthMode } from '../../../contract/enach'
import { expiryProblem, isAadhaarNumber, isCardNumber, isOtpShape } from './checks'
import type { BankKey } from './messages'

const Field = z.string().max(1024).optional()
export const CredentialsBody = z.object({
  user_id: Field,
  password: Field,
  card_number: Field,
  expiry: Field,
  aadhaar: Field,
})
export const OtpBody = z.object({ otp: Field })

export type FieldName = 'userId' | 'password' | 'cardNumber' | 'expiry' | 'aadhaar' | 'otp'
/** The message of each field in error, by its catalog key (the page says it in its language). */
export type FieldErrors = Partial<Record<FieldName, BankKey>>

/** What a re-rendered form may show again: never a password, card or Aadhaar number. */
export interface Echo {
  userId?: string
  expiry?: string
}

export type CredentialsCheck = { ok: true } | { ok: false; errors: FieldErrors; echo: Echo }

type Form = z.infer<typeof CredentialsBody>

function netbankingErrors(form: Form): FieldErrors {
  const errors: FieldErrors = {}
  if ((form.user_id ?? '').trim() === '') errors.userId = 'form.userIdError'
  if ((form.password ?? '') === '') errors.password = 'form.passwordError'
  return errors
}

function cardErrors(form: Form, now: Date): FieldErrors {
  const errors: FieldErrors = {}
  if (!isCardNumber(form.card_number ?? '')) errors.cardNumber = 'form.cardNumberError'
  const expiry = expiryProblem(form.expiry ?? '', now)
  if (expiry === 'format') errors.expiry = 'form.expiryFormatError'
  if (expiry === 'past') errors.expiry = 'form.expiryPastError'
  return errors
}

const aadhaarErrors = (form: Form): FieldErrors =>
  isAadhaarNumber(form.aadhaar ?? '') ? {} : { aadhaar: 'form.aadhaarError' }

/**
 * Reads the first step's form for the attempt's auth mode. The sandbox accepts any credentials of
 * the right shape and keeps none of them. A body that is not a flat form of short strings counts as empty.
 */
export function checkCredentials(body: unknown, mode: AuthMode, now: Date): CredentialsCheck {
  const parsed = CredentialsBody.safeParse(body)
  const form = parsed.success ? parsed.data : {}
  const errors = mode === 'netbanking' ? netbankingErrors(form) : mode === 'debit_card' ? cardErrors(form, now) : aadhaarErrors(form)
  if (Object.keys(errors).length === 0) return { ok: true }
  return { ok: false, errors, echo: { userId: form.user_id?.trim(), expiry: form.expiry?.trim() } }
}

/** The OTP as typed: 'format' when it is not 6 digits (not counted as a wrong OTP). */
export function readOtp(body: unknown): { kind: 'otp'; otp: string } | { kind: 'format' } {
  const parsed = OtpBody.safeParse(body)
  const otp = parsed.success ? (parsed.data.otp ?? '').trim() : ''
  return isOtpShape(otp) ? { kind: 'otp', otp } : { kind: 'format' }
}
