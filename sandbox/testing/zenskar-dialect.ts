import * as z from 'zod'
import { ZenskarError } from '../../contract/errors'
import type { Body, TestSandbox } from './checkout-dialect'

export { buildTestApp } from './checkout-dialect'
export type { Body, TestSandbox }

/** A plan checkout body for the demo merchant's monthly plan; override what a test is about. */
export const checkoutBody = (overrides: Body = {}): Body => ({
  plan_id: 'fit_monthly',
  customer_id: 'cust_42',
  success_url: 'https://shop.merchant.com/welcome',
  cancel_url: 'https://shop.merchant.com/plans',
  ...overrides,
})

export const zenskarHeaders = (apiKey = 'demo_api_key', extra: Record<string, string> = {}): Record<string, string> => ({
  'x-api-key': apiKey,
  'content-type': 'application/json',
  ...extra,
})

export function postCheckout(s: TestSandbox, body: unknown, path = '/checkouts', headers = zenskarHeaders()): Promise<Response> {
  return Promise.resolve(s.app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }))
}

const Invoice = z.strictObject({ total: z.number(), currency: z.literal('INR'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })

const Estimates = z.strictObject({
  current_invoice: Invoice.extend({
    authorisation: z.strictObject({ total: z.number(), currency: z.literal('INR'), refunded: z.literal(true) }).nullable(),
  }),
  next_invoice: Invoice.nullable(),
})

/** The checkout object, strictly: a field added or renamed fails the tests that read it. */
export const ZenskarCheckout = z.strictObject({
  id: z.uuid(),
  checkout_status: z.enum(['open', 'pending', 'payment_succeeded', 'contract_created', 'expired', 'cancelled', 'closed']),
  plan_id: z.string(),
  customer_id: z.string(),
  start_date: z.string(),
  end_date: z.string().nullable(),
  expires_at: z.iso.datetime(),
  success_url: z.string().nullable(),
  cancel_url: z.string().nullable(),
  product_overrides: z.array(z.strictObject({ product_id: z.string(), quantity: z.int().optional(), is_enabled: z.boolean().optional() })),
  contract_id: z.string().nullable(),
  url: z.url(),
  estimates: Estimates,
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
})
export type ZenskarCheckout = z.infer<typeof ZenskarCheckout>

export async function readCheckout(res: Response): Promise<ZenskarCheckout> {
  return ZenskarCheckout.parse(await res.json())
}

export async function readError(res: Response): Promise<ZenskarError['error']> {
  return ZenskarError.parse(await res.json()).error
}
