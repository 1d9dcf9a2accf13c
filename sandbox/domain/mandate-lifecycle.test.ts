import { describe, expect, it } from 'vitest'
import type { MandateStatus } from '../../contract/status'
import { mandateTerms, TEST_NOW } from '../testing/fixtures'
import { registeredOrder } from '../testing/registered-order'
import type { MandateActor, MandatePause } from './mandate-change'
import { changeMandate, type MandateCommand } from './mandate-lifecycle'
import type { Order } from './order'

const DAY = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY).toISOString()
const PAUSE: MandatePause = { startDate: at(1), endDate: at(10) }
const pause = (window: MandatePause = PAUSE): MandateCommand => ({ kind: 'pause', pause: window })
const activate: MandateCommand = { kind: 'activate' }
const revoke: MandateCommand = { kind: 'revoke' }

const registered = registeredOrder

describe('changeMandate: the allowed transitions', () => {
  const cases: [string, MandateStatus, MandateCommand, MandateActor, MandateStatus, string[]][] = [
    ['the merchant pauses an active mandate', 'ACTIVE', pause(), 'merchant', 'PAUSED', ['MANDATE_PAUSED']],
    ['the customer pauses in the UPI app', 'ACTIVE', pause(), 'customer_upi_app', 'PAUSED', ['MANDATE_PAUSED']],
    ['the merchant resumes a paused mandate', 'PAUSED', activate, 'merchant', 'ACTIVE', ['MANDATE_ACTIVATED']],
    ['the customer resumes in the UPI app', 'PAUSED', activate, 'customer_upi_app', 'ACTIVE', ['MANDATE_ACTIVATED']],
    ['the merchant revokes an active mandate', 'ACTIVE', revoke, 'merchant', 'REVOKED', ['MANDATE_REVOKED']],
    ['the merchant revokes a paused mandate', 'PAUSED', revoke, 'merchant', 'REVOKED', ['MANDATE_REVOKED']],
    ['the customer revokes in the UPI app', 'ACTIVE', revoke, 'customer_upi_app', 'REVOKED', ['MANDATE_REVOKED']],
    ['the customer revokes a paused mandate in the app', 'PAUSED', revoke, 'customer_upi_app', 'REVOKED', ['MANDATE_REVOKED']],
    ['a repeated revoke changes nothing', 'REVOKED', revoke, 'merchant', 'REVOKED', []],
    ['activating an active mandate changes nothing', 'ACTIVE', activate, 'merchant', 'ACTIVE', []],
    ["the payer's bank reports the mandate revoked there", 'ACTIVE', revoke, 'payer_bank', 'REVOKED', ['MANDATE_REVOKED']],
    ['the end of a pause window resumes the mandate', 'PAUSED', activate, 'pause_end', 'ACTIVE', ['MANDATE_ACTIVATED']],
  ]
  it.each(cases)('%s', (_, from, command, by, to, events) => {
    const result = changeMandate(registered('upi', from), command, by, TEST_NOW)
    expect(result).toMatchObject({ ok: true, events })
    if (!result.ok) return
    expect(result.order.mandateStatus).toBe(to)
    if (events.length > 0) expect(result.order.mandateChange).toMatchObject({ status: to, by, at: TEST_NOW.toISOString() })
  })

  it('records the pause window while paused, and clears it on resuming', () => {
    const paused = changeMandate(registered('upi', 'ACTIVE'), pause(), 'merchant', TEST_NOW)
    if (!paused.ok) throw new Error('not paused')
    expect(paused.order.mandateChange?.pause).toEqual(PAUSE)
    const resumed = changeMandate(paused.order, activate, 'customer_upi_app', TEST_NOW)
    expect(resumed).toMatchObject({ ok: true, order: { mandateStatus: 'ACTIVE', mandateChange: { pause: null, by: 'customer_upi_app' } } })
  })

  it('the same pause again changes nothing; another window replaces it', () => {
    const paused = changeMandate(registered('upi', 'ACTIVE'), pause(), 'merchant', TEST_NOW)
    if (!paused.ok) throw new Error('not paused')
    expect(changeMandate(paused.order, pause(), 'merchant', TEST_NOW)).toMatchObject({ ok: true, events: [] })
    const longer = { startDate: at(1), endDate: at(20) }
    expect(changeMandate(paused.order, pause(longer), 'merchant', TEST_NOW)).toMatchObject({
      ok: true,
      events: ['MANDATE_PAUSED'],
      order: { mandateChange: { pause: longer } },
    })
  })

  it('the bank cancels an eNACH mandate, active or already revoked', () => {
    expect(changeMandate(registered('netbanking', 'ACTIVE'), revoke, 'customer_bank', TEST_NOW)).toMatchObject({
      ok: true,
      events: ['MANDATE_REVOKED'],
      order: { mandateStatus: 'REVOKED', mandateChange: { by: 'customer_bank' } },
    })
    expect(changeMandate(registered('netbanking', 'REVOKED'), revoke, 'customer_bank', TEST_NOW)).toMatchObject({ ok: true, events: [] })
  })
})

describe('changeMandate: what is refused, changing nothing', () => {
  const onetime = { ...mandateTerms(100_000, 'ONETIME'), revokableByCustomer: false, blockFunds: true }
  const cases: [string, Order, MandateCommand, MandateActor, object][] = [
    ['a revoked mandate cannot be resumed', registered('upi', 'REVOKED'), activate, 'merchant', { reason: 'final', status: 'REVOKED' }],
    ['a revoked mandate cannot be paused', registered('upi', 'REVOKED'), pause(), 'customer_upi_app', { reason: 'final', status: 'REVOKED' }],
    ['an expired mandate cannot be revoked', registered('upi', 'EXPIRED'), revoke, 'merchant', { reason: 'final', status: 'EXPIRED' }],
    ['a registration still pending', registered('upi', 'CREATED'), revoke, 'merchant', { reason: 'not_registered', status: 'CREATED' }],
    ['a failed registration', { ...registered('upi', 'FAILURE'), attempts: [] }, revoke, 'merchant', { reason: 'not_registered' }],
    ['an order with no mandate', { ...registered('upi', null), mandate: null }, revoke, 'merchant', { reason: 'not_registered', status: null }],
    ['the customer cannot revoke a one-time mandate', registered('upi', 'ACTIVE', { mandate: onetime }), revoke, 'customer_upi_app', { reason: 'not_revocable_by_customer' }],
    ['a one-time mandate cannot be paused', registered('upi', 'ACTIVE', { mandate: onetime }), pause(), 'merchant', { reason: 'cannot_pause', why: 'onetime' }],
    ['an eNACH mandate cannot be paused', registered('netbanking', 'ACTIVE'), pause(), 'merchant', { reason: 'cannot_pause', why: 'enach' }],
    ['the bank offers only cancelling', registered('netbanking', 'ACTIVE'), pause(), 'customer_bank', { reason: 'not_here', by: 'customer_bank', command: 'pause' }],
    ['the UPI app does not hold eNACH mandates', registered('netbanking', 'ACTIVE'), revoke, 'customer_upi_app', { reason: 'not_here' }],
    ['the bank does not hold UPI mandates', registered('upi', 'ACTIVE'), revoke, 'customer_bank', { reason: 'not_here' }],
    ["the payer's bank only revokes", registered('upi', 'ACTIVE'), pause(), 'payer_bank', { reason: 'not_here', by: 'payer_bank', command: 'pause' }],
    ['the end of a pause only resumes', registered('upi', 'PAUSED'), revoke, 'pause_end', { reason: 'not_here', by: 'pause_end', command: 'revoke' }],
    ["the payer's bank revokes even a mandate the customer may not", registered('upi', 'ACTIVE', { mandate: onetime }), activate, 'payer_bank', { reason: 'not_here' }],
    ['a pause starting before today', registered('upi', 'ACTIVE'), pause({ startDate: at(-2), endDate: at(3) }), 'merchant', { reason: 'pause_window', field: 'start' }],
    ['a pause ending before it starts', registered('upi', 'ACTIVE'), pause({ startDate: at(3), endDate: at(2) }), 'merchant', { reason: 'pause_window', field: 'end' }],
    ['a pause past the mandate', registered('upi', 'ACTIVE'), pause({ startDate: at(1), endDate: at(400 * 40) }), 'merchant', { reason: 'pause_window', field: 'end' }],
  ]
  it.each(cases)('%s', (_, order, command, by, refusal) => {
    expect(changeMandate(order, command, by, TEST_NOW)).toMatchObject({ ok: false, refusal })
  })

  it.each<MandateActor>(['merchant', 'payer_bank'])('%s may revoke a one-time mandate the customer may not', (by) => {
    const order = registered('upi', 'ACTIVE', { mandate: { ...mandateTerms(100_000, 'ONETIME'), revokableByCustomer: false } })
    expect(changeMandate(order, revoke, by, TEST_NOW)).toMatchObject({ ok: true, events: ['MANDATE_REVOKED'] })
  })
})
