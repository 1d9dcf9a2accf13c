import type { MandateCommand, MandateRefusal } from '../../domain/mandate-lifecycle'
import type { Order } from '../../domain/order'
import type { NoticeRequest } from '../../domain/mandate-debits'
import { parseRupees } from './decimal'
import type { JuspayErrorSpec } from './errors'
import { isRecord } from './fields'
import { epochSecondsText } from './format'

/** The commands `POST /mandates/{mandate_id}` serves (docs/domain/mandates.md#the-merchants-commands). */
const SERVED = ['revoke', 'pause', 'activate', 'cancel_recurring_transaction', 'pre_debit_notify'] as const
const COMMANDS = SERVED.map((c) => `"${c}"`).join(', ')

/**
 * A command on the mandate itself, the cancelling of one of its scheduled debits
 * (docs/domain/renewals.md#cancelling-a-scheduled-debit), or the merchant's pre-debit notice
 * (docs/domain/renewals.md#the-merchants-own-debits).
 */
export type MerchantMandateCommand = MandateCommand | { kind: 'cancel_recurring_transaction'; orderId: string } | { kind: 'pre_debit_notify'; notice: NoticeRequest }

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
export function unixSeconds(field: string, value: unknown, command = 'pause'): { ok: true; iso: string } | { ok: false; error: JuspayErrorSpec } {
  if (missing(value)) return { ok: false, error: fieldError('MISSING_MANDATORY_PARAMETER', field, `is required with ${command} (Unix seconds)`) }
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d{1,11}$/.test(text)) return { ok: false, error: fieldError('INVALID_INPUT', field, 'must be a date in Unix seconds, such as "1767225600"') }
  return { ok: true, iso: new Date(Number(text) * 1000).toISOString() }
}

/** Reads `command` and, for a pause, its window, from a form or JSON body. */
export function readMandateCommand(body: Record<string, unknown>): Read {
  const { command } = body
  if (missing(command)) return refuse('MISSING_MANDATORY_PARAMETER', 'command', `is required (${COMMANDS})`)
  switch (command) {
    case 'pre_debit_notify': {
      const notice = readNotice(body)
      return notice.ok ? { ok: true, command: { kind: 'pre_debit_notify', notice: notice.notice } } : notice
    }
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
      const start = unixSeconds('pause_start_date', body['pause_start_date'], 'command "pause"')
      if (!start.ok) return start
      const end = unixSeconds('pause_end_date', body['pause_end_date'], 'command "pause"')
      if (!end.ok) return end
      return { ok: true, command: { kind: 'pause', pause: { startDate: start.iso, endDate: end.iso } } }
    }
    default:
      return refuse('INVALID_INPUT', 'command', `must be one of ${COMMANDS}`)
  }
}

/** [D] The merchant's id for a notice: up to 25 letters and digits. */
const OBJECT_REFERENCE_ID = /^[A-Za-z0-9]{1,25}$/
/** [D] The reason shown to the customer: up to 50 characters; [I] printable, one line. */
const MAX_DESCRIPTION = 50
const PRINTABLE_LINE = /^[^\p{Cc}\p{Cs}]*$/u

type NoticeRead = { ok: true; notice: NoticeRequest } | { ok: false; error: JuspayErrorSpec }

/** `source_info` as Juspay takes it: a JSON object, sent as JSON text in a form. */
function sourceInfo(value: unknown): { ok: true; info: Record<string, unknown> } | { ok: false; error: JuspayErrorSpec } {
  if (missing(value)) return { ok: false, error: fieldError('MISSING_MANDATORY_PARAMETER', 'source_info', 'is required with command "pre_debit_notify": {"amount": "499.00", "txn_date": "<Unix seconds>"}') }
  let info: unknown = value
  if (typeof value === 'string') {
    try {
      info = JSON.parse(value)
    } catch {
      info = null
    }
  }
  return isRecord(info) ? { ok: true, info } : { ok: false, error: fieldError('INVALID_INPUT', 'source_info', 'must be a JSON object such as {"amount": "499.00", "txn_date": "1767225600"}') }
}

/** The fields of `pre_debit_notify`: object_reference_id, description, and source_info's amount and txn_date. */
function readNotice(body: Record<string, unknown>): NoticeRead {
  const reference = body['object_reference_id']
  if (missing(reference)) return { ok: false, error: fieldError('MISSING_MANDATORY_PARAMETER', 'object_reference_id', 'is required with command "pre_debit_notify": your id for this notice') }
  if (typeof reference !== 'string' || !OBJECT_REFERENCE_ID.test(reference)) return { ok: false, error: fieldError('INVALID_INPUT', 'object_reference_id', 'must be 1 to 25 letters and digits') }
  const description = body['description'] ?? ''
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION || !PRINTABLE_LINE.test(description)) {
    return { ok: false, error: fieldError('INVALID_INPUT', 'description', `must be text of at most ${MAX_DESCRIPTION} characters on one line`) }
  }
  const info = sourceInfo(body['source_info'])
  if (!info.ok) return info
  if (missing(info.info['amount'])) return { ok: false, error: fieldError('MISSING_MANDATORY_PARAMETER', 'source_info.amount', 'is required: the amount to debit in rupees, such as "499.00"') }
  const amount = parseRupees(info.info['amount'])
  if (!amount.ok) return { ok: false, error: fieldError('INVALID_INPUT', 'source_info.amount', amount.reason) }
  const txnDate = unixSeconds('source_info.txn_date', info.info['txn_date'], 'command "pre_debit_notify"')
  if (!txnDate.ok) return txnDate
  return { ok: true, notice: { objectReferenceId: reference, description, amountMinor: amount.value, txnDate: new Date(txnDate.iso) } }
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
