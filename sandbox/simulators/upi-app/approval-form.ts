import * as z from 'zod'
import { VPA_PATTERN } from '../../domain/vpa'
import type { UpiAppKey } from './messages'
import { parsePayerApp, type PayerApp } from './payer-apps'

/** A UPI PIN is 4 or 6 ASCII digits; the sandbox accepts any such PIN. */
export const PIN_PATTERN = /^(?:\d{4}|\d{6})$/

const Field = z.string().max(1024).optional()
export const ApprovalBody = z.object({ pin: Field, payer_vpa: Field, app: Field })
export const DeclineBody = z.object({ app: Field })

export type FieldName = 'pin' | 'payerVpa'
/** The message of each field in error, by its catalog key (the page says it in its language). */
export type FieldErrors = Partial<Record<FieldName, UpiAppKey>>

export type Approval =
  | { ok: true; app: PayerApp; payerVpa: string | null }
  | { ok: false; app: PayerApp; payerVpa: string; errors: FieldErrors }

/**
 * Reads the approve form. `fixedPayerVpa` is the collect request's VPA (the customer cannot change
 * it); for intent and QR the posted payer VPA must be a well-formed VPA. Nothing here is trusted
 * beyond its shape: a body that is not a flat form of short strings counts as empty.
 */
export function parseApproval(body: unknown, fixedPayerVpa: string | null): Approval {
  const parsed = ApprovalBody.safeParse(body)
  const form = parsed.success ? parsed.data : {}
  const app = parsePayerApp(form.app)
  const payerVpa = fixedPayerVpa ?? (form.payer_vpa ?? '').trim()
  const errors: FieldErrors = {}
  if (fixedPayerVpa === null && !VPA_PATTERN.test(payerVpa)) errors.payerVpa = 'form.payerVpaError'
  if (!PIN_PATTERN.test(form.pin ?? '')) errors.pin = 'form.pinError'
  if (errors.pin !== undefined || errors.payerVpa !== undefined) return { ok: false, app, payerVpa, errors }
  return { ok: true, app, payerVpa: fixedPayerVpa === null ? payerVpa : null }
}

/** The decline form carries only the cosmetic app name. */
export function parseDecline(body: unknown): PayerApp {
  const parsed = DeclineBody.safeParse(body)
  return parsePayerApp(parsed.success ? parsed.data.app : undefined)
}
