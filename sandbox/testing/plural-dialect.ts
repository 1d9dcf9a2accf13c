import * as z from 'zod'
import type { Body, TestSandbox } from './checkout-dialect'

export { buildTestApp } from './checkout-dialect'
export type { Body, TestSandbox }

export const PROCESS_PAYMENT = '/api/v1/upi/subscription/process/payment'

/**
 * The reference's sample body (docs/domain/plural.md#the-sample), for the demo merchant, its dates
 * moved to the test clock's day (FIXED_NOW, 10 March 2026 in India) and its e-mail placeholder filled.
 */
export const sampleBody = (overrides: Body = {}): Body => ({
  merchantId: 'demo_merchant',
  clientUniqueReference: 'Merchant_Plan_001',
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
    startDate: '2026-03-09 18:30:00',
    endDate: '2026-03-13 18:30:00',
  },
  quantity: 1,
  startDate: '2026-03-09 18:30:00',
  endDate: '2026-03-13 18:30:00',
  customerData: { firstName: 'Dhakshin', lastName: 'K', countryCode: '91', customerMobile: '9444600695', customerEmail: 'dhakshin@example.com' },
  autoDebit: true,
  upi_data: { vpa: 'dhakshin@okaxis' },
  payments: { amountLimit: 'M', debitDay: 1, debitRule: 'ON', blockFund: 'N' },
  ...overrides,
})

/** The sample with a catalogue plan (Plural-maintained) instead of the inline one. */
export const cataloguePlanBody = (planId: string, overrides: Body = {}): Body =>
  sampleBody({ plan: { planId, merchantMaintainedPlan: false }, payments: undefined, endDate: '2027-03-09 18:30:00', ...overrides })

export const pluralHeaders = (apiKey = 'demo_api_key'): Record<string, string> => ({
  authorization: `Bearer ${apiKey}`,
  'content-type': 'application/json',
})

export function postSubscription(s: TestSandbox, body: unknown, headers = pluralHeaders()): Promise<Response> {
  return Promise.resolve(s.app.request(PROCESS_PAYMENT, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }))
}

export function readSubscription(s: TestSandbox, id: string, apiKey = 'demo_api_key'): Promise<Response> {
  return Promise.resolve(s.app.request(`/api/v1/upi/subscription/${id}`, { headers: { authorization: `Bearer ${apiKey}` } }))
}

/** The success answer, strictly: a field added or renamed fails the tests that read it. */
export const Created = z.strictObject({
  response_code: z.literal('1'),
  response_message: z.literal('Transaction initiated'),
  merchant_order_id: z.string().regex(/^[1-9]\d{11}$/),
  order_id: z.int(),
  subscription_id: z.string().regex(/^v1-sub-[0-9a-f]{32}$/),
  plan_id: z.string(),
  payment_page_url: z.url(),
  upi_app_url: z.url(),
  upi_intent_link: z.string().startsWith('upi://mandate?').optional(),
})
export type Created = z.infer<typeof Created>

export async function readCreated(res: Response): Promise<Created> {
  return Created.parse(await res.json())
}

/** A refusal, strictly Plural's two fields. */
export const Refusal = z.strictObject({ response_code: z.int(), response_message: z.string() })

export async function readError(res: Response): Promise<z.infer<typeof Refusal>> {
  return Refusal.parse(await res.json())
}
