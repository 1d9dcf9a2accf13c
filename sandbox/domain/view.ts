import type { AttemptView } from '../../contract/attempt'
import type { NetbankingAttemptDetail } from '../../contract/enach'
import { MAX_ATTEMPTS_PER_ORDER } from '../../contract/attempt'
import type { SessionView } from '../../contract/session'
import { ORDER_STATUS_IDS, type OrderStatus } from '../../contract/status'
import type { Merchant } from '../merchants'
import type { Attempt, BankAttempt } from './attempt'
import { eligibleInstruments } from './instruments'
import { latestAttempt, sessionState, type Customer, type Order } from './order'
import { firstDebitDate } from './schedule'
import { upiUriParams } from './upi-params'

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

/** Where the simulated UPI app for an attempt lives (same origin as the page). */
export const simulatorPath = (attempt: Attempt): string => `/simulator/upi/${attempt.simulatorToken}`

/** Where the simulated bank / NPCI pages for a net banking attempt live (same origin as the page). */
export const bankPath = (attempt: Attempt): string => `/simulator/bank/${attempt.simulatorToken}`

/** The bank side of a net banking attempt; a plain payment has no account to show. */
function netbankingDetail(attempt: Attempt, bank: BankAttempt): NetbankingAttemptDetail {
  const account = bank.account
  return {
    bankCode: bank.bankCode,
    bankName: bank.bankName,
    authMode: bank.authMode,
    account: account ? { numberMasked: account.masked, ifsc: account.ifsc, accountType: account.accountType } : null,
    bankUrl: bankPath(attempt),
    stage: bank.stage,
    umrn: bank.umrn,
  }
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
  if (attempt.rail === 'netbanking' && attempt.bank) {
    return { ...common, rail: 'netbanking', netbanking: netbankingDetail(attempt, attempt.bank) }
  }
  return {
    ...common,
    rail: 'upi',
    channel: attempt.channel ?? 'intent',
    upi: {
      uri: upiUriParams(order, attempt, merchant),
      payerVpa: attempt.payerVpa,
      payerName: attempt.payerName,
      simulatorUrl: simulatorPath(attempt),
    },
  }
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
  return {
    status: order.status,
    statusId: ORDER_STATUS_IDS[order.status],
    mandateStatus: order.mandateStatus,
    mandateId: order.mandateId,
    completedAt: attempt.endedAt,
    firstDebitDate: firstDebit ? firstDebit.toISOString() : null,
  }
}

/** The one normalised view the page renders, whatever dialect created the order. */
/**
 * How the merchant's return_url carries the result: the order's dialect signs it
 * (docs/decisions/0009-dialect-owns-its-edge.md); the domain only decides when there is one.
 */
export type ReturnSigner = (returnUrl: string, order: Order, merchant: Merchant) => string

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
    createMandate: order.createMandate,
    mandate: order.mandate,
    instruments: eligibleInstruments({
      merchantInstruments: merchant.instruments,
      createMandate: order.createMandate,
      mandate: order.mandate,
      enachMaxMinor: Math.max(...Object.values(merchant.enachLimitsMinor)),
    }),
    preferredRail: order.preferredRail,
    upiChannelPolicy: merchant.upi.channelPolicy,
    enachLimits: merchant.instruments.includes('netbanking')
      ? {
          netbanking: money(merchant.enachLimitsMinor.netbanking),
          debit_card: money(merchant.enachLimitsMinor.debit_card),
          aadhaar: money(merchant.enachLimitsMinor.aadhaar),
        }
      : null,
    language: order.language,
    expiresAt: order.expiresAt,
    outcome: outcomeFor(order, attempt),
    attempt: attempt ? attemptView(order, attempt, merchant) : null,
    attemptsLeft: Math.max(0, MAX_ATTEMPTS_PER_ORDER - order.attempts.length),
    returnUrl: returnUrlFor(order, merchant, state, signReturn),
  }
}
