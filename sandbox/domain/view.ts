import type { SessionView } from '../../contract/session'
import { ORDER_STATUS_IDS } from '../../contract/status'
import type { Merchant } from '../merchants'
import { eligibleInstruments } from './instruments'
import { sessionState, type Customer, type Order } from './order'

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  const local = email.slice(0, at)
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(local.length - 1, 2))}${email.slice(at)}`
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 4) return '****'
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
}

function customerView(customer: Customer): SessionView['customer'] {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || null
  const email = customer.email ? maskEmail(customer.email) : null
  const phone = customer.phone ? maskPhone(customer.phone) : null
  return name || email || phone ? { name, email, phone } : null
}

/** The one normalised view the page renders, whatever dialect created the order. */
export function toSessionView(order: Order, merchant: Merchant, now: Date): SessionView {
  const state = sessionState(order, now)
  const money = (minor: number) => ({ minor, currency: order.currency })
  return {
    pageId: order.id,
    orderId: order.orderId,
    state,
    status: order.status,
    statusId: ORDER_STATUS_IDS[order.status],
    merchant: { name: merchant.name, brandColor: merchant.brand.color, logoUrl: merchant.brand.logoUrl },
    amount: money(order.amountMinor),
    chargedToday: money(order.chargedTodayMinor),
    registrationRefunded: order.metadata['auto_refund_post_success'] === 'true',
    description: order.description,
    customer: customerView(order.customer),
    lineItems: order.lineItems,
    createMandate: order.createMandate,
    mandate: order.mandate,
    instruments: eligibleInstruments({
      merchantInstruments: merchant.instruments,
      createMandate: order.createMandate,
      mandate: order.mandate,
      enachMaxMinor: Math.max(...Object.values(merchant.enachLimitsMinor)),
    }),
    preferredInstrument: order.preferredInstrument,
    upiChannelPolicy: merchant.upi.channelPolicy,
    language: order.language,
    expiresAt: order.expiresAt,
    outcome: null,
  }
}
