import type { CreateMandate, MandateTerms } from '../../contract/mandate'
import type { InstrumentKind } from '../../contract/instrument'
import type { Locale, LineItem } from '../../contract/session'
import type { OrderStatus } from '../../contract/status'

export interface Customer {
  id: string | null
  email: string | null
  phone: string | null
  firstName: string | null
  lastName: string | null
}

/** Where the order came from, so each dialect can answer in its own shape. */
export type OrderSource =
  | { dialect: 'juspay'; action: string; paymentPageClientId: string | null }
  | {
      dialect: 'checkout'
      sessionId: string
      clientSecret: string
      mode: 'payment' | 'subscription'
      cancelUrl: string | null
      raw: unknown
    }

/**
 * The one domain model every dialect maps into. Amounts are integer paise.
 * `fingerprint` is a canonical digest of the creating request, used to answer a repeated
 * merchant order id with the same order (same body) or an error (different body).
 */
export interface Order {
  id: string
  merchantId: string
  orderId: string
  fingerprint: string
  createdAt: string
  expiresAt: string
  amountMinor: number
  chargedTodayMinor: number
  currency: string
  customer: Customer
  description: string | null
  returnUrl: string | null
  udf: string[]
  metadata: Record<string, string>
  createMandate: CreateMandate | null
  mandate: MandateTerms | null
  paymentRules: unknown
  lineItems: LineItem[]
  preferredInstrument: InstrumentKind | null
  language: Locale | null
  clientAuthToken: string
  clientAuthTokenExpiresAt: string
  status: OrderStatus
  source: OrderSource
}

/** A session is open until it expires or reaches a final status. */
export function sessionState(order: Order, now: Date): 'open' | 'expired' | 'completed' {
  if (order.status !== 'NEW' && order.status !== 'PENDING_VBV' && order.status !== 'STARTED') return 'completed'
  return new Date(order.expiresAt).getTime() <= now.getTime() ? 'expired' : 'open'
}
