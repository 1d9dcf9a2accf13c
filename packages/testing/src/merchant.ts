import { randomBytes } from 'node:crypto'

/** The sandbox's demo merchant (README "Demo merchant"): the kit's defaults. */
export const DEMO_MERCHANT = { id: 'demo_merchant', apiKey: 'demo_api_key', responseKey: 'demo_response_key' } as const

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4000'

/** Where the sandbox is and who the tests act as. */
export interface SandboxConfig {
  /** The sandbox's origin, e.g. `http://127.0.0.1:4000`. */
  url: string
  merchantId: string
  apiKey: string
}

const fromEnv = (name: string): string | undefined => {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

/** `SANDBOX_URL`, `SANDBOX_MERCHANT_ID` and `SANDBOX_API_KEY`, each defaulting to the local sandbox's demo merchant. */
export function sandboxConfigFromEnv(): SandboxConfig {
  return {
    url: fromEnv('SANDBOX_URL') ?? DEFAULT_SANDBOX_URL,
    merchantId: fromEnv('SANDBOX_MERCHANT_ID') ?? DEMO_MERCHANT.id,
    apiKey: fromEnv('SANDBOX_API_KEY') ?? DEMO_MERCHANT.apiKey,
  }
}

/** HTTP Basic with the API key as user name and an empty password, as the Juspay dialect and the QA API take it. */
export const basicAuth = (apiKey: string): string => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`

/**
 * A fresh order id (under Juspay's 21 characters), so tests in parallel workers against one
 * sandbox never share an order.
 */
export const uniqueOrderId = (prefix = 'qa'): string => `${prefix}-${randomBytes(6).toString('hex')}`
