import type { Instrument } from '../../contract/instrument'
import type { Merchant } from '../merchants'
import type { Order } from './order'
import { RAIL_RULES } from './rails'

/**
 * Which rails the page offers for this order, and why any of them (or its mandate opt-in) is not:
 * each rail's own rules (sandbox/domain/rails/) say what blocks the mandate and what to tell the customer.
 */
export function eligibleInstruments(merchant: Merchant, order: Pick<Order, 'createMandate' | 'mandate' | 'rails'>): Instrument[] {
  const { createMandate, mandate, rails } = order
  const offered = rails === null ? merchant.instruments : merchant.instruments.filter((rail) => rails.includes(rail))
  return offered.map((rail): Instrument => {
    if (!createMandate || !mandate) {
      return { rail, mandate: 'none', available: true, unavailableReason: null, notices: [] }
    }
    const rules = RAIL_RULES[rail]
    const blocker = rules.mandateBlocker(mandate, merchant)
    if (createMandate === 'REQUIRED') {
      return {
        rail,
        mandate: 'required',
        available: blocker === null,
        unavailableReason: blocker,
        notices: blocker === null ? rules.notices(mandate) : [],
      }
    }
    return {
      rail,
      mandate: blocker === null ? 'optional' : 'none',
      available: true,
      unavailableReason: blocker,
      notices: blocker === null ? rules.notices(mandate) : [],
    }
  })
}
