import { expect, type APIRequestContext } from '@playwright/test'
import { DEMO_MERCHANT, uniqueOrderId } from './merchant-api'

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
const DAY_MS = 24 * 3600 * 1000

/** `YYYY-MM-DD HH:mm:ss` in UTC for the start of today in India plus `days`: Plural's date format. */
export function pluralDate(days: number): string {
  const today = new Date(Date.now() + IST_OFFSET_MS).toISOString().slice(0, 10)
  const midnight = Date.parse(`${today}T00:00:00Z`) - IST_OFFSET_MS + days * DAY_MS
  return new Date(midnight).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * The reference page's sample body (docs/domain/plural.md#the-sample) with its placeholders filled:
 * the demo merchant's id, a fresh reference, today's dates in place of February 2023's (four days,
 * as the sample's), and an address where the page shows its e-mail obfuscation.
 */
export const pluralSample = (): Record<string, unknown> => ({
  merchantId: DEMO_MERCHANT.id,
  clientUniqueReference: uniqueOrderId('plural'),
  enableNotification: true,
  plan: {
    planId: '',
    merchantMaintainedPlan: false,
    merchantPlanId: 'merch007',
    merchantId: '3004',
    planName: 'MPPlanDayNT',
    planDescription: 'Merchant Maintained Plan feb 06 ',
    frequency: 1,
    frequencyType: 'Day',
    maxUsers: '100',
    notes: 'Sample message',
    amount: { value: 220, currency: 'INR' },
    maxLimitAmount: { value: 220, currency: 'INR' },
    trialPeriodInDays: 0,
    startDate: pluralDate(0),
    endDate: pluralDate(4),
  },
  quantity: 1,
  startDate: pluralDate(0),
  endDate: pluralDate(4),
  customerData: { firstName: 'Dhakshin', lastName: 'K', countryCode: '91', customerMobile: '9444600695', customerEmail: 'dhakshin@example.com' },
  autoDebit: true,
  upi_data: { vpa: 'dhakshin@okaxis' },
  payments: { amountLimit: 'M', debitDay: 1, debitRule: 'ON', blockFund: 'N' },
})

/** A subscription to one of the demo merchant's catalogue plans, for a year from today. */
export const cataloguePlanRequest = (planId: string, upi: Record<string, string>): Record<string, unknown> => ({
  merchantId: DEMO_MERCHANT.id,
  clientUniqueReference: uniqueOrderId('plural'),
  plan: { planId, merchantMaintainedPlan: false },
  startDate: pluralDate(0),
  endDate: pluralDate(365),
  customerData: { firstName: 'Asha', lastName: 'Verma', countryCode: '91', customerMobile: '9876543210', customerEmail: 'asha@example.com' },
  upi_data: upi,
})

export interface PluralCreated {
  response_code: string
  response_message: string
  merchant_order_id: string
  order_id: number
  subscription_id: string
  plan_id: string
  payment_page_url: string
  upi_app_url: string
  upi_intent_link?: string
}

/** The part of the status read the journeys check (amounts in paise, dates IST days). */
export interface PluralSubscription {
  subscription_id: string
  status: string
  plan_id: string
  mandate: { status: string | null; mandate_id: string | null }
  schedule: {
    today: { amount: { value: number }; refunded: boolean }
    trial_ends_on: string | null
    upcoming_debits: { date: string; amount: { value: number }; introductory: boolean }[]
  }
  max_limit_amount: { value: number }
}

const headers = { authorization: `Bearer ${DEMO_MERCHANT.apiKey}` }

/** The merchant's server speaking Plural's subscription API. */
export class PluralApi {
  constructor(private readonly request: APIRequestContext) {}

  async create(body: Record<string, unknown>): Promise<PluralCreated> {
    const res = await this.request.post('/api/v1/upi/subscription/process/payment', { headers, data: body })
    const answer = (await res.json()) as PluralCreated
    expect(res.status(), JSON.stringify(answer)).toBe(200)
    return answer
  }

  async read(subscriptionId: string): Promise<PluralSubscription> {
    const res = await this.request.get(`/api/v1/upi/subscription/${subscriptionId}`, { headers })
    expect(res.status()).toBe(200)
    return (await res.json()) as PluralSubscription
  }
}

/** The path of an absolute sandbox URL, so the browser stays on the test's base URL. */
export const pathOf = (url: string): string => new URL(url).pathname
