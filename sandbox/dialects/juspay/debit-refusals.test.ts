import { describe, expect, it } from 'vitest'
import type { ExecutionRefusal } from '../../domain/mandate-executions'
import { debitRefusalError } from './debit-refusals'

/** A refusal that blames one field of the request. */
const field = (name: string, reason: string) => ({
  status: 400,
  code: 'INVALID_INPUT',
  message: `Invalid request: ${name} ${reason}.`,
  fields: [{ field_name: name, reason }],
})

/** A refusal that blames the mandate's state, not a field. */
const action = (message: string) => ({ status: 400, code: 'INVALID_ACTION', message })

const validity = { startDate: '2026-01-01T00:00:00.000Z', endDate: '2027-01-01T00:00:00.000Z' }

describe('debitRefusalError', () => {
  it.each<[string, ExecutionRefusal, object]>([
    ['a mandate not yet registered', { reason: 'not_active', status: null }, action('The mandate is not registered: only an ACTIVE mandate can be debited or notified.')],
    ['a paused mandate', { reason: 'not_active', status: 'PAUSED' }, action('The mandate is PAUSED: only an ACTIVE mandate can be debited or notified.')],
    [
      'a notice on an eNACH mandate',
      { reason: 'enach_needs_no_notice' },
      action('An eNACH mandate needs no pre-debit notice from the merchant: present the debit with POST /txns.'),
    ],
    ['an amount above the cap', { reason: 'above_max_amount', maxMinor: 150050 }, field('amount', "is above the mandate's max_amount (1500.50)")],
    ['an amount other than a FIXED mandate\'s', { reason: 'not_fixed_amount', fixedMinor: 49900 }, field('amount', "must equal the mandate's amount (499.00): its amount_rule is FIXED")],
    [
      'a notice dated outside the mandate',
      { reason: 'outside_validity', field: 'txn_date', ...validity },
      field('source_info.txn_date', "is outside the mandate's validity (1767225600 to 1798761600)"),
    ],
    [
      'a debit dated outside the mandate',
      { reason: 'outside_validity', field: 'execution_date', ...validity },
      field('mandate.execution_date', "is outside the mandate's validity (1767225600 to 1798761600)"),
    ],
    [
      'a notice sent too late',
      { reason: 'notice_lead', lead: 'too_short' },
      field('source_info.txn_date', 'is less than 24 hours away: a notice must reach the customer at least 24 hours before the debit'),
    ],
    ['a notice sent too early', { reason: 'notice_lead', lead: 'too_long' }, field('source_info.txn_date', 'is more than 48 hours away: send the notice within 48 hours of the debit')],
    ['a notice id used before', { reason: 'reference_reused' }, field('object_reference_id', 'was used for another notice on this mandate; send a new one')],
    ['an unknown notice', { reason: 'unknown_notice' }, field('mandate.notification_id', 'names no notice sent on this mandate')],
    ['a notice that failed', { reason: 'notice_failed' }, field('mandate.notification_id', 'names a notice that failed: send a new one')],
    ['a notice already used', { reason: 'notice_used', by: 'ord_7' }, field('mandate.notification_id', 'names a notice already used by order ord_7: one notice covers one debit')],
    ['a debit of another amount than noticed', { reason: 'notice_mismatch', what: 'amount' }, field('order.amount', 'differs from the amount the notice announced')],
    ['a debit on another day than noticed', { reason: 'notice_mismatch', what: 'date' }, field('mandate.execution_date', 'is not on the day the notice announced')],
    [
      'a debit too soon after its notice',
      { reason: 'too_early', notBefore: '2026-01-02T00:00:00.000Z' },
      field('mandate.execution_date', 'is less than 24 hours after the notice: the debit can run from 1767312000'),
    ],
    [
      'a second debit in one period',
      { reason: 'period_taken', period: '2026-01', by: 'ord_3' },
      action('The mandate was already debited in this period of its frequency (2026-01, order ord_3).'),
    ],
    ['an order id taken', { reason: 'order_id_taken' }, field('order.order_id', 'is already used by another order: a debit is a new order')],
    ['another customer', { reason: 'customer_mismatch' }, field('order.customer_id', 'is not the customer of this mandate')],
  ])('answers %s', (_, refusal, expected) => {
    expect(debitRefusalError(refusal)).toEqual(expected)
  })

  it('asks for a notice on a UPI debit without one, naming the missing field', () => {
    expect(debitRefusalError({ reason: 'notice_required' })).toEqual({
      status: 400,
      code: 'MISSING_MANDATORY_PARAMETER',
      message: 'Invalid request: mandate.notification_id is required: a UPI mandate is debited only after a pre-debit notice.',
      fields: [{ field_name: 'mandate.notification_id', reason: 'is required' }],
    })
  })

  it('answers a debit still being presented as a conflict to retry', () => {
    expect(debitRefusalError({ reason: 'in_flight' })).toEqual({
      status: 409,
      code: 'DUPLICATE_REQUEST',
      message: 'A debit with this order.order_id is still being presented: send the request again in a moment for its answer.',
    })
  })
})
