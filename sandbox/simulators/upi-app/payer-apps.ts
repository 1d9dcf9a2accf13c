import * as z from 'zod'

/** The UPI apps the simulator can pose as. Purely cosmetic: the name shown and the payer app recorded. */
export const PAYER_APPS = ['phonepe', 'gpay', 'paytm', 'bhim', 'cred', 'amazonpay', 'other'] as const
export type PayerApp = (typeof PAYER_APPS)[number]

export const DEFAULT_PAYER_APP: PayerApp = 'other'

interface PayerAppInfo {
  /** What the app bar shows; null for the generic app, which is named in the page's language. */
  name: string | null
  /** The PSP handle a customer of this app typically has (docs/domain/upi.md#vpa-syntax). */
  handle: string
}

const APPS: Record<PayerApp, PayerAppInfo> = {
  phonepe: { name: 'PhonePe', handle: 'ybl' },
  gpay: { name: 'Google Pay', handle: 'okaxis' },
  paytm: { name: 'Paytm', handle: 'paytm' },
  bhim: { name: 'BHIM', handle: 'upi' },
  cred: { name: 'CRED', handle: 'axl' },
  amazonpay: { name: 'Amazon Pay', handle: 'apl' },
  other: { name: null, handle: 'upi' },
}

const PayerAppParam = z.enum(PAYER_APPS)

/** The app named by a query or form value; anything unknown or missing is the generic app. */
export function parsePayerApp(value: unknown): PayerApp {
  const parsed = PayerAppParam.safeParse(typeof value === 'string' ? value.trim().toLowerCase() : value)
  return parsed.success ? parsed.data : DEFAULT_PAYER_APP
}

/** The app's brand, or `generic` ("UPI app" in the page's language) for the generic app. */
export const payerAppName = (app: PayerApp, generic: string): string => APPS[app].name ?? generic

/** The payer VPA offered for intent and QR, where the app (not the merchant) knows who pays. */
export const defaultPayerVpa = (app: PayerApp): string => `customer@${APPS[app].handle}`
