import type { AttemptView } from '../../contract/attempt'
import { MAX_ATTEMPTS_PER_ORDER } from '../../contract/attempt'
import type { PlanChangeView } from '../../contract/billing'
import type { SessionView } from '../../contract/session'
import { ORDER_STATUS_IDS, type OrderStatus } from '../../contract/status'
import type { Merchant } from '../merchants'
import type { Attempt } from './attempt'
import { eligibleInstruments } from './instruments'
import { cancelUrlOf, latestAttempt, sessionState, type Customer, type Order } from './order'
import { istDate, istMidnight } from './proration'
import { railOf } from './rails'
import { enachLimits } from './rails/netbanking'
import { upiMandatesPath } from './rails/upi'
import { mandatePayerVpa } from './mandate-service'
import { firstDebitDate } from './schedule'

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

function attemptView(order: Order, attempt: Attempt, merchant: Merchant): AttemptView {
  const common = {
    id: attempt.id,
    number: attempt.number,
    setsUpMandate: attempt.setsUpMandate,
    status: attempt.status,
    failureReason: attempt.failureReason,
    createdAt: attempt.createdAt,
    expiresAt: attempt.expiresAt,
    endedAt: attempt.endedAt,
  }
  return { ...common, ...railOf(attempt).view(order, attempt, merchant) }
}

/** Statuses worth reporting back to the merchant's return_url. */
const REPORTABLE: readonly OrderStatus[] = ['CHARGED', 'AUTHORIZATION_FAILED', 'AUTHENTICATION_FAILED', 'JUSPAY_DECLINED']

/** The return_url once there is a result to report, signed by the dialect that created the order. */
function returnUrlFor(order: Order, merchant: Merchant, state: SessionView['state'], signReturn: ReturnSigner): string | null {
  if (!order.returnUrl) return null
  if (!REPORTABLE.includes(order.status) && state !== 'expired') return null
  return signReturn(order.returnUrl, order, merchant)
}

function outcomeFor(order: Order, attempt: Attempt | undefined): SessionView['outcome'] {
  if (order.status !== 'CHARGED' || !attempt?.endedAt) return null
  const firstDebit = order.mandate && order.mandateStatus === 'ACTIVE' ? firstDebitDate(order.mandate) : null
  const payer = order.mandateId === null ? null : mandatePayerVpa(order)
  return {
    status: order.status,
    statusId: ORDER_STATUS_IDS[order.status],
    mandateStatus: order.mandateStatus,
    mandateId: order.mandateId,
    completedAt: attempt.endedAt,
    firstDebitDate: firstDebit ? firstDebit.toISOString() : null,
    mandatesUrl: payer === null ? null : upiMandatesPath(payer),
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What a plan change's session pays for, from the preview it carries: the part of the cycle
 * covered runs from the day of the change through the day before the next debit (IST days).
 */
function planChangeView(order: Order): PlanChangeView | null {
  const billing = order.billing
  const change = billing?.planChange
  if (!billing || !change) return null
  const { preview } = change
  const money = (minor: number) => ({ minor, currency: order.currency })
  const from = istDate(new Date(preview.prorationAt))
  const end = new Date(preview.current.periodEnd)
  return {
    from: { ...change.from, amount: money(preview.current.amountMinor) },
    to: { ...change.to, amount: money(preview.next.amountMinor) },
    interval: billing.schedule.recurring.interval,
    credit: money(preview.proration.unusedCreditMinor),
    charge: money(preview.proration.newPlanChargeMinor),
    heldCredit: money(preview.proration.creditAppliedMinor),
    payNow: money(preview.proration.proratedMinor),
    covers: { from, until: istDate(new Date(end.getTime() - 1)), days: Math.round((end.getTime() - istMidnight(from).getTime()) / DAY_MS) },
    nextCharge: { date: preview.nextInvoice.date, amount: money(preview.nextInvoice.amountMinor), intro: false },
    quoteExpiresAt: preview.expiresAt,
    newMandate: change.newMandate,
  }
}

/**
 * How the merchant's return_url carries the result: the order's dialect signs it
 * (docs/decisions/0009-dialect-owns-its-edge.md); the domain only decides when there is one.
 */
export type ReturnSigner = (returnUrl: string, order: Order, merchant: Merchant) => string

/**
 * The one normalised view the page renders, whatever dialect created the order, as it stands at
 * `now` on the merchant's clock. A plan change's session shows planChange, not a schedule.
 */
export function toSessionView(order: Order, merchant: Merchant, now: Date, signReturn: ReturnSigner): SessionView {
  const state = sessionState(order, now)
  const money = (minor: number) => ({ minor, currency: order.currency })
  const attempt = latestAttempt(order)
  return {
    pageId: order.id,
    orderId: order.orderId,
    state,
    status: order.status,
    statusId: ORDER_STATUS_IDS[order.status],
    merchant: { name: merchant.name, brandColor: merchant.brand.color, logoUrl: merchant.brand.logoUrl, theme: merchant.brand.theme },
    amount: money(order.amountMinor),
    chargedToday: money(order.chargedTodayMinor),
    registrationRefunded: order.metadata['auto_refund_post_success'] === 'true',
    description: order.description,
    customer: customerView(order.customer),
    lineItems: order.lineItems,
    schedule: order.billing?.planChange ? null : (order.billing?.schedule ?? null),
    planChange: planChangeView(order),
    createMandate: order.createMandate,
    mandate: order.mandate,
    instruments: eligibleInstruments(merchant, order),
    preferredRail: order.preferredRail,
    upiChannelPolicy: merchant.upi.channelPolicy,
    enachLimits: enachLimits(merchant, money),
    language: order.language,
    expiresAt: order.expiresAt,
    serverNow: now.toISOString(),
    outcome: outcomeFor(order, attempt),
    attempt: attempt ? attemptView(order, attempt, merchant) : null,
    attemptsLeft: Math.max(0, MAX_ATTEMPTS_PER_ORDER - order.attempts.length),
    returnUrl: returnUrlFor(order, merchant, state, signReturn),
    cancelUrl: cancelUrlOf(order),
  }
}
