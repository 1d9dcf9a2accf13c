import { describe, expect, it } from 'vitest'
import type { MandateRefusal } from '../../domain/mandate-lifecycle'
import { order } from '../../testing/store-contract'
import { cancelledDebitResponse, cancelRefusalError, mandateCommandResponse, mandateRefusalError, readMandateCommand, unixSeconds } from './mandate-command'

const COMMANDS = '"revoke", "pause", "activate", "cancel_recurring_transaction", "pre_debit_notify"'

/** The error a single field's problem answers, as every refusal of a command's body is written. */
const fieldError = (code: string, field: string, reason: string) => ({
  ok: false,
  error: { status: 400, code, message: `Invalid request: ${field} ${reason}.`, fields: [{ field_name: field, reason }] },
})

describe('readMandateCommand: the command', () => {
  it.each([undefined, null, ''])('refuses a missing command (%j), listing the ones served', (command) => {
    expect(readMandateCommand({ command })).toEqual(fieldError('MISSING_MANDATORY_PARAMETER', 'command', `is required (${COMMANDS})`))
  })

  it.each(['REVOKE', 'suspend', 7])('refuses a command it does not serve (%j)', (command) => {
    expect(readMandateCommand({ command })).toEqual(fieldError('INVALID_INPUT', 'command', `must be one of ${COMMANDS}`))
  })

  it.each(['revoke', 'activate'] as const)('reads %s, which takes no other field', (command) => {
    expect(readMandateCommand({ command, pause_start_date: 'ignored' })).toEqual({ ok: true, command: { kind: command } })
  })
})

describe('readMandateCommand: cancel_recurring_transaction', () => {
  it('reads the scheduled debit\'s order_id', () => {
    expect(readMandateCommand({ command: 'cancel_recurring_transaction', order_id: 'sub_1-c2_x' })).toEqual({
      ok: true,
      command: { kind: 'cancel_recurring_transaction', orderId: 'sub_1-c2_x' },
    })
  })

  it.each([undefined, null, ''])('refuses a missing order_id (%j)', (orderId) => {
    expect(readMandateCommand({ command: 'cancel_recurring_transaction', order_id: orderId })).toEqual(
      fieldError('MISSING_MANDATORY_PARAMETER', 'order_id', 'is required with command "cancel_recurring_transaction": the scheduled debit\'s order_id'),
    )
  })

  it.each([
    ['a number', 12],
    ['a space', 'ord 1'],
    ['a dot', 'ord.1'],
    ['65 characters', 'a'.repeat(65)],
    ['a character before a good id', '!abc'],
    ['a character after a good id', 'abc!'],
  ])('refuses an order_id with %s', (_, orderId) => {
    expect(readMandateCommand({ command: 'cancel_recurring_transaction', order_id: orderId })).toEqual(
      fieldError('INVALID_INPUT', 'order_id', 'must be an order_id: 1 to 64 letters, digits, _ or -'),
    )
  })

  it('takes an order_id of 64 characters', () => {
    const orderId = 'A'.repeat(64)
    expect(readMandateCommand({ command: 'cancel_recurring_transaction', order_id: orderId })).toEqual({ ok: true, command: { kind: 'cancel_recurring_transaction', orderId } })
  })
})

describe('readMandateCommand: pause', () => {
  it('reads the window from Unix seconds as text or as whole numbers', () => {
    expect(readMandateCommand({ command: 'pause', pause_start_date: ' 1767225600 ', pause_end_date: 1767830400 })).toEqual({
      ok: true,
      command: { kind: 'pause', pause: { startDate: '2026-01-01T00:00:00.000Z', endDate: '2026-01-08T00:00:00.000Z' } },
    })
  })

  it('names the start first when both dates are missing', () => {
    expect(readMandateCommand({ command: 'pause' })).toEqual(fieldError('MISSING_MANDATORY_PARAMETER', 'pause_start_date', 'is required with command "pause" (Unix seconds)'))
  })

  it('names the end when only the end is missing', () => {
    expect(readMandateCommand({ command: 'pause', pause_start_date: '1767225600' })).toEqual(
      fieldError('MISSING_MANDATORY_PARAMETER', 'pause_end_date', 'is required with command "pause" (Unix seconds)'),
    )
  })

  it('names the end when only the end is not a date', () => {
    expect(readMandateCommand({ command: 'pause', pause_start_date: '1767225600', pause_end_date: '2026-01-08' })).toEqual(
      fieldError('INVALID_INPUT', 'pause_end_date', 'must be a date in Unix seconds, such as "1767225600"'),
    )
  })
})

describe('unixSeconds', () => {
  const notADate = (field: string) => fieldError('INVALID_INPUT', field, 'must be a date in Unix seconds, such as "1767225600"')

  it.each([
    ['digits', '1767225600', '2026-01-01T00:00:00.000Z'],
    ['digits with spaces around', '\t1767225600 ', '2026-01-01T00:00:00.000Z'],
    ['a whole number', 0, '1970-01-01T00:00:00.000Z'],
    ['eleven digits', '10000000000', '2286-11-20T17:46:40.000Z'],
    ['one digit', '5', '1970-01-01T00:00:05.000Z'],
  ])('reads %s', (_, value, iso) => {
    expect(unixSeconds('pause_start_date', value)).toEqual({ ok: true, iso })
  })

  it.each([
    ['a fraction', 1767225600.5],
    ['a negative number', -1],
    ['a decimal string', '1767225600.0'],
    ['twelve digits', '100000000000'],
    ['a sign', '+1767225600'],
    ['letters after the digits', '1767225600s'],
    ['letters before the digits', 's1767225600'],
    ['a boolean', true],
    ['an object', { seconds: 1 }],
    ['spaces only', '   '],
  ])('refuses %s', (_, value) => {
    expect(unixSeconds('pause_end_date', value)).toEqual(notADate('pause_end_date'))
  })

  it('names the command it is required with, "pause" unless told', () => {
    expect(unixSeconds('pause_start_date', undefined)).toEqual(fieldError('MISSING_MANDATORY_PARAMETER', 'pause_start_date', 'is required with pause (Unix seconds)'))
    expect(unixSeconds('txn_date', null, 'notify')).toEqual(fieldError('MISSING_MANDATORY_PARAMETER', 'txn_date', 'is required with notify (Unix seconds)'))
  })
})

describe('readMandateCommand: pre_debit_notify', () => {
  const notice = (overrides: Record<string, unknown> = {}) => ({
    command: 'pre_debit_notify',
    object_reference_id: 'notice42',
    description: 'March plan',
    source_info: '{"amount": "499.00", "txn_date": "1767225600"}',
    ...overrides,
  })

  it('reads the notice from a form, source_info as JSON text', () => {
    expect(readMandateCommand(notice())).toEqual({
      ok: true,
      command: {
        kind: 'pre_debit_notify',
        notice: { objectReferenceId: 'notice42', description: 'March plan', amountMinor: 49900, txnDate: new Date('2026-01-01T00:00:00Z') },
      },
    })
  })

  it('reads source_info sent as a JSON object, and no description as an empty one', () => {
    const read = readMandateCommand(notice({ description: undefined, source_info: { amount: 10.5, txn_date: 1767225600 } }))
    expect(read).toEqual({
      ok: true,
      command: { kind: 'pre_debit_notify', notice: { objectReferenceId: 'notice42', description: '', amountMinor: 1050, txnDate: new Date('2026-01-01T00:00:00Z') } },
    })
  })

  it('takes a description of 50 characters, and one with letters beyond ASCII', () => {
    expect(readMandateCommand(notice({ description: 'd'.repeat(50) })).ok).toBe(true)
    expect(readMandateCommand(notice({ description: 'मार्च का प्लान – ₹499' })).ok).toBe(true)
  })

  it.each([
    ['missing', undefined, 'MISSING_MANDATORY_PARAMETER', 'is required with command "pre_debit_notify": your id for this notice'],
    ['empty', '', 'MISSING_MANDATORY_PARAMETER', 'is required with command "pre_debit_notify": your id for this notice'],
    ['not text', 42, 'INVALID_INPUT', 'must be 1 to 25 letters and digits'],
    ['26 characters', 'a'.repeat(26), 'INVALID_INPUT', 'must be 1 to 25 letters and digits'],
    ['a hyphen', 'notice-42', 'INVALID_INPUT', 'must be 1 to 25 letters and digits'],
    ['a bad character first', '-notice42', 'INVALID_INPUT', 'must be 1 to 25 letters and digits'],
    ['a bad character last', 'notice42-', 'INVALID_INPUT', 'must be 1 to 25 letters and digits'],
  ])('refuses an object_reference_id %s', (_, reference, code, reason) => {
    expect(readMandateCommand(notice({ object_reference_id: reference }))).toEqual(fieldError(code, 'object_reference_id', reason))
  })

  it('takes an object_reference_id of 25 letters and digits', () => {
    expect(readMandateCommand(notice({ object_reference_id: 'Ab1'.repeat(8) + 'Z' })).ok).toBe(true)
  })

  it.each([
    ['not text', 12],
    ['of 51 characters', 'd'.repeat(51)],
    ['on two lines', 'March\nplan'],
    ['with a control character', 'March\u0007plan'],
    ['ending in a control character', 'March plan\u0000'],
    ['with a lone surrogate', 'March \ud800plan'],
  ])('refuses a description %s', (_, description) => {
    expect(readMandateCommand(notice({ description }))).toEqual(fieldError('INVALID_INPUT', 'description', 'must be text of at most 50 characters on one line'))
  })

  it.each([undefined, null, ''])('refuses a missing source_info (%j)', (sourceInfo) => {
    expect(readMandateCommand(notice({ source_info: sourceInfo }))).toEqual(
      fieldError('MISSING_MANDATORY_PARAMETER', 'source_info', 'is required with command "pre_debit_notify": {"amount": "499.00", "txn_date": "<Unix seconds>"}'),
    )
  })

  it.each([
    ['text that is not JSON', '{amount: 499}'],
    ['JSON that is not an object', '[1, 2]'],
    ['JSON null', 'null'],
    ['a number', 499],
    ['an array', [{ amount: '499.00' }]],
  ])('refuses source_info as %s', (_, sourceInfo) => {
    expect(readMandateCommand(notice({ source_info: sourceInfo }))).toEqual(
      fieldError('INVALID_INPUT', 'source_info', 'must be a JSON object such as {"amount": "499.00", "txn_date": "1767225600"}'),
    )
  })

  it.each([undefined, null, ''])('refuses a missing source_info.amount (%j)', (amount) => {
    expect(readMandateCommand(notice({ source_info: { amount, txn_date: '1767225600' } }))).toEqual(
      fieldError('MISSING_MANDATORY_PARAMETER', 'source_info.amount', 'is required: the amount to debit in rupees, such as "499.00"'),
    )
  })

  it('refuses a source_info.amount that is not rupees, with the parser\'s reason', () => {
    expect(readMandateCommand(notice({ source_info: { amount: '4.999', txn_date: '1767225600' } }))).toEqual(
      fieldError('INVALID_INPUT', 'source_info.amount', 'must be a positive amount in rupees with at most two decimals, such as "10.00"'),
    )
  })

  it('refuses a missing or bad source_info.txn_date, naming the command', () => {
    expect(readMandateCommand(notice({ source_info: { amount: '499.00' } }))).toEqual(
      fieldError('MISSING_MANDATORY_PARAMETER', 'source_info.txn_date', 'is required with command "pre_debit_notify" (Unix seconds)'),
    )
    expect(readMandateCommand(notice({ source_info: { amount: '499.00', txn_date: 'tomorrow' } }))).toEqual(
      fieldError('INVALID_INPUT', 'source_info.txn_date', 'must be a date in Unix seconds, such as "1767225600"'),
    )
  })
})

describe('mandateRefusalError', () => {
  const action = (message: string) => ({ status: 400, code: 'INVALID_ACTION', message })

  it.each<[string, MandateRefusal, object]>([
    ['no mandate at all', { reason: 'not_registered', status: null }, action('The mandate is not registered (its status is none); only an ACTIVE or PAUSED mandate takes commands.')],
    ['a mandate still being set up', { reason: 'not_registered', status: 'CREATED' }, action('The mandate is not registered (its status is CREATED); only an ACTIVE or PAUSED mandate takes commands.')],
    ['a revoked mandate', { reason: 'final', status: 'REVOKED' }, action('The mandate is REVOKED, which is final: it can no longer be paused, activated or revoked.')],
    [
      'a pause of an eNACH mandate',
      { reason: 'cannot_pause', why: 'enach' },
      action('An eNACH mandate cannot be paused: NACH knows only creating, amending and cancelling a mandate. Revoke it instead.'),
    ],
    ['a pause of a one-time mandate', { reason: 'cannot_pause', why: 'onetime' }, action('A one-time (ONETIME) mandate cannot be paused: it has a single debit to make. Revoke it instead.')],
    [
      'a customer revoking what only the merchant may',
      { reason: 'not_revocable_by_customer' },
      action('The mandate was registered with revokable_by_customer false: only the merchant may revoke it.'),
    ],
    ['a customer acting in the wrong place', { reason: 'not_here', by: 'customer_bank', command: 'pause' }, action('The customer cannot pause this mandate here.')],
    ['a pause starting in the past', { reason: 'pause_window', field: 'start', why: 'is in the past' }, fieldError('INVALID_INPUT', 'pause_start_date', 'is in the past').error],
    [
      'a pause ending before it starts',
      { reason: 'pause_window', field: 'end', why: 'must be after the pause starts' },
      fieldError('INVALID_INPUT', 'pause_end_date', 'must be after the pause starts').error,
    ],
  ])('answers %s', (_, refusal, expected) => {
    expect(mandateRefusalError(refusal)).toEqual(expected)
  })
})

describe('cancelling a scheduled debit', () => {
  it('answers the cancelled debit with its order and status, and no transaction', () => {
    expect(cancelledDebitResponse(order({ orderId: 'sub_1-c3', status: 'JUSPAY_DECLINED' }))).toEqual({
      order_id: 'sub_1-c3',
      txn_uuid: null,
      txn_status: 'JUSPAY_DECLINED',
      response_message: 'The scheduled debit is cancelled; the next one is scheduled as usual.',
    })
  })

  it('refuses a debit too close, and one not scheduled, differently', () => {
    expect(cancelRefusalError('too_late')).toEqual({ status: 400, code: 'INVALID_ACTION', message: 'The scheduled debit is less than 30 minutes away: it can no longer be cancelled.' })
    expect(cancelRefusalError('nothing_scheduled')).toEqual(fieldError('INVALID_INPUT', 'order_id', "names no debit scheduled on this mandate's subscription").error)
  })
})

describe('mandateCommandResponse', () => {
  const pause = { startDate: '2026-01-01T00:00:00.000Z', endDate: '2026-01-08T00:00:00.000Z' }

  it('answers the mandate status and id', () => {
    expect(mandateCommandResponse(order({ mandateStatus: 'REVOKED', mandateId: 'mdt_1' }))).toEqual({ mandate_status: 'REVOKED', mandate_id: 'mdt_1' })
  })

  it('adds the pause window, in Unix seconds, to a PAUSED mandate', () => {
    const paused = order({ mandateStatus: 'PAUSED', mandateId: 'mdt_1', mandateChange: { status: 'PAUSED', at: pause.startDate, by: 'merchant', pause } })
    expect(mandateCommandResponse(paused)).toEqual({ mandate_status: 'PAUSED', mandate_id: 'mdt_1', pause_start_date: '1767225600', pause_end_date: '1767830400' })
  })

  it('leaves out a pause window an ACTIVE mandate still carries', () => {
    const resumed = order({ mandateStatus: 'ACTIVE', mandateId: 'mdt_1', mandateChange: { status: 'PAUSED', at: pause.startDate, by: 'merchant', pause } })
    expect(mandateCommandResponse(resumed)).toEqual({ mandate_status: 'ACTIVE', mandate_id: 'mdt_1' })
  })
})
