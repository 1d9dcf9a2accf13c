import type { MandateCommand, MandateRefusal } from '../../domain/mandate-lifecycle'
import type { Order } from '../../domain/order'
import type { JuspayErrorSpec } from './errors'
import { epochSecondsText } from './format'

/** The commands `POST /mandates/{mandate_id}` serves (docs/domain/mandates.md#the-merchants-commands). */
const SERVED = ['revoke', 'pause', 'activate', 'cancel_recurring_transaction'] as const
/** Juspay's other mandate command: the sandbox notifies a subscription's debits itself, and does not serve it yet (docs/domain/renewals.md). */
const NOT_YET = ['pre_debit_notify'] as const
const COMMANDS = SERVED.map((c) => `"${c}"`).join(', ')

/** A command on the mandate itself, or the cancelling of one of its scheduled debits (docs/domain/renewals.md#cancelling-a-scheduled-debit). */
export type MerchantMandateCommand = MandateCommand | { kind: 'cancel_recurring_transaction'; orderId: string }

type Read = { ok: true; command: MerchantMandateCommand } | { ok: false; error: JuspayErrorSpec }

const fieldError = (code: JuspayErrorSpec['code'], field: string, reason: string): JuspayErrorSpec => ({
  status: 400,
  code,
  message: `Invalid request: ${field} ${reason}.`,
  fields: [{ field_name: field, reason }],
})

const refuse = (code: JuspayErrorSpec['code'], field: string, reason: string): Read => ({ ok: false, error: fieldError(code, field, reason) })

const missing = (value: unknown): boolean => value === undefined || value === null || value === ''

/** Unix seconds as Juspay sends dates: digits in a string, or a whole number. */
function unixSeconds(field: string, value: unknown): { ok: true; iso: string } | { ok: false; error: JuspayErrorSpec } {
  if (missing(value)) return { ok: false, error: fieldError('MISSING_MANDATORY_PARAMETER', field, 'is required with command "pause" (Unix seconds)') }
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d{1,11}$/.test(text)) return { ok: false, error: fieldError('INVALID_INPUT', field, 'must be a date in Unix seconds, such as "1767225600"') }
  return { ok: true, iso: new Date(Number(text) * 1000).toISOString() }
}

/** Reads `command` and, for a pause, its window, from a form or JSON body. */
export function readMandateCommand(body: Record<string, unknown>): Read {
  const { command } = body
  if (missing(command)) return refuse('MISSING_MANDATORY_PARAMETER', 'command', `is required (${COMMANDS})`)
  if (typeof command === 'string' && (NOT_YET as readonly string[]).includes(command)) {
    return refuse('INVALID_INPUT', 'command', `"${command}" is not served yet: the sandbox notifies a subscription's debits itself; it serves ${COMMANDS}`)
  }
  switch (command) {
    case 'revoke':
    case 'activate':
      return { ok: true, command: { kind: command } }
    case 'cancel_recurring_transaction': {
      const orderId = body['order_id']
      if (missing(orderId)) return refuse('MISSING_MANDATORY_PARAMETER', 'order_id', 'is required with command "cancel_recurring_transaction": the scheduled debit\'s order_id')
      if (typeof orderId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return refuse('INVALID_INPUT', 'order_id', 'must be an order_id: 1 to 64 letters, digits, _ or -')
      return { ok: true, command: { kind: 'cancel_recurring_transaction', orderId } }
    }
    case 'pause': {
      const start = unixSeconds('pause_start_date', body['pause_start_date'])
      if (!start.ok) return start
      const end = unixSeconds('pause_end_date', body['pause_end_date'])
      if (!end.ok) return end
      return { ok: true, command: { kind: 'pause', pause: { startDate: start.iso, endDate: end.iso } } }
    }
    default:
      return refuse('INVALID_INPUT', 'command', `must be one of ${COMMANDS}`)
  }
}

/** A command the mandate's state or rules refuse, in Juspay's envelope; nothing was changed. */
export function mandateRefusalError(refusal: MandateRefusal): JuspayErrorSpec {
  const action = (message: string): JuspayErrorSpec => ({ status: 400, code: 'INVALID_ACTION', message })
  switch (refusal.reason) {
    case 'not_registered':
      return action(`The mandate is not registered (its status is ${refusal.status ?? 'none'}); only an ACTIVE or PAUSED mandate takes commands.`)
    case 'final':
      return action(`The mandate is ${refusal.status}, which is final: it can no longer be paused, activated or revoked.`)
    case 'cannot_pause':
      return action(
        refusal.why === 'enach'
          ? 'An eNACH mandate cannot be paused: NACH knows only creating, amending and cancelling a mandate. Revoke it instead.'
          : 'A one-time (ONETIME) mandate cannot be paused: it has a single debit to make. Revoke it instead.',
      )
    case 'not_revocable_by_customer':
      return action('The mandate was registered with revokable_by_customer false: only the merchant may revoke it.')
    case 'not_here':
      return action(`The customer cannot ${refusal.command} this mandate here.`)
    case 'pause_window':
      return fieldError('INVALID_INPUT', refusal.field === 'start' ? 'pause_start_date' : 'pause_end_date', refusal.why)
  }
}

/** A scheduled debit cancelled, as Juspay answers it [D the fields]: the sandbox's debit has no transaction yet, so no txn_uuid [I]. */
export function cancelledDebitResponse(order: Order): Record<string, string | null> {
  return { order_id: order.orderId, txn_uuid: null, txn_status: order.status, response_message: 'The scheduled debit is cancelled; the next one is scheduled as usual.' }
}

/** Why a scheduled debit cannot be cancelled; nothing was changed. */
export function cancelRefusalError(reason: 'nothing_scheduled' | 'too_late'): JuspayErrorSpec {
  return reason === 'too_late'
    ? { status: 400, code: 'INVALID_ACTION', message: 'The scheduled debit is less than 30 minutes away: it can no longer be cancelled.' }
    : fieldError('INVALID_INPUT', 'order_id', "names no debit scheduled on this mandate's subscription")
}

/** What a command answers once applied (or repeated): `revoke` as Juspay documents it; the others in the same shape [I]. */
export function mandateCommandResponse(order: Order): Record<string, string | null> {
  const answer: Record<string, string | null> = { mandate_status: order.mandateStatus, mandate_id: order.mandateId }
  const pause = order.mandateStatus === 'PAUSED' ? order.mandateChange?.pause : null
  if (pause) {
    answer['pause_start_date'] = epochSecondsText(pause.startDate)
    answer['pause_end_date'] = epochSecondsText(pause.endDate)
  }
  return answer
}
