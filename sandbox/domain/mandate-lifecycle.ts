import type { Rail } from '../../contract/rail'
import type { MandateStatus } from '../../contract/status'
import type { Attempt } from './attempt'
import type { MandateActor, MandatePause } from './mandate-change'
import type { Order } from './order'
import type { OrderEventName } from './order-events'

/**
 * A registered mandate's life after registration (docs/domain/mandates.md#statuses):
 *
 *   ACTIVE --pause--> PAUSED --activate--> ACTIVE
 *   ACTIVE | PAUSED --revoke--> REVOKED (final)
 *
 * Pure: the caller (MandateService) writes the order and its events.
 */

export type MandateCommand = { kind: 'pause'; pause: MandatePause } | { kind: 'activate' } | { kind: 'revoke' }
export type MandateCommandKind = MandateCommand['kind']

export type MandateRefusal =
  /** No mandate was registered (none asked for, still CREATED, or FAILURE). */
  | { reason: 'not_registered'; status: MandateStatus | null }
  /** REVOKED or EXPIRED: nothing moves a mandate out of them. */
  | { reason: 'final'; status: MandateStatus }
  /** A mandate registered with revokable_by_customer false (a one-time mandate). */
  | { reason: 'not_revocable_by_customer' }
  /** eNACH knows no pause (docs/domain/mandates.md#who-may-do-what), and a one-time mandate has no debits to hold. */
  | { reason: 'cannot_pause'; why: 'enach' | 'onetime' }
  /** The customer acts where the mandate lives: the UPI app for UPI mandates, the bank for eNACH, where only cancelling is offered. */
  | { reason: 'not_here'; by: MandateActor; command: MandateCommandKind }
  | { reason: 'pause_window'; field: 'start' | 'end'; why: string }

export type MandateTransition =
  /** `events` is empty when the command repeats the mandate's state: nothing changed, nothing is sent. */
  | { ok: true; order: Order; events: OrderEventName[] }
  | { ok: false; refusal: MandateRefusal }

/** The attempt that registered the order's mandate, if one did. */
export const registeringAttempt = (order: Order): Attempt | undefined =>
  order.attempts.find((a) => a.status === 'succeeded' && a.setsUpMandate)

/** Where each customer may act, and on what (docs/domain/mandates.md#who-may-do-what). */
const CUSTOMER_PLACES: Record<'customer_upi_app' | 'customer_bank', { rail: Rail; commands: readonly MandateCommandKind[] }> = {
  customer_upi_app: { rail: 'upi', commands: ['pause', 'activate', 'revoke'] },
  customer_bank: { rail: 'netbanking', commands: ['revoke'] },
}

/** What the sandbox itself does to a mandate: the payer's bank reports it revoked; a pause window ends. */
const SANDBOX_DOES: Record<'payer_bank' | 'pause_end', MandateCommandKind> = { payer_bank: 'revoke', pause_end: 'activate' }

const DAY_MS = 24 * 60 * 60 * 1000

/** A pause starts no earlier than the current day (UTC) and ends after it starts, within the mandate's validity. */
function pauseWindowRefusal(order: Order, pause: MandatePause, now: Date): MandateRefusal | null {
  const start = Date.parse(pause.startDate)
  const end = Date.parse(pause.endDate)
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS
  if (start < today) return { reason: 'pause_window', field: 'start', why: 'is in the past' }
  if (end <= start) return { reason: 'pause_window', field: 'end', why: 'must be after the pause starts' }
  const validUntil = order.mandate ? Date.parse(order.mandate.endDate) : Infinity
  if (end > validUntil) return { reason: 'pause_window', field: 'end', why: "is after the mandate's end date" }
  return null
}

const samePause = (a: MandatePause | null | undefined, b: MandatePause): boolean =>
  a !== null && a !== undefined && Date.parse(a.startDate) === Date.parse(b.startDate) && Date.parse(a.endDate) === Date.parse(b.endDate)

/** Who may not do this to this mandate, whatever its status. */
function permissionRefusal(order: Order, rail: Rail, command: MandateCommand, by: MandateActor): MandateRefusal | null {
  if (by === 'payer_bank' || by === 'pause_end') return SANDBOX_DOES[by] === command.kind ? null : { reason: 'not_here', by, command: command.kind }
  if (by !== 'merchant') {
    const place = CUSTOMER_PLACES[by]
    if (place.rail !== rail || !place.commands.includes(command.kind)) return { reason: 'not_here', by, command: command.kind }
    if (command.kind === 'revoke' && !order.mandate?.revokableByCustomer) return { reason: 'not_revocable_by_customer' }
  }
  if (command.kind === 'pause') {
    if (rail === 'netbanking') return { reason: 'cannot_pause', why: 'enach' }
    if (order.mandate?.frequency === 'ONETIME') return { reason: 'cannot_pause', why: 'onetime' }
  }
  return null
}

/**
 * Applies a command to the order's registered mandate. A repeat (revoke of a revoked mandate,
 * activate of an active one, the same pause again) answers the order unchanged with no events.
 */
export function changeMandate(order: Order, command: MandateCommand, by: MandateActor, now: Date): MandateTransition {
  const status = order.mandateStatus
  const registered = registeringAttempt(order)
  if (!registered || !order.mandate || (status !== 'ACTIVE' && status !== 'PAUSED' && status !== 'REVOKED' && status !== 'EXPIRED')) {
    return { ok: false, refusal: { reason: 'not_registered', status } }
  }
  const refused = permissionRefusal(order, registered.rail, command, by)
  if (refused) return { ok: false, refusal: refused }
  if (command.kind === 'revoke' && status === 'REVOKED') return { ok: true, order, events: [] }
  if (status === 'REVOKED' || status === 'EXPIRED') return { ok: false, refusal: { reason: 'final', status } }
  const changed = (next: MandateStatus, pause: MandatePause | null, events: OrderEventName[]): MandateTransition => ({
    ok: true,
    order: { ...order, mandateStatus: next, mandateChange: { status: next, at: now.toISOString(), by, pause } },
    events,
  })
  switch (command.kind) {
    case 'revoke':
      return changed('REVOKED', null, ['MANDATE_REVOKED'])
    case 'activate':
      return status === 'ACTIVE' ? { ok: true, order, events: [] } : changed('ACTIVE', null, ['MANDATE_ACTIVATED'])
    case 'pause': {
      if (status === 'PAUSED' && samePause(order.mandateChange?.pause, command.pause)) return { ok: true, order, events: [] }
      const window = pauseWindowRefusal(order, command.pause, now)
      if (window) return { ok: false, refusal: window }
      return changed('PAUSED', command.pause, ['MANDATE_PAUSED'])
    }
  }
}
